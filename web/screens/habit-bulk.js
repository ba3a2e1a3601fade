// Archive or restore several habits at once: the Identities screen's last card. An import of an
// old backup, or a change of life, can leave many habits to put away or bring back together.
import * as api from "../api.js";
import { h, showToast, titledSection, toastError, uid } from "../dom.js";
import { t, tn } from "../i18n.js";

// Getters and functions: each word is the catalogue's for the language on show when it is drawn.
const TEXT = {
  get title() { return t("Archive or restore several"); },
  get hint() { return t("Archived habits keep their history and leave Today and the weekly summary."); },
  get active() { return t("On Today"); },
  get archived() { return t("Archived"); },
  get archive() { return t("Archive chosen"); },
  get restore() { return t("Restore chosen"); },
  get none() { return t("Choose one or more habits first."); },
  archivedDone: (n) => tn("{n} habit archived", "{n} habits archived", n),
  restoredDone: (n) => tn("{n} habit restored", "{n} habits restored", n),
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
