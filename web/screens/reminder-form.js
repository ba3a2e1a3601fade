// One reminder's form: a local time, weekdays (exactly one for the weekly summary), the channels
// it is sent on, and for a build habit "not on days already done".
import * as store from "../store.js";
import { field, h, handleSubmit, uid } from "../dom.js";
import { WEEKDAY_LONG, WEEKDAY_SHORT, listed } from "../format.js";
import { locale, t, tc } from "../i18n.js";

/** Every channel Orbit knows, in the order they are offered. A notification goes to every device
 * where they are turned on (Settings → Reminders), with Done on a habit's. */
// Getters: each word is the catalogue's for the language on show when it is drawn.
export const CHANNELS = {
  push: { get label() { return t("Notification"); }, get word() { return t("notification"); },
    hint: () => t("On each device where you turned notifications on (Settings → Reminders). A habit's reminder has Done: one tap logs it.") },
  email: { get label() { return t("Email"); }, get word() { return tc("a way to send a reminder", "email"); },
    hint: () => (store.user()?.email ? t("To {email}. Send a test to check it arrives.", { email: store.user().email })
      : t("To your address. Send a test to check it arrives.")) },
  apprise: { label: "Apprise", word: "Apprise", hint: () => t("To every Apprise target you add under Settings → Reminders.") },
};

/** The channels in plain words, "email and Apprise"; with `start`, "Email and Apprise". */
export function channelsText(channels, { start = false } = {}) {
  const words = Object.keys(CHANNELS).filter((name) => channels.includes(name)).map((name) => CHANNELS[name].word);
  const text = words.length ? listed(words) : t("no channel");
  return start ? text[0].toLocaleUpperCase(locale()) + text.slice(1) : text;
}

/** The weekdays in the order the user's week runs (Monday = 0, as the API counts). */
export function weekOrder() {
  return store.weekStart() === "sun" ? [6, 0, 1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6];
}

/** Builds the form. `reminder` fills it (null: `defaults`); `offered` is the channels this server
 * can send on; `noticeEl` (when the server is not sending reminders) heads it; onSubmit(body) saves it (its errors show on the form), onCancel closes it.
 * Returns {formEl, focus()}. */
export function reminderForm({ target, reminder, defaults, offered, skipOffered, submitLabel, onSubmit, onCancel,
  noticeEl = null }) {
  const start = reminder || defaults;
  const single = target === "weekly_summary";
  // The server's word on the saved reminder (issue 27): which of its channels cannot deliver it.
  const problems = reminder?.undeliverable || [];
  const timeEl = h("input", { type: "time", name: "time", required: true, value: start.time });
  const dayEls = weekOrder().map((day) => h("input", { type: single ? "radio" : "checkbox", name: "days",
    value: String(day), id: uid("remind-day"), checked: start.days.includes(day) }));
  const channelNames = Object.keys(CHANNELS).filter((name) => offered.includes(name) || start.channels.includes(name));
  const channelEls = channelNames.map((name) => h("input", { type: "checkbox", name: "channels", value: name,
    id: uid("channel"), checked: start.channels.includes(name) }));
  const skipEl = h("input", { type: "checkbox", name: "skip_if_done", id: uid("skip"), checked: start.skip_if_done !== false });
  const submitEl = h("button", { type: "submit", class: "button primary", text: submitLabel });
  const cancelEl = h("button", { type: "button", class: "button secondary", text: t("Cancel"), onclick: onCancel });

  const formEl = h("form", { class: "reminder-form", novalidate: true },
    noticeEl,
    field(t("Time"), timeEl),
    h("fieldset", { class: "field", "data-field": "days" },
      h("legend", { text: single ? t("Day") : t("Days") }),
      h("div", { class: "weekday-chips" }, dayEls.map((inputEl) => h("span", { class: "chip-toggle" }, inputEl,
        h("label", { for: inputEl.id, title: WEEKDAY_LONG[inputEl.value] },
          h("span", { "aria-hidden": "true", text: WEEKDAY_SHORT[inputEl.value] }),
          h("span", { class: "visually-hidden", text: WEEKDAY_LONG[inputEl.value] })))))),
    h("fieldset", { class: "field", "data-field": "channels" },
      h("legend", { text: t("Send by") }),
      h("div", { class: "choice-list" }, channelEls.map((inputEl) => {
        const hintId = `${inputEl.id}-hint`;
        inputEl.setAttribute("aria-describedby", hintId);
        const problem = problems.find((item) => item.channel === inputEl.value);
        return h("div", { class: "choice-row channel-row" }, inputEl,
          h("div", { class: "channel-text" },
            h("label", { for: inputEl.id, text: CHANNELS[inputEl.value].label }),
            h("p", { class: "hint", id: hintId, text: CHANNELS[inputEl.value].hint() }),
            problem ? h("p", { class: "channel-problem", "data-channel": problem.channel,
              text: t("Can't arrive now: {reason}", { reason: problem.message }) }) : null));
      }))),
    skipOffered ? h("div", { class: "field check-field", "data-field": "skip_if_done" }, skipEl,
      h("div", {}, h("label", { for: skipEl.id, text: t("Not on days it's already done") }),
        h("p", { class: "hint", text: t("Nor when it's skipped or not due that day.") }))) : null,
    h("div", { class: "reminder-form-actions" }, cancelEl, submitEl));

  const read = () => {
    const body = {
      time: timeEl.value,
      days: dayEls.filter((el) => el.checked).map((el) => Number(el.value)).sort((a, b) => a - b),
      channels: channelEls.filter((el) => el.checked).map((el) => el.value),
    };
    if (skipOffered) body.skip_if_done = skipEl.checked;
    return body;
  };
  handleSubmit(formEl, submitEl, async () => {
    const body = read();
    const fields = {};
    if (!/^\d{2}:\d{2}$/.test(body.time)) fields.time = [t("Enter a time, like 07:30.")];
    if (!body.days.length) fields.days = [single ? t("Pick the day it comes.") : t("Pick at least one day.")];
    if (!body.channels.length) fields.channels = [t("Pick at least one way to send it.")];
    if (Object.keys(fields).length) throw { message: "", fields };
    await onSubmit(body);
  });
  return { formEl, focus: () => timeEl.focus() };
}
