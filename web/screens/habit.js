// Habit detail: the numbers that matter, four charts and the notes.
import * as api from "../api.js";
import * as store from "../store.js";
import { addDays, addMonths, longDate, startOfMonth } from "../dates.js";
import { append, h, icon, screenHeader, titledSection } from "../dom.js";
import { goalText, percent, plural, scheduleText, streakText } from "../format.js";
import { heatmap, streakBars, strengthLine, weekdaySentence, weeklyBars, weeklyCompletion } from "../charts.js";

const STRENGTH_DAYS = 90;
const NOTES_DAYS = 365;
const MIN_MONTHS = 3;
const MAX_MONTHS = 12;

/** Renders #/habit/{id}. */
export async function render(screenEl, habitId) {
  const today = store.today();
  const habit = await api.getHabit(habitId);
  const [stats, calendar, strength, checkins, identities] = await Promise.all([
    api.getStats(habitId),
    api.getCalendar(habitId, calendarStart(habit.start_date, today), today),
    api.getStrength(habitId, addDays(today, -(STRENGTH_DAYS - 1)), today),
    api.listCheckins(habitId, addDays(today, -(NOTES_DAYS - 1)), today),
    store.identities(),
  ]);
  const identity = identities.find((candidate) => candidate.id === habit.identity_id);
  const weekStart = store.weekStart();
  screenEl.style.setProperty("--habit", habit.color);

  append(screenEl,
    screenHeader(habit.name, {
      back: { href: "#/today", label: "Back to Today" },
      actions: [h("a", { class: "button small secondary", href: `#/habit/${habit.id}/edit`, "aria-label": `Edit ${habit.name}` },
        h("span", { text: "Edit" }))],
    }),
    habit.archived ? h("p", { class: "banner", role: "note", text: "Archived: hidden from Today, its days are still counted." }) : null,
    summaryCard(habit, identity),
    statTiles(habit, stats),
    chartCard("Calendar", heatmap(calendar, { today, weekStart, kind: habit.kind })),
    chartCard("Last 12 weeks", weeklyBars(weeklyCompletion(calendar, { today, weekStart })),
      "Share of due days done each week."),
    chartCard("Strength, last 90 days", strengthLine(strength),
      "Rises with every done day, fades slowly with misses."),
    chartCard("Best streaks", streakBars(stats.streaks || [], { asOf: stats.as_of })),
    notesCard(checkins));
}

/** The first month the calendar shows: the start date's, but at least 3 and at most 12 months. */
function calendarStart(startDate, today) {
  const earliest = addMonths(today, -(MAX_MONTHS - 1));
  const latest = addMonths(today, -(MIN_MONTHS - 1));
  const month = startOfMonth(startDate);
  return month < earliest ? earliest : month > latest ? latest : month;
}

function summaryCard(habit, identity) {
  const facts = [habit.kind === "quit" ? "Quit" : scheduleText(habit.schedule), goalText(habit)].filter(Boolean);
  return h("section", { class: "card habit-summary", "aria-label": "About this habit" },
    identity ? h("p", { class: "identity-chip", "--habit": identity.color },
      h("span", { class: "dot", "aria-hidden": "true" }), h("span", { text: identity.statement })) : null,
    h("p", { class: "habit-facts", text: facts.join(" · ") }),
    habit.description ? h("blockquote", { class: "why", text: habit.description }) : null);
}

function statTiles(habit, stats) {
  const current = stats.current_streak || { length: 0, unit: "days" };
  const best = stats.best_streak || { length: 0, unit: "days" };
  const rate = stats.completion_rate?.["30"];
  const tiles = [
    { label: habit.kind === "quit" ? "Days kept" : "Current streak", value: streakText(current.length, current.unit), icon: "flame" },
    { label: "Best streak", value: streakText(best.length, best.unit) },
    { label: "Strength", value: percent(stats.strength), meter: stats.strength },
    { label: "Done in total", value: plural(stats.total_done || 0, "day"),
      note: rate === null || rate === undefined ? weekdaySentence(stats.by_weekday || []) : `${percent(rate)} of the last 30 days` },
  ];
  return h("section", { class: "stat-grid", "aria-label": "Numbers" }, tiles.map((tile) =>
    h("div", { class: "stat-tile" },
      h("p", { class: "stat-label", text: tile.label }),
      h("p", { class: "stat-value" }, tile.icon ? icon(tile.icon, "icon tiny") : null, h("span", { text: tile.value })),
      tile.meter !== undefined ? h("span", { class: "meter", "aria-hidden": "true" },
        h("span", { style: { width: percent(tile.meter) } })) : null,
      tile.note ? h("p", { class: "stat-note", text: tile.note }) : null)));
}

function chartCard(title, chartEl, hint) {
  return titledSection(title, { className: "card chart-card", hint }, chartEl);
}

function notesCard(checkins) {
  const notes = checkins.filter((checkin) => checkin.note).reverse();
  return titledSection("Notes", { className: "card notes-card" },
    notes.length
      ? h("ol", { class: "notes", role: "list" }, notes.map((checkin) => h("li", {},
        h("p", { class: "note-date" }, h("time", { datetime: checkin.date, text: longDate(checkin.date) }),
          checkin.status === "skipped" ? h("span", { class: "tag", text: "Skipped" }) : null),
        h("p", { class: "note-text", text: checkin.note }))))
      : h("p", { class: "hint", text: "No notes yet. Add one from Today with the ⋯ button." }));
}
