// Values from the API in plain words.

export const WEEKDAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
export const WEEKDAY_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const UNIT_WORDS = { days: ["day", "days"], weeks: ["week", "weeks"], months: ["month", "months"], windows: ["window", "windows"] };

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Mon, Wed and Fri" from weekday numbers (Monday = 0). */
export function listWeekdays(days) {
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.length === 7) return "every day";
  if (sorted.join() === "0,1,2,3,4") return "weekdays";
  if (sorted.join() === "5,6") return "weekends";
  const names = sorted.map((day) => WEEKDAY_SHORT[day]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0] || "no days";
}

/** A schedule in plain words: "3 times a week", "Mon, Wed and Fri", "every 3 days". */
export function scheduleText(schedule) {
  switch (schedule?.type) {
    case "weekdays": {
      const days = listWeekdays(schedule.days || []);
      return days === "every day" ? "Every day" : `On ${days}`;
    }
    case "per_week":
      return schedule.times === 1 ? "Once a week" : `${schedule.times} times a week`;
    case "per_month":
      return schedule.times === 1 ? "Once a month" : `${schedule.times} times a month`;
    case "every_n_days":
      return `Every ${schedule.n} days`;
    default:
      return "Every day";
  }
}

/** "12-day streak" style label for {current|length, unit}. */
export function streakText(length, unit = "days") {
  const [one, many] = UNIT_WORDS[unit] || UNIT_WORDS.days;
  return plural(length || 0, one, many);
}

export function unitLabel(habit) {
  if (habit.measure === "minutes") return "min";
  return habit.unit || (habit.kind === "quit" ? "times" : "");
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

/** "20 min", "12 pages", "1 page", "3". */
export function amountText(value, habit) {
  const unit = unitLabel(habit);
  return `${formatNumber(value)} ${Number(value) === 1 ? singularUnit(unit) : unit}`.trim();
}

/** What a habit asks for in a day: "Goal 20 min", "At most 2 times", "Avoid it". */
export function goalText(habit) {
  if (habit.measure === "check") return habit.kind === "quit" ? "Avoid it" : "";
  const amount = amountText(habit.target ?? 0, habit);
  if (habit.kind === "quit") return habit.target ? `At most ${amount}` : "None at all";
  return `Goal ${amount}`;
}

export function percent(value) {
  return `${Math.round((value || 0) * 100)}%`;
}
