// Settings → How you sign in: the account's ways in (its password, its passkeys, a linked
// single sign-on provider), each with when it was last used; adding, renaming and removing a
// passkey; and "Sign out everywhere", which ends every other session and keeps this one.
import * as api from "../api.js";
import * as store from "../store.js";
import { shortDate } from "../dates.js";
import { confirmDialog, field, h, handleSubmit, onConfirmedClick, showToast, titledSection } from "../dom.js";
import { createPasskey, deviceName, passkeysSupported } from "../passkeys.js";

const TEXT = {
  title: "How you sign in",
  hint: "Every way into your account. Remove anything you don't recognise.",
  password: "Password",
  passwordSet: "Set",
  passwordNone: "Not set: you sign in with a passkey",
  setPassword: "Set a password",
  newPassword: "New password",
  newPasswordHint: "At least 8 characters. Your passkeys keep working.",
  passwordSaved: "Password set",
  passkeys: "Passkeys",
  noPasskeys: "No passkeys yet. A passkey signs you in with Face ID, a fingerprint or this device's PIN.",
  passkeyName: "Name of the new passkey",
  add: "Add a passkey",
  added: "Passkey added",
  offHere: "Passkeys are off on this server.",
  unsupported: "Passkeys need this server’s name over HTTPS (or localhost), not a bare address like 192.168.1.20.",
  rename: "Rename",
  renameLabel: (name) => `Rename ${name}`,
  save: "Save",
  remove: "Remove",
  removeLabel: (name) => `Remove ${name}`,
  removeTitle: (name) => `Remove “${name}”?`,
  removeMessage: "It stops signing you in at once. The device keeps its copy until you delete it there.",
  removed: "Passkey removed",
  provider: (name) => name,
  used: (date) => `last used ${date}`,
  neverUsed: "never used",
  passkeyDates: (added, used) => `Added ${added}, ${used}`,
  everywhere: "Sign out everywhere",
  everywhereButton: "End all other sessions",
  everywhereHint: "Ends every other session: phones, tablets, other browsers. This one stays signed in; your password, passkeys and API tokens keep working.",
  everywhereTitle: "Sign out everywhere else?",
  everywhereMessage: "Every other device will need to sign in again.",
  everywhereConfirm: "Sign them out",
  everywhereDone: "Every other device is signed out",
  changeTitle: "Change your password?",
  changeMessage: (count) => `This also removes your ${count === 1 ? "passkey" : `${count} passkeys`}, in case `
    + "someone else added one. Add yours again afterwards.",
  changeConfirm: "Change password",
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
    return way(TEXT.password, h("p", { class: "hint", text: `${TEXT.passwordSet}, ${usedText(password.last_used_at)}` }));
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
    h("p", { class: "hint", text: [provider.email, usedText(provider.last_used_at)].filter(Boolean).join(", ") })));
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
