// The pause sheet: first day, an optional last day and a note, for one habit or for every habit.
import * as api from "../api.js";
import { addDays } from "../dates.js";
import { field, h, handleSubmit, showToast, uid } from "../dom.js";
import { t } from "../i18n.js";

/** Opens the sheet; resolves to the pause created, or null when closed without one. `habit`:
 * the habit to pause, or null for every habit. */
export function openPauseSheet({ habit = null, today }) {
  return new Promise((resolve) => {
    let created = null;
    const titleId = uid("dialog-title");
    const startEl = h("input", { type: "date", name: "start", value: today, required: true,
      max: addDays(today, 366) });
    const endEl = h("input", { type: "date", name: "end", min: today, max: addDays(today, 366) });
    startEl.addEventListener("change", () => { endEl.min = startEl.value || today; });
    const noteEl = h("textarea", { name: "note", rows: "2", maxlength: "500",
      placeholder: habit ? t("e.g. Sprained ankle") : t("e.g. In hospital") });
    const submitEl = h("button", { type: "submit", class: "button primary", text: habit ? t("Pause") : t("Pause everything") });
    const cancelEl = h("button", { type: "button", class: "button secondary", text: t("Cancel") });
    const formEl = h("form", { novalidate: true },
      h("h2", { id: titleId, text: habit ? t("Pause {habit}", { habit: habit.name }) : t("Pause everything") }),
      h("p", { text: habit
        ? t("Paused days count as skipped: the streak waits, strength holds, no reminders. A day you log still counts.")
        : t("Every habit rests: streaks wait, strength holds, and no reminders are sent. A day you log still counts.") }),
      field(t("First day"), startEl),
      field(t("Last day"), endEl, t("Leave empty to pause until you resume.")),
      field(t("Note"), noteEl),
      h("div", { class: "dialog-actions" }, cancelEl, submitEl));
    const dialogEl = h("dialog", { class: "dialog pause-sheet", "aria-labelledby": titleId }, formEl);
    cancelEl.addEventListener("click", () => dialogEl.close());
    handleSubmit(formEl, submitEl, async () => {
      const body = { start: startEl.value, note: noteEl.value.trim() };
      if (habit) body.habit_id = habit.id;
      if (endEl.value) body.end = endEl.value;
      created = await api.createPause(body);
      showToast(habit ? t("{habit} is paused", { habit: habit.name }) : t("Everything is paused"));
      dialogEl.close();
    });
    dialogEl.addEventListener("close", () => {
      dialogEl.remove();
      resolve(created);
    });
    document.body.append(dialogEl);
    dialogEl.showModal();
  });
}
