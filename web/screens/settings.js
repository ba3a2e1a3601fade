// Settings: time zone, week start, the app badge, API tokens, password, sign out, delete account.
import * as api from "../api.js";
import * as store from "../store.js";
import { browserTimeZone } from "../dates.js";
import { append, confirmDialog, field, h, handleSubmit, onConfirmedClick, screenHeader, showToast, titledSection } from "../dom.js";
import { segmented, radioValue } from "./fields.js";
import { remindersLink } from "./settings-reminders.js";
import { historyLink } from "./history.js";
import { sharesLink } from "./settings-shares.js";
import { wellbeingSection } from "./settings-wellbeing.js";
import { dataSection } from "./settings-data.js";
import { pauseSection } from "./settings-pause.js";
import { groupingSetting } from "./today-groups.js";
import { webhooksSection } from "./settings-webhooks.js";
import { tokensSection } from "./settings-tokens.js";
import { badgeSetting } from "./settings-badge.js";
import { languageSection } from "./settings-language.js";
import { forgetHere } from "../push.js";
import { passwordChangeConfirmed, signInChanged, signInSection } from "./settings-signin.js";
import { t, weekdayName } from "../i18n.js";

/** Renders #/settings. */
export async function render(screenEl) {
  const [me, tokens, badgeEl, signInEl, wellbeingEl] = await Promise.all([api.getMe(), api.listTokens(), badgeSetting(),
    signInSection(), wellbeingSection()]);
  store.updateUser(me);
  append(screenEl,
    screenHeader(t("Settings"), { subtitle: me.email }),
    daysSection(me),
    languageSection(me),
    pauseSection(),
    groupingSetting(),
    badgeEl,
    remindersLink(),
    historyLink(),
    wellbeingEl,
    sharesLink(),
    tokensSection(tokens),
    webhooksSection(),
    dataSection(),
    passwordSection(),
    signInEl,
    accountSection());
}

function section(title, hint, ...children) {
  return titledSection(title, { className: "card settings-section", hint }, ...children);
}

/** A form of `children` and one submit button; `action` runs on submit (errors show on the form). */
function simpleForm(children, submitLabel, action, { danger = false } = {}) {
  const submitEl = h("button", { type: "submit", class: `button ${danger ? "danger" : "primary"}`, text: submitLabel });
  const formEl = h("form", { novalidate: true }, children, submitEl);
  handleSubmit(formEl, submitEl, action);
  return formEl;
}

function daysSection(me) {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const here = browserTimeZone();
  const zoneEl = h("select", { name: "timezone" },
    [...new Set([me.timezone, here, "UTC", ...zones])].map((zone) => h("option", { value: zone, text: zone.replace(/_/g, " ") })));
  zoneEl.value = me.timezone;
  // When the day turns: a night owl's 01:00 still belongs to the evening before.
  const starts = ["00:00", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00"];
  const dayStartEl = h("select", { name: "day_start" }, [...new Set([me.day_start || "00:00", ...starts])].sort()
    .map((time) => h("option", { value: time, text: time === "00:00" ? t("Midnight") : time })));
  dayStartEl.value = me.day_start || "00:00";
  const formEl = simpleForm([
    field(t("Time zone"), zoneEl, me.timezone === here ? t("Matches this device.") : t("This device is in {zone}.", { zone: here })),
    segmented("week_start", t("Weeks start on"), [{ value: "mon", label: weekdayName(0) }, { value: "sun", label: weekdayName(6) }], me.week_start),
    field(t("Day ends at"), dayStartEl, t("Up late? A day can run on until 6 in the morning.")),
  ], t("Save day settings"), async () => {
    store.updateUser(await api.updateMe({ timezone: zoneEl.value, week_start: radioValue(formEl, "week_start"),
      day_start: dayStartEl.value }));
    showToast(t("Day settings saved"));
  });
  return section(t("Your days"), t("Logged days never move when you change these."), formEl);
}

function passwordSection() {
  const currentEl = h("input", { type: "password", name: "current_password", autocomplete: "current-password" });
  const nextEl = h("input", { type: "password", name: "new_password", autocomplete: "new-password", minlength: "8" });
  const formEl = simpleForm([field(t("Current password"), currentEl), field(t("New password"), nextEl, t("At least 8 characters."))],
    t("Change password"), async () => {
      if (!(await passwordChangeConfirmed())) return; // it removes the passkeys: asked first
      await api.changePassword(currentEl.value, nextEl.value);
      currentEl.value = "";
      nextEl.value = "";
      // A password change ends every session; this one may have ended too.
      if (await api.restoreSession()) {
        showToast(t("Password changed"));
        signInChanged();
      }
      else signedOut(t("Password changed. Sign in with your new password."));
    });
  // Said before the user confirms (issue #8): the server ends the other sessions and revokes
  // every token, so a password someone else knew, or a leaked token, stops working at once.
  return section(t("Password"), t("Changing it signs out every other device and revokes every API token: scripts and shortcuts using one stop working until you create a new one. Your passkeys are removed too."), formEl);
}

function accountSection() {
  const signOutEl = h("button", { type: "button", class: "button secondary block", text: t("Sign out") });
  onConfirmedClick(signOutEl, null, async () => {
    await forgetHere(); // no notifications for an account signed out of here
    await api.logout();
    signedOut(t("Signed out. See you tomorrow."));
  });
  const passwordEl = h("input", { type: "password", name: "password", autocomplete: "current-password" });
  const deleteFormEl = simpleForm([field(t("Your password, to confirm"), passwordEl)], t("Delete my account"), async () => {
    const confirmed = await confirmDialog({ title: t("Delete your account?"), danger: true, confirmLabel: t("Delete everything"),
      message: t("Every habit, identity, check-in and reflection is deleted for good. This can't be undone.") });
    if (!confirmed) return;
    await api.deleteAccount(passwordEl.value);
    signedOut(t("Your account and all its data are deleted."));
  }, { danger: true });
  return section(t("Account"), null, signOutEl,
    h("details", { class: "danger-details" }, h("summary", { text: t("Delete account") }), deleteFormEl));
}

function signedOut(message) {
  window.dispatchEvent(new CustomEvent("orbit:signed-out", { detail: { message } }));
}
