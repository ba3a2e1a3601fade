// Periods of a habit's schedule (PRODUCT.md "Period"): which week, month or window a day falls
// in, what the period asks for, and how much of it is done. Today and the charts share them.
import { addDays, addMonths, daysBetween, startOfMonth, startOfWeek } from "./dates.js";

const PERIODIC = new Set(["per_week", "per_month", "every_n_days"]);

/** True for schedules judged by period (a day without a check-in is never missed on its own). */
export function isPeriodic(habit) {
  return habit.kind !== "quit" && PERIODIC.has(habit.schedule?.type);
}

/** {start, end} of the period holding `day`: a week, a calendar month or an n-day window
 * (windows aligned on the habit's start date, extending backwards from it). */
export function periodOf(habit, day, weekStart = "mon") {
  const schedule = habit.schedule || { type: "daily" };
  if (schedule.type === "per_week") {
    const start = startOfWeek(day, weekStart);
    return { start, end: addDays(start, 6) };
  }
  if (schedule.type === "per_month") {
    const start = startOfMonth(day);
    return { start, end: addDays(addMonths(day, 1), -1) };
  }
  if (schedule.type === "every_n_days") {
    const n = schedule.n || 2;
    const offset = daysBetween(habit.start_date || day, day);
    const start = addDays(day, -(((offset % n) + n) % n));
    return { start, end: addDays(start, n - 1) };
  }
  return { start: day, end: day };
}

/** How many done days the period asks for: min(max(0, n - skipped), days on or after the start
 * date that are not skipped). */
export function requirement(habit, { start, end }, skipped = 0) {
  const schedule = habit.schedule || {};
  const n = schedule.type === "per_week" || schedule.type === "per_month" ? schedule.times || 1 : 1;
  const first = habit.start_date && habit.start_date > start ? habit.start_date : start;
  const available = Math.max(0, daysBetween(first, end) + 1 - skipped);
  return Math.min(Math.max(0, n - skipped), available);
}

/** The habit's progress in the period holding `day`, from that period's check-ins and the
 * user's pauses (GET /pauses): a paused day up to `today` without a check-in counts as skipped. */
export function periodProgress(habit, day, checkins, weekStart = "mon", { pauses = [], today = day } = {}) {
  const period = periodOf(habit, day, weekStart);
  const inPeriod = checkins.filter((checkin) => checkin.date >= period.start && checkin.date <= period.end);
  const logged = new Set(inPeriod.map((checkin) => checkin.date));
  const rests = pauses.filter((pause) => pause.habit_id === null || pause.habit_id === habit.id);
  let paused = 0;
  for (let d = period.start; d <= period.end && d <= today; d = addDays(d, 1)) {
    if (!logged.has(d) && rests.some((pause) => pause.start <= d && (!pause.end || d <= pause.end))) paused += 1;
  }
  const skipped = inPeriod.filter((checkin) => checkin.status === "skipped").length;
  const done = inPeriod.filter((checkin) => checkin.done).length;
  return { ...period, done, required: requirement(habit, period, skipped + paused) };
}

/** Rows of done over required per period, for the completion bars: weeks (daily, weekdays,
 * per_week, quit and every_n_days habits: windows ending in the week) or months (per_month),
 * from the habit's first period to the one holding today, at most `count`. */
export function completionRows(days, habit, { today, weekStart = "mon", count = 12 }) {
  const monthly = habit.schedule?.type === "per_month" && habit.kind !== "quit";
  const first = monthly ? startOfMonth(habit.start_date || today) : startOfWeek(habit.start_date || today, weekStart);
  const rows = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const start = monthly ? addMonths(today, -i) : addDays(startOfWeek(today, weekStart), -7 * i);
    if (start < first) continue;
    const end = monthly ? addDays(addMonths(start, 1), -1) : addDays(start, 6);
    rows.push({ start, end, done: 0, required: 0 });
  }
  const byDate = new Map(days.map((day) => [day.date, day]));
  for (const row of rows) Object.assign(row, judgeRow(row, byDate, habit, today, weekStart));
  return { rows, unit: monthly ? "month" : "week" };
}

const DONE = new Set(["done", "kept"]);
const DUE = new Set(["done", "kept", "partial", "missed", "slip"]);
// A paused day counts as a skipped one (PRODUCT.md "Pause").
const RESTING = new Set(["skipped", "paused"]);

function judgeRow(row, byDate, habit, today, weekStart) {
  const inRow = [];
  for (let day = row.start; day <= row.end && day <= today; day = addDays(day, 1)) {
    const entry = byDate.get(day);
    if (entry && entry.state !== "before_start") inRow.push(entry);
  }
  const type = habit.schedule?.type;
  if (habit.kind === "quit" || !PERIODIC.has(type)) {
    // Day periods: each due day is one.
    return { done: inRow.filter((d) => DONE.has(d.state)).length, required: inRow.filter((d) => DUE.has(d.state)).length };
  }
  if (type === "every_n_days") {
    // Windows that end within the row (and by today), each met by one done day.
    let done = 0;
    let required = 0;
    for (let day = row.start; day <= row.end && day <= today; day = addDays(day, 1)) {
      const window = periodOf(habit, day, weekStart);
      if (window.end !== day || window.end < (habit.start_date || day)) continue;
      const states = [];
      for (let d = window.start; d <= window.end; d = addDays(d, 1)) states.push(byDate.get(d)?.state);
      const skipped = states.filter((s) => RESTING.has(s)).length;
      if (requirement(habit, window, skipped) > 0) required += 1;
      if (states.some((s) => DONE.has(s))) done += 1;
    }
    return { done: Math.min(done, required), required };
  }
  const skipped = inRow.filter((d) => RESTING.has(d.state)).length;
  const required = requirement(habit, row, skipped);
  return { done: Math.min(required, inRow.filter((d) => DONE.has(d.state)).length), required };
}
