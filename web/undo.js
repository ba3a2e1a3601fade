// Undo for Today's taps: a stack, so that n taps followed by n Undos leave every record as it
// was. Each toast offers to undo the newest change still standing; the stack belongs to the
// screen it was made on and is dropped when the screen changes.
import { showToast, toastError } from "./dom.js";
import { undoStack } from "./undo-stack.js";
import { t } from "./i18n.js";

const stack = undoStack();

/** Offers Undo for a change just made; `undo` puts back the record from before it. */
export function offerUndo(message, undo) {
  stack.push(message, undo);
  showToast(message, { label: t("Undo"), run: undoNewest });
}

async function undoNewest() {
  let older;
  try {
    older = await stack.undoNewest();
  } catch (error) {
    toastError(error);
    return;
  }
  if (older === undefined) return; // nothing was left to undo
  window.dispatchEvent(new CustomEvent("orbit:undone"));
  if (older !== null) showToast(t("Undone. Before that: {change}", { change: older }), { label: t("Undo"), run: undoNewest });
  else showToast(t("Undone"));
}

/** On leaving a screen: its changes can no longer be undone from a toast. */
export function forgetUndos() {
  stack.clear();
}
