// The service worker: this release's app shell from a cache named after it (cache-first, so the
// app opens with no network), /api/ left to the network (the page keeps its own copy of the last
// data, in IndexedDB), and Background Sync's replay of the offline queue. server/web.py fills in RELEASE and SHELL; a new release changes both, the browser
// installs the new worker, which caches the new shell and deletes the old caches.

const RELEASE = "dev";
const SHELL = [];
const CACHE = `orbit-shell-${RELEASE}`;
const CACHE_PREFIX = "orbit-shell-";
const BASE = `/r/${RELEASE}/`;

self.addEventListener("install", (event) => {
  // All or nothing: a shell with a file missing would not open offline, so a failed download
  // leaves the release before in charge (the browser tries again on a later visit). The page
  // itself is asked for afresh; a release file's address never changes content, so the copy the
  // page just loaded (in the browser's HTTP cache) is the right one.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll([new Request("/", { cache: "no-cache" }), ...SHELL.map((path) => BASE + path)]))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  // A tab still open on the release before keeps running it: it loaded every module at start.
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) return; // always the network
  if (request.mode === "navigate" && (url.pathname === "/" || url.pathname === "/index.html")) {
    // The app opens on its shell, whatever the query; the hash picks the screen. (The server's
    // own pages, such as a reminder's unsubscribe page, stay with the network.)
    event.respondWith(caches.match("/", { cacheName: CACHE }).then((cached) => cached || fetch(request)));
    return;
  }
  if (url.pathname.startsWith(BASE)) {
    event.respondWith(caches.match(request, { cacheName: CACHE, ignoreSearch: true })
      .then((cached) => cached || fetch(request)));
  }
});

// Background Sync ("orbit-sync", registered by sync.js when a write is queued): the connection is
// back. An open tab replays the queue; with none open, this worker does (sw-replay.js).
// The CSP's Trusted Types reach this worker too: importScripts takes this origin's scripts only.
self.trustedTypes?.createPolicy("default", {
  createScriptURL(url) {
    if (new URL(url, self.location.href).origin === self.location.origin) return url;
    throw new TypeError(`Not a script of this app: ${url}`);
  },
});
importScripts(`${BASE}queue-db.js`, `${BASE}sw-replay.js`, `${BASE}badge-store.js`);
self.addEventListener("sync", (event) => {
  if (event.tag === "orbit-sync") event.waitUntil(syncThenBadge());
});

/** A sync this worker replays itself (no tab open) ends with the badge drawn afresh; a tab that
 * replays draws it from its own answers (api.js). */
async function syncThenBadge() {
  const tabs = await self.clients.matchAll({ type: "window" });
  await replayOrPassOn();
  if (!tabs.length) await updateBadge();
}

/** The app badge: what is still to do today, as the server counts it (GET /today's `left`; the
 * session cookie goes with the request). Signed out, no badge; offline, it stays as it was. */
async function updateBadge() {
  if (!self.orbitBadge.supported()) return;
  try {
    const response = await fetch("/api/v1/today", { credentials: "same-origin", cache: "no-store" });
    if (response.ok) await self.orbitBadge.show((await response.json()).left);
    else if (response.status === 401) await self.orbitBadge.show(0);
  } catch {
    // No network: the count shown stays until the next push, sync or visit.
  }
}

// Web Push (#13). The server's payload (server/notify/channels.py): {title, body, tag, url,
// action?: {title, url}}: one notification per reminder (a newer one replaces it by its tag),
// private habits already named "Private habit". Every handler hands its work to event.waitUntil,
// or the browser may stop the worker midway (and drop the subscription of a worker that shows
// nothing for a push).
const ICON = "/icons/icon-192.png";
const BADGE = "/icons/badge-96.png";
const ACTIONS_PATH = "/api/v1/actions/";
const SNOOZE_PATH = "/api/v1/snooze/";

self.addEventListener("push", (event) => {
  // The notification first (a push that shows nothing may cost the subscription), then the badge.
  event.waitUntil(showReminder(pushedPayload(event.data)).then(updateBadge));
});

// The listener is one line so that its work, onNotificationClick, can be called on its own.
self.addEventListener("notificationclick", (event) => event.waitUntil(onNotificationClick(event.notification, event.action)));

self.addEventListener("pushsubscriptionchange", (event) => {
  event.waitUntil(resubscribe(event.oldSubscription, event.newSubscription));
});

function pushedPayload(data) {
  try {
    return data?.json() ?? {};
  } catch {
    return { body: data?.text() ?? "" }; // not JSON: show the text as it came
  }
}

/** Shows a reminder; a habit's carries "Done" when the payload has its action, and every one
 * "Later" (issue 27) as far as this browser shows action buttons (Chrome two: Done and 30 minutes). */
function showReminder({ title = "Orbit", body = "", tag = "orbit", url = "/", action = null, later = null, page = null,
  lang = "", dir = "auto" }) {
  return self.registration.showNotification(title, {
    body, tag, renotify: true, icon: ICON, badge: BADGE, lang, dir, // the user's language (server/i18n.py)
    data: { title, url, action, later, page },
    actions: reminderActions(action, later),
  });
}

// Later's choices as action buttons; what the server's POST /snooze/{token} takes.
const LATER = [["later-30m", "30m", "Later: 30 min"], ["later-1h", "1h", "Later: 1 hour"],
  ["later-evening", "evening", "This evening"]];

function reminderActions(action, later) {
  const actions = action ? [{ action: "done", title: action.title || "Done" }] : [];
  if (later) actions.push(...LATER.map(([name, , label]) => ({ action: name, title: label })));
  return actions.slice(0, maxActions());
}

/** How many action buttons this browser shows on a notification: none on Safari (iOS), which
 * does not say; there a tap opens the page with Done and Later instead. */
function maxActions() {
  return Number(self.Notification?.maxActions) || 0;
}

/** A tap on a notification: "done" logs the habit's day through its single-use action URL and
 * says how that went, in its place; a tap on the body opens the app where its `url` says (a
 * habit's day with its log button in focus, the week for the weekly summary). */
async function onNotificationClick(notification, action) {
  const data = notification.data || {};
  notification.close();
  if (action === "done" && data.action) return logDone(notification.tag, data);
  const later = LATER.find(([name]) => name === action);
  if (later && data.later) return putOff(notification.tag, data, later[1]);
  // No action buttons here (iOS): the tap itself must offer Done and Later.
  if (data.page && !maxActions()) return openApp(data.page);
  return openApp(data.url);
}

/** "Later": the server keeps the reminder for the time chosen and sends it once more then
 * (unless it is done by then); this says when, in the reminder's place. */
async function putOff(tag, data, until) {
  const { title, url } = data;
  const say = (heading, body, extra = {}) => self.registration.showNotification(heading, {
    body, tag, icon: ICON, badge: BADGE, data: { title, url }, ...extra });
  const path = new URL(data.later.url, self.location.origin).pathname;
  let response;
  try {
    if (!path.startsWith(SNOOZE_PATH)) throw new TypeError("not a snooze of Orbit");
    response = await fetch(path, { method: "POST", credentials: "omit", cache: "no-store",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify({ until }) });
  } catch {
    response = null;
  }
  if (response?.ok) {
    const { local_time: time } = await response.json();
    return say(`Reminder at ${time}: ${title}`, `Orbit reminds you again at ${time}, unless it's done by then.`, { silent: true });
  }
  if (response?.status === 404) {
    return say(`Not put off: ${title}`, "This reminder's Later has expired. Tap to open Orbit.");
  }
  return say(`Not put off yet: ${title}`, "Orbit can't be reached. Try again, or tap to open the app.",
    { data, actions: reminderActions(null, data.later) });
}

async function logDone(tag, data) {
  const { title, url } = data;
  const say = (heading, body, extra = {}) => self.registration.showNotification(heading, {
    body, tag, icon: ICON, badge: BADGE, data: { title, url }, ...extra });
  // Only ever this origin: the token is in the path, whatever host the server thinks it has.
  const path = new URL(data.action.url, self.location.origin).pathname;
  let response;
  try {
    if (!path.startsWith(ACTIONS_PATH)) throw new TypeError("not an action of Orbit");
    response = await fetch(path, { method: "POST", credentials: "omit", cache: "no-store" });
  } catch {
    // The token was not spent: offer it again.
    return say(`Not logged yet: ${title}`, "Orbit can't be reached. Try again, or tap to open the app.",
      { data, actions: [{ action: "done", title: "Try again" }] });
  }
  if (response.ok) {
    await updateBadge();
    return say(`Logged: ${title}`, "Done for the day. Every one counts.", { silent: true });
  }
  if (response.status === 404) {
    return say(`Not logged: ${title}`, "This reminder's Done was used already or has expired. Tap to open Orbit.");
  }
  return say(`Not logged yet: ${title}`, "Orbit couldn't log it just now. Try again, or tap to open the app.",
    { data, actions: [{ action: "done", title: "Try again" }] });
}

/** Brings an open window of the app to `url` (always on this origin), or opens one. */
async function openApp(url) {
  const target = new URL(url || "/", self.location.origin);
  const address = new URL(target.pathname + target.search + target.hash, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((client) => client.focused) || windows[0];
  if (!open) return self.clients.openWindow(address);
  // Browsers allow focus only in the moments after a tap; without one the window still moves.
  await open.focus().catch(() => undefined);
  try {
    return (await open.navigate(address)) || open;
  } catch {
    // A window this worker does not control (a hard reload, a newer worker taking over) cannot
    // be moved from here: the app moves itself (app.js).
    open.postMessage({ type: "orbit:open", url: address });
    return open;
  }
}

/** The push service replaced this device's subscription: subscribe again with the server's key
 * and tell the server, forgetting the old address (the session cookie comes with these). */
async function resubscribe(oldSubscription, newSubscription) {
  const csrf = (await callApi("GET", "/auth/csrf")).csrf_token;
  let subscription = newSubscription;
  if (!subscription) {
    const key = (await callApi("GET", "/push/key")).public_key;
    subscription = await self.registration.pushManager.subscribe({ userVisibleOnly: true,
      applicationServerKey: base64UrlBytes(key) });
  }
  const { endpoint, keys } = subscription.toJSON();
  await callApi("POST", "/push/subscriptions", { endpoint, keys }, csrf);
  if (oldSubscription && oldSubscription.endpoint !== endpoint) {
    await callApi("DELETE", "/push/subscriptions", { endpoint: oldSubscription.endpoint }, csrf);
  }
}

function base64UrlBytes(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}
