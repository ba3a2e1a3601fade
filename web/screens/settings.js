// Settings: time zone, week start, API tokens, password, sign out, delete account.
import * as api from "../api.js";
import * as store from "../store.js";
import { browserTimeZone, shortDate } from "../dates.js";
import { append, confirmDialog, field, h, handleSubmit, onConfirmedClick, screenHeader, showToast, titledSection } from "../dom.js";
import { segmented, radioValue } from "./fields.js";
import { remindersLink } from "./settings-reminders.js";
import { dataSection } from "./settings-data.js";
import { pauseSection } from "./settings-pause.js";
import { groupingSetting } from "./today-groups.js";
import { webhooksSection } from "./settings-webhooks.js";
import { forgetHere } from "../push.js";

/** Renders #/settings. */
export async function render(screenEl) {
  const [me, tokens] = await Promise.all([api.getMe(), api.listTokens()]);
  store.updateUser(me);
  append(screenEl,
    screenHeader("Settings", { subtitle: me.email }),
    daysSection(me),
    pauseSection(),
    groupingSetting(),
    remindersLink(),
    tokensSection(tokens),
    webhooksSection(),
    dataSection(),
    passwordSection(),
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
    .map((time) => h("option", { value: time, text: time === "00:00" ? "Midnight" : time })));
  dayStartEl.value = me.day_start || "00:00";
  const formEl = simpleForm([
    field("Time zone", zoneEl, me.timezone === here ? "Matches this device." : `This device is in ${here}.`),
    segmented("week_start", "Weeks start on", [{ value: "mon", label: "Monday" }, { value: "sun", label: "Sunday" }], me.week_start),
    field("Day ends at", dayStartEl, "Up late? A day can run on until 6 in the morning."),
  ], "Save day settings", async () => {
    store.updateUser(await api.updateMe({ timezone: zoneEl.value, week_start: radioValue(formEl, "week_start"),
      day_start: dayStartEl.value }));
    showToast("Day settings saved");
  });
  return section("Your days", "Logged days never move when you change these.", formEl);
}

function tokensSection(initialTokens) {
  let tokens = initialTokens; // what the server has, oldest first, as GET /tokens lists them
  const listEl = h("ul", { class: "token-list", role: "list" });
  const revealEl = h("div", { class: "token-reveal", hidden: true, role: "status" });
  const paintList = () => {
    listEl.replaceChildren(...tokens.map((token) => tokenRow(token, () => {
      revealEl.hidden = true; // never leave a revoked token's secret on screen
      tokens = tokens.filter((kept) => kept.id !== token.id);
      paintList();
    })));
    if (!tokens.length) listEl.append(h("li", { class: "hint", text: "No tokens. Create one for a script or a phone shortcut." }));
  };
  paintList();
  const nameEl = h("input", { name: "name", maxlength: "80", placeholder: "e.g. Phone shortcut", autocomplete: "off" });
  const formEl = simpleForm([field("Token label", nameEl)], "Create token", async () => {
    const created = await api.createToken(nameEl.value.trim());
    nameEl.value = "";
    tokens = [...tokens, { id: created.id, name: created.name, created_at: created.created_at, last_used_at: null }];
    paintList();
    showSecret(revealEl, created);
  });
  return section("API tokens", "For scripts and shortcuts: send “Authorization: Bearer <token>”.", revealEl, listEl, formEl);
}

function showSecret(revealEl, created) {
  const secretEl = h("input", { readonly: true, value: created.token, "aria-label": `Token for ${created.name}`, class: "secret" });
  const copyEl = h("button", { type: "button", class: "button primary small", text: "Copy" });
  copyEl.addEventListener("click", async () => {
    secretEl.select();
    try {
      await navigator.clipboard.writeText(created.token);
      copyEl.textContent = "Copied";
    } catch {
      copyEl.textContent = "Selected: copy it now";
    }
  });
  revealEl.replaceChildren(
    h("p", { class: "strong", text: `Your new token “${created.name}”. Copy it now: it won't be shown again.` }),
    h("div", { class: "secret-row" }, secretEl, copyEl));
  revealEl.hidden = false;
}

function tokenRow(token, removed) {
  const revokeEl = h("button", { type: "button", class: "button small danger-ghost", text: "Revoke", "aria-label": `Revoke ${token.name}` });
  onConfirmedClick(revokeEl, { title: `Revoke “${token.name}”?`, danger: true, confirmLabel: "Revoke",
    message: "Scripts using it stop working at once." }, async () => {
    await api.revokeToken(token.id);
    showToast("Token revoked");
    removed();
  });
  // Instants are UTC: the day shown is the user's day (as Today counts it), not UTC's.
  const used = token.last_used_at ? `last used ${shortDate(store.dateOf(token.last_used_at))}` : "never used";
  return h("li", { class: "token-row" },
    h("div", {}, h("p", { class: "token-name", text: token.name }),
      h("p", { class: "hint", text: `Created ${shortDate(store.dateOf(token.created_at))}, ${used}` })),
    revokeEl);
}

function passwordSection() {
  const currentEl = h("input", { type: "password", name: "current_password", autocomplete: "current-password" });
  const nextEl = h("input", { type: "password", name: "new_password", autocomplete: "new-password", minlength: "8" });
  const formEl = simpleForm([field("Current password", currentEl), field("New password", nextEl, "At least 8 characters.")],
    "Change password", async () => {
      await api.changePassword(currentEl.value, nextEl.value);
      currentEl.value = "";
      nextEl.value = "";
      // A password change ends every session; this one may have ended too.
      if (await api.restoreSession()) showToast("Password changed");
      else signedOut("Password changed. Sign in with your new password.");
    });
  // Said before the user confirms (issue #8): the server ends the other sessions and revokes
  // every token, so a password someone else knew, or a leaked token, stops working at once.
  return section("Password", "Changing it signs out every other device and revokes every API token: "
    + "scripts and shortcuts using one stop working until you create a new one.", formEl);
}

function accountSection() {
  const signOutEl = h("button", { type: "button", class: "button secondary block", text: "Sign out" });
  onConfirmedClick(signOutEl, null, async () => {
    await forgetHere(); // no notifications for an account signed out of here
    await api.logout();
    signedOut("Signed out. See you tomorrow.");
  });
  const passwordEl = h("input", { type: "password", name: "password", autocomplete: "current-password" });
  const deleteFormEl = simpleForm([field("Your password, to confirm", passwordEl)], "Delete my account", async () => {
    const confirmed = await confirmDialog({ title: "Delete your account?", danger: true, confirmLabel: "Delete everything",
      message: "Every habit, identity, check-in and reflection is deleted for good. This can't be undone." });
    if (!confirmed) return;
    await api.deleteAccount(passwordEl.value);
    signedOut("Your account and all its data are deleted.");
  }, { danger: true });
  return section("Account", null, signOutEl,
    h("details", { class: "danger-details" }, h("summary", { text: "Delete account" }), deleteFormEl));
}

function signedOut(message) {
  window.dispatchEvent(new CustomEvent("orbit:signed-out", { detail: { message } }));
}
