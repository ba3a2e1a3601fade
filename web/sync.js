// The offline queue. A check-in or a mood logged without a connection is kept in IndexedDB with
// the moment the user acted (client_time), shown at once as pending, and replayed exactly once
// when the connection returns: on start, on the `online` event, on Background Sync (the service
// worker passes it on) and when another tab asks. A Web Lock lets one tab replay at a time, and
// each tab reads the queue afresh inside it, so two tabs never send the same write; the server's
// client_time rule (an older write changes nothing) makes a replay harmless anyway. What needs no
// browser (pending marks, the order and batches of a replay, retry or refuse) is queue-order.js.
import * as api from "./api.js";
import * as store from "./store.js";
import * as offline from "./offline-store.js";
import { shortDate } from "./dates.js";
import { t, tn } from "./i18n.js";
import {
  batchItem, checkinBatches, clientTime, drawPending, keyOf, pendingCheckin, pendingKeyOf, reflectionsOf, retryLater,
  settle, waitingOf,
} from "./queue-order.js";

const LOCK = "orbit-sync";
const channel = "BroadcastChannel" in window ? new BroadcastChannel("orbit-sync") : null;

const pendingKeys = new Set(); // `${habitId}@${date}` and `mood@${date}` with a queued write
let servedOffline = false;
let replaying = null;
let started = false;

const isNetworkError = (error) => error?.code === "network_error";

async function queue(entry) {
  await offline.enqueue({ ...entry, user_id: store.user()?.id, client_time: clientTime() });
  pendingKeys.add(pendingKeyOf(entry));
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
  return { pending: true, checkin: pendingCheckin(habit, date, before, body) };
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
  for (const key of drawPending(day, await mine())) pendingKeys.add(key);
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
  const entries = waitingOf(await offline.queued(), store.user()?.id);
  if (!entries.length) return refreshKeys();
  let sent = 0;
  const items = []; // {date, item}: the server's Today items of the replayed writes, to draw
  const moods = []; // {date, reflection}: the replayed days' moods as the server now has them
  try {
    await api.restoreSession(); // a CSRF token (the app may have started offline without one)
    for (const chunk of checkinBatches(entries)) {
      const { results } = await api.replayCheckins(chunk.map(batchItem));
      chunk.forEach((entry, index) => {
        if (results[index]?.ok && results[index].today) items.push({ date: entry.date, item: results[index].today });
      });
      const { done, refused } = settle(chunk, results);
      for (const { entry, error } of refused) await refuse(entry, error);
      await offline.dequeue(done);
      sent += chunk.length;
    }
    for (const entry of reflectionsOf(entries)) {
      try {
        const { today } = await api.replayReflection(entry.date, { ...entry.body, client_time: entry.client_time });
        moods.push(today);
        await offline.dequeue([entry.id]);
      } catch (error) {
        if (retryLater(error)) throw error;
        await refuse(entry, error);
      }
      sent += 1;
    }
  } finally {
    await refreshKeys();
    if (sent) {
      servedOffline = false;
      channel?.postMessage("synced");
      window.dispatchEvent(new CustomEvent("orbit:synced", { detail: { items, moods } }));
    }
  }
  return undefined;
}

/** A write the server refused for good: kept, with the reason, until the user discards it. */
function refuse(entry, error) {
  return offline.updateQueued({ ...entry, refused: true, reason: offline.reasonOf(error) });
}

async function refreshKeys() {
  const entries = waitingOf(await offline.queued(), store.user()?.id);
  pendingKeys.clear();
  for (const entry of entries) pendingKeys.add(pendingKeyOf(entry));
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
  if (offlineNow) parts.push(t("Offline"));
  if (waiting) parts.push(tn("{n} change waiting to sync", "{n} changes waiting to sync", waiting));
  noteEl.textContent = parts.join(" · ");
  const children = parts.length ? [noteEl] : [];
  if (refused.length) children.push(refusedList(refused));
  statusEl.replaceChildren(...children);
  statusEl.hidden = !children.length;
}

function refusedList(entries) {
  const listEl = document.createElement("ul");
  listEl.className = "sync-refused";
  listEl.setAttribute("aria-label", t("Changes the server refused"));
  for (const entry of entries) {
    const itemEl = document.createElement("li");
    const textEl = document.createElement("span");
    // The habit's name as it was queued; a mood is named in the language on show.
    const what = entry.kind === "reflection" ? t("Mood") : entry.label;
    const date = shortDate(entry.date);
    // TRANSLATORS: a change made offline that the server refused; {reason} is the server's sentence.
    const reason = entry.reason || t("The server refused this change."); // apart: the extractor misses a nested call
    textEl.textContent = t("Not saved: {what}, {date}. {reason}", { what, date, reason });
    const discardEl = document.createElement("button");
    discardEl.type = "button";
    discardEl.className = "button ghost small";
    discardEl.textContent = t("Discard");
    discardEl.setAttribute("aria-label", t("Discard the change to {what} on {date}", { what, date }));
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
