// Sign up and sign in. The time zone of a new account comes from the browser.
import * as api from "../api.js";
import * as store from "../store.js";
import { browserTimeZone } from "../dates.js";
import { append, field, h, handleSubmit } from "../dom.js";

/** The sign-in screen. */
export function renderSignIn(screenEl) {
  renderAuth(screenEl, {
    title: "Welcome back",
    lead: "Sign in to keep your streaks going.",
    submitLabel: "Sign in",
    passwordHint: null,
    autocomplete: "current-password",
    submit: (email, password) => api.login(email, password),
    switchText: "New to Orbit?",
    switchLink: { href: "#/signup", text: "Create an account" },
  });
}

/** The sign-up screen. */
export function renderSignUp(screenEl) {
  const timeZone = browserTimeZone();
  renderAuth(screenEl, {
    title: "Create your account",
    lead: "Small habits, a steadier you. Every done day is a vote for who you are becoming.",
    submitLabel: "Create account",
    passwordHint: "At least 8 characters.",
    autocomplete: "new-password",
    submit: (email, password) => api.register(email, password, timeZone),
    switchText: "Already have an account?",
    switchLink: { href: "#/signin", text: "Sign in" },
    footnote: `Your days follow this device's time zone (${timeZone}); you can change it in Settings.`,
  });
}

function renderAuth(screenEl, options) {
  const emailEl = h("input", { type: "email", name: "email", autocomplete: "email", required: true,
    inputmode: "email", autocapitalize: "off", spellcheck: "false" });
  const passwordEl = h("input", { type: "password", name: "password", autocomplete: options.autocomplete,
    required: true, minlength: options.passwordHint ? "8" : null });
  const toggleEl = h("button", { type: "button", class: "reveal", "aria-pressed": "false", text: "Show",
    onclick: () => {
      const shown = passwordEl.type === "password";
      passwordEl.type = shown ? "text" : "password";
      toggleEl.setAttribute("aria-pressed", String(shown));
      toggleEl.textContent = shown ? "Hide" : "Show";
    } });
  const passwordFieldEl = field("Password", passwordEl, options.passwordHint);
  passwordFieldEl.classList.add("with-reveal");
  passwordEl.after(toggleEl);
  const submitEl = h("button", { type: "submit", class: "button primary block", text: options.submitLabel });

  const formEl = h("form", { class: "card auth-form", novalidate: true },
    field("Email", emailEl), passwordFieldEl, submitEl);
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
    h("p", { class: "auth-switch" }, `${options.switchText} `,
      h("a", { href: options.switchLink.href, text: options.switchLink.text })),
    options.footnote ? h("p", { class: "hint center", text: options.footnote }) : null);
}

/** Checks the browser can make before asking the server, worded like the server's errors. */
function localProblem(emailEl, passwordEl, isNew) {
  const fields = {};
  if (!emailEl.value.trim()) fields.email = ["Enter your email address."];
  else if (!emailEl.validity.valid) fields.email = ["That doesn't look like an email address."];
  if (!passwordEl.value) fields.password = ["Enter your password."];
  else if (isNew && passwordEl.value.length < 8) fields.password = ["Use at least 8 characters."];
  if (!Object.keys(fields).length) return null;
  return new api.ApiError({ code: "validation_error", message: "Please check the highlighted fields.", fields });
}
