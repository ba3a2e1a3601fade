// A kind restart after a lapse (issue 24), under a habit on Today: the server judges the misses
// just before the day (item.lapse) and a quit habit's slip (item.slip); this module only words
// and draws them. After one miss, a restart line; after two, a smaller step or a pause, one tap
// to either: the editor with the smaller step filled in (the weekly summary's apply path) or
// the pause sheet.
import { h } from "../dom.js";
import { addDays, formatDate } from "../dates.js";
import { plural } from "../format.js";
import { openPauseSheet } from "./pause-sheet.js";

// What the app says, in one place.
const AGAIN = { days: "Today counts.", weeks: "This week counts.", months: "This month counts.",
  windows: "This one counts." };
const LAST = { weeks: "Last week", months: "Last month", windows: "The last stretch" };
const TWO = { days: "Two days in a row", weeks: "Two weeks in a row", months: "Two months in a row",
  windows: "Two stretches in a row" };
const WORDS = {
  missed: (when, unit) => `${when} didn't happen. ${AGAIN[unit] || AGAIN.days}`,
  held: "The streak holds.",
  slipped: (when) => `${when} was a slip. Today counts.`,
  twice: (unit, smaller) => `${TWO[unit] || TWO.days} didn't happen. ${smaller ? "Make it smaller, or rest it a while?" : "Rest it a while?"}`,
  twoSlips: "Two slips in a row. Be kind to yourself: a pause is allowed too.",
  smaller: "Make it smaller",
  smallerLabel: (name) => `Make ${name} smaller`,
  pause: "Pause a while",
  pauseLabel: (name) => `Pause ${name}`,
  keptBefore: (days) => `After ${plural(days, "day", "days")} kept. Those days still count.`,
};

/** "Yesterday", or the weekday of the latest missed day, or last week / month / stretch. */
function whenMissed({ unit, last_missed: lastMissed }, date) {
  if (unit !== "days") return LAST[unit] || "Yesterday";
  if (lastMissed === addDays(date, -1)) return "Yesterday";
  return formatDate(lastMissed, { weekday: "long" });
}

/** The restart under a habit with a lapse, on the real today (a past day needs no greeting);
 * `refresh(habitId)` redraws it once paused. Null when there is nothing to say. */
export function restartRow(item, date, today, refresh) {
  const { habit, lapse } = item;
  if (!lapse || date !== today) return null;
  const quit = habit.kind === "quit";
  const rowEl = h("div", { class: "habit-restart", role: "note" });
  if (lapse.misses < 2) {
    const when = whenMissed(lapse, date);
    // A streak still alive after a miss is one never miss twice holds over it (the server's).
    const held = !quit && item.streak.current > 0 ? ` ${WORDS.held}` : "";
    rowEl.append(h("p", { class: "restart-line", text: quit ? WORDS.slipped(when) : `${WORDS.missed(when, lapse.unit)}${held}` }));
    return rowEl;
  }
  const { smaller } = lapse;
  rowEl.append(h("p", { class: "restart-line", text: quit ? WORDS.twoSlips : WORDS.twice(lapse.unit, smaller) }));
  if (smaller) rowEl.append(h("p", { class: "hint", text: smaller.text }));
  const actionsEl = h("div", { class: "restart-actions" });
  if (smaller) {
    const patch = encodeURIComponent(JSON.stringify(smaller.patch));
    actionsEl.append(h("a", { class: "button small secondary restart-smaller", href: `#/habit/${habit.id}/edit?patch=${patch}`,
      text: WORDS.smaller, "aria-label": WORDS.smallerLabel(habit.name) }));
  }
  const pauseEl = h("button", { type: "button", class: "button small secondary restart-pause", text: WORDS.pause,
    "aria-label": WORDS.pauseLabel(habit.name) });
  pauseEl.addEventListener("click", async () => {
    if (await openPauseSheet({ habit, today })) await refresh(habit.id);
  });
  actionsEl.append(pauseEl);
  rowEl.append(actionsEl);
  return rowEl;
}

/** A quit habit's slip: how many days were kept before it (the server counts them). */
export function slipLine(item) {
  const days = item.slip?.kept_before;
  return days ? h("p", { class: "habit-slip", text: WORDS.keptBefore(days) }) : null;
}
