// The schedule of a habit chosen in plain words: every day, some weekdays, n times a week or
// month, every n days.
import { h, uid } from "../dom.js";
import { WEEKDAY_LONG, WEEKDAY_SHORT, scheduleText } from "../format.js";
import { stepper } from "./fields.js";
import { t, tc } from "../i18n.js";

// Getters: each word is the catalogue's for the language on show when it is drawn.
const CHOICES = [
  { type: "daily", get label() { return t("Every day"); } },
  { type: "weekdays", get label() { return t("On certain days"); } },
  { type: "per_week", get label() { return t("A few times a week"); } },
  { type: "per_month", get label() { return t("A few times a month"); } },
  { type: "every_n_days", get label() { return t("Every few days"); } },
];

/** Returns {el, value(), set(schedule)} for a schedule fieldset (its errors go to "schedule"). */
export function schedulePicker(initial, weekStart = "mon") {
  const order = weekStart === "sun" ? [6, 0, 1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6];
  const dayEls = order.map((day) => h("input", { type: "checkbox", name: "schedule_day", value: String(day), id: uid("day") }));
  const weekTimesEl = h("input", { type: "number", name: "per_week_times", min: "1", max: "7", inputmode: "numeric", value: "3", id: uid("times") });
  const monthTimesEl = h("input", { type: "number", name: "per_month_times", min: "1", max: "31", inputmode: "numeric", value: "4", id: uid("times") });
  const everyEl = h("input", { type: "number", name: "every_n", min: "2", max: "365", inputmode: "numeric", value: "2", id: uid("every") });
  const summaryEl = h("p", { class: "schedule-summary", "aria-live": "polite" });

  const extras = {
    weekdays: h("div", { class: "weekday-chips", role: "group", "aria-label": t("Days of the week") },
      dayEls.map((inputEl) => h("span", { class: "chip-toggle" }, inputEl,
        h("label", { for: inputEl.id, title: WEEKDAY_LONG[inputEl.value] },
          h("span", { "aria-hidden": "true", text: WEEKDAY_SHORT[inputEl.value] }),
          h("span", { class: "visually-hidden", text: WEEKDAY_LONG[inputEl.value] }))))),
    // The words around each number are one sentence, "{n}" where the number goes: the order is the language's.
    per_week: inlineNumber(weekTimesEl, t("Times a week"), 7, tc("around a number field", "{n} times a week")),
    per_month: inlineNumber(monthTimesEl, t("Times a month"), 31, tc("around a number field", "{n} times a month")),
    every_n_days: inlineNumber(everyEl, t("Every how many days"), 365, tc("around a number field", "Every {n} days"), 2),
  };
  const radioEls = CHOICES.map((choice) => h("input", { type: "radio", name: "schedule_type", value: choice.type, id: uid("sched") }));
  const el = h("fieldset", { class: "field schedule-field", "data-field": "schedule" },
    h("legend", { text: t("How often") }),
    h("div", { class: "choice-list" }, CHOICES.map((choice, index) => h("div", { class: "choice" },
      h("div", { class: "choice-row" }, radioEls[index], h("label", { for: radioEls[index].id, text: choice.label })),
      extras[choice.type] ? h("div", { class: "choice-extra", "data-for": choice.type }, extras[choice.type]) : null))),
    summaryEl);

  const selectedType = () => radioEls.find((radioEl) => radioEl.checked)?.value || "daily";
  const value = () => {
    switch (selectedType()) {
      case "weekdays":
        return { type: "weekdays", days: dayEls.filter((d) => d.checked).map((d) => Number(d.value)).sort((a, b) => a - b) };
      case "per_week": return { type: "per_week", times: Number(weekTimesEl.value) };
      case "per_month": return { type: "per_month", times: Number(monthTimesEl.value) };
      case "every_n_days": return { type: "every_n_days", n: Number(everyEl.value) };
      default: return { type: "daily" };
    }
  };
  const paint = () => {
    const type = selectedType();
    el.querySelectorAll(".choice-extra").forEach((extraEl) => { extraEl.hidden = extraEl.dataset.for !== type; });
    const schedule = value();
    summaryEl.textContent = schedule.type === "weekdays" && !schedule.days.length
      ? t("Pick at least one day.") : t("{schedule}.", { schedule: scheduleText(schedule) });
  };
  const set = (schedule) => {
    const type = schedule?.type || "daily";
    radioEls.forEach((radioEl) => { radioEl.checked = radioEl.value === type; });
    const days = type === "weekdays" ? schedule.days : [0, 2, 4];
    dayEls.forEach((dayEl) => { dayEl.checked = days.includes(Number(dayEl.value)); });
    if (type === "per_week") weekTimesEl.value = schedule.times;
    if (type === "per_month") monthTimesEl.value = schedule.times;
    if (type === "every_n_days") everyEl.value = schedule.n;
    paint();
  };
  el.addEventListener("input", paint);
  el.addEventListener("change", paint);
  set(initial);
  return { el, value, set };
}

function inlineNumber(inputEl, name, max, sentence, min = 1) {
  const [before, after] = sentence.split("{n}").map((part) => part.trim());
  inputEl.setAttribute("aria-label", name);
  return h("div", { class: "inline-number" },
    before ? h("span", { "aria-hidden": "true", text: before }) : null,
    stepper(inputEl, { min, max, label: after }),
    h("span", { "aria-hidden": "true", text: after }));
}
