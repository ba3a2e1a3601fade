// The phone's IndexedDB store for offline use, shared by the page (offline-store.js imports this
// file) and the service worker (importScripts, to replay the queue with no tab open). A plain
// script, with no import or export, so that both can load it; it defines self.orbitDb.
(() => {
  const DB_NAME = "orbit";
  const DB_VERSION = 1;
  const READS = "reads"; // key: the request's URL; value: {url, data, at}
  const QUEUE = "queue"; // key: a growing number, the order of the user's actions

  let opening = null;

  function open() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        const request = indexedDB.open(DB_NAME, DB_VERSION);
        request.onupgradeneeded = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(READS)) db.createObjectStore(READS, { keyPath: "url" });
          if (!db.objectStoreNames.contains(QUEUE)) db.createObjectStore(QUEUE, { keyPath: "id", autoIncrement: true });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      opening.catch(() => { opening = null; });
    }
    return opening;
  }

  /** Runs `work(store)` in one transaction on `name`; resolves with what the last request gave. */
  async function inStore(name, mode, work) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(name, mode);
      let result;
      const request = work(transaction.objectStore(name));
      if (request) request.onsuccess = () => { result = request.result; };
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  }

  self.orbitDb = {
    READS,
    inStore,
    /** Every queued write, oldest first. */
    queued: async () => (await inStore(QUEUE, "readonly", (store) => store.getAll())) || [],
    /** Adds a write to the queue; resolves with its id. */
    enqueue: (entry) => inStore(QUEUE, "readwrite", (store) => store.add(entry)),
    /** Removes the queued writes with these ids. */
    dequeue: (ids) => (ids.length ? inStore(QUEUE, "readwrite", (store) => {
      ids.forEach((id) => store.delete(id));
    }) : Promise.resolve()),
    /** Replaces a queued write (to mark it refused, with the server's reason). */
    updateQueued: (entry) => inStore(QUEUE, "readwrite", (store) => store.put(entry)),
    /** Why the server refused a write for good, in its words (the account's language); "" when
     * it gave none, which the page words when it shows the write (sync.js). */
    reasonOf: (error) => error?.message
      || (error?.fields ? Object.values(error.fields).flat().join(" ") : "")
      || "",
  };
})();
