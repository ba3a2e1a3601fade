// A "Reminders" section: the reminders of one target (a habit, the daily reflection or the weekly
// summary), each with on/off, a test send, edit and delete, and a form to add one. Used by the
// habit editor and by Settings → Reminders.
import * as api from "../api.js";
import * as store from "../store.js";
import { dateIn, addDays, formatDate } from "../dates.js";
import { h, icon, onConfirmedClick, showToast, titledSection, toastError } from "../dom.js";
import { listWeekdays } from "../format.js";
import { locale, t, tc, weekdayName } from "../i18n.js";
import { channelsText, reminderForm } from "./reminder-form.js";

let channelsCheck = null;
/** What this server says of its reminders (GET /reminders/channels): the channels it delivers
 * through and whether its dispatcher runs; asked once per page load (`fresh`: again). */
export function serverStatus({ fresh = false } = {}) {
  if (fresh) channelsCheck = null;
  channelsCheck ||= api.getChannels().catch((error) => {
    channelsCheck = null; // a network error: ask again next time
    throw error;
  });
  return channelsCheck;
}

const serverChannels = async () => (await serverStatus()).channels;

/** A plain notice when no dispatcher has run for five minutes (the server's word): reminders
 * saved now will not arrive until its operator starts it. Null while it runs. */
export function notSendingNotice(dispatcher) {
  if (!dispatcher || dispatcher.running) return null;
  const since = dispatcher.last_pass ? t("Reminders last went out {when}.", { when: whenText(dispatcher.last_pass) })
    : t("Its reminder dispatcher has not run yet.");
  return h("div", { class: "banner not-sending-banner", role: "status", "data-dispatcher": "stopped" },
    h("p", { class: "not-sending-title", text: t("This server is not sending reminders right now.") }),
    h("p", { class: "hint", text: [since, t("Whoever runs it can start them: see “Reminders” in its README.")].join(" ") }));
}

/** The channels a reminder may use on this server, and the one a new one starts with: a
 * notification once a device has them turned on, else email where the server can send it. */
async function offeredChannels() {
  const [status, devices] = await Promise.all([serverStatus(), api.listDevices()]);
  const offered = status.channels;
  return { offered, dispatcher: status.dispatcher,
    first: devices.length || !offered.includes("email") ? "push" : "email" };
}

/** The section for a habit: in its editor, and under its name on Settings → Reminders. */
export function habitRemindersSection(habit, reminders, { title = t("Reminders"), onChange } = {}) {
  const scheduleDays = habit.kind === "build" && habit.schedule?.type === "weekdays" ? habit.schedule.days : null;
  return remindersSection({
    title,
    onChange,
    hint: t("They come at these times in your time zone ({zone}), only on days the habit is due.", { zone: store.user()?.timezone || "UTC" })
      + (habit.private ? " " + t("It is private: what is sent says “Private habit”.") : ""),
    target: "habit",
    habit,
    reminders: reminders.filter((reminder) => reminder.target === "habit" && reminder.habit_id === habit.id),
    defaults: { time: "08:00", days: scheduleDays || [0, 1, 2, 3, 4, 5, 6] },
    addLabel: t("Add a reminder"),
    empty: t("No reminders yet. Add one, or two: morning and evening."),
  });
}

/** A titled card of reminders; `onChange` runs after any change (to refresh what depends on it).
 * `max` hides Add once that many exist (one weekly summary is enough). */
export function remindersSection({ title, hint, target, habit = null, reminders, defaults, addLabel, empty,
  max = Infinity, onChange = () => {} }) {
  let items = [...reminders];
  const listEl = h("ul", { class: "reminder-list", role: "list" });
  const addEl = h("button", { type: "button", class: "button secondary block add-reminder" }, icon("plus"), h("span", { text: addLabel }));
  const slotEl = h("div", { class: "reminder-slot" });
  const skipOffered = target === "habit" && habit?.kind !== "quit";

  const paint = () => {
    items.sort((a, b) => a.time.localeCompare(b.time) || a.id - b.id);
    listEl.replaceChildren(...items.map((reminder) => reminderRow(reminder)));
    if (!items.length) listEl.append(h("li", { class: "hint", text: empty }));
    addEl.hidden = items.length >= max || slotEl.childElementCount > 0;
  };
  const replace = (saved) => {
    items = items.filter((item) => item.id !== saved.id).concat(saved.deleted ? [] : [saved]);
    paint();
    onChange();
  };

  /** Opens the form in `placeEl` (the add slot, or a row being edited). */
  const openForm = async (placeEl, reminder, done) => {
    let channels;
    try {
      channels = await offeredChannels();
    } catch (error) {
      toastError(error);
      return;
    }
    const form = reminderForm({ target, reminder, skipOffered, offered: channels.offered,
      noticeEl: notSendingNotice(channels.dispatcher),
      defaults: { ...defaults, channels: [channels.first], skip_if_done: true },
      submitLabel: reminder ? t("Save reminder") : t("Add reminder"),
      onCancel: () => done(null),
      onSubmit: async (body) => {
        const saved = reminder ? await api.updateReminder(reminder.id, body)
          : await api.createReminder({ target, habit_id: habit?.id ?? null, ...body });
        done(saved);
      } });
    placeEl.replaceChildren(form.formEl);
    form.focus();
  };

  addEl.addEventListener("click", () => {
    addEl.hidden = true;
    openForm(slotEl, null, (saved) => {
      slotEl.replaceChildren();
      if (saved) {
        showToast(t("Reminder added for {time}, {days}", { time: saved.time, days: listWeekdays(saved.days) }));
        replace(saved);
      } else paint();
      addEl.focus();
    });
  });

  function reminderRow(reminder) {
    const rowEl = h("li", { class: `reminder-row${reminder.enabled ? "" : " paused"}`, "data-reminder": reminder.id });
    const time = reminder.time;
    const switchEl = h("input", { type: "checkbox", role: "switch", class: "switch", checked: reminder.enabled,
      "aria-label": t("{time} reminder on", { time }) });
    switchEl.addEventListener("change", async () => {
      try {
        const saved = await api.updateReminder(reminder.id, { enabled: switchEl.checked });
        showToast(saved.enabled ? t("{time} reminder is on", { time }) : t("{time} reminder paused", { time }));
        replace(saved);
        listEl.querySelector(`[data-reminder="${saved.id}"] .switch`)?.focus(); // the row was redrawn
      } catch (error) {
        switchEl.checked = !switchEl.checked;
        toastError(error);
      }
    });
    const statusEl = h("p", { class: "reminder-status", role: "status" });
    const testEl = h("button", { type: "button", class: "button small ghost", text: t("Send test"),
      "aria-label": t("Send the {time} reminder now, as a test", { time }) });
    onConfirmedClick(testEl, null, async () => {
      statusEl.textContent = t("Sending…");
      statusEl.classList.remove("error");
      try {
        const answer = await api.testReminder(reminder.id);
        statusEl.replaceChildren(...testOutcomeEls(answer));
        statusEl.classList.toggle("error", !answer.sent);
      } catch (error) {
        statusEl.textContent = error.message;
        statusEl.classList.add("error");
      }
    });
    const editEl = h("button", { type: "button", class: "button small ghost", text: t("Edit"), "data-action": "edit",
      "aria-label": t("Edit the {time} reminder", { time }) });
    editEl.addEventListener("click", () => {
      const placeEl = h("div", { class: "reminder-editing" });
      rowEl.replaceChildren(placeEl);
      openForm(placeEl, reminder, (saved) => {
        if (saved) {
          showToast(t("Reminder saved"));
          replace(saved);
        } else paint();
        listEl.querySelector(`[data-reminder="${reminder.id}"] [data-action="edit"]`)?.focus();
      });
    });
    const deleteEl = h("button", { type: "button", class: "button small danger-ghost", text: t("Delete"), "aria-label": t("Delete the {time} reminder", { time }) });
    onConfirmedClick(deleteEl, { title: t("Delete the {time} reminder?", { time }), confirmLabel: t("Delete"), danger: true,
      message: t("{days}, by {channels}. Add it again any time.", { days: daysText(reminder), channels: channelsText(reminder.channels) }) },
    async () => {
      await api.deleteReminder(reminder.id);
      showToast(t("{time} reminder deleted", { time }));
      replace({ id: reminder.id, deleted: true });
      if (!addEl.hidden) addEl.focus();
    });
    rowEl.append(
      h("div", { class: "reminder-head" },
        h("div", { class: "reminder-text" },
          h("p", { class: "reminder-time", text: reminder.time }),
          h("p", { class: "reminder-when", text: t("{days} · {channels}", { days: daysText(reminder), channels: channelsText(reminder.channels, { start: true }) }) }),
          h("p", { class: "hint reminder-next", text: nextText(reminder) }),
          undeliverableEl(reminder)),
        h("span", { class: "switch-wrap" }, switchEl, h("span", { class: "switch-track", "aria-hidden": "true" }))),
      h("div", { class: "reminder-actions" }, testEl, editEl, deleteEl),
      statusEl);
    return rowEl;
  }

  paint();
  return titledSection(title, { className: "card reminders-section", hint }, listEl, slotEl, addEl);
}

/** What the server says cannot deliver this reminder (issue 27): one line per channel, "Won't
 * arrive by notification: …", or null when every channel can. */
export function undeliverableEl(reminder) {
  const problems = reminder.undeliverable || [];
  if (!problems.length || !reminder.enabled) return null;
  const all = problems.length === reminder.channels.length;
  return h("div", { class: `undeliverable${all ? " none-arrives" : ""}`, role: "note", "data-undeliverable": problems.map((p) => p.channel).join(" ") },
    h("p", { class: "undeliverable-title", text: all ? t("This reminder can't arrive right now.") : t("Part of this reminder can't arrive.") }),
    ...problems.map((problem) => h("p", { class: "undeliverable-line", "data-channel": problem.channel,
      text: t("{channel}: {reason}", { channel: channelsText([problem.channel], { start: true }), reason: problem.message }) })));
}

/** A test send's answer as the server gave it: one line per channel, "Email: sent." */
function testOutcomeEls(answer) {
  return answer.outcomes.map((outcome) => h("span", { class: `test-outcome ${outcome.status}`,
    "data-channel": outcome.channel, "data-status": outcome.status,
    text: outcome.status === "sent" ? t("{channel}: sent.", { channel: channelsText([outcome.channel], { start: true }) })
      : t("{channel}: {reason}", { channel: channelsText([outcome.channel], { start: true }), reason: outcome.message }) }));
}

function capitalized(text) {
  return text[0].toLocaleUpperCase(locale()) + text.slice(1);
}

/** "Weekdays", "Mon, Wed and Fri"; the weekly summary's one day as "Every Sunday". */
function daysText(reminder) {
  if (reminder.target === "weekly_summary" && reminder.days.length === 1) return t("Every {weekday}", { weekday: weekdayName(reminder.days[0]) });
  return capitalized(listWeekdays(reminder.days));
}

/** When it comes next, in the user's time zone: "Next: today at 07:30", or why the server
 * will not send it then ("Today at 20:00: not sent, already done."). */
export function nextText(reminder) {
  if (!reminder.enabled) return t("Paused: turn it on to get it again.");
  if (!reminder.next_fire_at) return t("Nothing coming on these days.");
  if (reminder.next_skipped) {
    return t("{when}: not sent, {reason}.", { when: whenText(reminder.next_fire_at, { start: true }), reason: reminder.next_skipped });
  }
  return t("Next: {when}", { when: whenText(reminder.next_fire_at) });
}

/** An instant as the user's day and time: "today at 07:30", "tomorrow at 21:00", "Wed 9 Dec at 07:30";
 * `start`: as a sentence starts ("Today at 07:30"); `today: false`: today's as the time alone. */
export function whenText(instant, { start = false, today: sayToday = true } = {}) {
  const zone = store.user()?.timezone || "UTC";
  const day = dateIn(instant, zone);
  const today = store.today();
  let time;
  try {
    time = new Intl.DateTimeFormat(locale(), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone })
      .format(new Date(instant));
  } catch {
    time = "";
  }
  if (day === today) {
    if (!sayToday) return time;
    return start ? t("Today at {time}", { time }) : t("today at {time}", { time });
  }
  if (day === addDays(today, 1)) return start ? t("Tomorrow at {time}", { time }) : t("tomorrow at {time}", { time });
  return t("{date} at {time}", { date: formatDate(day, { weekday: "short", day: "numeric", month: "short" }), time });
}
