// Sentences the screens build from the API's values with no DOM: a pause's end (web/pauses.js),
// the weekday most often done (web/charts.js) and an identity's votes (web/charts-votes.js).
// pauses.js reaches the network through api.js, which loads the queue's IndexedDB script: that
// script only needs `self` to exist to load.
import { test } from "node:test";
import assert from "node:assert/strict";

process.env.TZ = "America/Los_Angeles"; // behind UTC: a date read as local midnight would shift
globalThis.self ??= globalThis;
const { untilText, coversOrAhead } = await import("../../web/pauses.js");
const { weekdaySentence } = await import("../../web/charts.js");
const { votesSummary } = await import("../../web/charts-votes.js");

const ENGLISH = Intl.DateTimeFormat().resolvedOptions().locale === "en-US";
const wordsSkip = !ENGLISH && "dates in words are checked in the en-US locale (run with LC_ALL=C.UTF-8)";

test("untilText: a pause's last day, or until the user resumes", { skip: wordsSkip }, () => {
  assert.equal(untilText({ start: "2026-12-01", end: "2026-12-12" }), "until Dec 12");
  assert.equal(untilText({ start: "2026-12-20", end: "2027-01-01" }), "until Jan 1");
  assert.equal(untilText({ start: "2026-12-01", end: null }), "until you resume");
});

test("coversOrAhead: an open pause, or one ending on or after the day", () => {
  assert.equal(coversOrAhead({ start: "2026-12-01", end: null }, "2026-12-07"), true);
  assert.equal(coversOrAhead({ start: "2026-12-01", end: "2026-12-07" }, "2026-12-07"), true);
  assert.equal(coversOrAhead({ start: "2026-12-01", end: "2026-12-06" }, "2026-12-07"), false);
  assert.equal(coversOrAhead({ start: "2026-12-20", end: "2026-12-24" }, "2026-12-07"), true, "planned ahead");
  assert.equal(coversOrAhead({ start: "2026-12-01", end: "2026-12-31" }, "2027-01-01"), false);
});

test("weekdaySentence: the weekday most often done, the first of a tie, nothing for no days", () => {
  assert.equal(weekdaySentence([1, 4, 2, 0, 0, 3, 1]), "Most often on Tue.");
  assert.equal(weekdaySentence([0, 0, 0, 0, 0, 0, 5]), "Most often on Sun.");
  assert.equal(weekdaySentence([2, 0, 0, 0, 2, 0, 0]), "Most often on Mon.");
  assert.equal(weekdaySentence([0, 0, 0, 0, 0, 0, 0]), "");
});

/** n weeks of votes, oldest first, the last one starting on Monday 7 December 2026. */
function weeks(votes) {
  const last = Date.UTC(2026, 11, 7);
  return votes.map((count, index) => ({
    week_start: new Date(last - (votes.length - 1 - index) * 7 * 86400000).toISOString().slice(0, 10), votes: count }));
}

test("votesSummary: none yet", () => {
  assert.equal(votesSummary(weeks([0, 0, 0])), "No votes in the last 3 weeks yet. Every done day is one.");
  assert.equal(votesSummary(weeks([0])), "No votes in the last week yet. Every done day is one.");
});

test("votesSummary: the total and the best week (the first of a tie)", { skip: wordsSkip }, () => {
  assert.equal(votesSummary(weeks([1, 3, 0, 3])), "7 votes in 4 weeks; most in the week of Nov 23 (3).");
  assert.equal(votesSummary(weeks([1])), "1 vote in 1 week; most in the week of Dec 7 (1).");
});

test("votesSummary: from 8 weeks on, the last four weeks against the four before", { skip: wordsSkip }, () => {
  assert.equal(votesSummary(weeks([9, 1, 1, 1, 1, 2, 3, 4, 5])),
    "27 votes in 9 weeks; most in the week of Oct 12 (9); the last 4 weeks 14, the 4 before 4.");
  assert.equal(votesSummary(weeks([0, 0, 0, 0, 0, 0, 0, 2])),
    "2 votes in 8 weeks; most in the week of Dec 7 (2); the last 4 weeks 2, the 4 before 0.");
  assert.equal(votesSummary(weeks([0, 0, 0, 0, 0, 0, 2])), "2 votes in 7 weeks; most in the week of Dec 7 (2).");
});
