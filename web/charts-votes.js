// An identity's votes per week as SVG bars (GET /identities/{id}/votes), with a visible summary
// and a visually hidden table of every week for screen readers (the SVG is hidden from them).
import { h, svg } from "./dom.js";
import { shortDate } from "./dates.js";
import { t, tn } from "./i18n.js";

const W = 330;
const H = 170;
const LEFT = 30;
const TOP = 10;
const BOTTOM = 24;
const LABEL_EVERY = 5;

/** A round top for the axis, at least the highest week: 1, 2, 5, 10, 20, 50, 100 … */
function axisTop(max) {
  for (let power = 1; ; power *= 10) {
    for (const lead of [1, 2, 5]) if (lead * power >= max) return lead * power;
  }
}

/** Bars of votes per week, oldest first; the last week is this one, still running. */
export function votesBars(weeks) {
  const plotH = H - TOP - BOTTOM;
  const top = axisTop(Math.max(1, ...weeks.map((week) => week.votes)));
  const slot = (W - LEFT) / Math.max(weeks.length, 1);
  const y = (votes) => TOP + plotH * (1 - votes / top);
  const svgEl = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "votes-svg", "aria-hidden": "true", focusable: "false" });
  for (const level of [0, top / 2, top]) {
    if (!Number.isInteger(level)) continue;
    svgEl.append(svg("line", { x1: LEFT, x2: W, y1: y(level), y2: y(level), class: "grid" }),
      svg("text", { x: LEFT - 6, y: y(level) + 4, class: "chart-label", "text-anchor": "end", text: String(level) }));
  }
  weeks.forEach((week, i) => {
    const x = LEFT + i * slot + slot * 0.15;
    const width = slot * 0.7;
    const current = i === weeks.length - 1;
    const height = week.votes ? Math.max(2, plotH - (y(week.votes) - TOP)) : 2;
    svgEl.append(svg("rect", { x, y: TOP + plotH - height, width, height, rx: Math.min(3, width / 3),
      class: week.votes ? `bar${current ? " current" : ""}` : "bar-empty", "data-votes": week.votes }));
    const fromEnd = weeks.length - 1 - i;
    if (fromEnd % LABEL_EVERY === 0 && (i >= 2 || current)) {
      svgEl.append(svg("text", { x: x + width / 2, y: H - 6, class: "chart-label",
        "text-anchor": current ? "end" : "middle", text: current ? t("Now") : shortDate(week.week_start) }));
    }
  });
  return h("figure", { class: "chart chart-votes" }, svgEl,
    h("figcaption", { class: "chart-summary", text: votesSummary(weeks) }),
    votesTable(weeks));
}

/** The bars in a sentence: the total, the best week, and the last four weeks against the four
 * before them (the growth the bars show). */
export function votesSummary(weeks) {
  const total = weeks.reduce((sum, week) => sum + week.votes, 0);
  if (!total) return tn("No votes in the last week yet. Every done day is one.", "No votes in the last {n} weeks yet. Every done day is one.", weeks.length);
  const best = weeks.reduce((top, week) => (week.votes > top.votes ? week : top), weeks[0]);
  const sum = (list) => list.reduce((all, week) => all + week.votes, 0);
  const recent = sum(weeks.slice(-4));
  const before = sum(weeks.slice(-8, -4));
  // TRANSLATORS: {votes} is "3 votes", {weeks} is "26 weeks".
  // (Each call on its own: Babel's extractor does not see a call inside another's arguments.)
  const votes = tn("{n} vote", "{n} votes", total);
  const span = tn("{n} week", "{n} weeks", weeks.length);
  const parts = [t("{votes} in {weeks}", { votes, weeks: span }),
    t("most in the week of {date} ({n})", { date: shortDate(best.week_start), n: best.votes })];
  if (weeks.length >= 8) parts.push(t("the last 4 weeks {recent}, the 4 before {before}", { recent, before }));
  return `${parts.join("; ")}.`;
}

function votesTable(weeks) {
  return h("table", { class: "visually-hidden" },
    h("caption", { text: t("Votes per week, oldest first") }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("Week of") }), h("th", { scope: "col", text: t("Votes") }))),
    h("tbody", {}, weeks.map((week, i) => h("tr", {},
      h("th", { scope: "row", text: i === weeks.length - 1 ? t("{date} (this week)", { date: shortDate(week.week_start) }) : shortDate(week.week_start) }),
      h("td", { text: String(week.votes) })))));
}
