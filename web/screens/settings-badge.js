// Settings → App badge: the number of habits still to do today on the installed app's icon
// (badge.js), on unless turned off, remembered on this device. Where the browser cannot badge an
// icon, the section says so and offers nothing to turn on.
import * as badge from "../badge.js";
import { h, titledSection } from "../dom.js";
import { t } from "../i18n.js";

// Getters: each word is the catalogue's for the language on show when it is drawn.
const TEXT = {
  get title() { return t("App badge"); },
  get label() { return t("Show what's left today on the app icon"); },
  get hint() { return t("The number of habits still to do today, on the icon of the installed app. It clears when all are done. Remembered on this device."); },
  get missing() { return t("This browser doesn't show a number on app icons."); },
};

/** The section, with the switch set as this device has it. */
export async function badgeSetting() {
  const on = await badge.enabled();
  const textEl = h("div", { class: "setting-text" },
    h("label", { for: "app-badge", text: TEXT.label }),
    h("p", { class: "hint", id: "app-badge-hint", text: on === null ? TEXT.missing : TEXT.hint }));
  const switchEl = h("input", { type: "checkbox", role: "switch", id: "app-badge",
    "aria-describedby": "app-badge-hint", checked: Boolean(on), disabled: on === null });
  switchEl.addEventListener("change", () => badge.setEnabled(switchEl.checked));
  return titledSection(TEXT.title, { className: "card settings-section" },
    h("div", { class: "setting-row" }, textEl,
      h("span", { class: "switch-wrap" }, switchEl, h("span", { class: "switch-track", "aria-hidden": "true" }))));
}
