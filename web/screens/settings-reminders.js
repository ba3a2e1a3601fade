// Settings → Reminders (#/settings/reminders): notifications on this device, what comes in the
// next 24 hours, every reminder (the daily reflection, the weekly summary, each habit's) to add,
// edit, pause and delete, the calendar link and Apprise.
import * as api from "../api.js";
import * as store from "../store.js";
import { append, field, h, screenHeader, titledSection } from "../dom.js";
import { habitRemindersSection, notSendingNotice, remindersSection, serverStatus, whenText } from "./reminders.js";
import { appriseSection, calendarSection } from "./settings-feeds.js";
import { pushSection } from "./push-device.js";
import { t, tn } from "../i18n.js";

const UPCOMING_HOURS = 24;

/** The row on Settings that opens this screen. */
export function remindersLink() {
  return h("a", { class: "card link-card", href: "#/settings/reminders" },
    h("span", { class: "link-card-text" },
      h("span", { class: "link-card-title", text: t("Reminders") }),
      h("span", { class: "hint", text: t("Reflection, weekly summary, calendar link") })),
    h("span", { class: "link-card-go", "aria-hidden": "true", text: "›" }));
}

/** Renders #/settings/reminders. */
export async function render(screenEl) {
  const status = serverStatus({ fresh: true }); // whether its dispatcher runs: now, not at page load
  const [reminders, habits, upcoming, calendarUrl, { dispatcher, targets }, notificationsEl] = await Promise.all([
    api.listReminders(),
    api.listHabits("all"),
    api.upcomingReminders(UPCOMING_HOURS),
    api.getCalendarUrl().then((answer) => answer.url, absentOn404),
    status.then(async (answer) => ({ dispatcher: answer.dispatcher,
      targets: answer.channels.includes("apprise") ? await api.listNotifyTargets() : null })),
    pushSection(),
  ]);
  const upcomingEl = h("ol", { class: "upcoming-list", role: "list" });
  const paintUpcoming = (items) => {
    upcomingEl.replaceChildren(...items.map((item) => h("li", { class: "upcoming-row" },
      h("span", { class: "upcoming-time", text: whenText(item.at, { today: false }) }),
      h("span", { class: "upcoming-title", text: item.title }))));
    if (!items.length) upcomingEl.append(h("li", { class: "hint", text: tn("Nothing in the next {n} hour.", "Nothing in the next {n} hours.", UPCOMING_HOURS) }));
  };
  paintUpcoming(upcoming);
  const refresh = () => api.upcomingReminders(UPCOMING_HOURS).then(paintUpcoming, () => {});
  const weekStartDay = store.weekStart() === "sun" ? 6 : 0;

  append(screenEl,
    screenHeader(t("Reminders"), { back: { href: "#/settings", label: t("Back to Settings") },
      subtitle: t("Times are in your time zone, {zone}.", { zone: store.user()?.timezone || "UTC" }) }),
    notSendingNotice(dispatcher),
    notificationsEl,
    titledSection(tn("Next {n} hour", "Next {n} hours", UPCOMING_HOURS), { className: "card settings-section" }, upcomingEl),
    remindersSection({
      title: t("Daily reflection"),
      hint: t("A nudge to note how the day went. Not sent once that day's reflection is written."),
      target: "reflection",
      reminders: reminders.filter((reminder) => reminder.target === "reflection"),
      defaults: { time: "21:00", days: [0, 1, 2, 3, 4, 5, 6] },
      addLabel: t("Add a reflection reminder"),
      empty: t("No reflection reminder."),
      onChange: refresh,
    }),
    remindersSection({
      title: t("Weekly summary"),
      hint: t("Your last complete week: what grew, and a next small step."),
      target: "weekly_summary",
      reminders: reminders.filter((reminder) => reminder.target === "weekly_summary"),
      defaults: { time: "18:00", days: [weekStartDay] },
      addLabel: t("Send me my weekly summary"),
      empty: t("The summary is on the Week screen; it can also come to you once a week."),
      max: 1,
      onChange: refresh,
    }),
    habitsSections(reminders, habits, refresh),
    calendarSection(calendarUrl),
    targets ? appriseSection(targets) : null);
}

/** A 404 means "there is none"; anything else is a real error. */
function absentOn404(error) {
  if (error.status === 404) return null;
  throw error;
}

/** Each habit's reminders under its name, to change here as in its editor, and a way to start
 * reminders for a habit that has none. */
function habitsSections(reminders, habits, onChange) {
  const sectionsEl = h("div", { class: "habit-reminders" });
  const withReminders = new Set(reminders.filter((item) => item.target === "habit").map((item) => item.habit_id));
  const sectionFor = (habit) => habitRemindersSection(habit, reminders, { title: habit.name, onChange });
  sectionsEl.append(...habits.filter((habit) => withReminders.has(habit.id)).map(sectionFor));

  const others = habits.filter((habit) => !habit.archived && !withReminders.has(habit.id));
  const selectEl = h("select", { name: "habit" }, others.map((habit) => h("option", { value: String(habit.id), text: habit.name })));
  const addEl = h("button", { type: "button", class: "button secondary block", text: t("Add reminders to it") });
  addEl.addEventListener("click", () => {
    const habit = others.find((candidate) => String(candidate.id) === selectEl.value);
    if (!habit) return;
    const sectionEl = sectionFor(habit);
    sectionsEl.append(sectionEl);
    others.splice(others.indexOf(habit), 1);
    selectEl.querySelector(`option[value="${habit.id}"]`).remove();
    pickerEl.hidden = !others.length;
    sectionEl.querySelector(".add-reminder").click(); // straight to its form
  });
  const pickerEl = field(t("Another habit"), selectEl);
  pickerEl.append(addEl);
  pickerEl.hidden = !others.length;
  return [titledSection(t("Habit reminders"), { className: "card settings-section",
    hint: t("A habit's reminders come only on days it is due. They are also in the habit's editor.") },
  habits.length ? pickerEl : h("p", { class: "hint", text: t("Add a habit first.") })), sectionsEl];
}
