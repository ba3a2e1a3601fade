// Settings → Reminders: the calendar link and the Apprise targets (what reaches the user outside
// the app besides email).
import * as api from "../api.js";
import * as store from "../store.js";
import { shortDate } from "../dates.js";
import { field, h, handleSubmit, onConfirmedClick, showToast, titledSection } from "../dom.js";
import { t } from "../i18n.js";

/** The calendar feed: create the secret link, copy or open it, make a new one, or stop it. */
export function calendarSection(initialUrl) {
  const bodyEl = h("div", { class: "calendar-body" });
  const paint = (url) => {
    if (!url) {
      const createEl = h("button", { type: "button", class: "button primary block", text: t("Create calendar link") });
      onConfirmedClick(createEl, null, async () => {
        paint((await api.newCalendarUrl()).url);
        showToast(t("Calendar link created"));
        bodyEl.querySelector(".secret")?.focus();
      });
      bodyEl.replaceChildren(createEl);
      return;
    }
    const urlEl = h("input", { readonly: true, value: url, class: "secret", "aria-label": t("Calendar link"),
      "aria-describedby": "calendar-link-hint" });
    urlEl.addEventListener("focus", () => urlEl.select());
    const copyEl = h("button", { type: "button", class: "button primary small", text: t("Copy") });
    copyEl.addEventListener("click", async () => {
      urlEl.select();
      try {
        await navigator.clipboard.writeText(url);
        copyEl.textContent = t("Copied");
      } catch {
        copyEl.textContent = t("Selected: copy it now");
      }
    });
    const rotateEl = h("button", { type: "button", class: "button secondary small", text: t("New link") });
    onConfirmedClick(rotateEl, { title: t("Make a new calendar link?"), confirmLabel: t("New link"),
      message: t("The current link stops working at once: calendars subscribed to it must subscribe to the new one.") },
    async () => {
      paint((await api.newCalendarUrl()).url);
      showToast(t("New calendar link made; the old one no longer works"));
      bodyEl.querySelector(".secret")?.focus();
    });
    const stopEl = h("button", { type: "button", class: "button danger-ghost small", text: t("Stop the feed") });
    onConfirmedClick(stopEl, { title: t("Stop the calendar feed?"), confirmLabel: t("Stop it"), danger: true,
      message: t("The link stops working and calendars subscribed to it stop getting your reminders.") },
    async () => {
      await api.stopCalendar();
      paint(null);
      showToast(t("Calendar feed stopped"));
    });
    bodyEl.replaceChildren(
      h("div", { class: "secret-row" }, urlEl, copyEl),
      h("p", { class: "hint", id: "calendar-link-hint",
        text: t("Keep it to yourself: anyone with the link can read your reminders (private habits show as “Private habit”).") }),
      h("a", { class: "button secondary block", href: url.replace(/^https?:/, "webcal:") }, t("Subscribe on this device")),
      h("div", { class: "calendar-actions" }, rotateEl, stopEl));
  };
  paint(initialUrl);
  return titledSection(t("Calendar"), { className: "card settings-section calendar-section",
    hint: t("A private link your phone's calendar can subscribe to: each habit and reflection reminder as a repeating event with an alert.") },
  h("ul", { class: "calendar-facts" },
    h("li", { text: t("Apple Calendar and most calendar apps alert you from it.") }),
    h("li", { text: t("Google Calendar shows the events but ignores the alerts of calendars you subscribe to.") }),
    h("li", { text: t("A calendar can't know what you've done, so it alerts even on days already done.") })),
  bodyEl);
}

/** Apprise targets (ntfy, Gotify, Telegram, Matrix …): add one by its URL, test or remove it. */
export function appriseSection(initialTargets) {
  let targets = initialTargets;
  const listEl = h("ul", { class: "token-list", role: "list" });
  const paint = () => {
    listEl.replaceChildren(...targets.map(targetRow));
    if (!targets.length) listEl.append(h("li", { class: "hint", text: t("No targets yet.") }));
  };
  function targetRow(target) {
    const statusEl = h("p", { class: "reminder-status", role: "status" });
    const testEl = h("button", { type: "button", class: "button small ghost", text: t("Test"), "aria-label": t("Send a test to {target}", { target: target.label }) });
    onConfirmedClick(testEl, null, async () => {
      statusEl.textContent = t("Sending…");
      statusEl.classList.remove("error");
      try {
        await api.testNotifyTarget(target.id);
        statusEl.textContent = t("Sent. Check that it arrived.");
      } catch (error) {
        statusEl.textContent = error.message;
        statusEl.classList.add("error");
      }
    });
    const removeEl = h("button", { type: "button", class: "button small danger-ghost", text: t("Remove"), "aria-label": t("Remove {target}", { target: target.label }) });
    onConfirmedClick(removeEl, { title: t("Remove “{target}”?", { target: target.label }), confirmLabel: t("Remove"), danger: true,
      message: t("Reminders sent by Apprise stop going there.") }, async () => {
      await api.deleteNotifyTarget(target.id);
      targets = targets.filter((kept) => kept.id !== target.id);
      paint();
      showToast(t("{target} removed", { target: target.label }));
    });
    return h("li", { class: "token-row target-row" },
      h("div", { class: "target-text" }, h("p", { class: "token-name", text: target.label }),
        h("p", { class: "hint", text: t("{service}, added {date}", { service: target.service, date: shortDate(store.dateOf(target.created_at)) }) })),
      h("div", { class: "target-actions" }, testEl, removeEl),
      statusEl);
  }
  paint();
  const labelEl = h("input", { name: "label", maxlength: "80", autocomplete: "off", placeholder: t("e.g. ntfy on my phone") });
  const urlEl = h("input", { name: "url", maxlength: "2000", autocomplete: "off", spellcheck: "false",
    autocapitalize: "off", inputmode: "url", placeholder: t("e.g. ntfys://ntfy.sh/my-topic") });
  const submitEl = h("button", { type: "submit", class: "button primary", text: t("Add target") });
  const formEl = h("form", { novalidate: true },
    field(t("Target name"), labelEl),
    field(t("Apprise URL"), urlEl, t("It may hold a password or token: Orbit keeps it and never shows it again.")),
    submitEl);
  handleSubmit(formEl, submitEl, async () => {
    const added = await api.addNotifyTarget(labelEl.value.trim(), urlEl.value.trim());
    labelEl.value = "";
    urlEl.value = "";
    targets = [...targets, added];
    paint();
    showToast(t("{target} added", { target: added.label }));
  });
  return titledSection(t("Apprise"), { className: "card settings-section",
    hint: t("For ntfy, Gotify, Telegram, Matrix and the many other services Apprise speaks. Reminders with the Apprise channel go to every target here.") }, listEl, formEl);
}
