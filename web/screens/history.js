// The mood history (issue 25): a year in pixels, mood by weekday, and one month's moods with
// their notes. The server judges every figure (GET /history/mood); this screen draws them. A day
// opens on Today's screen of that date: its mood, its note and its check-ins.
import * as api from "../api.js";
import { formatDate } from "../dates.js";
import { append, h, icon, screenHeader, titledSection } from "../dom.js";
import { MOOD_WORDS, weekdayMoodBars, yearInPixels } from "../charts-mood.js";
import { historyNav } from "./history-nav.js";

const TEXT = {
  title: "Mood history",
  year: "Year",
  chooseYear: "Choose a year",
  pixels: "Your year in pixels",
  pixelsHint: "A square a day, coloured by the day's mood. Tap a day to open it.",
  weekdays: "Mood by weekday",
  chooseMonth: "Choose a month",
  previous: (month) => `Previous month, ${month}`,
  next: (month) => `Next month, ${month}`,
  noEntries: "No mood logged this month. A one-tap check on Today is enough.",
  noNote: "No note",
  linkTitle: "Mood history",
  linkHint: "A year of moods, by day and by weekday, with your notes",
};

/** The address of the history of `year`, opening on `month` ("YYYY-MM") when given. */
export function historyHash(year, month) {
  if (month) return `#/history?month=${month}`;
  return year ? `#/history/${year}` : "#/history";
}

/** A row that leads to the mood history (Settings). */
export function historyLink() {
  return h("a", { class: "card link-card", href: "#/history" },
    h("span", { class: "link-card-text" },
      h("span", { class: "link-card-title", text: TEXT.linkTitle }),
      h("span", { class: "hint", text: TEXT.linkHint })),
    h("span", { class: "link-card-go", "aria-hidden": "true", text: "›" }));
}

/** Renders #/history, #/history/YYYY and either with ?month=YYYY-MM. */
export async function render(screenEl, yearParam, monthParam) {
  const moods = await api.getMoodHistory(yearParam, monthParam);
  const openDay = (date) => { location.hash = `#/today/${date}`; };
  append(screenEl,
    screenHeader(TEXT.title),
    historyNav("mood"),
    yearChoice(moods),
    titledSection(TEXT.pixels, { className: "card chart-card history-pixels", hint: TEXT.pixelsHint },
      yearInPixels(moods, { onDay: openDay })),
    titledSection(TEXT.weekdays, { className: "card chart-card history-weekdays" },
      weekdayMoodBars(moods.weekdays)),
    monthCard(moods.month));
}

/** The years to look at, as links; the one on show is marked. */
function yearChoice({ years, year }) {
  if (years.length < 2) return null;
  return h("nav", { class: "history-years", "aria-label": TEXT.chooseYear },
    years.map((each) => h("a", {
      class: each === year ? "history-year is-current" : "history-year",
      href: historyHash(each), "aria-current": each === year ? "page" : null, text: String(each),
    })));
}

function monthName(month) {
  return formatDate(`${month}-01`, { month: "long", year: "numeric" });
}

/** One month's moods with their notes, newest first, between links to the months either side. */
function monthCard(month) {
  const arrow = (target, className, label) => (target
    ? h("a", { class: `icon-button history-arrow ${className}`, href: historyHash(null, target), "aria-label": label(monthName(target)) }, icon("back"))
    : h("span", { class: `icon-button history-arrow ${className} placeholder`, "aria-hidden": "true" }, icon("back")));
  const headingId = `history-month-${month.month}`;
  return h("section", { class: "card history-month", "aria-labelledby": headingId },
    h("nav", { class: "history-month-nav", "aria-label": TEXT.chooseMonth },
      arrow(month.previous, "earlier", TEXT.previous),
      h("h2", { id: headingId, text: monthName(month.month) }),
      arrow(month.next, "later", TEXT.next)),
    month.entries.length
      ? h("ul", { class: "history-entries", role: "list" }, month.entries.map(entryRow))
      : h("p", { class: "hint history-empty", text: TEXT.noEntries }));
}

function entryRow(entry) {
  const day = formatDate(entry.date, { weekday: "short", day: "numeric", month: "short" });
  const mood = MOOD_WORDS[entry.mood - 1];
  return h("li", {},
    h("a", { class: "history-entry", href: `#/today/${entry.date}`, "data-date": entry.date },
    h("span", { class: `history-dot px-mood-${entry.mood}`, "aria-hidden": "true" }),
    h("span", { class: "history-entry-text" },
      h("span", { class: "history-entry-head" }, h("strong", { text: mood }), h("span", { class: "history-entry-day", text: day })),
      h("span", { class: entry.note ? "history-note" : "history-note none", text: entry.note || TEXT.noNote }))));
}
