// Settings → Language: the app's, and what Orbit sends (emails, notifications, the calendar
// feed). Until one is chosen it follows this device's languages (navigator.languages here,
// Accept-Language for the server); a choice is kept on the account (PATCH /me, `locale`).
import * as api from "../api.js";
import * as store from "../store.js";
import { field, h, handleSubmit, titledSection } from "../dom.js";
import { languages, negotiate, t } from "../i18n.js";

const DEVICE = ""; // the select's value for "follow this device"

/** The section, with the account's choice selected. */
export function languageSection(me) {
  const names = Object.fromEntries(languages().map(({ tag, name }) => [tag, name]));
  const selectEl = h("select", { name: "locale" },
    h("option", { value: DEVICE, text: t("As on this device ({language})", { language: names[negotiate()] }) }),
    languages().map(({ tag, name }) => h("option", { value: tag, text: name, lang: tag })));
  selectEl.value = me.locale || DEVICE;
  const submitEl = h("button", { type: "submit", class: "button primary", text: t("Save language") });
  const formEl = h("form", { novalidate: true },
    field(t("Language"), selectEl, t("Also the language of your emails, notifications and calendar feed.")), submitEl);
  handleSubmit(formEl, submitEl, async () => {
    const me = await api.updateMe({ locale: selectEl.value || null });
    store.updateUser(me);
    // Every word on show was drawn in the old language: the app starts again in the new one.
    location.reload();
  });
  return titledSection(t("Language"), { className: "card settings-section" }, formEl);
}
