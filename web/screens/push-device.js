// Settings → Reminders → Notifications: turn them on for this device (the permission prompt only
// from that tap), or why this browser can't; this user's devices, each removable; a test send.
import * as api from "../api.js";
import * as store from "../store.js";
import { shortDate } from "../dates.js";
import { h, onConfirmedClick, showToast, titledSection, toastError, withBusy } from "../dom.js";
import * as push from "../push.js";
import { whenText } from "./reminders.js";
import { t } from "../i18n.js";

// Getters: each word is the catalogue's for the language on show when it is drawn. One literal
// each, however long: the catalogue's extractor reads no concatenation.
const OBSTACLES = {
  get "ios-home-screen"() { return t("On iPhone and iPad, notifications need Orbit on your Home Screen: add Orbit to your Home Screen first (Share → Add to Home Screen), then open it from there and turn them on."); },
  get unsupported() { return t("This browser can't show notifications from Orbit. Chrome, Edge, Firefox or Safari can; or have reminders sent by email, or through the calendar link below."); },
};
const denied = () => t("Notifications are blocked for Orbit in this browser. To allow them, open this site's settings (the icon beside the address, or your phone's Settings → your browser → Notifications), allow notifications, then turn them on here.");

/** The Notifications section, loaded: this device's state and the user's devices. */
export async function pushSection() {
  let state = await push.devicesHere();
  const statusEl = h("p", { class: "device-status", role: "status" });
  const bodyEl = h("div", { class: "device-body" });
  const listEl = h("ul", { class: "token-list device-list", role: "list" });
  const testStatusEl = h("p", { class: "reminder-status", role: "status" });
  const testEl = h("button", { type: "button", class: "button secondary block", text: t("Send a test") });

  const reload = async () => {
    state = await push.devicesHere();
    paint();
  };
  const say = (text, error = false) => {
    statusEl.textContent = text;
    statusEl.classList.toggle("error", error);
  };

  const onEl = h("button", { type: "button", class: "button primary block", text: t("Turn on notifications") });
  onEl.addEventListener("click", () => withBusy(onEl, async () => {
    try {
      const answer = await push.turnOn(); // asks for permission first, inside this tap
      if (answer === "denied") say(denied(), true);
      else if (answer !== "granted") say(t("Notifications stay off: the browser asked, and nothing was chosen."));
      else {
        await reload();
        showToast(t("Notifications are on for this device"));
        offEl.focus();
        return;
      }
    } catch (error) {
      // A step that took too long says itself what to do (push.js); other browser errors are named.
      say(error.status !== undefined || error.name === "TimeoutError" ? error.message
        : t("This browser could not turn them on ({reason}).", { reason: error.message }), true);
    }
    paint(false);
  }));
  const offEl = h("button", { type: "button", class: "button secondary", text: t("Turn off") });
  onConfirmedClick(offEl, null, async () => {
    await push.turnOff(state.subscription);
    await reload();
    showToast(t("Notifications are off for this device"));
    onEl.focus();
  });
  onConfirmedClick(testEl, null, async () => {
    testStatusEl.textContent = t("Sending…");
    testStatusEl.classList.remove("error");
    try {
      await api.testPush();
      testStatusEl.textContent = state.devices.length > 1 ? t("Sent to your devices. It should arrive in a few seconds.")
        : t("Sent. It should arrive in a few seconds.");
    } catch (error) {
      testStatusEl.textContent = error.message;
      testStatusEl.classList.add("error");
    }
  });

  function paint(resetStatus = true) {
    const obstacle = push.obstacle();
    if (resetStatus) say("");
    if (state.thisDevice) {
      say(t("Notifications are on for this device."));
      bodyEl.replaceChildren(h("div", { class: "device-actions" }, offEl));
    } else if (obstacle) {
      say(OBSTACLES[obstacle], true);
      bodyEl.replaceChildren();
    } else {
      if (push.permission() === "denied" && resetStatus) say(denied(), true);
      bodyEl.replaceChildren(onEl);
    }
    listEl.replaceChildren(...state.devices.map(deviceRow));
    if (!state.devices.length) listEl.append(h("li", { class: "hint", text: t("No device gets notifications yet.") }));
    testEl.hidden = !state.devices.length;
    if (testEl.hidden) testStatusEl.textContent = "";
  }

  function deviceRow(device) {
    const here = device.id === state.thisDevice?.id;
    const removeEl = h("button", { type: "button", class: "button small danger-ghost", text: t("Remove"),
      "aria-label": here ? t("Remove {name} (this device)", { name: device.label }) : t("Remove {name}", { name: device.label }) });
    onConfirmedClick(removeEl, { title: t("Remove “{name}”?", { name: device.label }), confirmLabel: t("Remove"), danger: true,
      message: here ? t("This device stops getting notifications from Orbit.")
        : t("That device stops getting notifications from Orbit. It can turn them on again from there.") },
    async () => {
      if (here) await push.turnOff(state.subscription);
      else await api.removeDevice(device.id);
      await reload();
      showToast(t("{name} removed", { name: device.label }));
    }, (error) => {
      toastError(error);
      reload().catch(() => undefined);
    });
    const last = device.last_success_at ? t("last notification {when}", { when: whenText(device.last_success_at) })
      : t("nothing sent yet");
    return h("li", { class: "token-row target-row device-row", "data-device": device.id },
      h("div", { class: "target-text" },
        h("p", { class: "token-name" }, h("span", { text: device.label }),
          here ? h("span", { class: "device-here", text: t("This device") }) : null),
        h("p", { class: "hint", text: t("Added {date} · {last}", { date: shortDate(store.dateOf(device.created_at)), last }) })),
      h("div", { class: "target-actions" }, removeEl));
  }

  paint();
  return titledSection(t("Notifications"), { className: "card settings-section push-section",
    hint: t("Reminders sent as notifications reach every device listed here. A habit's comes with Done: one tap logs it, without opening Orbit.") },
  statusEl, bodyEl,
  h("h3", { class: "subheading", text: t("Your devices") }), listEl, testEl, testStatusEl);
}
