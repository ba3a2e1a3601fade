// What the app keeps on the phone for when there is no network, in IndexedDB (queue-db.js): the
// last answer of each GET (so Today and a habit's screens open offline) and the queue of writes
// made offline (sync.js replays it, or the service worker when no tab is open). Both are shared by
// every tab of the app.
import "./queue-db.js";

const db = self.orbitDb;

/** Keeps the answer of a GET (best effort: storage may be full or disabled). */
export function keepRead(url, data) {
  return db.inStore(db.READS, "readwrite", (store) => store.put({ url, data, at: Date.now() })).catch(() => undefined);
}

/** The last answer kept for `url`, or undefined. */
export async function keptRead(url) {
  try {
    return (await db.inStore(db.READS, "readonly", (store) => store.get(url)))?.data;
  } catch {
    return undefined;
  }
}

/** Forgets every kept answer (on sign-out: the next person on this phone sees none of it). */
export function forgetReads() {
  return db.inStore(db.READS, "readwrite", (store) => store.clear()).catch(() => undefined);
}

/** Every queued write, oldest first (none when storage is unavailable). */
export async function queued() {
  try {
    return await db.queued();
  } catch {
    return [];
  }
}

export const { enqueue, dequeue, updateQueued, reasonOf } = db;
