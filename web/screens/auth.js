// Sign up and sign in. The time zone of a new account comes from the browser.
import * as api from "../api.js";
import * as store from "../store.js";
import * as sso from "./auth-sso.js";
import { browserTimeZone } from "../dates.js";
import { append, field, h, handleSubmit } from "../dom.js";
import { rememberEmail } from "./reset.js";
import { passkeySignIn, passkeySignUp } from "./auth-passkey.js";
import { t, tn } from "../i18n.js";

const SIGN_IN_LINK = { href: "#/signin", get text() { return t("Sign in"); } };

/** Who may sign up here (the server's ORBIT_SIGNUPS): "open", "invite" or "closed", and
 * whether the invite given (if any) is good. Unknown (offline) counts as open: the server
 * refuses what it must when the sign-up is sent. */
async function signUps(invite) {
  try {
    return await api.getSignUps(invite);
  } catch {
    return { mode: "open", invite_valid: null };
  }
}

/** The sign-in screen; it offers to create an account only where anyone may. */
export async function renderSignIn(screenEl) {
  const [{ mode }, methods] = await Promise.all([signUps(), sso.signInMethods()]);
  if (sso.renderInstead(screenEl, methods)) return;
  sso.addProviderWay(screenEl, methods, { timezone: browserTimeZone() }); // for a new account
  renderAuth(screenEl, {
    title: t("Welcome back"),
    lead: t("Sign in to keep your streaks going."),
    submitLabel: t("Sign in"),
    passwordHint: null,
    autocomplete: "current-password",
    submit: (email, password) => api.login(email, password),
    switchText: mode === "open" ? t("New to Orbit?") : null,
    switchLink: mode === "open" ? { href: "#/signup", text: t("Create an account") } : null,
    footnote: mode === "invite" ? t("New accounts here are by invitation: open the invite link you were given.") : null,
    forgot: true,
    passkey: (formEl) => passkeySignIn(formEl),
  });
}

/** The sign-up screen: `query` is what follows "?" in the address (invite=<token>). */
export async function renderSignUp(screenEl, query = "") {
  const invite = new URLSearchParams(query).get("invite") || null;
  const { mode, invite_valid: inviteValid } = await signUps(invite);
  if (sso.renderInstead(screenEl, {})) return; // a reverse proxy's header signed this browser in
  if (mode === "closed") {
    return renderNotice(screenEl, t("Sign-ups are closed"),
      t("This Orbit is not taking new accounts. If you have one already, sign in."));
  }
  if (mode === "invite" && !invite) {
    return renderNotice(screenEl, t("By invitation"),
      t("New accounts here need an invitation. Open the invite link you were given; it brings you back here, ready to sign up."));
  }
  if (mode === "invite" && inviteValid === false) {
    return renderNotice(screenEl, t("This invite has run out"),
      t("This invite link is not valid any more: it was used, has expired or was withdrawn. Ask the person who sent it for a new one."));
  }
  const timeZone = browserTimeZone();
  sso.addProviderWay(screenEl, sso.signInMethods(), { timezone: timeZone, invite });
  return renderAuth(screenEl, {
    title: t("Create your account"),
    lead: mode === "invite" ? t("You're invited. Small habits, a steadier you: every done day is a vote for who you are becoming.")
      : t("Small habits, a steadier you. Every done day is a vote for who you are becoming."),
    submitLabel: t("Create account"),
    passwordHint: t("At least 8 characters."),
    autocomplete: "new-password",
    submit: (email, password) => api.register(email, password, timeZone, mode === "invite" ? invite : null),
    switchText: t("Already have an account?"),
    switchLink: SIGN_IN_LINK,
    footnote: t("Your days follow this device's time zone ({zone}); you can change it in Settings.", { zone: timeZone }),
    passkey: (formEl, emailEl) => passkeySignUp(formEl, emailEl, timeZone, mode === "invite" ? invite : null),
  });
}

/** A sign-up screen with no form: why not, and the way to sign in. */
function renderNotice(screenEl, title, message) {
  append(screenEl,
    h("div", { class: "auth-hero" },
      h("img", { class: "auth-logo", src: "/icons/icon.svg", alt: "", width: "64", height: "64" }),
      h("p", { class: "brand", text: "Orbit" }),
      h("h1", { tabindex: "-1", text: title })),
    h("div", { class: "card auth-notice", role: "note" }, h("p", { text: message })),
    h("p", { class: "auth-switch" }, t("Already have an account?"), " ",
      h("a", { href: SIGN_IN_LINK.href, text: SIGN_IN_LINK.text })));
}

function renderAuth(screenEl, options) {
  const emailEl = h("input", { type: "email", name: "email", autocomplete: "email", required: true,
    inputmode: "email", autocapitalize: "off", spellcheck: "false" });
  const passwordEl = h("input", { type: "password", name: "password", autocomplete: options.autocomplete,
    required: true, minlength: options.passwordHint ? "8" : null });
  const toggleEl = h("button", { type: "button", class: "reveal", "aria-pressed": "false", text: t("Show"),
    onclick: () => {
      const shown = passwordEl.type === "password";
      passwordEl.type = shown ? "text" : "password";
      toggleEl.setAttribute("aria-pressed", String(shown));
      toggleEl.textContent = shown ? t("Hide") : t("Show");
    } });
  const passwordFieldEl = field(t("Password"), passwordEl, options.passwordHint);
  passwordFieldEl.classList.add("with-reveal");
  passwordEl.after(toggleEl);
  const submitEl = h("button", { type: "submit", class: "button primary block", text: options.submitLabel });

  const formEl = h("form", { class: "card auth-form", novalidate: true },
    field(t("Email"), emailEl), passwordFieldEl, submitEl,
    options.forgot ? h("p", { class: "auth-forgot" }, h("a", { href: "#/forgot", text: t("Forgot password?"),
      onclick: () => rememberEmail(emailEl.value.trim()) })) : null);
  handleSubmit(formEl, submitEl, async () => {
    const problem = localProblem(emailEl, passwordEl, Boolean(options.passwordHint));
    if (problem) throw problem;
    store.setUser(await options.submit(emailEl.value.trim(), passwordEl.value));
    location.hash = "#/today";
  });

  append(screenEl,
    h("div", { class: "auth-hero" },
      h("img", { class: "auth-logo", src: "/icons/icon.svg", alt: "", width: "64", height: "64" }),
      h("p", { class: "brand", text: "Orbit" }),
      h("h1", { tabindex: "-1", text: options.title }),
      h("p", { class: "lead", text: options.lead })),
    formEl,
    options.switchLink ? h("p", { class: "auth-switch" }, `${options.switchText} `,
      h("a", { href: options.switchLink.href, text: options.switchLink.text })) : null,
    options.footnote ? h("p", { class: "hint center auth-footnote", text: options.footnote }) : null);
  // Passkeys below the form, once the server says it offers them (nothing waits for that).
  options.passkey?.(formEl, emailEl).then((wayEl) => wayEl && formEl.after(wayEl));
}

/** Checks the browser can make before asking the server, worded like the server's errors. */
function localProblem(emailEl, passwordEl, isNew) {
  const fields = {};
  if (!emailEl.value.trim()) fields.email = [t("Enter your email address.")];
  else if (!emailEl.validity.valid) fields.email = [t("That doesn't look like an email address.")];
  if (!passwordEl.value) fields.password = [t("Enter your password.")];
  else if (isNew && passwordEl.value.length < 8) fields.password = [tn("Use at least {n} character.", "Use at least {n} characters.", 8)];
  if (!Object.keys(fields).length) return null;
  return new api.ApiError({ code: "validation_error", message: t("Please check the highlighted fields."), fields });
}
