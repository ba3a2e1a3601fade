// Settings → Reminders (#/settings/reminders): what comes in the next 24 hours, the daily
// reflection and weekly summary reminders, the habits' reminders, the calendar link and Apprise.
import * as api from "../api.js";
import * as store from "../store.js";
import { append, h, icon, screenHeader, titledSection } from "../dom.js";
import { appriseAllowed, remindersSection, whenText } from "./reminders.js";
import { appriseSection, calendarSection } from "./settings-feeds.js";

const UPCOMING_HOURS = 24;

/** The row on Settings that opens this screen. */
export function remindersLink() {
  return h("a", { class: "card link-card", href: "#/settings/reminders" },
    h("span", { class: "link-card-text" },
      h("span", { class: "link-card-title", text: "Reminders" }),
      h("span", { class: "hint", text: "Reflection, weekly summary, calendar link" })),
    h("span", { class: "link-card-go", "aria-hidden": "true", text: "›" }));
}

/** Renders #/settings/reminders. */
export async function render(screenEl) {
  const [reminders, habits, upcoming, calendarUrl, targets] = await Promise.all([
    api.listReminders(),
    api.listHabits("all"),
    api.upcomingReminders(UPCOMING_HOURS),
    api.getCalendarUrl().then((answer) => answer.url, absentOn404),
    appriseAllowed().then((allowed) => (allowed ? api.listNotifyTargets() : null)),
  ]);
  const upcomingEl = h("ol", { class: "upcoming-list", role: "list" });
  const paintUpcoming = (items) => {
    upcomingEl.replaceChildren(...items.map((item) => h("li", { class: "upcoming-row" },
      h("span", { class: "upcoming-time", text: whenText(item.at).replace(/^today at /, "") }),
      h("span", { class: "upcoming-title", text: item.title }))));
    if (!items.length) upcomingEl.append(h("li", { class: "hint", text: "Nothing in the next 24 hours." }));
  };
  paintUpcoming(upcoming);
  const refresh = () => api.upcomingReminders(UPCOMING_HOURS).then(paintUpcoming, () => {});
  const weekStartDay = store.weekStart() === "sun" ? 6 : 0;

  append(screenEl,
    screenHeader("Reminders", { back: { href: "#/settings", label: "Back to Settings" },
      subtitle: `Times are in your time zone, ${store.user()?.timezone || "UTC"}.` }),
    titledSection("Next 24 hours", { className: "card settings-section" }, upcomingEl),
    remindersSection({
      title: "Daily reflection",
      hint: "A nudge to note how the day went. Not sent once that day's reflection is written.",
      target: "reflection",
      reminders: reminders.filter((reminder) => reminder.target === "reflection"),
      defaults: { time: "21:00", days: [0, 1, 2, 3, 4, 5, 6] },
      addLabel: "Add a reflection reminder",
      empty: "No reflection reminder.",
      onChange: refresh,
    }),
    remindersSection({
      title: "Weekly summary",
      hint: "Your last complete week: what grew, and a next small step.",
      target: "weekly_summary",
      reminders: reminders.filter((reminder) => reminder.target === "weekly_summary"),
      defaults: { time: "18:00", days: [weekStartDay] },
      addLabel: "Send me my weekly summary",
      empty: "The summary is on the Week screen; it can also come to you once a week.",
      max: 1,
      onChange: refresh,
    }),
    habitsSection(reminders, habits),
    calendarSection(calendarUrl),
    targets ? appriseSection(targets) : null);
}

/** A 404 means "there is none"; anything else is a real error. */
function absentOn404(error) {
  if (error.status === 404) return null;
  throw error;
}

/** Which habits have reminders, each a link to its editor (where they are set). */
function habitsSection(reminders, habits) {
  const byHabit = new Map();
  for (const reminder of reminders.filter((item) => item.target === "habit")) {
    byHabit.set(reminder.habit_id, [...(byHabit.get(reminder.habit_id) || []), reminder]);
  }
  const rows = habits.filter((habit) => byHabit.has(habit.id)).map((habit) => {
    const times = byHabit.get(habit.id).map((reminder) => reminder.time + (reminder.enabled ? "" : " (paused)")).sort();
    return h("li", {}, h("a", { class: "mini-habit", href: `#/habit/${habit.id}/edit`, "--habit": habit.color },
      h("span", { class: "dot", "aria-hidden": "true" }),
      h("span", { class: "mini-name", text: habit.name }),
      h("span", { class: "mini-meta", text: times.join(", ") }),
      icon("back", "icon tiny flip")));
  });
  return titledSection("Habit reminders", { className: "card settings-section",
    hint: "Each habit's reminders are set in its editor: open a habit, then Edit." },
  rows.length ? h("ul", { class: "mini-habits", role: "list" }, rows) : h("p", { class: "hint", text: "No habit has a reminder yet." }));
}
