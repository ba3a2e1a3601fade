// web/queue-order.js: the offline queue's rules — when the user acted (client_time), which
// writes wait, how they are drawn on Today before the server judges them (the newest of a day
// wins), the order and batches of the replay, how a batch's answer settles each write, and which
// failures are tried again rather than refused. The device's zone is set before the module loads.
import { test } from "node:test";
import assert from "node:assert/strict";

process.env.TZ = "Europe/Berlin";
const {
  BATCH_MAX, batchItem, checkinBatches, clientTime, drawPending, keyOf, pendingCheckin, pendingKeyOf, reflectionsOf,
  retryLater, settle, waitingOf,
} = await import("../../web/queue-order.js");

const WALK = { id: 7, name: "Walk", kind: "build", measure: "check" };
const SMOKE = { id: 9, name: "Smoke", kind: "quit", measure: "count" };
const READ = { id: 11, name: "Read", kind: "build", measure: "count", unit: "pages" };

let nextId = 1;
function put(habit, date, body = {}, extra = {}) {
  return { id: nextId++, kind: "checkin", op: "put", habit_id: habit.id, date, body, label: habit.name, user_id: 1,
    client_time: "2026-12-07T09:00:00.000+01:00", ...extra };
}
const del = (habit, date, extra = {}) => put(habit, date, {}, { op: "delete", ...extra });
function mood(date, body, extra = {}) {
  return { id: nextId++, kind: "reflection", date, body, label: "Mood", user_id: 1, client_time: "2026-12-07T09:00:00.000+01:00", ...extra };
}

/** GET /today's answer for a day, with the server's judgement on each item. */
function today(date, checkins = {}) {
  return {
    date,
    habits: [WALK, SMOKE].map((habit) => ({ habit, checkin: checkins[habit.id] ?? null, done: false })),
    later: [{ habit: READ, checkin: null, done: false }],
    reflection: null,
  };
}

test("clientTime: the moment with the device's own offset, in winter and in summer", () => {
  assert.equal(clientTime(new Date("2026-12-07T08:00:00Z")), "2026-12-07T09:00:00.000+01:00");
  assert.equal(clientTime(new Date("2026-07-01T22:30:05.123Z")), "2026-07-02T00:30:05.123+02:00");
  // Either side of the clocks going back: the same wall-clock hour twice, told apart by offset.
  assert.equal(clientTime(new Date("2026-10-25T00:30:00Z")), "2026-10-25T02:30:00.000+02:00");
  assert.equal(clientTime(new Date("2026-10-25T01:30:00Z")), "2026-10-25T02:30:00.000+01:00");
  assert.equal(clientTime(new Date("2026-12-31T23:59:59.999Z")), "2027-01-01T00:59:59.999+01:00");
});

test("clientTime with offsets behind UTC and of half and three-quarter hours", (t) => {
  t.after(() => { process.env.TZ = "Europe/Berlin"; });
  const instant = new Date("2027-01-01T00:15:00Z");
  process.env.TZ = "America/St_Johns"; // -03:30 in winter
  assert.equal(clientTime(instant), "2026-12-31T20:45:00.000-03:30");
  process.env.TZ = "Asia/Kathmandu"; // +05:45
  assert.equal(clientTime(instant), "2027-01-01T06:00:00.000+05:45");
  process.env.TZ = "UTC";
  assert.equal(clientTime(instant), "2027-01-01T00:15:00.000+00:00");
  process.env.TZ = "Pacific/Pago_Pago"; // -11
  assert.equal(clientTime(instant), "2026-12-31T13:15:00.000-11:00");
  // The string names the same instant it was made from.
  for (const zone of ["America/St_Johns", "Asia/Kathmandu", "Pacific/Pago_Pago", "Pacific/Kiritimati"]) {
    process.env.TZ = zone;
    assert.equal(Date.parse(clientTime(instant)), instant.getTime(), zone);
  }
});

test("pending keys: a habit's day, or the day's mood", () => {
  assert.equal(keyOf(7, "2026-12-07"), "7@2026-12-07");
  assert.equal(pendingKeyOf(put(WALK, "2026-12-07")), "7@2026-12-07");
  assert.equal(pendingKeyOf(del(WALK, "2026-12-06")), "7@2026-12-06");
  assert.equal(pendingKeyOf(mood("2026-12-07", { mood: 4 })), "mood@2026-12-07");
});

test("waitingOf: this user's writes not refused, oldest first as queued", () => {
  const entries = [put(WALK, "2026-12-07"), put(WALK, "2026-12-07", {}, { user_id: 2 }),
    put(SMOKE, "2026-12-07", {}, { refused: true, reason: "No." }), mood("2026-12-07", { mood: 3 })];
  assert.deepEqual(waitingOf(entries, 1), [entries[0], entries[3]]);
  assert.deepEqual(waitingOf(entries, 2), [entries[1]]);
  assert.deepEqual(waitingOf(entries, undefined), [], "signed out: nobody's writes");
});

test("pendingCheckin: the user's fields over the check-in before, with no judgement of done", () => {
  assert.deepEqual(pendingCheckin(WALK, "2026-12-07", null, {}),
    { habit_id: 7, date: "2026-12-07", status: "done", value: null, note: "", pending: true });
  assert.deepEqual(pendingCheckin(SMOKE, "2026-12-07", null, { value: 2 }),
    { habit_id: 9, date: "2026-12-07", status: "slip", value: 2, note: "", pending: true });
  const before = { habit_id: 11, date: "2026-12-06", status: "done", value: 12, note: "Chapter 3", done: true };
  assert.deepEqual(pendingCheckin(READ, "2026-12-06", before, { value: 20 }),
    { habit_id: 11, date: "2026-12-06", status: "done", value: 20, note: "Chapter 3", pending: true });
  assert.equal(pendingCheckin(WALK, "2026-12-07", null, { status: "skip" }).status, "skip");
  assert.equal(before.value, 12, "the check-in before is not changed");
});

test("drawPending: the day's waiting writes drawn in order, the newest of a habit's day showing", () => {
  const day = today("2026-12-07");
  const keys = drawPending(day, [
    put(WALK, "2026-12-07", { status: "done" }),
    put(WALK, "2026-12-07", { status: "skip" }), // the user changed their mind: skip shows
    put(SMOKE, "2026-12-07", { value: 1 }),
    put(SMOKE, "2026-12-07", { value: 3 }), // a later count over the earlier one
  ]);
  assert.equal(day.habits[0].checkin.status, "skip");
  assert.equal(day.habits[0].pending, true);
  assert.equal(day.habits[0].done, false, "done stays the server's word");
  assert.deepEqual(day.habits[1].checkin, { habit_id: 9, date: "2026-12-07", status: "slip", value: 3, note: "", pending: true });
  assert.deepEqual(keys, ["7@2026-12-07", "7@2026-12-07", "9@2026-12-07", "9@2026-12-07"]);
});

test("drawPending: a delete clears the day's check-in, and a put after it starts afresh", () => {
  const logged = { habit_id: 7, date: "2026-12-07", status: "done", value: null, note: "Long one", done: true };
  const cleared = today("2026-12-07", { 7: logged });
  drawPending(cleared, [del(WALK, "2026-12-07")]);
  assert.equal(cleared.habits[0].checkin, null);
  assert.equal(cleared.habits[0].pending, true);

  const again = today("2026-12-07", { 7: logged });
  drawPending(again, [del(WALK, "2026-12-07"), put(WALK, "2026-12-07", { status: "skip" })]);
  assert.deepEqual(again.habits[0].checkin,
    { habit_id: 7, date: "2026-12-07", status: "skip", value: null, note: "", pending: true }, "the note went with the delete");

  const undone = today("2026-12-07", { 7: logged });
  drawPending(undone, [put(WALK, "2026-12-07", { note: "Short" }), del(WALK, "2026-12-07")]);
  assert.equal(undone.habits[0].checkin, null, "an undo queued after the tap wins");
});

test("drawPending: only this day's writes, not refused ones, and habits that start later too", () => {
  const day = today("2026-12-07");
  const keys = drawPending(day, [
    put(WALK, "2026-12-06", { status: "skip" }), // another day
    put(SMOKE, "2026-12-07", { value: 5 }, { refused: true, reason: "Too many." }),
    put(READ, "2026-12-07", { value: 4 }), // in `later`
    put({ id: 99 }, "2026-12-07"), // a habit not on this day's screen
  ]);
  assert.equal(day.habits[0].checkin, null);
  assert.equal(day.habits[0].pending, undefined);
  assert.equal(day.habits[1].checkin, null);
  assert.equal(day.later[0].checkin.value, 4);
  assert.deepEqual(keys, ["11@2026-12-07"]);
  const noLater = { ...today("2026-12-07"), later: undefined };
  assert.deepEqual(drawPending(noLater, [put(READ, "2026-12-07")]), []);
});

test("drawPending: a mood waiting is drawn over the day's reflection", () => {
  const day = today("2026-12-07");
  day.reflection = { date: "2026-12-07", mood: 2, note: "Tired" };
  const keys = drawPending(day, [mood("2026-12-07", { mood: 4 }), mood("2026-12-07", { note: "Better" })]);
  assert.deepEqual(day.reflection, { date: "2026-12-07", mood: 4, note: "Better", pending: true });
  assert.deepEqual(keys, ["mood@2026-12-07", "mood@2026-12-07"]);
  const none = today("2026-12-08");
  drawPending(none, [mood("2026-12-08", { mood: 5 })]);
  assert.deepEqual(none.reflection, { date: "2026-12-08", note: "", mood: 5, pending: true });
});

test("checkinBatches: check-ins in the order made, in batches of at most 500; moods apart", () => {
  assert.equal(BATCH_MAX, 500);
  const entries = [];
  for (let index = 0; index < 1001; index += 1) entries.push(put(WALK, "2026-12-07", { value: index }));
  entries.splice(3, 0, mood("2026-12-07", { mood: 1 }));
  entries.push(mood("2026-12-06", { mood: 2 }));
  const batches = checkinBatches(entries);
  assert.deepEqual(batches.map((batch) => batch.length), [500, 500, 1]);
  assert.deepEqual(batches.flat().map((entry) => entry.body.value), [...Array(1001).keys()]);
  assert.deepEqual(reflectionsOf(entries).map((entry) => entry.body.mood), [1, 2]);
  assert.deepEqual(checkinBatches(entries.slice(0, 3), 2).map((batch) => batch.length), [2, 1]);
  assert.equal(checkinBatches([put(WALK, "2026-12-07")], 500).length, 1);
  assert.deepEqual(checkinBatches([mood("2026-12-07", {})]), []);
  assert.deepEqual(checkinBatches([]), []);
});

test("batchItem: the queued write as POST /checkins/batch takes it, with when the user acted", () => {
  const entry = put(READ, "2026-12-06", { value: 20, note: "Ch. 4" }, { client_time: "2026-12-06T22:10:00.000+01:00" });
  assert.deepEqual(batchItem(entry),
    { op: "put", habit_id: 11, date: "2026-12-06", client_time: "2026-12-06T22:10:00.000+01:00", value: 20, note: "Ch. 4" });
  assert.deepEqual(batchItem(del(WALK, "2026-12-07")),
    { op: "delete", habit_id: 7, date: "2026-12-07", client_time: "2026-12-07T09:00:00.000+01:00" });
});

test("settle: the ids the server took, and each refused write with its own error", () => {
  const batch = [put(WALK, "2026-12-07"), put(SMOKE, "2026-12-07"), put(READ, "2026-12-07"), put(WALK, "2026-12-06")];
  const gone = { code: "not_found", message: "Nothing was found at this address." };
  const invalid = { code: "validation_error", fields: { value: ["Too big."] } };
  const { done, refused } = settle(batch, [{ ok: true }, { ok: false, error: gone }, { ok: true }, { ok: false, error: invalid }]);
  assert.deepEqual(done, [batch[0].id, batch[2].id]);
  assert.deepEqual(refused, [{ entry: batch[1], error: gone }, { entry: batch[3], error: invalid }]);
  const short = settle(batch.slice(0, 2), [{ ok: true }]); // an answer missing an item
  assert.deepEqual(short.done, [batch[0].id]);
  assert.deepEqual(short.refused, [{ entry: batch[1], error: undefined }]);
});

test("retryLater: no network, signed out, rate-limited or server trouble wait; the rest is refused", () => {
  for (const error of [{ code: "network_error" }, { status: 500 }, { status: 502 }, { status: 503 }, { status: 401 }, { status: 429 }]) {
    assert.equal(retryLater(error), true, JSON.stringify(error));
  }
  for (const error of [{ status: 400 }, { status: 403 }, { status: 404 }, { status: 409 }, { status: 413 }, { status: 422 }, {}]) {
    assert.equal(retryLater(error), false, JSON.stringify(error));
  }
});
