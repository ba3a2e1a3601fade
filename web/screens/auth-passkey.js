// Passkeys on the sign-in and sign-up screens: "Sign in with a passkey" (the browser lists the
// passkeys it has for this server: no email typed) and a sign-up with a passkey instead of a
// password. Shown only where the browser can use them and the server offers them.
import * as api from "../api.js";
import * as store from "../store.js";
import { clearFormError, h, showFormError, withBusy } from "../dom.js";
import { createPasskey, deviceName, passkeysSupported, usePasskey } from "../passkeys.js";
import { t, tc } from "../i18n.js";

// Getters: each word is the catalogue's for the language on show when it is drawn.
const TEXT = {
  get or() { return tc("between two ways to sign in", "or"); },
  get signIn() { return t("Use a passkey"); },
  get signUp() { return t("Use a passkey instead"); },
  get signUpHint() { return t("No password to remember: Face ID, a fingerprint or this device’s PIN signs you in. Enter your email above first."); },
  get email() { return t("Enter your email address."); },
  get emailShape() { return t("That doesn't look like an email address."); },
};

/** True when passkeys can be used from this page on this server. */
async function available() {
  if (!passkeysSupported()) return false;
  try {
    return (await api.getPasskeysOn()).enabled;
  } catch {
    return false;
  }
}

/** A button that runs `action`, its errors shown on `formEl` (the screen's one form). */
function passkeyButton(label, formEl, action) {
  const buttonEl = h("button", { type: "button", class: "button secondary block passkey-button", text: label });
  buttonEl.addEventListener("click", () => withBusy(buttonEl, async () => {
    clearFormError(formEl);
    try {
      store.setUser(await action());
      location.hash = "#/today";
    } catch (error) {
      showFormError(formEl, error);
    }
  }));
  return buttonEl;
}

/** "or / Sign in with a passkey", below the sign-in form; null when passkeys can't be used. */
export async function passkeySignIn(formEl) {
  if (!(await available())) return null;
  return h("div", { class: "passkey-way" }, h("p", { class: "passkey-or", text: TEXT.or }),
    passkeyButton(TEXT.signIn, formEl, async () => {
      const { public_key: options } = await api.passkeySignInOptions();
      return api.signInWithPasskey(await usePasskey(options));
    }));
}

/** "or / Create account with a passkey": the email typed above, no password. */
export async function passkeySignUp(formEl, emailEl, timeZone, invite) {
  if (!(await available())) return null;
  return h("div", { class: "passkey-way" }, h("p", { class: "passkey-or", text: TEXT.or }),
    passkeyButton(TEXT.signUp, formEl, async () => {
      const email = emailEl.value.trim();
      const problem = !email ? TEXT.email : !emailEl.validity.valid ? TEXT.emailShape : null;
      if (problem) {
        throw new api.ApiError({ code: "validation_error", message: problem, fields: { email: [problem] } });
      }
      const { public_key: options } = await api.passkeySignUpOptions(email, timeZone, invite);
      return api.signUpWithPasskey(await createPasskey(options), deviceName());
    }),
    h("p", { class: "hint center", text: TEXT.signUpHint }));
}
