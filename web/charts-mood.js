// The mood history's SVG charts (issue 25): a year in pixels (a column a month, a row a day of
// the month, each cell the day's mood) and the average mood by weekday. Each is a <figure> whose
// SVG is hidden from screen readers, with a visible summary and a full text equivalent.
import { h, svg } from "./dom.js";
import { formatDate, shortDate } from "./dates.js";
import { WEEKDAY_LONG, WEEKDAY_SHORT, formatNumber } from "./format.js";

/** The five moods' words, 1 to 5, as the mood check on Today names them. */
export const MOOD_WORDS = ["Rough", "Low", "Okay", "Good", "Great"];
const TEXT = {
  noMood: "No mood",
  days: (count) => (count === 1 ? "1 day" : `${count} days`),
  cell: (date, words) => `${date}: ${words}`,
  yearSummary: (count, year, average) => (count
    ? `${count === 1 ? "1 day" : `${count} days`} with a mood in ${year}, ${formatNumber(average)} of 5 on average.`
    : `No mood logged in ${year} yet.`),
  month: "Month",
  average: "Average",
  monthAverage: (average) => (average === null ? "–" : `${formatNumber(average)} of 5`),
  weekdayEmpty: "No mood logged this year yet.",
  weekdayLine: (day, count, average) => (count
    ? `${day}: ${formatNumber(average)} of 5 on average, over ${count === 1 ? "1 day" : `${count} days`}`
    : `${day}: no mood yet`),
  weekdayValue: (average, count) => `${formatNumber(average)} · ${count === 1 ? "1 day" : `${count} days`}`,
  weekdayCaption: "Each bar: the average mood of that weekday (of 5) and how many days it rests on.",
};

const WIDTH = 330;
const LEFT = 20;
const TOP = 18;
const COL = (WIDTH - LEFT) / 12;
const ROW = 13;

function tenth(value) {
  return Math.round(value * 10) / 10;
}

function hidden(svgEl) {
  svgEl.setAttribute("aria-hidden", "true");
  svgEl.setAttribute("focusable", "false");
  return svgEl;
}

/** The year's cells (GET /history/mood) as 12 columns of up to 31 days; `onDay(date)` opens a
 * day up to today. The text equivalent is a table of the server's month figures: days of each
 * mood, average. */
export function yearInPixels({ year, cells, summary, months, today }, { onDay = null } = {}) {
  const svgEl = svg("svg", { viewBox: `0 0 ${WIDTH} ${TOP + 31 * ROW}`, class: "pixels-svg" });
  for (const day of [1, 10, 20, 31]) {
    svgEl.append(svg("text", { x: LEFT - 5, y: TOP + (day - 1) * ROW + 9.5, class: "chart-label pixels-label", "text-anchor": "end", text: String(day) }));
  }
  for (let month = 0; month < 12; month += 1) {
    const first = `${year}-${String(month + 1).padStart(2, "0")}-01`;
    svgEl.append(svg("text", { x: LEFT + month * COL + COL / 2 - 1.5, y: 12, class: "chart-label pixels-label", "text-anchor": "middle",
      text: formatDate(first, { month: "narrow" }) }));
  }
  for (const cell of cells) {
    const month = Number(cell.date.slice(5, 7)) - 1;
    const day = Number(cell.date.slice(8, 10));
    const x = LEFT + month * COL;
    const y = TOP + (day - 1) * ROW;
    const words = cell.mood ? MOOD_WORDS[cell.mood - 1] : TEXT.noMood;
    const classes = ["px", `px-${cell.state}`, cell.mood ? `px-mood-${cell.mood}` : "", cell.date === today ? "px-today" : ""];
    svgEl.append(svg("rect", { class: classes.filter(Boolean).join(" "), x: x + 0.75, y: y + 0.75, width: COL - 3.5, height: ROW - 3.5, rx: 2.5,
      "data-date": cell.date, "data-mood": cell.mood || null },
    svg("title", { text: TEXT.cell(shortDate(cell.date), words) })));
  }
  if (onDay) {
    svgEl.classList.add("tappable");
    svgEl.addEventListener("click", (event) => {
      const date = event.target.closest?.("[data-date]")?.dataset.date;
      if (date && date <= today) onDay(date);
    });
  }
  // Wrapped: a table does not clip to the 1 px box of .visually-hidden, and would widen the page.
  const tableEl = h("div", { class: "visually-hidden" }, h("table", {},
    h("caption", { text: String(year) }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: TEXT.month }),
      [...MOOD_WORDS].reverse().map((words) => h("th", { scope: "col", text: words })),
      h("th", { scope: "col", text: TEXT.average }))),
    h("tbody", {}, months.map((month, index) => h("tr", {},
      h("th", { scope: "row", text: formatDate(`${year}-${String(index + 1).padStart(2, "0")}-01`, { month: "long" }) }),
      [...month.counts].reverse().map((count) => h("td", { text: String(count) })),
      h("td", { text: TEXT.monthAverage(month.average === null ? null : tenth(month.average)) }))))));
  return h("div", {},
    h("figure", { class: "chart chart-pixels" }, hidden(svgEl),
      h("figcaption", { class: "chart-summary", text: TEXT.yearSummary(summary.count, year, summary.average === null ? null : tenth(summary.average)) }),
      tableEl),
    moodLegend());
}

/** The colours of the five moods and of a day without one. */
export function moodLegend() {
  const swatch = (className) => svg("svg", { viewBox: "0 0 12 12" }, svg("rect", { class: className, x: 0.75, y: 0.75, width: 10.5, height: 10.5, rx: 2.5 }));
  return h("ul", { class: "legend pixels-legend", "aria-hidden": "true" },
    MOOD_WORDS.map((words, index) => h("li", {}, swatch(`px px-mood px-mood-${index + 1}`), h("span", { text: words }))),
    h("li", {}, swatch("px px-empty"), h("span", { text: TEXT.noMood })));
}

/** Horizontal bars: the average mood of each weekday (of 5), with the days it rests on. */
export function weekdayMoodBars(weekdays) {
  const ROW_H = 30;
  const LABEL = 44;
  const VALUE = 92;
  const trackW = WIDTH - LABEL - VALUE;
  const svgEl = svg("svg", { viewBox: `0 0 ${WIDTH} ${weekdays.length * ROW_H}`, class: "weekday-mood-svg" });
  weekdays.forEach((row, index) => {
    const y = index * ROW_H;
    svgEl.append(svg("text", { x: 0, y: y + 19, class: "chart-label", text: WEEKDAY_SHORT[row.weekday] }),
      svg("rect", { x: LABEL, y: y + 8, width: trackW, height: 14, rx: 7, class: "bar-empty" }));
    if (row.count) {
      svgEl.append(svg("rect", { x: LABEL, y: y + 8, width: Math.max(14, trackW * (row.average / 5)), height: 14, rx: 7,
        class: "bar weekday-mood-bar", "data-weekday": row.weekday }),
      svg("text", { x: WIDTH, y: y + 19, class: "chart-value weekday-mood-value", "text-anchor": "end",
        text: TEXT.weekdayValue(tenth(row.average), row.count) }));
    }
  });
  const judged = weekdays.some((row) => row.count);
  return h("figure", { class: "chart chart-weekday-mood" }, hidden(svgEl),
    h("figcaption", { class: "chart-summary", text: judged ? TEXT.weekdayCaption : TEXT.weekdayEmpty }),
    h("ul", { class: "visually-hidden" }, weekdays.map((row) => h("li", {
      text: TEXT.weekdayLine(WEEKDAY_LONG[row.weekday], row.count, row.count ? tenth(row.average) : null) }))));
}
