// A suggestion of the weekly summary, applied in one tap: the habit's editor opens with the new
// target or schedule (the suggestion's PATCH body) filled in; Save confirms it, as any edit.
import { renderEdit } from "./editor.js";
import { h } from "../dom.js";
import { shortDate } from "../dates.js";

/** Renders #/habit/{id}/edit?patch={json}&week={date}: the editor, with the patch filled in. */
export async function renderSuggested(screenEl, habitId, query) {
  await renderEdit(screenEl, habitId);
  const params = new URLSearchParams(query);
  let patch = null;
  try {
    patch = JSON.parse(params.get("patch") || "null");
  } catch {
    patch = null; // a hand-edited address: the editor as it is
  }
  const formEl = screenEl.querySelector("form.habit-form");
  if (!formEl || !patch || typeof patch !== "object") return;
  const changes = [fillTarget(formEl, patch.target), fillSchedule(formEl, patch.schedule)].filter(Boolean);
  if (!changes.length) return;
  changes.forEach(({ fieldEl }) => fieldEl.classList.add("suggested"));
  const week = params.get("week");
  formEl.before(h("div", { class: "banner suggestion-banner", role: "note" },
    h("p", { class: "strong", text: week ? `Suggested by your week of ${shortDate(week)}` : "Suggested by your weekly summary" }),
    changes.map(({ label, before, after }) => h("p", { class: "suggested-change" },
      h("span", { text: `${label}: ` }), h("s", { text: before }), h("span", { text: " → " }), h("strong", { text: after }))),
    h("p", { text: "It is filled in below. Adjust it if you like, then tap Save: it applies from today." })));
}

/** Sets the target; returns {fieldEl, label, before, after} for the banner, or null. */
function fillTarget(formEl, target) {
  const inputEl = formEl.elements.target;
  if (target === undefined || !inputEl) return null;
  const before = inputEl.value;
  inputEl.value = String(target);
  inputEl.dispatchEvent(new Event("input", { bubbles: true }));
  inputEl.dispatchEvent(new Event("change", { bubbles: true }));
  const fieldEl = inputEl.closest("[data-field]");
  return { fieldEl, label: fieldEl.querySelector("label")?.textContent || "Target", before, after: String(target) };
}

/** Sets the schedule; the same answer as fillTarget, in the schedule's plain words. */
function fillSchedule(formEl, schedule) {
  const radioEl = schedule && formEl.querySelector(`input[name=schedule_type][value="${schedule.type}"]`);
  if (!radioEl) return null;
  const fieldEl = radioEl.closest("[data-field]");
  const words = () => (fieldEl.querySelector(".schedule-summary")?.textContent || "").replace(/\.$/, "");
  const before = words();
  radioEl.checked = true;
  const numbers = { per_week: ["per_week_times", schedule.times], per_month: ["per_month_times", schedule.times],
    every_n_days: ["every_n", schedule.n] };
  if (numbers[schedule.type]) formEl.elements[numbers[schedule.type][0]].value = String(numbers[schedule.type][1]);
  if (schedule.type === "weekdays") {
    formEl.querySelectorAll("input[name=schedule_day]").forEach((dayEl) => {
      dayEl.checked = schedule.days.includes(Number(dayEl.value));
    });
  }
  radioEl.dispatchEvent(new Event("change", { bubbles: true }));
  return { fieldEl, label: "How often", before, after: words() };
}
