// Sign-in through another service on the sign-in and sign-up screens (issue 22): "Sign in with
// <provider>" when the server has OpenID Connect (GET /auth/methods), the password form hidden
// when the operator turned password sign-in off, the one-time password that links a provider's
// first sign-in to an existing account, and a session a reverse proxy's header started.
import * as api from "../api.js";
import * as store from "../store.js";
import { append, field, h, handleSubmit } from "../dom.js";
import { t, tc } from "../i18n.js";

// Getters and functions: each word is the catalogue's for the language on show when it is drawn.
const TEXT = {
  with: (name) => t("Sign in with {provider}", { provider: name }),
  get or() { return tc("between two ways to sign in", "or"); },
  linkTitle: (name) => t("Link your {provider} sign-in", { provider: name }),
  linkLead: (email, name) => t("An Orbit account already uses {email}. Enter its password once to link them; from then on {provider} signs you in.", { email, provider: name }),
  get password() { return t("Password"); },
  get link() { return t("Link and sign in"); },
  get elsewise() { return t("Not now: sign in another way"); },
  get enterPassword() { return t("Enter your password."); },
};
const NO_METHODS = { password_login: true, oidc: null, oidc_link: null, oidc_error: null };
let linkDismissed = false; // "Not now" on the link screen, until the page reloads

/** The ways in this server offers; offline, the password form alone. */
export async function signInMethods() {
  try {
    return await api.getSignInMethods();
  } catch {
    return NO_METHODS;
  }
}

/** Draws something other than the form when it must: the link screen for a provider's sign-in
 * waiting for a password, or nothing (the page reloads) when the server signed this browser in
 * itself (a reverse proxy's header). True when it did. */
export function renderInstead(screenEl, methods) {
  if (api.adoptServerSession()) {
    location.replace("/"); // the app starts again, signed in
    return true;
  }
  if (!methods.oidc_link || linkDismissed) return false;
  renderLink(screenEl, methods);
  return true;
}

/** The provider's button above the screen's form (and the form hidden when passwords are off),
 * with the last failure said once. `start`: what a new account takes (timezone, invite). */
export async function addProviderWay(screenEl, methodsOrPromise, start = {}) {
  const methods = await methodsOrPromise; // after the screen drew its form
  const formEl = screenEl.querySelector("form.auth-form");
  if (!formEl) return;
  if (!methods.password_login) formEl.hidden = true; // the provider's button is the way in
  if (!methods.oidc) return;
  const query = new URLSearchParams(Object.entries(start).filter(([, value]) => value));
  const href = `${methods.oidc.start_url}${query.size ? `?${query}` : ""}`;
  formEl.before(h("div", { class: "sso-way" },
    methods.oidc_error ? h("p", { class: "form-error", role: "alert", text: methods.oidc_error }) : null,
    h("a", { class: "button primary block sso-button", href, text: TEXT.with(methods.oidc.name) }),
    methods.password_login ? h("p", { class: "hint center", text: TEXT.or }) : null));
}

function renderLink(screenEl, methods) {
  const { email } = methods.oidc_link;
  const name = methods.oidc.name;
  const passwordEl = h("input", { type: "password", name: "password", autocomplete: "current-password", required: true });
  const submitEl = h("button", { type: "submit", class: "button primary block", text: TEXT.link });
  const formEl = h("form", { class: "card auth-form", novalidate: true },
    h("input", { type: "email", name: "email", value: email, autocomplete: "username", hidden: true }),
    field(TEXT.password, passwordEl), submitEl);
  handleSubmit(formEl, submitEl, async () => {
    if (!passwordEl.value) {
      throw new api.ApiError({ code: "validation_error", message: TEXT.enterPassword, fields: { password: [TEXT.enterPassword] } });
    }
    store.setUser(await api.linkProvider(passwordEl.value));
    location.hash = "#/today";
  });
  append(screenEl,
    h("div", { class: "auth-hero" },
      h("img", { class: "auth-logo", src: "/icons/icon.svg", alt: "", width: "64", height: "64" }),
      h("p", { class: "brand", text: "Orbit" }),
      h("h1", { tabindex: "-1", text: TEXT.linkTitle(name) }),
      h("p", { class: "lead", text: TEXT.linkLead(email, name) })),
    formEl,
    h("p", { class: "auth-switch" }, h("a", { href: "#/signin", text: TEXT.elsewise, onclick: async (event) => {
      event.preventDefault(); // the address is #/signin already: draw the screen again, without this
      linkDismissed = true;
      screenEl.replaceChildren();
      (await import("./auth.js")).renderSignIn(screenEl);
    } })));
}
