// Loaded by the service worker (importScripts, after queue-db.js): Background Sync's replay of the
// offline queue. With a tab of the app open, the tab replays (sync.js: it holds the session's
// CSRF token and redraws what it shows). With none open (the phone's app closed while offline),
// the worker replays the queue itself, under the same Web Lock as the tabs, as the signed-in user
// (the session cookie goes with these requests) and only that user's writes.

const SYNC_LOCK = "orbit-sync";
const REPLAY_BATCH_MAX = 500;

/** The `sync` event's work: pass it on to the open tabs, or replay here. */
async function replayOrPassOn() {
  const tabs = await self.clients.matchAll({ type: "window" });
  if (tabs.length) {
    tabs.forEach((tab) => tab.postMessage("orbit:sync"));
    return undefined;
  }
  return self.navigator.locks ? self.navigator.locks.request(SYNC_LOCK, replayQueue) : replayQueue();
}

/** One request to the API from the worker (the replay here, the push subscription in sw.js);
 * resolves with its JSON (null when empty), or rejects with the error envelope's `error` and the
 * status. */
async function callApi(method, path, body, csrfToken) {
  const response = await fetch(`/api/v1${path}`, {
    method, credentials: "same-origin",
    headers: { "Content-Type": "application/json", ...(csrfToken ? { "X-CSRF-Token": csrfToken } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw Object.assign(new Error(data?.error?.message || response.statusText), data?.error || {}, { status: response.status });
  return data;
}

/** Sends the signed-in user's queued writes once. Anything but a refusal for good (no network,
 * the session gone, the server busy) rejects, and the browser fires the sync again later. */
async function replayQueue() {
  const me = await callApi("GET", "/me");
  const entries = (await self.orbitDb.queued()).filter((entry) => entry.user_id === me.id && !entry.refused);
  if (!entries.length) return;
  const { csrf_token: csrfToken } = await callApi("GET", "/auth/csrf");
  const checkins = entries.filter((entry) => entry.kind === "checkin");
  for (let start = 0; start < checkins.length; start += REPLAY_BATCH_MAX) {
    const chunk = checkins.slice(start, start + REPLAY_BATCH_MAX);
    const { results } = await callApi("POST", "/checkins/batch", { items: chunk.map((entry) => ({
      op: entry.op, habit_id: entry.habit_id, date: entry.date, client_time: entry.client_time, ...entry.body })) }, csrfToken);
    for (const [index, entry] of chunk.entries()) {
      if (!results[index]?.ok) {
        await self.orbitDb.updateQueued({ ...entry, refused: true, reason: self.orbitDb.reasonOf(results[index]?.error) });
      }
    }
    await self.orbitDb.dequeue(chunk.filter((_, index) => results[index]?.ok).map((entry) => entry.id));
  }
  for (const entry of entries.filter((each) => each.kind === "reflection")) {
    try {
      await callApi("PUT", `/reflections/${entry.date}`, { ...entry.body, client_time: entry.client_time }, csrfToken);
      await self.orbitDb.dequeue([entry.id]);
    } catch (error) {
      if (!error.status || error.status >= 500 || error.status === 401 || error.status === 429) throw error;
      await self.orbitDb.updateQueued({ ...entry, refused: true, reason: self.orbitDb.reasonOf(error) });
    }
  }
}
