// web/undo-stack.js: Today's Undo is a stack, so that n changes followed by n Undos put every
// record back as it was, newest first, each toast naming the change still standing before it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { undoStack } from "../../web/undo-stack.js";

/** A record and the changes made to it, each with the undo that puts back the value before. */
function pages() {
  const record = { value: 3, note: "Chapter 1" };
  const stack = undoStack();
  const change = (fields) => {
    const before = { ...record };
    Object.assign(record, fields);
    stack.push(`Logged ${record.value} pages`, async () => { Object.assign(record, before); });
  };
  return { record, stack, change };
}

test("n changes then n Undos put the record back exactly, newest first", async () => {
  const { record, stack, change } = pages();
  change({ value: 4 });
  change({ value: 5, note: "" });
  change({ value: 6 });
  assert.equal(await stack.undoNewest(), "Logged 5 pages", "the toast names the change before");
  assert.deepEqual(record, { value: 5, note: "" });
  assert.equal(await stack.undoNewest(), "Logged 4 pages");
  assert.deepEqual(record, { value: 4, note: "Chapter 1" });
  assert.equal(await stack.undoNewest(), null, "none left before it");
  assert.deepEqual(record, { value: 3, note: "Chapter 1" });
  assert.equal(await stack.undoNewest(), undefined, "nothing more to undo");
  assert.deepEqual(record, { value: 3, note: "Chapter 1" });
});

test("a change made after an Undo is the next one undone", async () => {
  const { record, stack, change } = pages();
  change({ value: 4 });
  change({ value: 5 });
  await stack.undoNewest();
  change({ value: 10 });
  assert.equal(await stack.undoNewest(), "Logged 4 pages");
  assert.equal(record.value, 4);
});

test("a failed undo rejects and is not offered again; the one before it still is", async () => {
  const stack = undoStack();
  const done = [];
  stack.push("First", async () => { done.push("first"); });
  stack.push("Second", async () => { throw Object.assign(new Error("Offline"), { code: "network_error" }); });
  await assert.rejects(stack.undoNewest(), /Offline/);
  assert.equal(await stack.undoNewest(), null);
  assert.deepEqual(done, ["first"]);
});

test("two quick Undos undo two different changes, each once", async () => {
  const stack = undoStack();
  const done = [];
  let release;
  const slow = new Promise((resolve) => { release = resolve; });
  stack.push("First", async () => { done.push("first"); });
  stack.push("Second", async () => { await slow; done.push("second"); });
  const newest = stack.undoNewest(); // still waiting for the server
  const older = stack.undoNewest();
  release();
  assert.deepEqual(await Promise.all([newest, older]), [null, null]);
  assert.deepEqual(done.sort(), ["first", "second"]);
  assert.equal(await stack.undoNewest(), undefined);
});

test("clear forgets every change (the screen changed)", async () => {
  const { record, stack, change } = pages();
  change({ value: 4 });
  change({ value: 5 });
  stack.clear();
  assert.equal(await stack.undoNewest(), undefined);
  assert.equal(record.value, 5);
});

test("each stack is its own", async () => {
  const one = undoStack();
  const two = undoStack();
  one.push("One", async () => {});
  assert.equal(await two.undoNewest(), undefined);
  assert.equal(await one.undoNewest(), null);
});
