// Values from the API in plain words, the catalogue's (web/i18n.js).
import { formatNumber as localeNumber, locale, t, tc, tn, weekdayName } from "./i18n.js";

/** Seven names, Monday = 0, in the language on show: each read when it is used (a getter), so
 * that a module loaded before the catalogue still names them in its language. */
function weekdayNames(width) {
  const names = [];
  for (let day = 0; day < 7; day += 1) Object.defineProperty(names, day, { get: () => weekdayName(day, width), enumerable: true });
  return Object.freeze(names);
}
export const WEEKDAY_SHORT = weekdayNames("short");
export const WEEKDAY_LONG = weekdayNames("long");
// Each unit's count in words, plural by the language's rules.
const UNIT_WORDS = {
  days: (n) => tn("{n} day", "{n} days", n),
  weeks: (n) => tn("{n} week", "{n} weeks", n),
  months: (n) => tn("{n} month", "{n} months", n),
  windows: (n) => tn("{n} window", "{n} windows", n),
};

/** English only (its words come from the caller): screens use tn() of web/i18n.js instead; left
 * for the modules not converted yet. */
export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** Which of the named sets the days are ("every", "weekdays", "weekends", "none"), or null. */
function daySet(sorted) {
  if (sorted.length === 7) return "every";
  if (sorted.join() === "0,1,2,3,4") return "weekdays";
  if (sorted.join() === "5,6") return "weekends";
  return sorted.length ? null : "none";
}

/** Names joined as the language lists them: "Mon, Wed and Fri". */
export function listed(names) {
  if (names.length < 2) return names[0] ?? "";
  const comma = tc("between items of a list", ", "); // apart: the extractor misses a nested call
  return t("{first} and {last}", { first: names.slice(0, -1).join(comma), last: names.at(-1) });
}

/** "Mon, Wed and Fri" from weekday numbers (Monday = 0). */
export function listWeekdays(days) {
  const sorted = [...days].sort((a, b) => a - b);
  const set = daySet(sorted);
  if (set === "every") return t("every day");
  if (set === "weekdays") return t("weekdays");
  if (set === "weekends") return t("weekends");
  if (set === "none") return t("no days");
  return listed(sorted.map((day) => WEEKDAY_SHORT[day]));
}

/** A schedule in plain words: "3 times a week", "Mon, Wed and Fri", "every 3 days". Whole
 * sentences for the named sets: languages word "on weekdays" and "on Mon" differently. */
export function scheduleText(schedule) {
  switch (schedule?.type) {
    case "weekdays": {
      const sorted = [...(schedule.days || [])].sort((a, b) => a - b);
      const set = daySet(sorted);
      if (set === "every") return t("Every day");
      if (set === "weekdays") return t("On weekdays");
      if (set === "weekends") return t("On weekends");
      if (set === "none") return t("On no days");
      return t("On {days}", { days: listWeekdays(sorted) });
    }
    case "per_week":
      return tn("Once a week", "{n} times a week", schedule.times);
    case "per_month":
      return tn("Once a month", "{n} times a month", schedule.times);
    case "every_n_days":
      return tn("Every {n} day", "Every {n} days", schedule.n);
    default:
      return t("Every day");
  }
}

/** "12 days" style label for {current|length, unit}. */
export function streakText(length, unit = "days") {
  return (UNIT_WORDS[unit] || UNIT_WORDS.days)(length || 0);
}

export function unitLabel(habit) {
  if (habit.measure === "minutes") return tc("minutes, short", "min");
  return habit.unit || (habit.kind === "quit" ? tc("how often a quit habit happened", "times") : "");
}

export function formatNumber(value) {
  if (value === null || value === undefined) return "";
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** The singular of a unit for an amount of one: "pages" -> "page", "glasses" -> "glass". */
export function singularUnit(unit) {
  if (/(ss|x|ch|sh)es$/i.test(unit)) return unit.slice(0, -2);
  if (/[^aeiou]ies$/i.test(unit)) return `${unit.slice(0, -3)}y`;
  if (/[^su]s$/i.test(unit)) return unit.slice(0, -1);
  return unit;
}

/** "20 min", "12 pages", "1 page", "3". The user's own unit is their word: its singular is
 * English's rule, and only where English is on show. */
export function amountText(value, habit) {
  const amount = formatNumber(value);
  if (habit.measure === "minutes") return tc("minutes, short", "{amount} min", { amount });
  if (!habit.unit && habit.kind === "quit") return tn("{n} time", "{n} times", Number(value), { n: amount });
  if (!habit.unit) return amount;
  const unit = Number(value) === 1 && locale().startsWith("en") ? singularUnit(habit.unit) : habit.unit;
  return t("{amount} {unit}", { amount, unit });
}

/** What a habit asks for in a day: "Goal 20 min", "At most 2 times", "Avoid it". */
export function goalText(habit) {
  if (habit.measure === "check") return habit.kind === "quit" ? t("Avoid it") : "";
  const amount = amountText(habit.target ?? 0, habit);
  if (habit.kind === "quit") return habit.target ? t("At most {amount}", { amount }) : t("None at all");
  return t("Goal {amount}", { amount });
}

/** A share as a whole percentage, as the locale writes it ("67%", "67 %"). */
export function percent(value) {
  return localeNumber(Math.round((value || 0) * 100) / 100, { style: "percent", maximumFractionDigits: 0 });
}
