// Settings → How you sign in: the account's ways in (its password, its passkeys, a linked
// single sign-on provider), each with when it was last used; adding, renaming and removing a
// passkey; and "Sign out everywhere", which ends every other session and keeps this one.
import * as api from "../api.js";
import * as store from "../store.js";
import { shortDate } from "../dates.js";
import { confirmDialog, field, h, handleSubmit, onConfirmedClick, showToast, titledSection } from "../dom.js";
import { createPasskey, deviceName, passkeysSupported } from "../passkeys.js";
import { t, tn } from "../i18n.js";

// Getters and functions: each word is the catalogue's for the language on show when it is drawn.
const TEXT = {
  get title() { return t("How you sign in"); },
  get hint() { return t("Every way into your account. Remove anything you don't recognise."); },
  get password() { return t("Password"); },
  get passwordNone() { return t("Not set: you sign in with a passkey"); },
  get setPassword() { return t("Set a password"); },
  get newPassword() { return t("New password"); },
  get newPasswordHint() { return t("At least 8 characters. Your passkeys keep working."); },
  get passwordSaved() { return t("Password set"); },
  get passkeys() { return t("Passkeys"); },
  get noPasskeys() { return t("No passkeys yet. A passkey signs you in with Face ID, a fingerprint or this device's PIN."); },
  get passkeyName() { return t("Name of the new passkey"); },
  get add() { return t("Add a passkey"); },
  get added() { return t("Passkey added"); },
  get offHere() { return t("Passkeys are off on this server."); },
  get unsupported() { return t("Passkeys need this server’s name over HTTPS (or localhost), not a bare address like 192.168.1.20."); },
  get rename() { return t("Rename"); },
  renameLabel: (name) => t("Rename {name}", { name }),
  get save() { return t("Save"); },
  get remove() { return t("Remove"); },
  removeLabel: (name) => t("Remove {name}", { name }),
  removeTitle: (name) => t("Remove “{name}”?", { name }),
  get removeMessage() { return t("It stops signing you in at once. The device keeps its copy until you delete it there."); },
  get removed() { return t("Passkey removed"); },
  provider: (name) => name,
  used: (date) => t("last used {date}", { date }),
  get neverUsed() { return t("never used"); },
  passkeyDates: (added, used) => t("Added {date}, {used}", { date: added, used }),
  get everywhere() { return t("Sign out everywhere"); },
  get everywhereButton() { return t("End all other sessions"); },
  get everywhereHint() { return t("Ends every other session: phones, tablets, other browsers. This one stays signed in; your password, passkeys and API tokens keep working."); },
  get everywhereTitle() { return t("Sign out everywhere else?"); },
  get everywhereMessage() { return t("Every other device will need to sign in again."); },
  get everywhereConfirm() { return t("Sign them out"); },
  get everywhereDone() { return t("Every other device is signed out"); },
  get changeTitle() { return t("Change your password?"); },
  changeMessage: (count) => tn("This also removes your passkey, in case someone else added one. Add yours again afterwards.",
    "This also removes your {n} passkeys, in case someone else added one. Add yours again afterwards.", count),
  get changeConfirm() { return t("Change password"); },
};

// What the section last drew: how many passkeys a password change would remove, and how to redraw.
let shown = { passkeys: 0, refresh: null };

/** Before a password change (which removes every passkey): true when there are none, or the
 * person says yes. */
export async function passwordChangeConfirmed() {
  if (!shown.passkeys) return true;
  return confirmDialog({ title: TEXT.changeTitle, message: TEXT.changeMessage(shown.passkeys),
    confirmLabel: TEXT.changeConfirm, danger: true });
}

/** After a password change: draw the ways in again (the passkeys are gone). */
export function signInChanged() {
  shown.refresh?.().catch(() => {});
}

const day = (instant) => shortDate(store.dateOf(instant));
const usedText = (instant) => (instant ? TEXT.used(day(instant)) : TEXT.neverUsed);

/** The section, drawn from GET /me/sign-in and GET /me/providers. */
export async function signInSection() {
  const [ways, providers] = await Promise.all([api.getSignInWays(), api.listProviders().catch(() => [])]);
  const sectionEl = titledSection(TEXT.title, { className: "card settings-section signin-ways", hint: TEXT.hint });
  const bodyEl = h("div", { class: "signin-body" });
  const paint = (current) => {
    shown = { passkeys: current.passkeys.length, refresh };
    bodyEl.replaceChildren(passwordWay(current.password, refresh), passkeysWay(current, refresh),
      ...providersWay(providers));
  };
  async function refresh() {
    paint(await api.getSignInWays());
  }
  paint(ways);
  sectionEl.append(bodyEl, everywhereButton());
  return sectionEl;
}

function way(title, ...children) {
  return h("div", { class: "signin-way" }, h("h3", { class: "signin-way-title", text: title }), children);
}

function passwordWay(password, refresh) {
  if (password.set) {
    return way(TEXT.password, h("p", { class: "hint", text: t("Set, {used}", { used: usedText(password.last_used_at) }) }));
  }
  const passwordEl = h("input", { type: "password", name: "new_password", autocomplete: "new-password", minlength: "8" });
  const submitEl = h("button", { type: "submit", class: "button secondary", text: TEXT.setPassword });
  const formEl = h("form", { novalidate: true }, field(TEXT.newPassword, passwordEl, TEXT.newPasswordHint), submitEl);
  handleSubmit(formEl, submitEl, async () => {
    await api.changePassword("", passwordEl.value);
    showToast(TEXT.passwordSaved);
    await refresh();
  });
  return way(TEXT.password, h("p", { class: "hint", text: TEXT.passwordNone }), formEl);
}

function passkeysWay(ways, refresh) {
  const listEl = h("ul", { class: "token-list passkey-list", role: "list" },
    ways.passkeys.map((passkey) => passkeyRow(passkey, refresh)));
  if (!ways.passkeys.length) listEl.append(h("li", { class: "hint", text: TEXT.noPasskeys }));
  let addEl;
  if (!ways.passkeys_enabled) addEl = h("p", { class: "hint", text: TEXT.offHere });
  else if (!passkeysSupported()) addEl = h("p", { class: "hint", text: TEXT.unsupported });
  else {
    const nameEl = h("input", { name: "name", maxlength: "80", value: deviceName(), autocomplete: "off" });
    const submitEl = h("button", { type: "submit", class: "button primary", text: TEXT.add });
    addEl = h("form", { novalidate: true, class: "passkey-add" }, field(TEXT.passkeyName, nameEl), submitEl);
    handleSubmit(addEl, submitEl, async () => {
      const { public_key: options } = await api.passkeyAddOptions();
      await api.addPasskey(await createPasskey(options), nameEl.value.trim() || null);
      showToast(TEXT.added);
      await refresh();
    });
  }
  return way(TEXT.passkeys, listEl, addEl);
}

function passkeyRow(passkey, refresh) {
  const nameEl = h("p", { class: "token-name", text: passkey.name });
  const removeEl = h("button", { type: "button", class: "button small danger-ghost", text: TEXT.remove,
    "aria-label": TEXT.removeLabel(passkey.name) });
  onConfirmedClick(removeEl, { title: TEXT.removeTitle(passkey.name), message: TEXT.removeMessage,
    confirmLabel: TEXT.remove, danger: true }, async () => {
    await api.removePasskey(passkey.id);
    showToast(TEXT.removed);
    await refresh();
  });
  const renameEl = h("button", { type: "button", class: "button small ghost", text: TEXT.rename,
    "aria-label": TEXT.renameLabel(passkey.name) });
  const rowEl = h("li", { class: "token-row passkey-row" },
    h("div", {}, nameEl, h("p", { class: "hint", text: TEXT.passkeyDates(day(passkey.created_at), usedText(passkey.last_used_at)) })),
    h("div", { class: "passkey-actions" }, renameEl, removeEl));
  renameEl.addEventListener("click", () => {
    const inputEl = h("input", { name: "name", maxlength: "80", value: passkey.name, "aria-label": TEXT.renameLabel(passkey.name) });
    const saveEl = h("button", { type: "submit", class: "button secondary", text: TEXT.save });
    const formEl = h("form", { novalidate: true, class: "passkey-rename" }, h("div", { class: "field", "data-field": "name" }, inputEl), saveEl);
    handleSubmit(formEl, saveEl, async () => {
      await api.renamePasskey(passkey.id, inputEl.value.trim());
      await refresh();
    });
    rowEl.replaceChildren(formEl);
    inputEl.focus();
  });
  return rowEl;
}

function providersWay(providers) {
  return providers.map((provider) => way(TEXT.provider(provider.name || provider.issuer || ""),
    h("p", { class: "hint", text: provider.email ? t("{email}, {used}", { email: provider.email, used: usedText(provider.last_used_at) })
      : usedText(provider.last_used_at) })));
}

function everywhereButton() {
  // Not named "Sign out...": that button, below, stays the one that signs out here.
  const buttonEl = h("button", { type: "button", class: "button secondary block", text: TEXT.everywhereButton });
  onConfirmedClick(buttonEl, { title: TEXT.everywhereTitle, message: TEXT.everywhereMessage,
    confirmLabel: TEXT.everywhereConfirm }, async () => {
    await api.signOutEverywhere();
    showToast(TEXT.everywhereDone);
  });
  return h("div", { class: "signin-everywhere" }, h("h3", { class: "signin-way-title", text: TEXT.everywhere }),
    h("p", { class: "hint", text: TEXT.everywhereHint }), buttonEl);
}
