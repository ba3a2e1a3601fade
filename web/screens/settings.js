// Settings: time zone, week start, API tokens, password, sign out, delete account.
import * as api from "../api.js";
import * as store from "../store.js";
import { browserTimeZone, shortDate } from "../dates.js";
import { append, clearFormError, confirmDialog, field, h, screenHeader, showFormError, showToast, withBusy } from "../dom.js";
import { segmented, radioValue } from "./fields.js";

/** Renders #/settings. */
export async function render(screenEl) {
  const [me, tokens] = await Promise.all([api.getMe(), api.listTokens()]);
  store.updateUser(me);
  append(screenEl,
    screenHeader("Settings", { subtitle: me.email }),
    daysSection(me),
    tokensSection(tokens),
    passwordSection(),
    accountSection());
}

function section(title, ...children) {
  const headingId = `settings-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return h("section", { class: "card settings-section", "aria-labelledby": headingId },
    h("h2", { id: headingId, text: title }), ...children);
}

/** A form that sends `read()` to `send` and reports success in a toast. */
function simpleForm(children, submitLabel, send, done) {
  const submitEl = h("button", { type: "submit", class: "button primary", text: submitLabel });
  const formEl = h("form", { novalidate: true }, children, submitEl);
  formEl.addEventListener("submit", (event) => {
    event.preventDefault();
    clearFormError(formEl);
    withBusy(submitEl, async () => {
      try {
        done(await send());
      } catch (error) {
        showFormError(formEl, error);
      }
    });
  });
  return formEl;
}

function daysSection(me) {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const here = browserTimeZone();
  const zoneEl = h("select", { name: "timezone" },
    [...new Set([me.timezone, here, "UTC", ...zones])].map((zone) => h("option", { value: zone, text: zone.replace(/_/g, " ") })));
  zoneEl.value = me.timezone;
  const formEl = simpleForm([
    field("Time zone", zoneEl, me.timezone === here ? "Matches this device." : `This device is in ${here}.`),
    segmented("week_start", "Weeks start on", [{ value: "mon", label: "Monday" }, { value: "sun", label: "Sunday" }], me.week_start),
  ], "Save day settings", () => api.updateMe({ timezone: zoneEl.value, week_start: radioValue(formEl, "week_start") }),
  (updated) => {
    store.updateUser(updated || {});
    showToast("Day settings saved");
  });
  return section("Your days", h("p", { class: "hint", text: "Days begin at midnight in your time zone. Logged days never move." }), formEl);
}

function tokensSection(tokens) {
  const listEl = h("ul", { class: "token-list", role: "list" });
  const revealEl = h("div", { class: "token-reveal", hidden: true, role: "status" });
  const paintList = (items) => {
    listEl.replaceChildren(...items.map((token) => tokenRow(token, () => {
      revealEl.hidden = true; // never leave a revoked token's secret on screen
      paintList(items.filter((t) => t.id !== token.id));
    })));
    if (!items.length) listEl.append(h("li", { class: "hint", text: "No tokens. Create one for a script or a phone shortcut." }));
  };
  paintList(tokens);
  const nameEl = h("input", { name: "name", maxlength: "80", placeholder: "e.g. Phone shortcut", autocomplete: "off" });
  const formEl = simpleForm([field("Token label", nameEl)], "Create token", () => api.createToken(nameEl.value.trim()), (created) => {
    nameEl.value = "";
    tokens = [{ ...created, last_used_at: null }, ...tokens];
    paintList(tokens);
    showSecret(revealEl, created);
  });
  return section("API tokens", h("p", { class: "hint", text: "For scripts and shortcuts: send “Authorization: Bearer <token>”." }),
    revealEl, listEl, formEl);
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
  revokeEl.addEventListener("click", async () => {
    const confirmed = await confirmDialog({ title: `Revoke “${token.name}”?`, danger: true, confirmLabel: "Revoke",
      message: "Scripts using it stop working at once." });
    if (!confirmed) return;
    withBusy(revokeEl, async () => {
      try {
        await api.revokeToken(token.id);
        showToast("Token revoked");
        removed();
      } catch (error) {
        showToast(error.message);
      }
    });
  });
  const used = token.last_used_at ? `last used ${shortDate(token.last_used_at.slice(0, 10))}` : "never used";
  return h("li", { class: "token-row" },
    h("div", {}, h("p", { class: "token-name", text: token.name }),
      h("p", { class: "hint", text: `Created ${shortDate(token.created_at.slice(0, 10))}, ${used}` })),
    revokeEl);
}

function passwordSection() {
  const currentEl = h("input", { type: "password", name: "current_password", autocomplete: "current-password" });
  const nextEl = h("input", { type: "password", name: "new_password", autocomplete: "new-password", minlength: "8" });
  const formEl = simpleForm([field("Current password", currentEl), field("New password", nextEl, "At least 8 characters.")],
    "Change password", () => api.changePassword(currentEl.value, nextEl.value), async () => {
      currentEl.value = "";
      nextEl.value = "";
      // A password change ends every session; this one may have ended too.
      if (await api.restoreSession()) showToast("Password changed");
      else signedOut("Password changed. Sign in with your new password.");
    });
  return section("Password", h("p", { class: "hint", text: "Changing it signs out your other devices." }), formEl);
}

function accountSection() {
  const signOutEl = h("button", { type: "button", class: "button secondary block", text: "Sign out" });
  signOutEl.addEventListener("click", () => withBusy(signOutEl, async () => {
    try {
      await api.logout();
      signedOut("Signed out. See you tomorrow.");
    } catch (error) {
      showToast(error.message);
    }
  }));
  const passwordEl = h("input", { type: "password", name: "password", autocomplete: "current-password" });
  const deleteFormEl = simpleForm([field("Your password, to confirm", passwordEl)], "Delete my account", async () => {
    const confirmed = await confirmDialog({ title: "Delete your account?", danger: true, confirmLabel: "Delete everything",
      message: "Every habit, check-in, reflection and reminder is deleted for good. Download your data first if you want to keep it." });
    return confirmed ? api.deleteAccount(passwordEl.value).then(() => true) : false;
  }, (deleted) => {
    if (deleted) signedOut("Your account and all its data are deleted.");
  });
  deleteFormEl.querySelector("button[type=submit]").className = "button danger";
  return section("Account", signOutEl,
    h("details", { class: "danger-details" }, h("summary", { text: "Delete account" }), deleteFormEl));
}

function signedOut(message) {
  window.dispatchEvent(new CustomEvent("orbit:signed-out", { detail: { message } }));
}
