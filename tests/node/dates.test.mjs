// web/dates.js: calendar dates as "YYYY-MM-DD" in the user's zone (which need not be the
// device's), across daylight-saving changes, month and year ends, and a day that turns at 04:00.
// The device's own zone is set before the module loads, to one far from UTC with daylight saving
// of its own (Auckland), so that any arithmetic that strays into local time shows.
import { test } from "node:test";
import assert from "node:assert/strict";

process.env.TZ = "Pacific/Auckland";
const dates = await import("../../web/dates.js");
const { dateIn, todayIn, addDays, daysBetween, weekdayOf, startOfWeek, startOfMonth, addMonths } = dates;

const ENGLISH = Intl.DateTimeFormat().resolvedOptions().locale === "en-US";
const wordsSkip = !ENGLISH && "the words are checked in the en-US locale (run with LC_ALL=C.UTF-8)";

/** Runs `work` with Date.now() at the instant `iso` (todayIn reads the clock). */
function at(t, iso, work) {
  t.mock.method(Date, "now", () => Date.parse(iso));
  return work();
}

test("the device's zone is the one this file set", () => {
  assert.equal(new Date("2026-07-01T00:00:00Z").getTimezoneOffset(), -720); // NZST, +12
  assert.equal(new Date("2026-12-01T00:00:00Z").getTimezoneOffset(), -780); // NZDT, +13
});

test("dateIn: the date of an instant in the user's zone, not the device's", () => {
  const instant = new Date("2026-06-15T22:30:00Z");
  assert.equal(dateIn(instant, "UTC"), "2026-06-15");
  assert.equal(dateIn(instant, "Europe/Berlin"), "2026-06-16"); // 00:30 CEST
  assert.equal(dateIn(instant, "America/Los_Angeles"), "2026-06-15");
  assert.equal(dateIn(instant, "Asia/Kolkata"), "2026-06-16"); // +05:30: 04:00
  assert.equal(dateIn(instant, "Pacific/Pago_Pago"), "2026-06-15"); // -11
});

test("dateIn takes ISO strings with an offset", () => {
  assert.equal(dateIn("2026-12-31T23:30:00-02:00", "UTC"), "2027-01-01");
  assert.equal(dateIn("2027-01-01T00:30:00+01:00", "Europe/Berlin"), "2027-01-01");
  assert.equal(dateIn("2027-01-01T00:30:00+01:00", "UTC"), "2026-12-31");
});

test("dateIn across New York's spring-forward night (8 March 2026, 02:00 EST -> 03:00 EDT)", () => {
  const zone = "America/New_York";
  assert.equal(dateIn("2026-03-08T04:59:59Z", zone), "2026-03-07"); // 23:59:59 EST
  assert.equal(dateIn("2026-03-08T05:00:00Z", zone), "2026-03-08"); // 00:00 EST
  assert.equal(dateIn("2026-03-08T07:00:00Z", zone), "2026-03-08"); // 03:00 EDT, the jump
  assert.equal(dateIn("2026-03-09T03:59:59Z", zone), "2026-03-08"); // 23:59:59 EDT: -4 now
  assert.equal(dateIn("2026-03-09T04:00:00Z", zone), "2026-03-09");
});

test("dateIn across Berlin's fall-back night (25 October 2026, 03:00 CEST -> 02:00 CET)", () => {
  const zone = "Europe/Berlin";
  assert.equal(dateIn("2026-10-24T21:59:59Z", zone), "2026-10-24"); // 23:59:59 CEST
  assert.equal(dateIn("2026-10-24T22:00:00Z", zone), "2026-10-25");
  assert.equal(dateIn("2026-10-25T22:59:59Z", zone), "2026-10-25"); // 23:59:59 CET: +1 now
  assert.equal(dateIn("2026-10-25T23:00:00Z", zone), "2026-10-26");
});

test("dateIn at the year's end in the first and the last zones", () => {
  const instant = "2026-12-31T10:30:00Z";
  assert.equal(dateIn(instant, "Pacific/Kiritimati"), "2027-01-01"); // +14
  assert.equal(dateIn(instant, "Pacific/Pago_Pago"), "2026-12-30"); // -11
  assert.equal(dateIn("2028-02-29T12:00:00Z", "Pacific/Kiritimati"), "2028-03-01"); // leap day
});

test("dateIn with an unknown zone falls back to the device's", () => {
  // 2026-12-31T11:30Z is 00:30 on 1 January in Auckland (NZDT, +13), still 31 December in UTC.
  assert.equal(dateIn("2026-12-31T11:30:00Z", "Not/AZone"), "2027-01-01");
  assert.equal(dateIn("2026-12-31T11:30:00Z", "UTC"), "2026-12-31");
});

test("todayIn: the user's today turns at midnight by default", (t) => {
  at(t, "2026-12-07T22:59:59Z", () => assert.equal(todayIn("Europe/Berlin"), "2026-12-07"));
  at(t, "2026-12-07T23:00:00Z", () => assert.equal(todayIn("Europe/Berlin"), "2026-12-08"));
  at(t, "2026-12-07T23:00:00Z", () => assert.equal(todayIn("America/Chicago"), "2026-12-07"));
});

test("todayIn with a day start of 04:00: 02:00 on Tuesday is still Monday", (t) => {
  const zone = "Europe/Berlin"; // CET, +1 in December
  at(t, "2026-12-08T01:00:00Z", () => assert.equal(todayIn(zone, "04:00"), "2026-12-07")); // Tue 02:00
  at(t, "2026-12-08T02:59:00Z", () => assert.equal(todayIn(zone, "04:00"), "2026-12-07")); // 03:59
  at(t, "2026-12-08T03:00:00Z", () => assert.equal(todayIn(zone, "04:00"), "2026-12-08")); // 04:00
  at(t, "2026-12-08T04:29:00Z", () => assert.equal(todayIn(zone, "05:30"), "2026-12-07")); // 05:29
  at(t, "2026-12-08T04:30:00Z", () => assert.equal(todayIn(zone, "05:30"), "2026-12-08"));
  at(t, "2026-12-08T01:00:00Z", () => assert.equal(todayIn(zone, "00:00"), "2026-12-08"));
  // Just after midnight and just after noon: the hour is read on a 24-hour clock.
  at(t, "2026-12-07T23:00:00Z", () => assert.equal(todayIn(zone, "04:00"), "2026-12-07")); // 00:00
  at(t, "2026-12-07T23:30:00Z", () => assert.equal(todayIn(zone, "00:00"), "2026-12-08")); // 00:30
  at(t, "2026-12-08T11:30:00Z", () => assert.equal(todayIn(zone, "04:00"), "2026-12-08")); // 12:30
});

test("todayIn with a late day start across the new year and in a far zone", (t) => {
  // Auckland is at +13 in summer: 16:00Z on 31 December is 05:00 on 1 January there.
  at(t, "2026-12-31T16:00:00Z", () => assert.equal(todayIn("Pacific/Auckland", "06:00"), "2026-12-31"));
  at(t, "2026-12-31T17:00:00Z", () => assert.equal(todayIn("Pacific/Auckland", "06:00"), "2027-01-01"));
  at(t, "2027-01-01T05:59:00Z", () => assert.equal(todayIn("UTC", "06:00"), "2026-12-31"));
  at(t, "2027-01-01T06:00:00Z", () => assert.equal(todayIn("UTC", "06:00"), "2027-01-01"));
});

// The day start is a time on the wall clock, as on the server (server/store/common.py, day_of:
// the local time minus the day start): on the nights the clocks change, the day still turns when
// the wall clock shows the day start, not a fixed number of hours after midnight.
test("todayIn with a day start on the night the clocks go forward (Berlin, 29 March 2026)", (t) => {
  const zone = "Europe/Berlin"; // 02:00 CET -> 03:00 CEST at 01:00Z
  at(t, "2026-03-29T01:59:00Z", () => assert.equal(todayIn(zone, "04:00"), "2026-03-28")); // 03:59 CEST
  at(t, "2026-03-29T02:00:00Z", () => assert.equal(todayIn(zone, "04:00"), "2026-03-29")); // 04:00 CEST
  at(t, "2026-03-29T02:30:00Z", () => assert.equal(todayIn(zone, "04:00"), "2026-03-29")); // 04:30 CEST
});

test("todayIn with a day start on the night the clocks go back (Berlin, 25 October 2026)", (t) => {
  const zone = "Europe/Berlin"; // 03:00 CEST -> 02:00 CET at 01:00Z
  at(t, "2026-10-25T01:30:00Z", () => assert.equal(todayIn(zone, "04:00"), "2026-10-24")); // 02:30 CET
  at(t, "2026-10-25T02:30:00Z", () => assert.equal(todayIn(zone, "04:00"), "2026-10-24")); // 03:30 CET
  at(t, "2026-10-25T03:00:00Z", () => assert.equal(todayIn(zone, "04:00"), "2026-10-25")); // 04:00 CET
});

test("addDays and daysBetween over month and year ends, leap days and DST changes", () => {
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addDays("2027-01-01", -1), "2026-12-31");
  assert.equal(addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(addDays("2027-02-28", 1), "2027-03-01");
  assert.equal(addDays("2026-01-31", 30), "2026-03-02");
  assert.equal(addDays("2026-06-15", 0), "2026-06-15");
  // The device's own clocks change on these days (Auckland); a day is still one day.
  assert.equal(addDays("2026-04-04", 1), "2026-04-05");
  assert.equal(addDays("2026-04-05", 1), "2026-04-06");
  assert.equal(addDays("2026-09-26", 1), "2026-09-27");
  assert.equal(addDays("2026-09-27", 1), "2026-09-28");
  assert.equal(addDays("2026-03-28", 2), "2026-03-30"); // Europe's change, for good measure
  assert.equal(daysBetween("2026-09-26", "2026-09-28"), 2);
  assert.equal(daysBetween("2026-04-04", "2026-04-06"), 2);
  assert.equal(daysBetween("2026-12-31", "2027-01-01"), 1);
  assert.equal(daysBetween("2027-01-01", "2026-12-31"), -1);
  assert.equal(daysBetween("2028-01-01", "2029-01-01"), 366);
  assert.equal(daysBetween("2026-01-01", "2027-01-01"), 365);
});

test("weekdayOf counts Monday as 0, as the API does", () => {
  assert.equal(weekdayOf("2026-12-07"), 0); // a Monday
  assert.equal(weekdayOf("2026-12-13"), 6); // Sunday
  assert.equal(weekdayOf("2027-01-01"), 4); // Friday
  assert.equal(weekdayOf("2028-02-29"), 1); // Tuesday
});

test("startOfWeek for weeks that start on Monday or on Sunday", () => {
  assert.equal(startOfWeek("2026-12-07"), "2026-12-07");
  assert.equal(startOfWeek("2026-12-13"), "2026-12-07");
  assert.equal(startOfWeek("2026-12-13", "mon"), "2026-12-07");
  assert.equal(startOfWeek("2026-12-13", "sun"), "2026-12-13");
  assert.equal(startOfWeek("2026-12-12", "sun"), "2026-12-06");
  assert.equal(startOfWeek("2026-12-07", "sun"), "2026-12-06");
  assert.equal(startOfWeek("2027-01-01"), "2026-12-28"); // the week over the new year
  assert.equal(startOfWeek("2027-01-02", "sun"), "2026-12-27");
  assert.equal(startOfWeek("2026-03-01"), "2026-02-23");
});

test("startOfMonth and addMonths", () => {
  assert.equal(startOfMonth("2026-12-31"), "2026-12-01");
  assert.equal(addMonths("2026-12-31", 1), "2027-01-01");
  assert.equal(addMonths("2026-01-31", 1), "2026-02-01"); // never 3 March
  assert.equal(addMonths("2026-03-31", -1), "2026-02-01");
  assert.equal(addMonths("2027-01-15", -1), "2026-12-01");
  assert.equal(addMonths("2026-05-10", -17), "2024-12-01");
  assert.equal(addMonths("2026-05-10", 24), "2028-05-01");
  assert.equal(addMonths("2026-05-10", 0), "2026-05-01");
});

test("dates in words name the calendar date, whatever the device's zone", { skip: wordsSkip }, (t) => {
  // Read as a local midnight, a date would show as the day before on a device behind UTC.
  process.env.TZ = "America/Los_Angeles";
  t.after(() => { process.env.TZ = "Pacific/Auckland"; });
  assert.equal(dates.shortDate("2026-12-31"), "Dec 31");
  assert.equal(dates.shortDate("2027-01-01"), "Jan 1");
  assert.equal(dates.longDate("2026-09-27"), "Sunday, September 27, 2026");
  assert.equal(dates.longDate("2028-02-29"), "Tuesday, February 29, 2028");
  assert.equal(dates.formatDate("2026-04-05", { weekday: "short" }), "Sun");
});

test("dayName: Today, Yesterday, else the weekday and date", { skip: wordsSkip }, () => {
  assert.equal(dates.dayName("2027-01-01", "2027-01-01"), "Today");
  assert.equal(dates.dayName("2026-12-31", "2027-01-01"), "Yesterday");
  assert.equal(dates.dayName("2026-12-30", "2027-01-01"), "Wednesday, Dec 30");
  assert.equal(dates.dayName("2027-01-02", "2027-01-01"), "Saturday, Jan 2"); // ahead of today
});
