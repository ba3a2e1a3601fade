// The offline queue. A check-in or a mood logged without a connection is kept in IndexedDB with
// the moment the user acted (client_time), shown at once as pending, and replayed exactly once
// when the connection returns: on start, on the `online` event, on Background Sync (the service
// worker passes it on) and when another tab asks. A Web Lock lets one tab replay at a time, and
// each tab reads the queue afresh inside it, so two tabs never send the same write; the server's
// client_time rule (an older write changes nothing) makes a replay harmless anyway.
import * as api from "./api.js";
import * as store from "./store.js";
import * as offline from "./offline-store.js";

const LOCK = "orbit-sync";
const BATCH_MAX = 500;
const channel = "BroadcastChannel" in window ? new BroadcastChannel("orbit-sync") : null;

const pendingKeys = new Set(); // `${habitId}@${date}` and `mood@${date}` with a queued write
let servedOffline = false;
let replaying = null;
let started = false;

const keyOf = (habitId, date) => `${habitId}@${date}`;
const isNetworkError = (error) => error?.code === "network_error";

/** Now, as ISO 8601 with the device's offset ("2026-12-07T09:00:00.000+01:00"). */
export function clientTime(now = new Date()) {
  const offset = -now.getTimezoneOffset();
  const pad = (n) => String(Math.floor(n)).padStart(2, "0");
  const local = new Date(now.getTime() + offset * 60_000).toISOString().slice(0, 23);
  return `${local}${offset >= 0 ? "+" : "-"}${pad(Math.abs(offset) / 60)}:${pad(Math.abs(offset) % 60)}`;
}

/** The check-in as the user changed it, before the server has judged it: the fields they gave
 * over the ones before, drawn as "Not synced yet" (whether it is done is the server's word). */
function changed(habit, date, before, body) {
  const base = before || { habit_id: habit.id, date, status: habit.kind === "quit" ? "slip" : "done", value: null, note: "" };
  const { done: _judged, ...fields } = base;
  return { ...fields, ...body, pending: true };
}

async function queue(entry) {
  await offline.enqueue({ ...entry, user_id: store.user()?.id, client_time: clientTime() });
  pendingKeys.add(entry.kind === "reflection" ? `mood@${entry.date}` : keyOf(entry.habit_id, entry.date));
  registerBackgroundSync();
  paintStatus();
}

/** PUT a check-in, or queue it when there is no network. The habit's Today item of the day as
 * the server answered it, or, queued, {pending: true, checkin} with the change the user made. */
export async function logCheckin(habit, date, body, before) {
  try {
    if (navigator.onLine) return (await api.putCheckin(habit.id, date, body)).today;
  } catch (error) {
    if (!isNetworkError(error)) throw error;
  }
  await queue({ kind: "checkin", op: "put", habit_id: habit.id, date, body, label: habit.name });
  return { pending: true, checkin: changed(habit, date, before, body) };
}

/** DELETE a check-in (undo, clear), or queue it when there is no network; answers as logCheckin. */
export async function clearCheckin(habit, date) {
  try {
    if (navigator.onLine) return (await api.deleteCheckin(habit.id, date)).today;
  } catch (error) {
    if (!isNetworkError(error)) throw error;
  }
  await queue({ kind: "checkin", op: "delete", habit_id: habit.id, date, body: {}, label: habit.name });
  return { pending: true, checkin: null };
}

/** PUT a day's reflection (mood, note), or queue it; the reflection as it now stands. */
export async function saveReflection(date, body, before) {
  try {
    if (navigator.onLine) return await api.putReflection(date, body);
  } catch (error) {
    if (!isNetworkError(error)) throw error;
  }
  await queue({ kind: "reflection", date, body, label: "Mood" });
  return { ...(before || { date, note: "" }), ...body, pending: true };
}

/** True when a write to this habit's day (or, with habitId "mood", this day's mood) waits. */
export function isPending(habitId, date) {
  return habitId === "mood" ? pendingKeys.has(`mood@${date}`) : pendingKeys.has(keyOf(habitId, date));
}

async function mine() {
  const userId = store.user()?.id;
  return (await offline.queued()).filter((entry) => entry.user_id === userId);
}

/** GET /today's answer with the queued writes of its day drawn on it, marked pending (the
 * server's items replace them once replayed). */
export async function withPending(day) {
  const entries = (await mine()).filter((entry) => !entry.refused && entry.date === day.date);
  for (const entry of entries) {
    if (entry.kind === "reflection") {
      day.reflection = { ...(day.reflection || { date: day.date, note: "" }), ...entry.body, pending: true };
      pendingKeys.add(`mood@${day.date}`);
      continue;
    }
    const item = [...day.habits, ...(day.later || [])].find((each) => each.habit.id === entry.habit_id);
    if (!item) continue;
    item.checkin = entry.op === "delete" ? null : changed(item.habit, day.date, item.checkin, entry.body);
    item.pending = true;
    pendingKeys.add(keyOf(entry.habit_id, day.date));
  }
  return day;
}

/** Replays the queue (once per tab at a time, and one tab at a time). */
export function replay() {
  if (!replaying) {
    const run = navigator.locks ? navigator.locks.request(LOCK, flush) : flush();
    replaying = run.catch(() => undefined).finally(() => { replaying = null; });
  }
  return replaying;
}

async function flush() {
  if (!store.user() || !navigator.onLine) return;
  // Read inside the lock: what another tab replayed before is gone from the queue by now.
  const entries = (await mine()).filter((entry) => !entry.refused);
  if (!entries.length) return refreshKeys();
  let sent = 0;
  try {
    await api.restoreSession(); // a CSRF token (the app may have started offline without one)
    const checkins = entries.filter((entry) => entry.kind === "checkin");
    for (let start = 0; start < checkins.length; start += BATCH_MAX) {
      const chunk = checkins.slice(start, start + BATCH_MAX);
      const { results } = await api.replayCheckins(chunk.map((entry) => ({
        op: entry.op, habit_id: entry.habit_id, date: entry.date, client_time: entry.client_time, ...entry.body })));
      const refused = chunk.filter((_, index) => !results[index]?.ok);
      for (const entry of refused) await refuse(entry, results[chunk.indexOf(entry)]?.error);
      await offline.dequeue(chunk.filter((_, index) => results[index]?.ok).map((entry) => entry.id));
      sent += chunk.length;
    }
    for (const entry of entries.filter((each) => each.kind === "reflection")) {
      try {
        await api.putReflection(entry.date, { ...entry.body, client_time: entry.client_time });
        await offline.dequeue([entry.id]);
      } catch (error) {
        if (isNetworkError(error) || error.status >= 500 || error.status === 401 || error.status === 429) throw error;
        await refuse(entry, error);
      }
      sent += 1;
    }
  } finally {
    await refreshKeys();
    if (sent) {
      servedOffline = false;
      channel?.postMessage("synced");
      window.dispatchEvent(new CustomEvent("orbit:synced"));
    }
  }
  return undefined;
}

/** A write the server refused for good: kept, with the reason, until the user discards it. */
function refuse(entry, error) {
  return offline.updateQueued({ ...entry, refused: true, reason: offline.reasonOf(error) });
}

async function refreshKeys() {
  const entries = (await mine()).filter((entry) => !entry.refused);
  pendingKeys.clear();
  for (const entry of entries) {
    pendingKeys.add(entry.kind === "reflection" ? `mood@${entry.date}` : keyOf(entry.habit_id, entry.date));
  }
  paintStatus();
}

function registerBackgroundSync() {
  navigator.serviceWorker?.ready.then((registration) => registration.sync?.register(LOCK)).catch(() => undefined);
}

/** Draws #sync-status: a discreet "Offline" note, what waits, and each refused write with its
 * reason and a Discard button. */
async function paintStatus() {
  const statusEl = document.getElementById("sync-status");
  if (!statusEl) return;
  const entries = await mine();
  const waiting = entries.filter((entry) => !entry.refused).length;
  const refused = entries.filter((entry) => entry.refused);
  const offlineNow = !navigator.onLine || servedOffline;
  const noteEl = document.createElement("p");
  noteEl.className = "sync-note";
  const parts = [];
  if (offlineNow) parts.push("Offline");
  if (waiting) parts.push(`${waiting} ${waiting === 1 ? "change" : "changes"} waiting to sync`);
  noteEl.textContent = parts.join(" · ");
  const children = parts.length ? [noteEl] : [];
  if (refused.length) children.push(refusedList(refused));
  statusEl.replaceChildren(...children);
  statusEl.hidden = !children.length;
}

function refusedList(entries) {
  const listEl = document.createElement("ul");
  listEl.className = "sync-refused";
  listEl.setAttribute("aria-label", "Changes the server refused");
  for (const entry of entries) {
    const itemEl = document.createElement("li");
    const textEl = document.createElement("span");
    textEl.textContent = `Not saved: ${entry.label}, ${entry.date}. ${entry.reason}`;
    const discardEl = document.createElement("button");
    discardEl.type = "button";
    discardEl.className = "button ghost small";
    discardEl.textContent = "Discard";
    discardEl.setAttribute("aria-label", `Discard the change to ${entry.label} on ${entry.date}`);
    discardEl.addEventListener("click", async () => {
      await offline.dequeue([entry.id]);
      channel?.postMessage("changed");
      paintStatus();
    });
    itemEl.append(textEl, discardEl);
    listEl.append(itemEl);
  }
  return listEl;
}

/** Starts replaying: now, when the connection returns, and when the service worker or another
 * tab says so. Called once the user is known. */
export function startSync() {
  if (started) return;
  started = true;
  window.addEventListener("online", () => { servedOffline = false; paintStatus(); replay(); });
  window.addEventListener("offline", paintStatus);
  window.addEventListener("orbit:offline", () => { servedOffline = true; paintStatus(); });
  navigator.serviceWorker?.addEventListener("message", (event) => {
    if (event.data === "orbit:sync") replay();
  });
  channel?.addEventListener("message", (event) => {
    refreshKeys();
    if (event.data === "synced") window.dispatchEvent(new CustomEvent("orbit:synced"));
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") replay();
  });
  refreshKeys();
  replay();
}
