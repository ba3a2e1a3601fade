// A kind restart after a lapse (issue 24), under a habit on Today: the server judges the misses
// just before the day (item.lapse) and a quit habit's slip (item.slip); this module only words
// and draws them. After one miss, a restart line; after two, a smaller step or a pause, one tap
// to either: the editor with the smaller step filled in (the weekly summary's apply path) or
// the pause sheet.
import { h } from "../dom.js";
import { addDays, formatDate } from "../dates.js";
import { t, tn } from "../i18n.js";
import { openPauseSheet } from "./pause-sheet.js";

// What the app says, in one place: whole sentences, called when drawn (the language on show).
const MISSED = {
  weeks: () => t("Last week didn't happen. This week counts."),
  months: () => t("Last month didn't happen. This month counts."),
  windows: () => t("The last stretch didn't happen. This one counts."),
};
const TWICE = {
  days: () => t("Two days in a row didn't happen."),
  weeks: () => t("Two weeks in a row didn't happen."),
  months: () => t("Two months in a row didn't happen."),
  windows: () => t("Two stretches in a row didn't happen."),
};

/** One miss: "Yesterday didn't happen. Today counts.", "Monday didn't happen...", "Last week...";
 * a quit habit's (counted in days): "Yesterday was a slip. Today counts." */
function missedLine({ unit, last_missed: lastMissed }, date, quit) {
  if (!quit && MISSED[unit]) return MISSED[unit]();
  if (lastMissed === addDays(date, -1) || !lastMissed) {
    return quit ? t("Yesterday was a slip. Today counts.") : t("Yesterday didn't happen. Today counts.");
  }
  const day = formatDate(lastMissed, { weekday: "long" });
  // TRANSLATORS: {day} is a weekday ("Monday"), the latest day missed.
  return quit ? t("{day} was a slip. Today counts.", { day }) : t("{day} didn't happen. Today counts.", { day });
}

/** The restart under a habit with a lapse, on the real today (a past day needs no greeting);
 * `refresh(habitId)` redraws it once paused. Null when there is nothing to say. */
export function restartRow(item, date, today, refresh) {
  const { habit, lapse } = item;
  if (!lapse || date !== today) return null;
  const quit = habit.kind === "quit";
  const rowEl = h("div", { class: "habit-restart", role: "note" });
  if (lapse.misses < 2) {
    // A streak still alive after a miss is one never miss twice holds over it (the server's).
    const held = !quit && item.streak.current > 0;
    rowEl.append(h("p", { class: "restart-line",
      text: [missedLine(lapse, date, quit), held ? t("The streak holds.") : null].filter(Boolean).join(" ") }));
    return rowEl;
  }
  const { smaller } = lapse;
  const twice = [(TWICE[lapse.unit] || TWICE.days)(), smaller ? t("Make it smaller, or rest it a while?") : t("Rest it a while?")];
  rowEl.append(h("p", { class: "restart-line",
    text: quit ? t("Two slips in a row. Be kind to yourself: a pause is allowed too.") : twice.join(" ") }));
  if (smaller) rowEl.append(h("p", { class: "hint", text: smaller.text }));
  const actionsEl = h("div", { class: "restart-actions" });
  if (smaller) {
    const patch = encodeURIComponent(JSON.stringify(smaller.patch));
    actionsEl.append(h("a", { class: "button small secondary restart-smaller", href: `#/habit/${habit.id}/edit?patch=${patch}`,
      text: t("Make it smaller"), "aria-label": t("Make {habit} smaller", { habit: habit.name }) }));
  }
  const pauseEl = h("button", { type: "button", class: "button small secondary restart-pause", text: t("Pause a while"),
    "aria-label": t("Pause {habit}", { habit: habit.name }) });
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
  return days ? h("p", { class: "habit-slip",
    text: tn("After {n} day kept. Those days still count.", "After {n} days kept. Those days still count.", days) }) : null;
}
