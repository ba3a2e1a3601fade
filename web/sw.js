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

// The worker's words (issue 26). A notification speaks the language its payload names (`lang`:
// the account's, server/notify), kept in its data for what a tap on it says next. The words are
// the catalogue the app loads, this release's i18n/<tag>.json, which this worker keeps with the
// shell (server/web.py) and reads once per language; English is the source and needs none. The
// worker cannot import web/i18n.js (a module of the page): t() and tc() here look up as it does.
const TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const catalogues = new Map();

/** The `messages` of a language's catalogue: {} for English, or for one that cannot be read
 * (the English source shows, as on the page). */
function catalogueOf(lang) {
  if (!lang || !TAG.test(lang) || lang.toLowerCase() === "en") return Promise.resolve({});
  if (!catalogues.has(lang)) {
    const url = `${BASE}i18n/${lang}.json`;
    catalogues.set(lang, caches.match(url, { cacheName: CACHE })
      .then((cached) => cached || fetch(url, { credentials: "same-origin" }))
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`status ${response.status}`))))
      .then((catalogue) => catalogue.messages || {})
      .catch(() => { catalogues.delete(lang); return {}; }));
  }
  return catalogues.get(lang);
}

/** {t, tc} in `lang`, as web/i18n.js's (the msgid a double-quoted literal, for make i18n): the
 * translation or the English msgid, its {name} placeholders filled. */
async function wordsIn(lang) {
  const messages = await catalogueOf(lang);
  const fill = (text, params) => text.replace(/\{(\w+)\}/g, (whole, name) => (params && name in params ? String(params[name]) : whole));
  const found = (key, msgid, params) => fill(typeof messages[key] === "string" && messages[key] ? messages[key] : msgid, params);
  return {
    t: (msgid, params) => found(msgid, msgid, params),
    tc: (context, msgid, params) => found(`${context}\u0004${msgid}`, msgid, params),
  };
}

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
async function showReminder({ title = "Orbit", body = "", tag = "orbit", url = "/", action = null, later = null, page = null,
  lang = "", dir = "auto" }) {
  const words = await wordsIn(lang);
  return self.registration.showNotification(title, {
    body, tag, renotify: true, icon: ICON, badge: BADGE, lang, dir, // the user's language (server/i18n.py)
    data: { title, url, action, later, page, lang, dir },
    actions: reminderActions(action, later, words),
  });
}

// Later's choices as action buttons: the action's name, and what the server's POST
// /snooze/{token} takes.
const LATER = [["later-30m", "30m"], ["later-1h", "1h"], ["later-evening", "evening"]];

/** Later's buttons' words, in the notification's language. */
function laterTitles({ t }) {
  return { "later-30m": t("Later: 30 min"), "later-1h": t("Later: 1 hour"), "later-evening": t("This evening") };
}

function reminderActions(action, later, words) {
  const actions = action ? [{ action: "done", title: action.title || words.tc("notification action", "Done") }] : [];
  const titles = laterTitles(words);
  if (later) actions.push(...LATER.map(([name]) => ({ action: name, title: titles[name] })));
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
  const { title, url, lang = "", dir = "auto" } = data;
  const words = await wordsIn(lang);
  const { t } = words;
  const say = (heading, body, extra = {}) => self.registration.showNotification(heading, {
    body, tag, icon: ICON, badge: BADGE, lang, dir, data: { title, url, lang, dir }, ...extra });
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
    // TRANSLATORS: a notification's title once a reminder is put off; {time} "18:30", {title} the reminder's.
    return say(t("Reminder at {time}: {title}", { time, title }),
      t("Orbit reminds you again at {time}, unless it's done by then.", { time }), { silent: true });
  }
  if (response?.status === 404) {
    return say(t("Not put off: {title}", { title }), t("This reminder's Later has expired. Tap to open Orbit."));
  }
  return say(t("Not put off yet: {title}", { title }), t("Orbit can't be reached. Try again, or tap to open the app."),
    { data, actions: reminderActions(null, data.later, words) });
}

async function logDone(tag, data) {
  const { title, url, lang = "", dir = "auto" } = data;
  const { t } = await wordsIn(lang);
  const say = (heading, body, extra = {}) => self.registration.showNotification(heading, {
    body, tag, icon: ICON, badge: BADGE, lang, dir, data: { title, url, lang, dir }, ...extra });
  const again = [{ action: "done", title: t("Try again") }];
  // Only ever this origin: the token is in the path, whatever host the server thinks it has.
  const path = new URL(data.action.url, self.location.origin).pathname;
  let response;
  try {
    if (!path.startsWith(ACTIONS_PATH)) throw new TypeError("not an action of Orbit");
    response = await fetch(path, { method: "POST", credentials: "omit", cache: "no-store" });
  } catch {
    // The token was not spent: offer it again.
    return say(t("Not logged yet: {title}", { title }), t("Orbit can't be reached. Try again, or tap to open the app."),
      { data, actions: again });
  }
  if (response.ok) {
    await updateBadge();
    return say(t("Logged: {title}", { title }), t("Done for the day. Every one counts."), { silent: true });
  }
  if (response.status === 404) {
    return say(t("Not logged: {title}", { title }), t("This reminder's Done was used already or has expired. Tap to open Orbit."));
  }
  return say(t("Not logged yet: {title}", { title }), t("Orbit couldn't log it just now. Try again, or tap to open the app."),
    { data, actions: again });
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
