// Settings → Wellbeing check (issue 25): the WHO-5 check every two weeks, off unless the user
// turns it on, and the support contacts they write in their own words (the wellbeing screen
// offers them when a score is low; Orbit never sends them anywhere).
import * as api from "../api.js";
import { field, h, handleSubmit, showToast, titledSection, toastError } from "../dom.js";
import { t } from "../i18n.js";

const CONTACTS_MAX = 2000; // schemas/wellbeing.py

/** The section, with the switch and the contacts as the server has them. */
export async function wellbeingSection() {
  const settings = await api.getWellbeingSettings();
  const switchEl = h("input", { type: "checkbox", role: "switch", id: "wellbeing-on",
    "aria-describedby": "wellbeing-on-hint", checked: settings.enabled });
  // Saved as it is flipped. Not disabled meanwhile (that would drop focus); a flip while one is
  // on its way is sent after it, so the last one wins.
  let sending = Promise.resolve();
  switchEl.addEventListener("change", () => {
    const wanted = switchEl.checked;
    sending = sending.then(async () => {
      try {
        const saved = await api.putWellbeingSettings({ enabled: wanted });
        showToast(saved.enabled ? t("Wellbeing check on") : t("Wellbeing check off"));
      } catch (error) {
        if (switchEl.checked === wanted) switchEl.checked = !wanted;
        toastError(error);
      }
    });
  });
  const contactsEl = h("textarea", { name: "contacts", rows: "4", maxlength: String(CONTACTS_MAX),
    value: settings.contacts, placeholder: t("A friend, a sibling, your GP, a helpline…") });
  const submitEl = h("button", { type: "submit", class: "button secondary", text: t("Save contacts") });
  const formEl = h("form", { class: "wellbeing-contacts-form", novalidate: true },
    field(t("Your support contacts"), contactsEl,
      t("The people or services you would want to reach when things are hard, in your own words. The wellbeing check shows them to you when a score is low. Orbit never contacts anyone.")),
    submitEl);
  handleSubmit(formEl, submitEl, async () => {
    const saved = await api.putWellbeingSettings({ contacts: contactsEl.value });
    contactsEl.value = saved.contacts;
    showToast(t("Contacts saved"));
  });
  return titledSection(t("Wellbeing check"), { className: "card settings-section settings-wellbeing" },
    h("div", { class: "setting-row" },
      h("div", { class: "setting-text" },
        h("label", { for: "wellbeing-on", text: t("Five questions every two weeks") }),
        h("p", { class: "hint", id: "wellbeing-on-hint",
          text: t("The WHO-5 Well-Being Index: a score from 0 to 100 and how it moves. Off unless you turn it on; only you see it.") })),
      h("span", { class: "switch-wrap" }, switchEl, h("span", { class: "switch-track", "aria-hidden": "true" }))),
    formEl,
    h("a", { class: "text-link settings-wellbeing-open", href: "#/wellbeing", text: t("Open the wellbeing check") }));
}
