// A way back from a forgotten password: asking for a link (#/forgot) and choosing a new password
// with it (#/reset?token=…). The link works once, for an hour; the server says which it is.
import * as api from "../api.js";
import * as store from "../store.js";
import { append, field, h, handleSubmit, showToast } from "../dom.js";
import { t, tn } from "../i18n.js";

let typedEmail = "";

/** The email typed on sign-in, so the request form starts with it. */
export function rememberEmail(email) {
  typedEmail = email;
}

function hero(title, lead) {
  return h("div", { class: "auth-hero" },
    h("img", { class: "auth-logo", src: "/icons/icon.svg", alt: "", width: "64", height: "64" }),
    h("p", { class: "brand", text: "Orbit" }),
    h("h1", { tabindex: "-1", text: title }),
    lead ? h("p", { class: "lead", text: lead }) : null);
}

function links(...items) {
  return h("p", { class: "auth-switch" }, items.flatMap((item, i) =>
    [i ? " · " : null, h("a", { href: item.href, text: item.text })]));
}

// Getters: the words are the catalogue's for the language on show when the links are drawn.
const BACK = { href: "#/signin", get text() { return t("Back to sign in"); } };
const ASK_AGAIN = { href: "#/forgot", get text() { return t("Ask for a new link"); } };

/** #/forgot: the email to send a link to, or, on a server without mail, who to ask. */
export async function renderForgot(screenEl) {
  const { by_email: byEmail } = await api.getPasswordReset();
  if (!byEmail) {
    append(screenEl, hero(t("Forgot your password?"), t("It happens. Here's the way back.")),
      h("div", { class: "card auth-notice", role: "note" },
        h("p", { text: t("This Orbit doesn't send email, so your link comes from the person who runs it. Ask them to run this on the server:") }),
        h("p", null, h("code", { text: t("flask --app server user reset-link <your email>") })),
        h("p", { text: t("It prints a link that works once, for an hour.") })),
      links(BACK));
    return;
  }
  const emailEl = h("input", { type: "email", name: "email", autocomplete: "email", required: true,
    inputmode: "email", autocapitalize: "off", spellcheck: "false", value: typedEmail });
  const submitEl = h("button", { type: "submit", class: "button primary block", text: t("Send me a link") });
  const formEl = h("form", { class: "card auth-form", novalidate: true }, field(t("Email"), emailEl), submitEl);
  handleSubmit(formEl, submitEl, async () => {
    const email = emailEl.value.trim();
    if (!email || !emailEl.validity.valid) {
      throw new api.ApiError({ code: "validation_error", message: t("Please check the highlighted fields."),
        fields: { email: [email ? t("That doesn't look like an email address.") : t("Enter your email address.")] } });
    }
    const { minutes } = await api.requestPasswordReset(email);
    typedEmail = email;
    screenEl.querySelector(".lead").textContent = t("The link is the way back in.");
    formEl.replaceWith(h("div", { class: "card auth-notice", role: "status" },
      h("p", { text: minutes === 60
        ? t("If an account uses {email}, a link to choose a new password is on its way. It works once, for an hour.", { email })
        : tn("If an account uses {email}, a link to choose a new password is on its way. It works once, for {n} minute.",
          "If an account uses {email}, a link to choose a new password is on its way. It works once, for {n} minutes.", minutes, { email }) }),
      h("p", { text: t("Nothing after a few minutes? Look in your spam folder, or ask again.") })));
    screenEl.querySelector("h1").textContent = t("Check your inbox");
  });
  append(screenEl, hero(t("Forgot your password?"), t("It happens. We'll email you a link to choose a new one.")),
    formEl, links(BACK));
}

/** #/reset?token=…: choose a new password; every other device is signed out. */
export async function renderReset(screenEl, query = "") {
  const token = new URLSearchParams(query).get("token") || "";
  try {
    if (!token) throw new api.ApiError({ status: 404, code: "not_found", message: t("This link has no token in it: open it straight from the email, or ask for a new link.") });
    await api.checkResetLink(token);
  } catch (error) {
    if (error.status !== 404) throw error;
    append(screenEl, hero(t("This link can't be used")),
      h("div", { class: "card auth-notice", role: "alert" }, h("p", { text: error.message })),
      links(ASK_AGAIN, BACK));
    return;
  }
  const passwordEl = h("input", { type: "password", name: "password", autocomplete: "new-password",
    required: true, minlength: "8" });
  const toggleEl = h("button", { type: "button", class: "reveal", "aria-pressed": "false", text: t("Show"),
    onclick: () => {
      const shown = passwordEl.type === "password";
      passwordEl.type = shown ? "text" : "password";
      toggleEl.setAttribute("aria-pressed", String(shown));
      toggleEl.textContent = shown ? t("Hide") : t("Show");
    } });
  const passwordFieldEl = field(t("New password"), passwordEl, t("At least 8 characters."));
  passwordFieldEl.classList.add("with-reveal");
  passwordEl.after(toggleEl);
  const submitEl = h("button", { type: "submit", class: "button primary block", text: t("Save and sign in") });
  const formEl = h("form", { class: "card auth-form", novalidate: true }, passwordFieldEl, submitEl);
  handleSubmit(formEl, submitEl, async () => {
    const problem = !passwordEl.value ? t("Enter a new password.")
      : passwordEl.value.length < 8 ? tn("Use at least {n} character.", "Use at least {n} characters.", 8) : null;
    if (problem) throw new api.ApiError({ code: "validation_error", message: t("Please check the highlighted fields."), fields: { password: [problem] } });
    try {
      store.setUser(await api.resetPassword(token, passwordEl.value));
    } catch (error) {
      if (error.status === 404) formEl.after(links(ASK_AGAIN));
      throw error;
    }
    location.hash = "#/today";
    showToast(t("Your new password is set. Every other device is signed out."));
  });
  append(screenEl,
    hero(t("Choose a new password"), t("Saving it signs you in here and signs you out everywhere else.")),
    formEl, links(BACK));
}
