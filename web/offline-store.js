// What the app keeps on the phone for when there is no network, in IndexedDB: the last answer of
// each GET (so Today and a habit's screens open offline) and the queue of writes made offline
// (sync.js replays it). Both are shared by every tab of the app.

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

/** Keeps the answer of a GET (best effort: storage may be full or disabled). */
export function keepRead(url, data) {
  return inStore(READS, "readwrite", (store) => store.put({ url, data, at: Date.now() })).catch(() => undefined);
}

/** The last answer kept for `url`, or undefined. */
export async function keptRead(url) {
  try {
    return (await inStore(READS, "readonly", (store) => store.get(url)))?.data;
  } catch {
    return undefined;
  }
}

/** Forgets every kept answer (on sign-out: the next person on this phone sees none of it). */
export function forgetReads() {
  return inStore(READS, "readwrite", (store) => store.clear()).catch(() => undefined);
}

/** Adds a write to the queue; resolves with its id. */
export function enqueue(entry) {
  return inStore(QUEUE, "readwrite", (store) => store.add(entry));
}

/** Every queued write, oldest first. */
export async function queued() {
  try {
    return (await inStore(QUEUE, "readonly", (store) => store.getAll())) || [];
  } catch {
    return [];
  }
}

/** Removes the queued writes with these ids. */
export function dequeue(ids) {
  if (!ids.length) return Promise.resolve();
  return inStore(QUEUE, "readwrite", (store) => {
    ids.forEach((id) => store.delete(id));
  });
}

/** Replaces a queued write (to mark it refused, with the server's reason). */
export function updateQueued(entry) {
  return inStore(QUEUE, "readwrite", (store) => store.put(entry));
}
