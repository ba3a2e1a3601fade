// The wellbeing trend (issue 25): each WHO-5 check's score (0 to 100) as a point on a line, placed
// by its date, over a dashed line at 50 (the screening cut-off). The SVG is hidden from screen
// readers; a visible summary and a table of every check say the same, as charts-mood.js does.
import { h, svg, uid } from "./dom.js";
import { shortDate } from "./dates.js";
import { formatNumber, t, tn } from "./i18n.js";

const W = 330;
const H = 170;
const LEFT = 34;
const RIGHT = 10;
const TOP = 12;
const BOTTOM = 26;
const CUT_OFF = 50; // the server's band "poor" starts at or below it (domain/wellbeing.py)
const DAY_MS = 86_400_000;

function dayNumber(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The checks (GET /wellbeing's `checks`, oldest first) as a line of scores over time. */
export function wellbeingTrend(checks) {
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const y = (score) => TOP + plotH * (1 - score / 100);
  const svgEl = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "wellbeing-svg", "aria-hidden": "true", focusable: "false" });
  for (const level of [0, 50, 100]) {
    svgEl.append(svg("line", { x1: LEFT, x2: W - RIGHT, y1: y(level), y2: y(level), class: level === CUT_OFF ? "wellbeing-cutoff" : "grid" }),
      svg("text", { x: LEFT - 6, y: y(level) + 4, class: "chart-label", "text-anchor": "end", text: formatNumber(level) }));
  }
  const first = dayNumber(checks[0].date);
  const span = dayNumber(checks.at(-1).date) - first;
  const x = (check) => (span ? LEFT + (plotW * (dayNumber(check.date) - first)) / span : LEFT + plotW);
  if (checks.length > 1) {
    const gradientId = uid("wellbeing-gradient");
    const line = checks.map((check, i) => `${i ? "L" : "M"}${x(check).toFixed(1)} ${y(check.score).toFixed(1)}`).join(" ");
    svgEl.append(
      svg("defs", {}, svg("linearGradient", { id: gradientId, x1: 0, x2: 0, y1: 0, y2: 1 },
        svg("stop", { offset: "0", class: "area-stop-top" }), svg("stop", { offset: "1", class: "area-stop-bottom" }))),
      svg("path", { d: `${line} L${x(checks.at(-1)).toFixed(1)} ${y(0)} L${x(checks[0]).toFixed(1)} ${y(0)} Z`, fill: `url(#${gradientId})`, class: "area" }),
      svg("path", { d: line, class: "line" }));
  }
  for (const check of checks) {
    svgEl.append(svg("circle", { cx: x(check), cy: y(check.score), r: check === checks.at(-1) ? 5 : 3.5,
      class: `line-dot wellbeing-dot wellbeing-${check.band}`, "data-date": check.date, "data-score": check.score }));
  }
  const labelled = checks.length > 1 ? [checks[0], checks.at(-1)] : [checks[0]];
  labelled.forEach((check, i) => {
    const anchor = labelled.length === 1 || i === 1 ? "end" : "start";
    svgEl.append(svg("text", { x: x(check), y: H - 6, class: "chart-label", "text-anchor": anchor, text: shortDate(check.date) }));
  });
  const latest = checks.at(-1);
  const summary = checks.length === 1
    ? t("One check so far: {score} of 100 on {date}.", { score: latest.score, date: shortDate(latest.date) })
    : tn("{n} check since {first}; the latest {score} of 100 on {date}.", "{n} checks since {first}; the latest {score} of 100 on {date}.",
      checks.length, { first: shortDate(checks[0].date), score: latest.score, date: shortDate(latest.date) });
  // Wrapped: a table does not clip to the 1 px box of .visually-hidden, and would widen the page.
  const tableEl = h("div", { class: "visually-hidden" }, h("table", {},
    h("caption", { text: t("Your wellbeing scores") }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("Date") }), h("th", { scope: "col", text: t("Score (0 to 100)") }))),
    h("tbody", {}, [...checks].reverse().map((check) => h("tr", {},
      h("th", { scope: "row", text: shortDate(check.date) }), h("td", { text: formatNumber(check.score) }))))));
  return h("figure", { class: "chart chart-wellbeing" }, svgEl,
    h("figcaption", { class: "chart-summary", text: summary }),
    h("p", { class: "hint wellbeing-cutoff-key", "aria-hidden": "true", text: t("The dashed line marks 50: at or below it, talking things through can help.") }),
    tableEl);
}
