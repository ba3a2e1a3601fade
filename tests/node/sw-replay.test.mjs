// The service worker's replay of the offline queue (web/sw-replay.js, with web/queue-db.js), run
// in a context of its own as the worker runs it (importScripts: plain scripts sharing `self`),
// with the network and the queue's IndexedDB given by the test. It must replay as the page does
// (web/queue-order.js): the signed-in user's writes only, check-ins first in batches of 500 as
// POST /checkins/batch items, then each mood; refused writes kept with their reason; a failure
// worth trying again rejects, so that Background Sync fires again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { batchItem, BATCH_MAX } from "../../web/queue-order.js";

const source = (name) => readFileSync(new URL(`../../web/${name}`, import.meta.url), "utf8");
const QUEUE_DB = source("queue-db.js");
const SW_REPLAY = source("sw-replay.js");
const plain = (value) => JSON.parse(JSON.stringify(value)); // objects of the worker's realm, compared here

/** A worker: `answer(method, path, body)` gives {status, json} or throws (no network); the queue
 * is an array of rows; `tabs` the open windows. */
function worker({ queue = [], tabs = [], answer, locks = true }) {
  const calls = [];
  const lockNames = [];
  const self = {
    clients: { matchAll: async (options) => { assert.deepEqual(plain(options), { type: "window" }); return tabs; } },
    navigator: locks ? { locks: { request: async (name, work) => { lockNames.push(name); return work(); } } } : {},
  };
  async function fetch(url, init) {
    const body = init.body === undefined ? undefined : JSON.parse(init.body);
    calls.push({ method: init.method, url, headers: plain(init.headers), body });
    const path = url.replace(/^\/api\/v1/, "");
    const { status = 200, json = null } = await answer(init.method, path, body);
    return { status, ok: status < 300, statusText: `status ${status}`, json: async () => json };
  }
  const context = vm.createContext({ self, fetch, console });
  vm.runInContext(QUEUE_DB, context, { filename: "queue-db.js" });
  vm.runInContext(SW_REPLAY, context, { filename: "sw-replay.js" });
  const rows = [...queue];
  const db = self.orbitDb;
  // The queue's IndexedDB, in memory; reasonOf stays queue-db.js's own.
  db.queued = async () => rows.map((row) => ({ ...row }));
  db.dequeue = async (ids) => { for (const id of ids) rows.splice(rows.findIndex((row) => row.id === id), 1); };
  db.updateQueued = async (entry) => { rows[rows.findIndex((row) => row.id === entry.id)] = plain(entry); };
  return { run: () => vm.runInContext("replayOrPassOn()", context), calls, rows, lockNames, db };
}

const ME = { id: 1 };
let nextId = 1;
const checkin = (user_id, date, body = {}, extra = {}) => ({ id: nextId++, kind: "checkin", op: "put", habit_id: 7, date, body,
  label: "Walk", user_id, client_time: `${date}T08:00:00.000+01:00`, ...extra });
const reflection = (user_id, date, body) => ({ id: nextId++, kind: "reflection", date, body, label: "Mood", user_id,
  client_time: `${date}T21:00:00.000+01:00` });

/** The server: /me, /auth/csrf, and batches that take every item unless `refuse(item)`. */
function server({ refuse = () => null, reflections = () => ({ status: 200, json: {} }) } = {}) {
  return async (method, path, body) => {
    if (path === "/me") return { json: ME };
    if (path === "/auth/csrf") return { json: { csrf_token: "t0ken" } };
    if (path === "/checkins/batch") {
      return { json: { results: body.items.map((item) => (refuse(item) ? { ok: false, error: refuse(item) } : { ok: true })) } };
    }
    if (method === "PUT" && path.startsWith("/reflections/")) return reflections(path, body);
    throw new Error(`unexpected ${method} ${path}`);
  };
}

test("with a tab open, the worker passes the sync on and sends nothing", async () => {
  const posted = [];
  const tabs = [{ postMessage: (message) => posted.push(message) }, { postMessage: (message) => posted.push(message) }];
  const sw = worker({ tabs, queue: [checkin(1, "2026-12-07")], answer: server() });
  await sw.run();
  assert.deepEqual(posted, ["orbit:sync", "orbit:sync"]);
  assert.equal(sw.calls.length, 0);
  assert.equal(sw.rows.length, 1);
});

test("with no tab, it replays under the tabs' lock: this user's writes only, check-ins then moods", async () => {
  const mine = [checkin(1, "2026-12-06", { status: "done" }), reflection(1, "2026-12-06", { mood: 3 }),
    checkin(1, "2026-12-07", { value: 2 })];
  const theirs = checkin(2, "2026-12-07");
  const refused = checkin(1, "2026-12-05", {}, { refused: true, reason: "Gone." });
  const sw = worker({ queue: [mine[0], theirs, mine[1], refused, mine[2]], answer: server() });
  await sw.run();
  assert.deepEqual(sw.lockNames, ["orbit-sync"]);
  assert.deepEqual(sw.calls.map((call) => `${call.method} ${call.url}`),
    ["GET /api/v1/me", "GET /api/v1/auth/csrf", "POST /api/v1/checkins/batch", "PUT /api/v1/reflections/2026-12-06"]);
  const [, , batch, mood] = sw.calls;
  assert.equal(batch.headers["X-CSRF-Token"], "t0ken");
  // The same items, in the same order, as the page's replay sends.
  assert.deepEqual(batch.body, { items: [batchItem(mine[0]), batchItem(mine[2])] });
  assert.deepEqual(mood.body, { mood: 3, client_time: "2026-12-06T21:00:00.000+01:00" });
  assert.deepEqual(sw.rows.map((row) => row.id), [theirs.id, refused.id], "what was sent is gone; the rest stays");
});

test("nothing of this user's to send: no CSRF token is asked for", async () => {
  const sw = worker({ queue: [checkin(2, "2026-12-07")], answer: server() });
  await sw.run();
  assert.deepEqual(sw.calls.map((call) => call.url), ["/api/v1/me"]);
});

test("without Web Locks it replays all the same", async () => {
  const sw = worker({ locks: false, queue: [checkin(1, "2026-12-07")], answer: server() });
  await sw.run();
  assert.equal(sw.rows.length, 0);
  assert.deepEqual(sw.lockNames, []);
});

test("1201 check-ins go in batches of 500, 500 and 201, in the order made", async () => {
  assert.equal(BATCH_MAX, 500);
  const queue = Array.from({ length: 1201 }, (_, index) => checkin(1, "2026-12-07", { value: index }));
  const sw = worker({ queue, answer: server() });
  await sw.run();
  const batches = sw.calls.filter((call) => call.url.endsWith("/checkins/batch"));
  assert.deepEqual(batches.map((call) => call.body.items.length), [500, 500, 201]);
  assert.deepEqual(batches.flatMap((call) => call.body.items.map((item) => item.value)), [...Array(1201).keys()]);
  assert.equal(sw.rows.length, 0);
});

test("a check-in the server refuses stays, marked with the reason in words", async () => {
  const kept = checkin(1, "2026-12-07", { value: 999 });
  const unknown = checkin(1, "2026-12-06", {}, { habit_id: 8 });
  const taken = checkin(1, "2026-12-05");
  const sw = worker({
    queue: [kept, unknown, taken],
    answer: server({ refuse: (item) => {
      if (item.value === 999) return { code: "validation_error", message: "", fields: { value: ["Too big.", "Really."] } };
      if (item.habit_id === 8) return { code: "not_found", message: "Nothing was found at this address." };
      return null;
    } }),
  });
  await sw.run();
  assert.deepEqual(sw.rows.map((row) => [row.id, row.refused, row.reason]),
    [[kept.id, true, "Too big. Really."], [unknown.id, true, "Nothing was found at this address."]]);
});

test("a mood refused for good is kept with its reason; a busy server or a lost session rejects", async () => {
  const refusedMood = reflection(1, "2026-12-07", { mood: 9 });
  const sw = worker({ queue: [refusedMood], answer: server({ reflections: () => ({ status: 422,
    json: { error: { code: "validation_error", message: "Some fields are not valid; see `fields`.", fields: { mood: ["Must be 1 to 5."] } } } }) }) });
  await sw.run();
  assert.equal(sw.rows[0].refused, true);
  assert.equal(sw.rows[0].reason, "Some fields are not valid; see `fields`.");

  for (const status of [401, 429, 500, 503]) {
    const waiting = reflection(1, "2026-12-07", { mood: 4 });
    const busy = worker({ queue: [waiting], answer: server({ reflections: () => ({ status, json: { error: { message: "Wait." } } }) }) });
    await assert.rejects(busy.run(), (error) => error.status === status, String(status));
    assert.deepEqual(busy.rows.map((row) => [row.id, row.refused]), [[waiting.id, undefined]], String(status));
  }
});

test("no network: the replay rejects and the queue is as it was", async () => {
  const queue = [checkin(1, "2026-12-07"), reflection(1, "2026-12-07", { mood: 2 })];
  const sw = worker({ queue, answer: async (method, path) => {
    if (path === "/me") return { json: ME };
    throw new TypeError("Failed to fetch");
  } });
  await assert.rejects(sw.run(), TypeError);
  assert.deepEqual(sw.rows.map((row) => row.id), queue.map((row) => row.id));
});

test("reasonOf: the server's message, else its fields' words, else nothing (the page words it: sync.js)", () => {
  const { db } = worker({ answer: server() });
  assert.equal(db.reasonOf({ message: "Unknown habit." }), "Unknown habit.");
  assert.equal(db.reasonOf({ message: "", fields: { value: ["Too big."], note: ["Too long.", "Really."] } }), "Too big. Too long. Really.");
  assert.equal(db.reasonOf({ message: "", fields: {} }), "");
  assert.equal(db.reasonOf(undefined), "");
  assert.equal(db.reasonOf(null), "");
});
