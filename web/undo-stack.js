// Undo as a stack, with no DOM (undo.js draws the toasts; tests/node/undo-stack.test.mjs runs
// this in Node): n changes followed by n Undos put every record back as it was, newest first.

/** The changes still standing that an Undo can put back, newest last. */
export function undoStack() {
  const entries = [];
  return {
    /** Keeps a change just made; `undo` puts back the record from before it. */
    push(message, undo) {
      entries.push({ message, undo });
    },
    /** Undoes the newest change still standing. Resolves with the message of the one before it
     * (null when none is left), or undefined when there was nothing to undo; a failed undo
     * rejects, and that change is not offered again. */
    async undoNewest() {
      const entry = entries.pop();
      if (!entry) return undefined;
      await entry.undo();
      return entries.at(-1)?.message ?? null;
    },
    /** Forgets every change (the screen they were made on is gone). */
    clear() {
      entries.length = 0;
    },
  };
}
