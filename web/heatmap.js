// The calendar heatmap: months of days, each with its /calendar state drawn by colour AND by
// shape (solid, half, slash, cross, dash, bars, ring, dot), so that no state is told by colour alone.
// A tap on a day opens that day's log on Today.
import { h, svg } from "./dom.js";
import { addDays, addMonths, formatDate, shortDate, startOfMonth, weekdayOf } from "./dates.js";
import { plural } from "./format.js";

const CELL = 12.5;
const GAP = 2.5;
const COLS = 3;
const WIDTH = 330;

// Per state: its words and the mark drawn in the cell. Week, month and window habits say what a
// day without a check-in means there: part of a met period, or of a missed one.
const DAILY = {
  done: ["Done", "solid"], kept: ["Kept", "solid"], partial: ["Partly done", "half"],
  skipped: ["Skipped", "dash"], paused: ["Paused", "pause"], missed: ["Missed", "slash"], slip: ["A slip", "cross"],
  open: ["Still open", "ring"], not_due: ["Not due", "dot"], before_start: ["Not tracked yet", "none"],
  // Never miss twice (issue 24): a miss the streak held over; not a done day.
  bridged: ["Missed once, streak held", "bridge"],
};
const PERIODIC = {
  ...DAILY, missed: ["In a missed period", "slash"], not_due: ["In a met period", "met"],
  bridged: ["In a missed period, streak held", "bridge"],
};

/** The mark of a state inside a cell at (x, y). */
function mark(cue, x, y) {
  const c = CELL / 2;
  switch (cue) {
    case "half":
      return svg("path", { class: "hm-mark", d: `M${x} ${y + c}h${CELL}v${c - 3}a3 3 0 0 1-3 3h-${CELL - 6}a3 3 0 0 1-3-3z` });
    case "slash":
      return svg("path", { class: "hm-mark", d: `M${x + 3} ${y + CELL - 3}L${x + CELL - 3} ${y + 3}` });
    case "cross":
      return svg("path", { class: "hm-mark", d: `M${x + 3.5} ${y + 3.5}L${x + CELL - 3.5} ${y + CELL - 3.5}M${x + CELL - 3.5} ${y + 3.5}L${x + 3.5} ${y + CELL - 3.5}` });
    case "dash":
      return svg("path", { class: "hm-mark", d: `M${x + 3} ${y + c}H${x + CELL - 3}` });
    case "pause":
      return svg("path", { class: "hm-mark", d: `M${x + c - 2} ${y + 3.5}V${y + CELL - 3.5}M${x + c + 2} ${y + 3.5}V${y + CELL - 3.5}` });
    case "bridge":
      return svg("path", { class: "hm-mark", d: `M${x + 2.5} ${y + CELL - 3}Q${x + c} ${y + 1.5} ${x + CELL - 2.5} ${y + CELL - 3}` });
    case "met":
      return svg("circle", { class: "hm-mark", cx: x + c, cy: y + c, r: 2.2 });
    default:
      return null;
  }
}

/** The months from `first` (a young habit's start) to today, as calendars; `onDay(date)` opens a
 * day (none before the first shown or after today). */
export function heatmap(days, { today, weekStart = "mon", kind = "build", periodic = false, onDay = null }) {
  const MONTH_W = 7 * CELL + 6 * GAP;
  const states = periodic ? PERIODIC : DAILY;
  const byDate = new Map(days.map((day) => [day.date, day]));
  const firstColumn = weekStart === "sun" ? 6 : 0;
  const months = [];
  for (let month = startOfMonth(days[0]?.date || today); month <= today; month = addMonths(month, 1)) months.push(month);
  // Three months a row; a young habit's one or two months fill the card's width instead, with
  // cells big enough for a thumb, their labels and gaps kept at the size they have in a full row.
  const cols = Math.min(COLS, months.length);
  const colGap = cols === COLS ? (WIDTH - COLS * MONTH_W) / (COLS - 1) : 6 * GAP;
  const width = cols * MONTH_W + (cols - 1) * colGap;
  const unit = width / WIDTH; // one pixel of a full row, in this drawing's units
  const head = 20 * unit;
  const monthH = head + 6 * (CELL + GAP);
  const rows = Math.ceil(months.length / COLS);
  const svgEl = svg("svg", { viewBox: `0 0 ${width} ${rows * monthH + (rows - 1) * 8 * unit}`, class: "heatmap-svg" });
  const details = [];

  months.forEach((month, index) => {
    const x0 = (index % COLS) * (MONTH_W + colGap);
    const y0 = Math.floor(index / COLS) * (monthH + 8 * unit);
    const title = formatDate(month, { month: "short", year: index === 0 || month.endsWith("-01-01") ? "numeric" : undefined });
    const label = svg("text", { x: x0, y: y0 + 12 * unit, class: "chart-label", text: title });
    label.style.fontSize = `${12 * unit}px`;
    svgEl.append(label);
    const counts = {};
    const offset = (weekdayOf(month) - firstColumn + 7) % 7;
    for (let day = month, i = 0; day.slice(0, 7) === month.slice(0, 7); day = addDays(day, 1), i += 1) {
      const state = day > today ? "future" : byDate.get(day)?.state || "before_start";
      counts[state] = (counts[state] || 0) + 1;
      const [words, cue] = states[state] || ["Ahead", "none"];
      const x = x0 + ((i + offset) % 7) * (CELL + GAP);
      const y = y0 + head + Math.floor((i + offset) / 7) * (CELL + GAP);
      svgEl.append(svg("g", { class: `hm hm-${state}`, "data-date": day, "data-cue": cue },
        svg("rect", { class: "hm-cell", x, y, width: CELL, height: CELL, rx: 3 }),
        mark(cue, x, y),
        svg("title", { text: `${shortDate(day)}: ${words}` })));
    }
    const parts = Object.entries(counts).filter(([state]) => !["future", "before_start", "not_due", "open"].includes(state))
      .map(([state, count]) => `${count} ${states[state][0].toLowerCase()}`);
    details.push(`${formatDate(month, { month: "long", year: "numeric" })}: ${parts.join(", ") || "nothing due"}`);
  });
  if (onDay) {
    svgEl.classList.add("tappable");
    svgEl.addEventListener("click", (event) => {
      const day = event.target.closest?.("[data-date]")?.dataset.date;
      if (day && day <= today) onDay(day);
    });
  }
  const doneCount = days.filter((day) => day.state === "done" || day.state === "kept").length;
  const legendStates = (kind === "quit" ? ["kept", "slip", "before_start"]
    : periodic ? ["done", "not_due", "missed", "skipped"] : ["done", "partial", "skipped", "missed"])
    .concat(days.some((day) => day.state === "paused") ? ["paused"] : [])
    .concat(days.some((day) => day.state === "bridged") ? ["bridged"] : []);
  const summary = `${plural(doneCount, kind === "quit" ? "day kept" : "done day", kind === "quit" ? "days kept" : "done days")}`
    + ` in ${months.length === 1 ? "this month" : `the last ${months.length} months`}.`;
  svgEl.setAttribute("aria-hidden", "true");
  svgEl.setAttribute("focusable", "false");
  return h("div", {},
    h("figure", { class: "chart chart-heatmap" }, svgEl,
      h("figcaption", { class: "chart-summary", text: summary }),
      h("ul", { class: "visually-hidden" }, details.map((text) => h("li", { text })))),
    h("ul", { class: "legend", "aria-hidden": "true" }, legendStates.map((state) => {
      const [words, cue] = states[state];
      return h("li", {}, svg("svg", { viewBox: `0 0 ${CELL} ${CELL}` },
        svg("g", { class: `hm hm-${state}`, "data-cue": cue }, svg("rect", { class: "hm-cell", width: CELL, height: CELL, rx: 3 }), mark(cue, 0, 0))),
      h("span", { text: words }));
    })));
}
