// The parts of a week's summary (GET /summaries/weekly), in a coach's words: totals, habit rows
// with small bars, next small steps, identity votes, mood and mood links. Used by the Week screen.
import { h, svg, titledSection } from "../dom.js";
import { ring } from "../charts.js";
import { daysBetween, formatDate, shortDate } from "../dates.js";
import { amountText, formatNumber, percent, plural, streakText } from "../format.js";
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
    const days = left === 0 ? "Last day of the week" : `${plural(left, "day")} left this week`;
    if (!scheduled) return `${days}. The week is young: one small tap starts it.`;
    if (!summary.totals.done) return `${days}. One tap on Today starts the week.`;
    if (rate >= 0.8) return `${days}, and you're on track. Keep it easy and steady.`;
    return `${days}. Every tap from here still counts.`;
  }
  if (!scheduled) return "Nothing was due this week. Rest counts too.";
  if (rate >= 1) return "Every single one. That is who you are now.";
  if (rate >= 0.8) return "A strong week. The evidence keeps piling up.";
  if (previous !== null && rate > previous) return "Better than the week before: small steps, adding up.";
  if (rate >= 0.5) return "More done than not. That's how habits stick.";
  return "A lighter week. Every done day still counted; next week, start with the smallest one.";
}

/** The week's score: a ring of the rate, done of scheduled, last week's rate, minutes. */
export function totalsCard(summary, today) {
  const { rate, previous_rate: previous, scheduled, done, minutes } = summary.totals;
  const points = rate !== null && previous !== null ? Math.round((rate - previous) * 100) : null;
  const compare = previous === null ? "Nothing to compare with the week before."
    : points > 0 ? `Up ${plural(points, "point")} on the week before (${percent(previous)}).`
      : points < 0 ? `The week before: ${percent(previous)}.` : `Same as the week before (${percent(previous)}).`;
  return titledSection("Totals", { className: "card week-totals", headingClass: "visually-hidden" },
    h("div", { class: "week-score" },
      scoreRing(rate),
      h("div", { class: "score-words" },
        h("p", { class: "score-done", text: scheduled ? `${done} of ${scheduled} done` : "Nothing due" }),
        h("p", { class: "score-compare", text: compare }),
        minutes ? h("p", { class: "score-minutes", text: `${formatNumber(minutes)} minutes of practice` }) : null)),
    h("p", { class: "coach", text: coachLine(summary, today) }));
}

/** The week's rate as a ring (an empty track at 0, not a dot), its percentage in the middle. */
export function scoreRing(rate) {
  const ringEl = ring(rate ?? 0, { size: 88, radius: 38 });
  if (!rate) ringEl.querySelector(".fill").remove();
  return h("div", { class: "score-ring", role: "img", "aria-label": rate === null ? "Nothing due" : `${percent(rate)} done` },
    ringEl, h("span", { "aria-hidden": "true", text: rate === null ? "–" : percent(rate) }));
}

/** Records, longest streaks and the identity with the most votes, as the API words them. */
export function highlightList(highlights) {
  if (!highlights.length) return null;
  return titledSection("Highlights", { className: "card week-highlights" },
    h("ul", { class: "highlights", role: "list" }, highlights.map((text) => h("li", {}, star(), h("span", { text })))));
}

function star() {
  return svg("svg", { class: "icon tiny star", viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false" },
    svg("path", { d: "M12 3.5l2.6 5.3 5.9.9-4.2 4.1 1 5.8-5.3-2.8-5.3 2.8 1-5.8-4.2-4.1 5.9-.9z" }));
}

/** What a row counts, in words: "days", "times", "windows met", "days kept". */
function countWords(row, habit) {
  const one = row.scheduled === 1;
  if (habit?.kind === "quit") return one ? "day kept" : "days kept";
  switch (row.schedule?.type) {
    case "per_week": return one ? "time" : "times";
    case "every_n_days": return one ? "window met" : "windows met";
    default: return one ? "day" : "days";
  }
}

/** One habit's week: its name, done over scheduled as a small bar, and a line of details. */
function habitRow(row, habit) {
  const monthly = row.month_required !== undefined && row.month_required !== null;
  const [done, required] = monthly ? [row.month_done, row.month_required] : [row.done, row.scheduled];
  const fraction = required ? Math.min(1, done / required) : 0;
  const count = monthly ? `${done} of ${required} this month`
    : required ? `${done} of ${required} ${countWords(row, habit)}` : "Nothing due";
  const details = [];
  if (row.record) details.push(h("span", { class: "tag record", text: "New record" }));
  if (row.streak?.current) details.push(h("span", { text: `${streakText(row.streak.current, row.streak.unit)} in a row` }));
  if (habit && habit.kind === "build" && habit.measure !== "check" && row.value_total) {
    details.push(h("span", { text: amountText(row.value_total, habit) }));
  }
  if (row.skipped) details.push(h("span", { text: `${row.skipped} skipped` }));
  if (row.paused) details.push(h("span", { text: `${row.paused} ${row.paused === 1 ? "day" : "days"} paused` }));
  const change = Math.round((row.strength_end - row.strength_start) * 100);
  details.push(h("span", { text: `Strength ${percent(row.strength_end)}${change ? ` (${change > 0 ? "+" : "−"}${Math.abs(change)})` : ""}` }));
  return h("li", { class: "week-habit", "--habit": habit?.color || null, "data-habit-id": row.habit_id },
    h("a", { class: "week-habit-link", href: `#/habit/${row.habit_id}` },
      h("span", { class: "week-habit-top" },
        h("span", { class: "week-habit-name", text: row.name }),
        h("span", { class: "week-habit-count", text: count })),
      h("span", { class: `week-bar${required ? "" : " empty"}`, "aria-hidden": "true" },
        h("span", { style: { width: `${Math.round(fraction * 100)}%` } })),
      h("span", { class: "week-habit-meta" }, details),
      // A week that went hard: the habit's own plan, to try again (sent for such weeks only).
      row.plan ? h("span", { class: "week-habit-plan" }, h("strong", { text: "Your plan: " }), planText(row.plan)) : null));
}

/** Every habit of the week, each with its bar. */
export function habitRows(summary, habitsById) {
  return titledSection("Habits", { className: "card week-habits-card",
    hint: "Done over what the week asked for; monthly habits show the month so far." },
  h("ul", { class: "week-habits", role: "list" },
    summary.habits.map((row) => habitRow(row, habitsById.get(row.habit_id)))));
}

/** The week's suggestions, each one tap from the habit's editor with the change filled in. */
export function nextSteps(summary) {
  const rows = summary.habits.filter((row) => row.suggestion);
  if (!summary.complete) return null;
  if (!rows.length) {
    return titledSection("Next small steps", { className: "card week-steps" },
      h("p", { class: "hint", text: "No changes suggested: what you do now fits. Keep it going." }));
  }
  return titledSection("Next small steps", { className: "card week-steps",
    hint: "Each opens the habit with the change filled in. Nothing changes until you tap Save." },
  h("ul", { class: "steps", role: "list" }, rows.map((row) => {
    const query = new URLSearchParams({ patch: JSON.stringify(row.suggestion.patch), week: summary.week_start });
    return h("li", { class: `step step-${row.suggestion.action}` },
      h("p", { text: row.suggestion.text }),
      h("a", { class: "button small primary", href: `#/habit/${row.habit_id}/edit?${query}`,
        "aria-label": `${row.suggestion.action === "raise" ? "Try it" : "Make it smaller"}: ${row.name}`,
        text: row.suggestion.action === "raise" ? "Try it" : "Make it smaller" }));
  })));
}

/** Votes per identity this week against the week before, as two bars each. */
export function identityVotes(summary, identitiesById) {
  if (!summary.identities.length) return null;
  const most = Math.max(1, ...summary.identities.flatMap((row) => [row.votes, row.previous_votes]));
  const bar = (count, className) => h("span", { class: `vote-bar ${className}`, "aria-hidden": "true" },
    h("span", { style: { width: `${Math.round((count / most) * 100)}%` } }));
  return titledSection("Votes for who you're becoming", { className: "card week-identities",
    hint: "Each done day is a vote." },
  h("ul", { class: "week-votes", role: "list" }, summary.identities.map((row) => {
    const difference = row.votes - row.previous_votes;
    const words = difference > 0 ? `${difference} more than the week before`
      : difference < 0 ? `${row.previous_votes} the week before` : "as many as the week before";
    return h("li", { "--habit": identitiesById.get(row.identity_id)?.color || null },
      h("p", { class: "vote-statement", text: row.statement }),
      h("div", { class: "vote-bars" }, bar(row.votes, "this"), h("span", { class: "vote-count", text: String(row.votes) })),
      h("div", { class: "vote-bars" }, bar(row.previous_votes, "before"), h("span", { class: "vote-count muted", text: String(row.previous_votes) })),
      h("p", { class: "hint", text: `${plural(row.votes, "vote")}, ${words}.` }));
  })));
}

/** The week's mood average against the week before. */
export function moodSection(summary) {
  const { average, days, previous_average: previous } = summary.mood;
  const tenth = (value) => formatNumber(Math.round(value * 10) / 10); // moods to one decimal
  // The way to the mood history (issue 25): a past week's opens on its month.
  const historyEl = h("a", { class: "button small ghost week-mood-history", text: "Mood history",
    href: summary.complete ? `#/history?month=${summary.week_start.slice(0, 7)}` : "#/history" });
  if (average === null) {
    return titledSection("Mood", { className: "card week-mood" },
      h("p", { class: "hint", text: previous === null
        ? "No mood logged this week. A one-tap check on Today shows, over time, what lifts you."
        : `No mood logged this week (the week before: ${tenth(previous)} of 5).` }), historyEl);
  }
  const difference = previous === null ? null : Math.round((average - previous) * 10) / 10;
  const compare = previous === null ? "Nothing to compare with the week before."
    : difference > 0 ? `Up ${formatNumber(difference)} on the week before (${tenth(previous)}).`
      : difference < 0 ? `The week before: ${tenth(previous)}.` : `Same as the week before.`;
  return titledSection("Mood", { className: "card week-mood" },
    h("p", { class: "mood-average" }, h("strong", { text: tenth(average) }),
      h("span", { text: ` of 5, over ${plural(days, "day")}` })),
    h("p", { class: "hint", text: compare }), historyEl);
}

/** Mood links ("On days you walked…"), careful words from the API. */
export function insightList(summary) {
  if (!summary.insights.length) return null;
  return titledSection("What goes with a good day", { className: "card week-insights" },
    h("ul", { class: "insights", role: "list" }, summary.insights.map((insight) => h("li", { text: insight.text }))));
}

/** On this week's screen: the last complete week's summary is ready, with its next steps. */
export function lastWeekCard(summary) {
  if (!summary?.habits.length) return null;
  const steps = summary.habits.filter((row) => row.suggestion).length;
  const rate = summary.totals.rate;
  return h("a", { class: "card last-week-card", href: `#/week/${summary.week_start}` },
    h("span", { class: "eyebrow", text: "Last week's summary" }),
    h("span", { class: "last-week-text", text: [rate === null ? null : `${percent(rate)} done`,
      steps ? `${plural(steps, "next step")} suggested` : null].filter(Boolean).join(" · ") || weekRange(summary) }),
    h("span", { class: "last-week-go", "aria-hidden": "true", text: "›" }));
}

