// Habit detail: the numbers that matter, four charts and the notes.
import * as api from "../api.js";
import * as store from "../store.js";
import { longDate } from "../dates.js";
import { append, h, icon, onConfirmedClick, screenHeader, showToast, titledSection } from "../dom.js";
import { goalText, percent, scheduleText, streakText } from "../format.js";
import { streakBars, strengthLine, weekdaySentence, weeklyBars } from "../charts.js";
import { heatmap } from "../heatmap.js";
import { pauseControls } from "./habit-pause.js";
import { t, tn } from "../i18n.js";

const STRENGTH_DAYS = 90; // the overview's strength series: the last 90 days, or since the start

/** Renders #/habit/{id}: one read (GET /habits/{id}/overview), everything judged by the server. */
export async function render(screenEl, habitId) {
  const { habit, stats, calendar, strength, checkins, identity, pauses, completion, today, period_unit: unit } =
    await api.getOverview(habitId);
  const pause = pauseControls(habit, pauses, today, () => {
    screenEl.replaceChildren();
    return render(screenEl, habitId).then(() => screenEl.querySelector("h1")?.focus());
  });
  const weekStart = store.weekStart();
  screenEl.style.setProperty("--habit", habit.color);

  const periodic = unit !== "days";
  const rows = completion.rows.length;
  const barsTitle = completion.unit === "month" ? tn("This month", "Last {n} months", rows) : tn("This week", "Last {n} weeks", rows);
  const openDay = (day) => { location.hash = day === today ? "#/today" : `#/today/${day}`; };

  append(screenEl,
    screenHeader(habit.name, {
      back: { href: "#/today", label: t("Back to Today") },
      actions: [pause.buttonEl, h("a", { class: "button small secondary", href: `#/habit/${habit.id}/edit`, "aria-label": t("Edit {habit}", { habit: habit.name }) },
        h("span", { text: t("Edit") }))].filter(Boolean),
    }),
    habit.archived ? archivedBanner(habit) : null,
    pause.bannerEl,
    summaryCard(habit, identity),
    statTiles(habit, stats),
    chartCard(t("Calendar"), heatmap(calendar, { today, weekStart, kind: habit.kind, periodic, onDay: openDay }),
      t("Tap a day to open its log.")),
    chartCard(barsTitle, weeklyBars(completion.rows, completion.unit), barsHint(habit, completion.unit)),
    chartCard(STRENGTH_DAYS <= strength.length ? t("Strength, last 90 days") : t("Strength since the start"), strengthLine(strength),
      t("Rises with every done day, fades slowly with misses.")),
    chartCard(t("Best streaks"), streakBars(stats.streaks || [], { asOf: stats.as_of })),
    notesCard(checkins));
}

function barsHint(habit, unit) {
  const type = habit.kind === "quit" ? "daily" : habit.schedule?.type;
  if (type === "per_week") return t("Done days over what each week asks for.");
  if (type === "per_month") return t("Done days over what each month asks for.");
  if (type === "every_n_days") {
    return t("Met {n}-day windows over the windows ending each week.", { n: habit.schedule.n });
  }
  if (habit.kind === "quit") return t("Kept days over days counted, each week.");
  return unit === "month" ? t("Share of due days done each month.") : t("Share of due days done each week.");
}

/** Archived: what that means, and the way back. */
function archivedBanner(habit) {
  const restoreEl = h("button", { type: "button", class: "button small primary", text: t("Restore") });
  onConfirmedClick(restoreEl, null, async () => {
    await api.updateHabit(habit.id, { archived: false });
    showToast(t("{habit} is back on Today", { habit: habit.name }));
    location.hash = "#/today";
  });
  return h("div", { class: "banner archived-banner", role: "note" },
    h("p", { text: t("Archived: hidden from Today, its days are still counted.") }), restoreEl);
}

function summaryCard(habit, identity) {
  const facts = [habit.kind === "quit" ? t("Quit") : scheduleText(habit.schedule), goalText(habit)].filter(Boolean);
  return h("section", { class: "card habit-summary", "aria-label": t("About this habit") },
    identity ? h("a", { class: "identity-chip", href: `#/identities/${identity.id}`, "--habit": identity.color },
      h("span", { class: "dot", "aria-hidden": "true" }), h("span", { text: identity.statement })) : null,
    h("p", { class: "habit-facts", text: facts.join(" · ") }),
    habit.description ? h("blockquote", { class: "why", text: habit.description }) : null);
}

function statTiles(habit, stats) {
  const current = stats.current_streak || { length: 0, unit: "days" };
  const best = stats.best_streak || { length: 0, unit: "days" };
  const rate = stats.completion_rate?.["30"];
  const quit = habit.kind === "quit";
  const tiles = [
    { label: quit ? t("Kept in a row") : t("Current streak"), value: streakText(current.length, current.unit), icon: quit ? "shield" : "flame" },
    { label: quit ? t("Longest run kept") : t("Best streak"), value: streakText(best.length, best.unit) },
    { label: t("Strength"), value: percent(stats.strength), meter: stats.strength },
    { label: quit ? t("Days kept") : t("Done in total"), value: streakText(stats.total_done || 0, "days"),
      note: rate === null || rate === undefined ? weekdaySentence(stats.by_weekday || []) : rateText(rate, stats.rate_days) },
  ];
  return h("section", { class: "stat-grid", "aria-label": t("Numbers") }, tiles.map((tile) =>
    h("div", { class: "stat-tile" },
      h("p", { class: "stat-label", text: tile.label }),
      h("p", { class: "stat-value" }, tile.icon ? icon(tile.icon, "icon tiny") : null, h("span", { text: tile.value })),
      tile.meter !== undefined ? h("span", { class: "meter", "aria-hidden": "true" },
        h("span", { style: { width: `${Math.round((tile.meter || 0) * 100)}%` } })) : null,
      tile.note ? h("p", { class: "stat-note", text: tile.note }) : null)));
}

/** "80% of the last 30 days", or of a younger habit's own days (none before it existed count). */
function rateText(rate, days = 30) {
  if (days >= 30) return tn("{percent} of the last {n} day", "{percent} of the last {n} days", 30, { percent: percent(rate) });
  return tn("{percent} of its {n} day", "{percent} of its {n} days", days, { percent: percent(rate) });
}

function chartCard(title, chartEl, hint) {
  return titledSection(title, { className: "card chart-card", hint }, chartEl);
}

function notesCard(checkins) {
  const notes = checkins.filter((checkin) => checkin.note).reverse();
  return titledSection(t("Notes"), { className: "card notes-card" },
    notes.length
      ? h("ol", { class: "notes", role: "list" }, notes.map((checkin) => h("li", {},
        h("p", { class: "note-date" }, h("time", { datetime: checkin.date, text: longDate(checkin.date) }),
          checkin.status === "skipped" ? h("span", { class: "tag", text: t("Skipped") }) : null),
        h("p", { class: "note-text", text: checkin.note }))))
      : h("p", { class: "hint", text: t("No notes yet. Add one from Today with the ⋯ button.") }));
}
