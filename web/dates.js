// Local calendar dates as "YYYY-MM-DD" strings. Arithmetic runs on UTC midnights so that
// daylight-saving changes in the browser's own zone can never shift a day.

import { formatDate, t } from "./i18n.js";

const DAY_MS = 86400000;

/** The wall clock of an instant in an IANA time zone: {year, month, day, hour, minute} as
 * zero-padded strings (an unknown zone: the browser's). */
function wallClockIn(instant, timeZone) {
  const when = instant instanceof Date ? instant : new Date(instant);
  const options = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  let format;
  try {
    format = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat("en-US", options); // an unknown zone: the browser's
  }
  return Object.fromEntries(format.formatToParts(when).map((part) => [part.type, part.value]));
}

/** The local date of an instant (a Date, or an ISO 8601 string with offset) in an IANA time zone:
 * the user's, which need not be the browser's. */
export function dateIn(instant, timeZone) {
  const parts = wallClockIn(instant, timeZone);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today's date in an IANA time zone, for a day that turns at `dayStart` ("HH:MM", 00:00 to
 * 06:00): with 04:00, 02:00 on Tuesday is still Monday. The day start is read on the wall clock,
 * as the server reads it (server/store/common.py, day_of), so on the nights the clocks change
 * the day still turns at 04:00 local, not four hours after midnight. */
export function todayIn(timeZone, dayStart = "00:00") {
  const [hours, minutes] = dayStart.split(":").map(Number);
  const parts = wallClockIn(new Date(Date.now()), timeZone);
  const today = `${parts.year}-${parts.month}-${parts.day}`;
  return Number(parts.hour) * 60 + Number(parts.minute) < hours * 60 + minutes ? addDays(today, -1) : today;
}

/** The browser's time zone, for sign-up. */
export function browserTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

export function toUtc(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export function fromUtc(date) {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso, days) {
  return fromUtc(new Date(toUtc(iso).getTime() + days * DAY_MS));
}

export function daysBetween(fromIso, toIso) {
  return Math.round((toUtc(toIso) - toUtc(fromIso)) / DAY_MS);
}

/** Weekday with Monday = 0, as the API counts. */
export function weekdayOf(iso) {
  return (toUtc(iso).getUTCDay() + 6) % 7;
}

/** The first day of the week holding iso, for a week starting on "mon" or "sun". */
export function startOfWeek(iso, weekStart = "mon") {
  const first = weekStart === "sun" ? 6 : 0;
  return addDays(iso, -((weekdayOf(iso) - first + 7) % 7));
}

export function startOfMonth(iso) {
  return `${iso.slice(0, 8)}01`;
}

/** The first day of the month `months` after the month of iso (before it when negative). */
export function addMonths(iso, months) {
  const date = toUtc(startOfMonth(iso));
  date.setUTCMonth(date.getUTCMonth() + months);
  return fromUtc(date);
}

// In the language on show (web/i18n.js), not the browser's: German chosen on an English phone.
export { formatDate };

/** "Today", "Yesterday" or a short date, relative to the user's today. */
export function dayName(iso, today) {
  const back = daysBetween(iso, today);
  if (back === 0) return t("Today");
  if (back === 1) return t("Yesterday");
  return formatDate(iso, { weekday: "long", day: "numeric", month: "short" });
}

export function shortDate(iso) {
  return formatDate(iso, { day: "numeric", month: "short" });
}

export function longDate(iso) {
  return formatDate(iso, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}
