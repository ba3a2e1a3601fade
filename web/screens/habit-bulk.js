// Archive or restore several habits at once: the Identities screen's last card. An import of an
// old backup, or a change of life, can leave many habits to put away or bring back together.
import * as api from "../api.js";
import { h, showToast, titledSection, toastError, uid } from "../dom.js";

const TEXT = {
  title: "Archive or restore several",
  hint: "Archived habits keep their history and leave Today and the weekly summary.",
  active: "On Today", archived: "Archived",
  archive: "Archive chosen", restore: "Restore chosen",
  none: "Choose one or more habits first.",
  archivedDone: (n) => (n === 1 ? "1 habit archived" : `${n} habits archived`),
  restoredDone: (n) => (n === 1 ? "1 habit restored" : `${n} habits restored`),
};

/** The card, or nothing with fewer than two habits; `rerender` redraws the screen after. */
export function habitBulk(active, archived, rerender) {
  if (active.length + archived.length < 2) return null;
  const group = (legend, habits, name, label, done, archive) => {
    if (!habits.length) return null;
    const buttonEl = h("button", { type: "button", class: "button small", text: label });
    const fieldsetEl = h("fieldset", { class: "field bulk-group" }, h("legend", { text: legend }),
      h("div", { class: "choice-list" }, habits.map((habit) => {
        const id = uid("bulk-habit");
        return h("div", { class: "choice-row" },
          h("input", { type: "checkbox", id, name, value: String(habit.id) }),
          h("label", { for: id, text: habit.name }));
      })), buttonEl);
    buttonEl.addEventListener("click", async () => {
      const ids = [...fieldsetEl.querySelectorAll("input:checked")].map((input) => Number(input.value));
      if (!ids.length) return showToast(TEXT.none);
      buttonEl.disabled = true;
      try {
        await api.archiveHabits(ids, archive);
        showToast(done(ids.length));
        await rerender();
      } catch (error) {
        buttonEl.disabled = false;
        toastError(error);
      }
    });
    return fieldsetEl;
  };
  return titledSection(TEXT.title, { className: "card habit-bulk", headingClass: "section-title", hint: TEXT.hint },
    group(TEXT.active, active, "archive", TEXT.archive, TEXT.archivedDone, true),
    group(TEXT.archived, archived, "restore", TEXT.restore, TEXT.restoredDone, false));
}
