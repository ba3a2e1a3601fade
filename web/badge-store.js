// The app badge (the Badging API, on an installed app's icon): how many habits are still to do
// today, as the server counts them (GET /today's `left`; the app holds no rule of its own). Shared
// by the page (badge.js imports this file) and the service worker (importScripts, after a push or
// a sync), so both read the one on/off choice of this device, kept in IndexedDB (a worker has no
// localStorage). A plain script, with no import or export, so that both can load it; it defines
// self.orbitBadge. Where the browser has no badge, every call does nothing.
(() => {
  const DB_NAME = "orbit-badge";
  const SETTINGS = "settings"; // key: the setting's name; value: {name, value}
  const ENABLED = "enabled";

  let opening = null;

  function open() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        const request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(SETTINGS, { keyPath: "name" });
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      opening.catch(() => { opening = null; });
    }
    return opening;
  }

  function inSettings(mode, work) {
    return open().then((db) => new Promise((resolve, reject) => {
      const transaction = db.transaction(SETTINGS, mode);
      const request = work(transaction.objectStore(SETTINGS));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
    }));
  }

  /** Whether the browser can badge the app's icon at all. */
  const supported = () => typeof self.navigator?.setAppBadge === "function";

  /** Whether this device shows the badge (on unless turned off in Settings). */
  async function enabled() {
    try {
      return (await inSettings("readonly", (store) => store.get(ENABLED)))?.value !== false;
    } catch {
      return true; // storage disabled: the default
    }
  }

  /** Turns the badge on or off on this device; off clears it at once. */
  async function setEnabled(on) {
    await inSettings("readwrite", (store) => store.put({ name: ENABLED, value: Boolean(on) }));
    if (!on) await show(0);
  }

  /** Shows `count` (habits still to do today) on the icon, or nothing when it is 0, unknown, or
   * the badge is off. A failure (the app not installed, say) changes nothing else. */
  async function show(count) {
    if (!supported()) return;
    try {
      if (count > 0 && (await enabled())) await self.navigator.setAppBadge(count);
      else await self.navigator.clearAppBadge();
    } catch {
      // The badge is a nicety: never an error for the person.
    }
  }

  self.orbitBadge = { supported, enabled, setEnabled, show };
})();
