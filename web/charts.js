// SVG charts drawn by hand: a year calendar heatmap, streak bars, weekly completion bars and a
// strength line. Each returns a <figure> with a short visible summary and a full text equivalent
// for screen readers (the SVG itself is hidden from them).
import { h, svg, uid } from "./dom.js";
import { addDays, addMonths, daysBetween, formatDate, shortDate, startOfMonth, startOfWeek, weekdayOf } from "./dates.js";
import { WEEKDAY_SHORT, percent, plural, streakText } from "./format.js";

const STATE_LABELS = {
  done: "Done", kept: "Kept", partial: "Partly done", skipped: "Skipped", missed: "Missed",
  slip: "Slipped", open: "Still open", not_due: "Not due", before_start: "Before start",
};
const DONE_STATES = new Set(["done", "kept"]);
const DUE_STATES = new Set(["done", "kept", "partial", "missed", "slip"]);

function figure(className, svgEl, summary, details) {
  svgEl.setAttribute("aria-hidden", "true");
  svgEl.setAttribute("focusable", "false");
  return h("figure", { class: `chart chart-${className}` }, svgEl,
    h("figcaption", { class: "chart-summary", text: summary }),
    details?.length ? h("ul", { class: "visually-hidden" }, details.map((text) => h("li", { text }))) : null);
}

/** A year as 12 month calendars, each day coloured by its /calendar state. */
export function heatmap(days, { today, weekStart = "mon", kind = "build" }) {
  const CELL = 12.5;
  const GAP = 2.5;
  const MONTH_W = 7 * CELL + 6 * GAP;
  const MONTH_H = 20 + 6 * (CELL + GAP);
  const COLS = 3;
  const byDate = new Map(days.map((day) => [day.date, day]));
  const firstColumn = weekStart === "sun" ? 6 : 0;
  const months = [];
  for (let month = startOfMonth(days[0]?.date || today); month <= today; month = addMonths(month, 1)) months.push(month);
  const colGap = (330 - COLS * MONTH_W) / (COLS - 1);
  const rows = Math.ceil(months.length / COLS);
  const svgEl = svg("svg", { viewBox: `0 0 330 ${rows * MONTH_H + (rows - 1) * 8}`, class: "heatmap-svg" });
  const details = [];

  months.forEach((month, index) => {
    const x0 = (index % COLS) * (MONTH_W + colGap);
    const y0 = Math.floor(index / COLS) * (MONTH_H + 8);
    const title = formatDate(month, { month: "short", year: index === 0 || month.endsWith("-01-01") ? "numeric" : undefined });
    svgEl.append(svg("text", { x: x0, y: y0 + 12, class: "chart-label", text: title }));
    const counts = {};
    const offset = (weekdayOf(month) - firstColumn + 7) % 7;
    for (let day = month, i = 0; day.slice(0, 7) === month.slice(0, 7); day = addDays(day, 1), i += 1) {
      const entry = byDate.get(day);
      const state = day > today ? "future" : entry?.state || "before_start";
      counts[state] = (counts[state] || 0) + 1;
      const cell = i + offset;
      const rect = svg("rect", { x: x0 + (cell % 7) * (CELL + GAP), y: y0 + 20 + Math.floor(cell / 7) * (CELL + GAP),
        width: CELL, height: CELL, rx: 3, class: `hm hm-${state}` },
      svg("title", { text: `${shortDate(day)}: ${STATE_LABELS[state] || "Ahead"}` }));
      svgEl.append(rect);
    }
    const parts = Object.entries(counts).filter(([state]) => DUE_STATES.has(state) || state === "skipped")
      .map(([state, count]) => `${count} ${STATE_LABELS[state].toLowerCase()}`);
    details.push(`${formatDate(month, { month: "long", year: "numeric" })}: ${parts.join(", ") || "nothing due"}`);
  });
  const doneCount = days.filter((day) => DONE_STATES.has(day.state)).length;
  const legendStates = kind === "quit" ? ["kept", "slip", "before_start"] : ["done", "partial", "skipped", "missed"];
  return h("div", {},
    figure("heatmap", svgEl, `${plural(doneCount, kind === "quit" ? "day kept" : "done day", kind === "quit" ? "days kept" : "done days")} in the last ${months.length} months.`, details),
    h("ul", { class: "legend", "aria-hidden": "true" }, legendStates.map((state) =>
      h("li", {}, svg("svg", { viewBox: "0 0 12 12" }, svg("rect", { width: 12, height: 12, rx: 3, class: `hm hm-${state}` })),
        h("span", { text: STATE_LABELS[state] })))));
}

/** Done (or kept) days over due days per week, from the /calendar states. */
export function weeklyCompletion(days, { today, weekStart = "mon", weeks = 12 }) {
  const first = addDays(startOfWeek(today, weekStart), -7 * (weeks - 1));
  const rows = Array.from({ length: weeks }, (_, i) => ({ start: addDays(first, 7 * i), done: 0, due: 0 }));
  for (const day of days) {
    if (day.date < first) continue;
    const row = rows[Math.floor(daysBetween(first, day.date) / 7)];
    if (!row) continue;
    if (DONE_STATES.has(day.state)) row.done += 1;
    if (DUE_STATES.has(day.state)) row.due += 1;
  }
  return rows;
}

/** Vertical bars: the share of due days done, per week. */
export function weeklyBars(rows) {
  const W = 330;
  const H = 160;
  const LEFT = 38;
  const BOTTOM = 24;
  const plotH = H - BOTTOM - 8;
  const slot = (W - LEFT) / rows.length;
  const svgEl = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "bars-svg" });
  for (const level of [0, 0.5, 1]) {
    const y = 8 + plotH * (1 - level);
    svgEl.append(svg("line", { x1: LEFT, x2: W, y1: y, y2: y, class: "grid" }),
      svg("text", { x: LEFT - 6, y: y + 4, class: "chart-label", "text-anchor": "end", text: percent(level) }));
  }
  rows.forEach((row, i) => {
    const rate = row.due ? row.done / row.due : null;
    const x = LEFT + i * slot + slot * 0.2;
    const height = rate === null ? 0 : Math.max(2, plotH * rate);
    svgEl.append(rate === null
      ? svg("rect", { x, y: 8 + plotH - 2, width: slot * 0.6, height: 2, class: "bar-empty" })
      : svg("rect", { x, y: 8 + plotH - height, width: slot * 0.6, height, rx: 3, class: "bar" },
        svg("title", { text: `Week of ${shortDate(row.start)}: ${row.done} of ${row.due}` })));
    if (i % 4 === 0 || i === rows.length - 1) {
      svgEl.append(svg("text", { x: x + slot * 0.3, y: H - 6, class: "chart-label", "text-anchor": "middle",
        text: i === rows.length - 1 ? "Now" : shortDate(row.start) }));
    }
  });
  const judged = rows.filter((row) => row.due);
  const average = judged.length ? judged.reduce((sum, row) => sum + row.done / row.due, 0) / judged.length : null;
  const summary = average === null ? "Nothing was due in these weeks." : `On average ${percent(average)} of due days done per week.`;
  return figure("weekly", svgEl, summary,
    rows.map((row) => `Week of ${shortDate(row.start)}: ${row.due ? `${row.done} of ${row.due} due days done` : "nothing due"}`));
}

/** Horizontal bars for the longest streaks, newest breaking ties. */
export function streakBars(streaks, { asOf, limit = 5 }) {
  const best = [...streaks].sort((a, b) => b.length - a.length || (b.end || "").localeCompare(a.end || "")).slice(0, limit);
  if (!best.length) {
    return h("figure", { class: "chart chart-streaks" }, h("p", { class: "chart-empty", text: "No streaks yet. The first done day starts one." }));
  }
  const ROW = 48;
  const LABEL = 92;
  const W = 330;
  const max = best[0].length;
  const svgEl = svg("svg", { viewBox: `0 0 ${W} ${best.length * ROW}`, class: "streaks-svg" });
  best.forEach((streak, i) => {
    const y = i * ROW;
    const width = Math.max(6, ((W - LABEL) * streak.length) / max);
    const current = streak.end === asOf;
    svgEl.append(
      svg("text", { x: 0, y: y + 17, class: "chart-value", text: streakText(streak.length, streak.unit) }),
      svg("rect", { x: LABEL, y: y + 4, width, height: 16, rx: 8, class: current ? "bar current" : "bar" }),
      svg("text", { x: LABEL, y: y + 38, class: "chart-label",
        text: `${dateRange(streak)}${current ? " · current" : ""}` }));
  });
  return figure("streaks", svgEl, `Longest: ${streakText(best[0].length, best[0].unit)}.`,
    best.map((streak) => `${streakText(streak.length, streak.unit)}, ${dateRange(streak, " to ")}${streak.end === asOf ? " (current)" : ""}`));
}

function dateRange({ start, end }, separator = " – ") {
  return start === end ? shortDate(start) : `${shortDate(start)}${separator}${shortDate(end)}`;
}

/** The strength (0-1) per day as a line with a soft area under it. */
export function strengthLine(points) {
  const W = 330;
  const H = 160;
  const LEFT = 38;
  const TOP = 10;
  const BOTTOM = 24;
  const plotH = H - TOP - BOTTOM;
  const gradientId = uid("strength-gradient");
  const svgEl = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "line-svg" },
    svg("defs", {}, svg("linearGradient", { id: gradientId, x1: 0, x2: 0, y1: 0, y2: 1 },
      svg("stop", { offset: "0", class: "area-stop-top" }), svg("stop", { offset: "1", class: "area-stop-bottom" }))));
  for (const level of [0, 0.5, 1]) {
    const y = TOP + plotH * (1 - level);
    svgEl.append(svg("line", { x1: LEFT, x2: W, y1: y, y2: y, class: "grid" }),
      svg("text", { x: LEFT - 6, y: y + 4, class: "chart-label", "text-anchor": "end", text: percent(level) }));
  }
  if (!points.length) return figure("strength", svgEl, "No strength yet.", []);
  const x = (i) => LEFT + (points.length === 1 ? W - LEFT : ((W - LEFT - 6) * i) / (points.length - 1));
  const y = (value) => TOP + plotH * (1 - value);
  const line = points.map((point, i) => `${i ? "L" : "M"}${x(i).toFixed(1)} ${y(point.value).toFixed(1)}`).join(" ");
  const last = points.at(-1);
  svgEl.append(
    svg("path", { d: `${line} L${x(points.length - 1).toFixed(1)} ${y(0)} L${x(0)} ${y(0)} Z`, fill: `url(#${gradientId})`, class: "area" }),
    svg("path", { d: line, class: "line" }),
    svg("circle", { cx: x(points.length - 1), cy: y(last.value), r: 4.5, class: "line-dot" }));
  [0, Math.floor((points.length - 1) / 2), points.length - 1].forEach((i, n) => {
    svgEl.append(svg("text", { x: x(i), y: H - 6, class: "chart-label", "text-anchor": ["start", "middle", "end"][n], text: shortDate(points[i].date) }));
  });
  const peak = points.reduce((top, point) => (point.value > top.value ? point : top), points[0]);
  const summary = `Now ${percent(last.value)}; ${percent(points[0].value)} on ${shortDate(points[0].date)}; highest ${percent(peak.value)} on ${shortDate(peak.date)}.`;
  const weekly = points.filter((_, i) => (points.length - 1 - i) % 7 === 0).map((point) => `${shortDate(point.date)}: ${percent(point.value)}`);
  return figure("strength", svgEl, summary, weekly);
}

/** A ring filled to `fraction` (0-1) from the top, over a faint full track: the day's progress,
 * a habit's strength, a partly done amount. Decorative: callers give the words. */
export function ring(fraction, { size = 24, radius = 9, track = true, className = null } = {}) {
  const circumference = 2 * Math.PI * radius;
  const filled = circumference * Math.min(1, Math.max(0, fraction || 0));
  const middle = size / 2;
  return svg("svg", { class: className, viewBox: `0 0 ${size} ${size}`, "aria-hidden": "true", focusable: "false" },
    track ? svg("circle", { class: "track", cx: middle, cy: middle, r: radius }) : null,
    svg("circle", { class: "fill", cx: middle, cy: middle, r: radius, "stroke-dasharray": `${filled} ${circumference}` }));
}

/** Done days per weekday, Monday first, as a sentence (used under the stats). */
export function weekdaySentence(byWeekday) {
  const best = byWeekday.indexOf(Math.max(...byWeekday));
  return byWeekday.some(Boolean) ? `Most often on ${WEEKDAY_SHORT[best]}.` : "";
}
