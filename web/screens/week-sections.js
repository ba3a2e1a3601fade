// The parts of a week's summary (GET /summaries/weekly), in a coach's words: totals, habit rows
// with small bars, next small steps, identity votes, mood and mood links. Used by the Week screen.
import { h, svg, titledSection } from "../dom.js";
import { ring } from "../charts.js";
import { daysBetween, formatDate, shortDate } from "../dates.js";
import { amountText, percent, streakText } from "../format.js";
import { formatNumber, t, tn } from "../i18n.js";
import { planText } from "./habit-plan.js";

/** "30 Nov – 6 Dec" (with the year when asked, or when the week spans two). */
export function weekRange(summary, withYear = false) {
  const start = summary.week_start;
  const end = summary.week_end;
  const yearOf = (iso) => iso.slice(0, 4);
  const full = { day: "numeric", month: "short", year: "numeric" };
  if (withYear || yearOf(start) !== yearOf(end)) {
    return `${formatDate(start, yearOf(start) === yearOf(end) ? { day: "numeric", month: "short" } : full)} – ${formatDate(end, full)}`;
  }
  return `${shortDate(start)} – ${shortDate(end)}`;
}

/** One sentence for the week as a whole: encouraging, never a scold. */
export function coachLine(summary, today) {
  const { rate, previous_rate: previous, scheduled } = summary.totals;
  if (!summary.complete) {
    const left = Math.max(0, daysBetween(today, summary.week_end));
    const days = left === 0 ? t("Last day of the week") : tn("{n} day left this week", "{n} days left this week", left);
    if (!scheduled) return t("{days}. The week is young: one small tap starts it.", { days });
    if (!summary.totals.done) return t("{days}. One tap on Today starts the week.", { days });
    if (rate >= 0.8) return t("{days}, and you're on track. Keep it easy and steady.", { days });
    return t("{days}. Every tap from here still counts.", { days });
  }
  if (!scheduled) return t("Nothing was due this week. Rest counts too.");
  if (rate >= 1) return t("Every single one. That is who you are now.");
  if (rate >= 0.8) return t("A strong week. The evidence keeps piling up.");
  if (previous !== null && rate > previous) return t("Better than the week before: small steps, adding up.");
  if (rate >= 0.5) return t("More done than not. That's how habits stick.");
  return t("A lighter week. Every done day still counted; next week, start with the smallest one.");
}

/** The week's score: a ring of the rate, done of scheduled, last week's rate, minutes. */
export function totalsCard(summary, today) {
  const { rate, previous_rate: previous, scheduled, done, minutes } = summary.totals;
  const points = rate !== null && previous !== null ? Math.round((rate - previous) * 100) : null;
  const before = previous === null ? null : percent(previous);
  const compare = previous === null ? t("Nothing to compare with the week before.")
    : points > 0 ? tn("Up {n} point on the week before ({before}).", "Up {n} points on the week before ({before}).", points, { before })
      : points < 0 ? t("The week before: {before}.", { before }) : t("Same as the week before ({before}).", { before });
  return titledSection(t("Totals"), { className: "card week-totals", headingClass: "visually-hidden" },
    h("div", { class: "week-score" },
      scoreRing(rate),
      h("div", { class: "score-words" },
        h("p", { class: "score-done", text: scheduled ? t("{done} of {scheduled} done", { done, scheduled }) : t("Nothing due") }),
        h("p", { class: "score-compare", text: compare }),
        minutes ? h("p", { class: "score-minutes", text: tn("{n} minute of practice", "{n} minutes of practice", minutes) }) : null)),
    h("p", { class: "coach", text: coachLine(summary, today) }));
}

/** The week's rate as a ring (an empty track at 0, not a dot), its percentage in the middle. */
export function scoreRing(rate) {
  const ringEl = ring(rate ?? 0, { size: 88, radius: 38 });
  if (!rate) ringEl.querySelector(".fill").remove();
  return h("div", { class: "score-ring", role: "img", "aria-label": rate === null ? t("Nothing due") : t("{percent} done", { percent: percent(rate) }) },
    ringEl, h("span", { "aria-hidden": "true", text: rate === null ? "–" : percent(rate) }));
}

/** Records, longest streaks and the identity with the most votes, as the API words them. */
export function highlightList(highlights) {
  if (!highlights.length) return null;
  return titledSection(t("Highlights"), { className: "card week-highlights" },
    h("ul", { class: "highlights", role: "list" }, highlights.map((text) => h("li", {}, star(), h("span", { text })))));
}

function star() {
  return svg("svg", { class: "icon tiny star", viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false" },
    svg("path", { d: "M12 3.5l2.6 5.3 5.9.9-4.2 4.1 1 5.8-5.3-2.8-5.3 2.8 1-5.8-4.2-4.1 5.9-.9z" }));
}

/** Done of what a row counts, in words: "3 of 7 days", "2 of 3 times", "1 of 2 windows met",
 * "5 of 7 days kept" (one sentence each: the plural is the language's, of `required`). */
function countWords(row, habit, done, required) {
  if (habit?.kind === "quit") return tn("{done} of {n} day kept", "{done} of {n} days kept", required, { done });
  switch (row.schedule?.type) {
    case "per_week": return tn("{done} of {n} time", "{done} of {n} times", required, { done });
    case "every_n_days": return tn("{done} of {n} window met", "{done} of {n} windows met", required, { done });
    default: return tn("{done} of {n} day", "{done} of {n} days", required, { done });
  }
}

/** One habit's week: its name, done over scheduled as a small bar, and a line of details. */
function habitRow(row, habit) {
  const monthly = row.month_required !== undefined && row.month_required !== null;
  const [done, required] = monthly ? [row.month_done, row.month_required] : [row.done, row.scheduled];
  const fraction = required ? Math.min(1, done / required) : 0;
  const count = monthly ? t("{done} of {required} this month", { done, required })
    : required ? countWords(row, habit, done, required) : t("Nothing due");
  const details = [];
  if (row.record) details.push(h("span", { class: "tag record", text: t("New record") }));
  if (row.streak?.current) details.push(h("span", { text: t("{streak} in a row", { streak: streakText(row.streak.current, row.streak.unit) }) }));
  if (habit && habit.kind === "build" && habit.measure !== "check" && row.value_total) {
    details.push(h("span", { text: amountText(row.value_total, habit) }));
  }
  if (row.skipped) details.push(h("span", { text: tn("{n} skipped", "{n} skipped", row.skipped) }));
  if (row.paused) details.push(h("span", { text: tn("{n} day paused", "{n} days paused", row.paused) }));
  const change = Math.round((row.strength_end - row.strength_start) * 100);
  const strength = percent(row.strength_end);
  details.push(h("span", { text: change
    ? t("Strength {strength} ({change})", { strength, change: (change > 0 ? "+" : "−") + formatNumber(Math.abs(change)) })
    : t("Strength {strength}", { strength }) }));
  return h("li", { class: "week-habit", "--habit": habit?.color || null, "data-habit-id": row.habit_id },
    h("a", { class: "week-habit-link", href: `#/habit/${row.habit_id}` },
      h("span", { class: "week-habit-top" },
        h("span", { class: "week-habit-name", text: row.name }),
        h("span", { class: "week-habit-count", text: count })),
      h("span", { class: `week-bar${required ? "" : " empty"}`, "aria-hidden": "true" },
        h("span", { style: { width: `${Math.round(fraction * 100)}%` } })),
      h("span", { class: "week-habit-meta" }, details),
      // A week that went hard: the habit's own plan, to try again (sent for such weeks only).
      row.plan ? h("span", { class: "week-habit-plan" }, h("strong", { text: t("Your plan:") }), " ", planText(row.plan)) : null));
}

/** Every habit of the week, each with its bar. */
export function habitRows(summary, habitsById) {
  return titledSection(t("Habits"), { className: "card week-habits-card",
    hint: t("Done over what the week asked for; monthly habits show the month so far.") },
  h("ul", { class: "week-habits", role: "list" },
    summary.habits.map((row) => habitRow(row, habitsById.get(row.habit_id)))));
}

/** The week's suggestions, each one tap from the habit's editor with the change filled in. */
export function nextSteps(summary) {
  const rows = summary.habits.filter((row) => row.suggestion);
  if (!summary.complete) return null;
  if (!rows.length) {
    return titledSection(t("Next small steps"), { className: "card week-steps" },
      h("p", { class: "hint", text: t("No changes suggested: what you do now fits. Keep it going.") }));
  }
  return titledSection(t("Next small steps"), { className: "card week-steps",
    hint: t("Each opens the habit with the change filled in. Nothing changes until you tap Save.") },
  h("ul", { class: "steps", role: "list" }, rows.map((row) => {
    const query = new URLSearchParams({ patch: JSON.stringify(row.suggestion.patch), week: summary.week_start });
    const raise = row.suggestion.action === "raise";
    return h("li", { class: `step step-${row.suggestion.action}` },
      h("p", { text: row.suggestion.text }),
      h("a", { class: "button small primary", href: `#/habit/${row.habit_id}/edit?${query}`,
        "aria-label": raise ? t("Try it: {habit}", { habit: row.name }) : t("Make it smaller: {habit}", { habit: row.name }),
        text: raise ? t("Try it") : t("Make it smaller") }));
  })));
}

/** Votes per identity this week against the week before, as two bars each. */
export function identityVotes(summary, identitiesById) {
  if (!summary.identities.length) return null;
  const most = Math.max(1, ...summary.identities.flatMap((row) => [row.votes, row.previous_votes]));
  const bar = (count, className) => h("span", { class: `vote-bar ${className}`, "aria-hidden": "true" },
    h("span", { style: { width: `${Math.round((count / most) * 100)}%` } }));
  return titledSection(t("Votes for who you're becoming"), { className: "card week-identities",
    hint: t("Each done day is a vote.") },
  h("ul", { class: "week-votes", role: "list" }, summary.identities.map((row) => {
    const difference = row.votes - row.previous_votes;
    const words = difference > 0
      ? tn("{n} vote, {more} more than the week before.", "{n} votes, {more} more than the week before.", row.votes, { more: difference })
      : difference < 0
        ? tn("{n} vote, {before} the week before.", "{n} votes, {before} the week before.", row.votes, { before: row.previous_votes })
        : tn("{n} vote, as many as the week before.", "{n} votes, as many as the week before.", row.votes);
    return h("li", { "--habit": identitiesById.get(row.identity_id)?.color || null },
      h("p", { class: "vote-statement", text: row.statement }),
      h("div", { class: "vote-bars" }, bar(row.votes, "this"), h("span", { class: "vote-count", text: formatNumber(row.votes) })),
      h("div", { class: "vote-bars" }, bar(row.previous_votes, "before"), h("span", { class: "vote-count muted", text: formatNumber(row.previous_votes) })),
      h("p", { class: "hint", text: words }));
  })));
}

/** The week's mood average against the week before. */
export function moodSection(summary) {
  const { average, days, previous_average: previous } = summary.mood;
  const tenth = (value) => formatNumber(Math.round(value * 10) / 10); // moods to one decimal
  // The way to the mood history (issue 25): a past week's opens on its month.
  const historyEl = h("a", { class: "button small ghost week-mood-history", text: t("Mood history"),
    href: summary.complete ? `#/history?month=${summary.week_start.slice(0, 7)}` : "#/history" });
  if (average === null) {
    return titledSection(t("Mood"), { className: "card week-mood" },
      h("p", { class: "hint", text: previous === null
        ? t("No mood logged this week. A one-tap check on Today shows, over time, what lifts you.")
        : t("No mood logged this week (the week before: {mood} of 5).", { mood: tenth(previous) }) }), historyEl);
  }
  const difference = previous === null ? null : Math.round((average - previous) * 10) / 10;
  const before = previous === null ? null : tenth(previous);
  const compare = previous === null ? t("Nothing to compare with the week before.")
    : difference > 0 ? t("Up {difference} on the week before ({before}).", { difference: formatNumber(difference), before })
      : difference < 0 ? t("The week before: {before}.", { before }) : t("Same as the week before.");
  return titledSection(t("Mood"), { className: "card week-mood" },
    h("p", { class: "mood-average" }, h("strong", { text: tenth(average) }), " ",
      h("span", { text: tn("of 5, over {n} day", "of 5, over {n} days", days) })),
    h("p", { class: "hint", text: compare }), historyEl);
}

/** Mood links ("On days you walked…"), careful words from the API. */
export function insightList(summary) {
  if (!summary.insights.length) return null;
  return titledSection(t("What goes with a good day"), { className: "card week-insights" },
    h("ul", { class: "insights", role: "list" }, summary.insights.map((insight) => h("li", { text: insight.text }))));
}

/** On this week's screen: the last complete week's summary is ready, with its next steps. */
export function lastWeekCard(summary) {
  if (!summary?.habits.length) return null;
  const steps = summary.habits.filter((row) => row.suggestion).length;
  const rate = summary.totals.rate;
  return h("a", { class: "card last-week-card", href: `#/week/${summary.week_start}` },
    h("span", { class: "eyebrow", text: t("Last week's summary") }),
    h("span", { class: "last-week-text", text: [rate === null ? null : t("{percent} done", { percent: percent(rate) }),
      steps ? tn("{n} next step suggested", "{n} next steps suggested", steps) : null].filter(Boolean).join(" · ") || weekRange(summary) }),
    h("span", { class: "last-week-go", "aria-hidden": "true", text: "›" }));
}

