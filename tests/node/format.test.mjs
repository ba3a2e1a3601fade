// web/format.js: the API's values in plain words — numbers, units and their singulars, weekday
// lists, schedules, streaks, goals and percentages.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  plural, listWeekdays, scheduleText, streakText, unitLabel, formatNumber, singularUnit, amountText,
  goalText, percent, WEEKDAY_SHORT, WEEKDAY_LONG,
} from "../../web/format.js";

test("formatNumber: integers as they are, others to two decimals at most, nothing for no value", () => {
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(20), "20");
  assert.equal(formatNumber(-3), "-3");
  assert.equal(formatNumber(1000000), "1000000"); // no grouping: the number fields read it back
  assert.equal(formatNumber(2.5), "2.5");
  assert.equal(formatNumber(0.125), "0.13");
  assert.equal(formatNumber(1.005), "1"); // 1.005 is 1.00499… in binary
  assert.equal(formatNumber(2.999), "3");
  assert.equal(formatNumber(0.1 + 0.2), "0.3");
  assert.equal(formatNumber(1e-7), "0");
  assert.equal(formatNumber(null), "");
  assert.equal(formatNumber(undefined), "");
});

test("plural counts one and many", () => {
  assert.equal(plural(0, "day"), "0 days");
  assert.equal(plural(1, "day"), "1 day");
  assert.equal(plural(2, "day"), "2 days");
  assert.equal(plural(1, "glass", "glasses"), "1 glass");
  assert.equal(plural(3, "glass", "glasses"), "3 glasses");
});

test("listWeekdays names the days in order, and the usual sets by name", () => {
  assert.equal(listWeekdays([0, 1, 2, 3, 4, 5, 6]), "every day");
  assert.equal(listWeekdays([4, 3, 2, 1, 0]), "weekdays");
  assert.equal(listWeekdays([6, 5]), "weekends");
  assert.equal(listWeekdays([4, 0, 2]), "Mon, Wed and Fri");
  assert.equal(listWeekdays([6, 0]), "Mon and Sun");
  assert.equal(listWeekdays([3]), "Thu");
  assert.equal(listWeekdays([]), "no days");
  assert.equal(listWeekdays([0, 1, 2, 3, 4, 5]), "Mon, Tue, Wed, Thu, Fri and Sat");
  const days = [2, 0];
  listWeekdays(days);
  assert.deepEqual(days, [2, 0], "the caller's array is not sorted in place");
});

test("the weekday names start on Monday, as the API counts", () => {
  assert.equal(WEEKDAY_SHORT.length, 7);
  assert.equal(WEEKDAY_SHORT[0], "Mon");
  assert.equal(WEEKDAY_LONG[6], "Sunday");
});

test("scheduleText says every kind of schedule", () => {
  assert.equal(scheduleText({ type: "weekdays", days: [0, 1, 2, 3, 4, 5, 6] }), "Every day");
  assert.equal(scheduleText({ type: "weekdays", days: [0, 2, 4] }), "On Mon, Wed and Fri");
  assert.equal(scheduleText({ type: "weekdays", days: [0, 1, 2, 3, 4] }), "On weekdays");
  assert.equal(scheduleText({ type: "weekdays", days: [5, 6] }), "On weekends");
  assert.equal(scheduleText({ type: "weekdays" }), "On no days");
  assert.equal(scheduleText({ type: "per_week", times: 1 }), "Once a week");
  assert.equal(scheduleText({ type: "per_week", times: 3 }), "3 times a week");
  assert.equal(scheduleText({ type: "per_month", times: 1 }), "Once a month");
  assert.equal(scheduleText({ type: "per_month", times: 10 }), "10 times a month");
  assert.equal(scheduleText({ type: "every_n_days", n: 3 }), "Every 3 days");
  assert.equal(scheduleText({ type: "daily" }), "Every day");
  assert.equal(scheduleText(undefined), "Every day");
  assert.equal(scheduleText(null), "Every day");
});

test("streakText in the streak's own unit", () => {
  assert.equal(streakText(12), "12 days");
  assert.equal(streakText(1), "1 day");
  assert.equal(streakText(0, "weeks"), "0 weeks");
  assert.equal(streakText(1, "weeks"), "1 week");
  assert.equal(streakText(3, "months"), "3 months");
  assert.equal(streakText(1, "windows"), "1 window");
  assert.equal(streakText(undefined, "weeks"), "0 weeks");
  assert.equal(streakText(2, "fortnights"), "2 days"); // an unknown unit counts days
});

test("singularUnit: the unit of an amount of one", () => {
  const cases = {
    pages: "page", glasses: "glass", boxes: "box", lunches: "lunch", dishes: "dish",
    stories: "story", calories: "calory", // the rule's own reading of -ies
    days: "day", keys: "key", minutes: "minute", km: "km", kg: "kg", "": "",
    times: "time", steps: "step", grass: "grass", bus: "bus", PAGES: "PAGE", Glasses: "Glass",
  };
  for (const [many, one] of Object.entries(cases)) assert.equal(singularUnit(many), one, many);
});

test("unitLabel: minutes as min, a quit habit's count as times", () => {
  assert.equal(unitLabel({ measure: "minutes", unit: "hours" }), "min");
  assert.equal(unitLabel({ measure: "count", unit: "pages" }), "pages");
  assert.equal(unitLabel({ measure: "count", kind: "quit" }), "times");
  assert.equal(unitLabel({ measure: "count", kind: "quit", unit: "cigarettes" }), "cigarettes");
  assert.equal(unitLabel({ measure: "count", kind: "build" }), "");
});

test("amountText: the number with its unit, singular for one", () => {
  assert.equal(amountText(20, { measure: "minutes" }), "20 min");
  assert.equal(amountText(12, { measure: "count", unit: "pages" }), "12 pages");
  assert.equal(amountText(1, { measure: "count", unit: "pages" }), "1 page");
  assert.equal(amountText("1", { measure: "count", unit: "glasses" }), "1 glass");
  assert.equal(amountText(1.5, { measure: "count", unit: "glasses" }), "1.5 glasses");
  assert.equal(amountText(3, { measure: "count", kind: "build" }), "3");
  assert.equal(amountText(1, { measure: "count", kind: "quit" }), "1 time");
});

test("goalText: what a habit asks for in a day", () => {
  assert.equal(goalText({ measure: "check", kind: "build" }), "");
  assert.equal(goalText({ measure: "check", kind: "quit" }), "Avoid it");
  assert.equal(goalText({ measure: "minutes", kind: "build", target: 20 }), "Goal 20 min");
  assert.equal(goalText({ measure: "count", kind: "build", target: 1, unit: "pages" }), "Goal 1 page");
  assert.equal(goalText({ measure: "count", kind: "quit", target: 2 }), "At most 2 times");
  assert.equal(goalText({ measure: "count", kind: "quit", target: 1, unit: "coffees" }), "At most 1 coffee");
  assert.equal(goalText({ measure: "count", kind: "quit", target: 0 }), "None at all");
  assert.equal(goalText({ measure: "count", kind: "build", target: null, unit: "pages" }), "Goal 0 pages");
});

test("percent rounds to a whole number", () => {
  assert.equal(percent(0), "0%");
  assert.equal(percent(0.5), "50%");
  assert.equal(percent(0.666), "67%");
  assert.equal(percent(0.005), "1%");
  assert.equal(percent(1), "100%");
  assert.equal(percent(null), "0%");
  assert.equal(percent(undefined), "0%");
});
