// SVG charts drawn by hand: completion bars, streak bars and a strength line (the calendar
// heatmap is heatmap.js). Each returns a <figure> with a short visible summary and a full text equivalent
// for screen readers (the SVG itself is hidden from them).
import { h, svg, uid } from "./dom.js";
import { formatDate, shortDate } from "./dates.js";
import { WEEKDAY_SHORT, percent, plural, streakText } from "./format.js";

function figure(className, svgEl, summary, details) {
  svgEl.setAttribute("aria-hidden", "true");
  svgEl.setAttribute("focusable", "false");
  return h("figure", { class: `chart chart-${className}` }, svgEl,
    h("figcaption", { class: "chart-summary", text: summary }),
    details?.length ? h("ul", { class: "visually-hidden" }, details.map((text) => h("li", { text }))) : null);
}

/** Vertical bars: done over what each period (week or month) asked for, from periods.js. */
export function weeklyBars(rows, unit = "week") {
  const W = 330;
  const H = 160;
  const LEFT = 38;
  const BOTTOM = 24;
  const plotH = H - BOTTOM - 8;
  const slot = (W - LEFT) / Math.max(rows.length, 6);
  const svgEl = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "bars-svg" });
  for (const level of [0, 0.5, 1]) {
    const y = 8 + plotH * (1 - level);
    svgEl.append(svg("line", { x1: LEFT, x2: W, y1: y, y2: y, class: "grid" }),
      svg("text", { x: LEFT - 6, y: y + 4, class: "chart-label", "text-anchor": "end", text: percent(level) }));
  }
  const name = (row) => (unit === "month" ? formatDate(row.start, { month: "long" }) : `Week of ${shortDate(row.start)}`);
  rows.forEach((row, i) => {
    const rate = row.required ? Math.min(1, row.done / row.required) : null;
    const x = LEFT + i * slot + slot * 0.2;
    const height = rate === null ? 0 : Math.max(2, plotH * rate);
    svgEl.append(rate === null
      ? svg("rect", { x, y: 8 + plotH - 2, width: slot * 0.6, height: 2, class: "bar-empty" })
      : svg("rect", { x, y: 8 + plotH - height, width: slot * 0.6, height, rx: 3, class: "bar" },
        svg("title", { text: `${name(row)}: ${row.done} of ${row.required}` })));
    const every = rows.length > 6 ? 4 : 1;
    if (i % every === 0 || i === rows.length - 1) {
      svgEl.append(svg("text", { x: x + slot * 0.3, y: H - 6, class: "chart-label", "text-anchor": "middle",
        text: i === rows.length - 1 ? "Now" : unit === "month" ? formatDate(row.start, { month: "short" }) : shortDate(row.start) }));
    }
  });
  const judged = rows.filter((row) => row.required);
  const average = judged.length ? judged.reduce((sum, row) => sum + Math.min(1, row.done / row.required), 0) / judged.length : null;
  const summary = average === null ? `Nothing was asked for in these ${unit}s.`
    : `On average ${percent(average)} of what each ${unit} asked for was done.`;
  return figure("weekly", svgEl, summary,
    rows.map((row) => `${name(row)}: ${row.required ? `${row.done} of ${row.required} done` : "nothing asked for"}`));
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
  // The first, middle and last days, each once (a habit two days old has no middle).
  new Set([0, Math.floor((points.length - 1) / 2), points.length - 1]).forEach((i) => {
    const anchor = i === points.length - 1 ? "end" : i === 0 ? "start" : "middle";
    svgEl.append(svg("text", { x: x(i), y: H - 6, class: "chart-label", "text-anchor": anchor, text: shortDate(points[i].date) }));
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

/** The completion rate of each week as a line (weeks with nothing scheduled leave a gap), from
 * /summaries/weekly/history rows (newest first); the week `focus` (a week_start) is marked. */
export function weeklyTrend(rows, { focus = null } = {}) {
  const weeks = [...rows].reverse();
  const W = 330;
  const H = 150;
  const LEFT = 38;
  const TOP = 10;
  const BOTTOM = 24;
  const plotH = H - TOP - BOTTOM;
  const x = (i) => LEFT + 8 + ((W - LEFT - 16) * i) / Math.max(1, weeks.length - 1);
  const y = (rate) => TOP + plotH * (1 - rate);
  const svgEl = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "trend-svg" });
  const focusIndex = weeks.findIndex((week) => week.week_start === focus);
  if (focusIndex >= 0) {
    const slot = (W - LEFT - 16) / Math.max(1, weeks.length - 1);
    svgEl.append(svg("rect", { x: x(focusIndex) - slot / 2, y: TOP - 6, width: slot, height: plotH + 12, rx: 8, class: "trend-focus" }));
  }
  for (const level of [0, 0.5, 1]) {
    svgEl.append(svg("line", { x1: LEFT, x2: W, y1: y(level), y2: y(level), class: "grid" }),
      svg("text", { x: LEFT - 6, y: y(level) + 4, class: "chart-label", "text-anchor": "end", text: percent(level) }));
  }
  // One path per run of weeks with a rate: a week with nothing scheduled is a gap, not a zero.
  let path = "";
  weeks.forEach((week, i) => {
    if (week.rate === null) return;
    const joined = i > 0 && weeks[i - 1].rate !== null;
    path += `${joined ? "L" : "M"}${x(i).toFixed(1)} ${y(week.rate).toFixed(1)} `;
  });
  if (path) svgEl.append(svg("path", { d: path.trim(), class: "line" }));
  weeks.forEach((week, i) => {
    if (week.rate !== null) {
      svgEl.append(svg("circle", { cx: x(i), cy: y(week.rate), r: i === focusIndex ? 5.5 : 3.5,
        class: i === focusIndex ? "line-dot focus" : "line-dot" }));
    }
    if (i === 0 || i === weeks.length - 1 || i === Math.floor((weeks.length - 1) / 2)) {
      const anchor = i === 0 ? "start" : i === weeks.length - 1 ? "end" : "middle";
      svgEl.append(svg("text", { x: x(i) + (anchor === "start" ? -8 : anchor === "end" ? 8 : 0), y: H - 6,
        class: "chart-label", "text-anchor": anchor, text: i === weeks.length - 1 ? "This week" : shortDate(week.week_start) }));
    }
  });
  const judged = weeks.filter((week) => week.rate !== null);
  const average = judged.length ? judged.reduce((sum, week) => sum + week.rate, 0) / judged.length : null;
  const summary = average === null ? "No weeks with something scheduled yet."
    : `Over ${plural(judged.length, "week")} with something scheduled, ${percent(average)} done on average.`;
  return figure("trend", svgEl, summary, weeks.map((week) => `Week of ${shortDate(week.week_start)}: ${week.rate === null
    ? "nothing scheduled" : `${percent(week.rate)} (${week.done} of ${week.scheduled} done)`}`));
}
