// The service worker: the app shell from a versioned cache (cache-first, so the app opens with no
// network), /api/ left to the network (the page keeps its own copy of the last data, in
// IndexedDB), and Background Sync passed on to the open tabs, which replay the offline queue.
// A release changes VERSION: the new worker caches the new shell and deletes the old caches.

const VERSION = "1";
const CACHE = `orbit-shell-${VERSION}`;
const CACHE_PREFIX = "orbit-shell-";
// Every file of web/ the app needs to start and draw its screens (tests/browser/test_offline.py
// checks that none is missing).
const SHELL = [
  "/", "/index.html", "/style.css", "/manifest.webmanifest",
  "/app.js", "/api.js", "/charts.js", "/dates.js", "/dom.js", "/format.js", "/heatmap.js",
  "/leave.js", "/messages.js", "/offline-store.js", "/periods.js", "/store.js", "/sync.js", "/undo.js",
  "/screens/auth.js", "/screens/editor.js", "/screens/fields.js", "/screens/habit-form.js",
  "/screens/habit.js", "/screens/identities.js", "/screens/mood.js", "/screens/reminder-form.js",
  "/screens/reminders.js", "/screens/schedule.js", "/screens/settings-feeds.js",
  "/screens/settings-reminders.js", "/screens/settings.js", "/screens/templates.js",
  "/screens/today-habit.js", "/screens/today-log.js", "/screens/today.js", "/screens/week-apply.js",
  "/screens/week-print.js", "/screens/week-sections.js", "/screens/week.js",
  "/icons/icon.svg", "/icons/icon-192.png", "/icons/icon-512.png", "/icons/icon-maskable-512.png",
  "/icons/apple-touch-icon.png",
];

self.addEventListener("install", (event) => {
  // `no-cache`: the files of this release, not what the browser's HTTP cache holds from the last.
  // A file that fails to load is fetched again when asked for, rather than failing the install.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => Promise.all(SHELL.map((url) => cache.add(new Request(url, { cache: "no-cache" })).catch(() => undefined))))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
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
    // Any address of the app opens the shell; the hash picks the screen.
    event.respondWith(caches.match("/", { cacheName: CACHE }).then((cached) => cached || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((cached) => cached || fetch(request)));
});

// Background Sync ("orbit-sync", registered by sync.js when a write is queued): the connection is
// back. The tabs hold the session and the queue's logic, so they replay.
self.addEventListener("sync", (event) => {
  if (event.tag !== "orbit-sync") return;
  event.waitUntil(self.clients.matchAll({ type: "window" })
    .then((clients) => clients.forEach((client) => client.postMessage("orbit:sync"))));
});
