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
  // leaves the release before in charge (the browser tries again on a later visit).
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(["/", ...SHELL.map((path) => BASE + path)]
      .map((url) => new Request(url, { cache: "no-cache" }))))
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
importScripts(`${BASE}queue-db.js`, `${BASE}sw-replay.js`);
self.addEventListener("sync", (event) => {
  if (event.tag === "orbit-sync") event.waitUntil(replayOrPassOn());
});
