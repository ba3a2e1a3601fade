// The offline queue's rules that need no browser (sync.js keeps the IndexedDB, network and DOM
// parts; tests/node/queue-order.test.mjs runs these in Node): when the user acted, which writes
// are waiting and how they are drawn before the server has judged them, in which order and
// batches they are replayed, and which failures are tried again later rather than refused.
// Entries are the queue's rows, oldest first: {id, kind: "checkin" | "reflection", op, habit_id,
// date, body, label, user_id, client_time, refused?, reason?}.

export const BATCH_MAX = 500; // POST /checkins/batch takes at most this many items

/** Now, as ISO 8601 with the device's offset ("2026-12-07T09:00:00.000+01:00"). */
export function clientTime(now = new Date()) {
  const offset = -now.getTimezoneOffset();
  const pad = (n) => String(Math.floor(n)).padStart(2, "0");
  const local = new Date(now.getTime() + offset * 60_000).toISOString().slice(0, 23);
  return `${local}${offset >= 0 ? "+" : "-"}${pad(Math.abs(offset) / 60)}:${pad(Math.abs(offset) % 60)}`;
}

/** The key a waiting write marks pending: `${habitId}@${date}`, or `mood@${date}`. */
export const keyOf = (habitId, date) => `${habitId}@${date}`;
export const pendingKeyOf = (entry) => (entry.kind === "reflection" ? `mood@${entry.date}` : keyOf(entry.habit_id, entry.date));

/** The writes of this user still to send (a refused one waits for the user, not the server). */
export function waitingOf(entries, userId) {
  return entries.filter((entry) => entry.user_id === userId && !entry.refused);
}

/** The check-in as the user changed it, before the server has judged it: the fields they gave
 * over the ones before, drawn as "Not synced yet" (whether it is done is the server's word). */
export function pendingCheckin(habit, date, before, body) {
  const base = before || { habit_id: habit.id, date, status: habit.kind === "quit" ? "slip" : "done", value: null, note: "" };
  const { done: _judged, ...fields } = base;
  return { ...fields, ...body, pending: true };
}

/** Draws the waiting writes of the day on GET /today's answer, in the order they were made (so
 * the newest of a habit's day is what shows), marked pending; changes `day` and returns the
 * pending keys it drew. */
export function drawPending(day, entries) {
  const keys = [];
  for (const entry of entries.filter((each) => !each.refused && each.date === day.date)) {
    if (entry.kind === "reflection") {
      day.reflection = { ...(day.reflection || { date: day.date, note: "" }), ...entry.body, pending: true };
      keys.push(`mood@${day.date}`);
      continue;
    }
    const item = [...day.habits, ...(day.later || [])].find((each) => each.habit.id === entry.habit_id);
    if (!item) continue;
    item.checkin = entry.op === "delete" ? null : pendingCheckin(item.habit, day.date, item.checkin, entry.body);
    item.pending = true;
    keys.push(keyOf(entry.habit_id, day.date));
  }
  return keys;
}

/** The check-ins to replay, in the order they were made, in batches of at most `max`; the
 * reflections go after them, one request each. */
export function checkinBatches(entries, max = BATCH_MAX) {
  const checkins = entries.filter((entry) => entry.kind === "checkin");
  const batches = [];
  for (let start = 0; start < checkins.length; start += max) batches.push(checkins.slice(start, start + max));
  return batches;
}

export const reflectionsOf = (entries) => entries.filter((entry) => entry.kind === "reflection");

/** One queued check-in as an item of POST /checkins/batch. */
export function batchItem(entry) {
  return { op: entry.op, habit_id: entry.habit_id, date: entry.date, client_time: entry.client_time, ...entry.body };
}

/** A batch's answer, item by item: the ids the server took (to dequeue) and the writes it refused
 * for good, with the error of each (an item with no result counts as refused). */
export function settle(batch, results) {
  return {
    done: batch.filter((_, index) => results[index]?.ok).map((entry) => entry.id),
    refused: batch.flatMap((entry, index) => (results[index]?.ok ? [] : [{ entry, error: results[index]?.error }])),
  };
}

/** True for a failure worth trying again later (no network, the session gone, the server busy or
 * failing); any other answer refuses the write for good. */
export function retryLater(error) {
  return error?.code === "network_error" || error.status >= 500 || error.status === 401 || error.status === 429;
}
