// Small helpers every screen uses to build DOM safely (no innerHTML), show messages and errors.
import { flattenCodes, flattenMessages, plainMessage } from "./messages.js";
import { t } from "./i18n.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const PROPERTIES = new Set(["value", "checked", "selected", "indeterminate"]);
const ICON_PATHS = {
  check: "M5 12.5l4.5 4.5L19 7.5",
  plus: "M12 5v14M5 12h14",
  minus: "M5 12h14",
  back: "M15 5l-7 7 7 7",
  more: "M5 12h.01M12 12h.01M19 12h.01",
  close: "M6 6l12 12M18 6L6 18",
  flame: "M12 3c1 3.5 5 5.5 5 10a5 5 0 0 1-10 0c0-2.2 1-3.6 2.2-4.7.2 1.5.9 2.5 1.8 3 0-3.5.2-5.8 1-8.3z",
  shield: "M12 3l7 3v5.5c0 4.3-3 7.8-7 9.5-4-1.7-7-5.2-7-9.5V6z",
  skip: "M7 12h10",
  note: "M5 4h10l4 4v12H5zM9 12h6M9 16h4",
  pause: "M9 6v12M15 6v12",
};

/** createElement with attributes, properties, listeners ("onclick") and children. */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  applyAttributes(el, attributes);
  appendChildren(el, children);
  return el;
}

/** The same for SVG elements. */
export function svg(tag, attributes = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttributes(el, attributes);
  appendChildren(el, children);
  return el;
}

function applyAttributes(el, attributes) {
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.setAttribute("class", value);
    else if (key === "text") el.textContent = value;
    else if (key === "style" && typeof value === "object") Object.assign(el.style, value);
    else if (key.startsWith("--")) el.style.setProperty(key, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
}

/** Appends children, skipping null/false and flattening arrays (unlike Element.append). */
export function append(el, ...children) {
  appendChildren(el, children);
  return el;
}

function appendChildren(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** A decorative 24x24 stroke icon. */
export function icon(name, className = "icon") {
  return svg("svg", { class: className, viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false" },
    svg("path", { d: ICON_PATHS[name] }));
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = "el") {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form field: label, control, optional hint, and room for an error message. */
export function field(labelText, controlEl, hintText) {
  controlEl.id ||= uid("field");
  const hintEl = hintText ? h("p", { class: "hint", id: `${controlEl.id}-hint`, text: hintText }) : null;
  if (hintEl) controlEl.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: "field", "data-field": controlEl.name || "" },
    h("label", { for: controlEl.id, text: labelText }), controlEl, hintEl);
}

let toastTimer = null;
/** A short message at the bottom of the screen, optionally with one action (e.g. Undo). */
export function showToast(message, action) {
  const toastEl = document.getElementById("toast");
  clearTimeout(toastTimer);
  toastEl.replaceChildren(h("span", { text: message }));
  toastEl.classList.toggle("with-action", Boolean(action));
  if (action) {
    toastEl.append(h("button", { type: "button", class: "toast-action", text: action.label,
      onclick: () => { hideToast(); action.run(); } }));
  }
  toastEl.hidden = false;
  toastTimer = setTimeout(hideToast, action ? 6000 : 3500);
}

/** An error (from api.js) as a toast, for actions that have no form to show it on. */
export function toastError(error) {
  showToast(error.message || t("Something went wrong. Please try again."));
}

export function hideToast() {
  const toastEl = document.getElementById("toast");
  if (toastEl) toastEl.hidden = true;
}

/** On leaving a screen: an action (Undo) belongs to the screen it was offered on. */
export function hideActionToast() {
  if (document.getElementById("toast")?.classList.contains("with-action")) hideToast();
}

/** A modal confirmation; resolves true when confirmed. */
export function confirmDialog({ title, message, confirmLabel, danger = false, cancelLabel = t("Cancel") }) {
  return new Promise((resolve) => {
    const titleId = uid("dialog-title");
    const dialogEl = h("dialog", { class: "dialog", "aria-labelledby": titleId },
      h("form", { method: "dialog" },
        h("h2", { id: titleId, text: title }),
        h("p", { text: message }),
        h("div", { class: "dialog-actions" },
          h("button", { value: "cancel", class: "button secondary", text: cancelLabel }),
          h("button", { value: "confirm", class: `button ${danger ? "danger" : "primary"}`, text: confirmLabel }))));
    dialogEl.addEventListener("close", () => {
      resolve(dialogEl.returnValue === "confirm");
      dialogEl.remove();
    });
    document.body.append(dialogEl);
    dialogEl.showModal();
  });
}

/** Shows an API error on a form: each field's message once, in plain words, beside the field
 * (the first one announced and its control focused); a summary at the top only for what has no
 * field on the form. */
export function showFormError(formEl, error, fieldNames = {}) {
  clearFormError(formEl);
  const unplaced = [];
  let firstControlEl = null;
  let firstErrorEl = null;
  for (const [name, messages] of Object.entries(error.fields || {})) {
    const flat = flattenMessages(messages);
    const codes = flattenCodes(error.codes?.[name]);
    const fieldEl = formEl.querySelector(`[data-field="${fieldNames[name] || name}"]`);
    if (!fieldEl) {
      unplaced.push(...flat.map((text, i) => [text, codes[i]]));
      continue;
    }
    const controlEls = [...fieldEl.querySelectorAll("input, select, textarea")];
    const empty = controlEls.length > 0 && controlEls.every((el) => !el.value.trim());
    const errorEl = h("p", { class: "field-error", id: uid("error"), text: plainMessage(name, flat, empty, codes) });
    fieldEl.append(errorEl);
    if (!firstErrorEl) {
      errorEl.setAttribute("role", "alert");
      firstErrorEl = errorEl;
      firstControlEl = controlEls.find((el) => el.type !== "radio" || el.checked) || controlEls[0];
    }
    for (const controlEl of controlEls) {
      controlEl.setAttribute("aria-invalid", "true");
      const described = controlEl.getAttribute("aria-describedby");
      controlEl.setAttribute("aria-describedby", [described, errorEl.id].filter(Boolean).join(" "));
    }
  }
  if (unplaced.length || !firstErrorEl) {
    const summary = unplaced.length ? unplaced.map(([text, code]) => plainMessage("", [text], false, code ? [code] : [])).join(" ") : error.message;
    const summaryEl = h("div", { class: "form-error", role: "alert", tabindex: "-1", text: summary || t("Something went wrong. Please try again.") });
    formEl.prepend(summaryEl);
    summaryEl.focus({ preventScroll: true });
    summaryEl.scrollIntoView({ block: "nearest" });
    return;
  }
  firstErrorEl.closest("[data-field]").scrollIntoView({ block: "center" });
  firstControlEl?.focus({ preventScroll: true });
}

export function clearFormError(formEl) {
  formEl.querySelectorAll(".form-error, .field-error").forEach((el) => {
    if (el.classList.contains("field-error")) {
      const controls = el.parentElement.querySelectorAll("[aria-describedby]");
      controls.forEach((controlEl) => {
        const rest = controlEl.getAttribute("aria-describedby").split(" ").filter((id) => id !== el.id);
        if (rest.length) controlEl.setAttribute("aria-describedby", rest.join(" "));
        else controlEl.removeAttribute("aria-describedby");
      });
    }
    el.remove();
  });
  formEl.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
}

/** Runs an async action once at a time per button, so a double tap does not send twice. The
 * button stays enabled (aria-disabled only): disabling it would drop keyboard focus. */
export async function withBusy(buttonEl, action) {
  if (buttonEl.getAttribute("aria-busy") === "true") return undefined;
  buttonEl.setAttribute("aria-busy", "true");
  buttonEl.setAttribute("aria-disabled", "true");
  try {
    return await action();
  } finally {
    buttonEl.removeAttribute("aria-busy");
    buttonEl.removeAttribute("aria-disabled");
  }
}

const lastTaps = new Map();
/** True for the first tap on the control named `key`, false for more taps within `ms`: a double
 * tap counts once. Keyed by name, not element, because a card redrawn after the first tap is a
 * new element under the same finger. */
export function firstTap(key, ms = 400) {
  const now = performance.now();
  const last = lastTaps.get(key);
  if (last !== undefined && now - last < ms) return false;
  lastTaps.set(key, now);
  return true;
}

/** Submits a form through `action`, one send at a time; the ApiError it throws (from the server,
 * or made by the form's own checks) is shown on the form, which keeps every value typed. */
export function handleSubmit(formEl, submitEl, action) {
  formEl.addEventListener("submit", (event) => {
    event.preventDefault();
    withBusy(submitEl, async () => {
      clearFormError(formEl);
      try {
        await action();
      } catch (error) {
        showFormError(formEl, error);
      }
    });
  });
}

/** A click on buttonEl asks `question` first (confirmDialog's options; null asks nothing), then
 * runs `action` once at a time; an error goes to `onError`, a toast unless told otherwise. */
export function onConfirmedClick(buttonEl, question, action, onError = toastError) {
  buttonEl.addEventListener("click", async () => {
    if (question && !(await confirmDialog(question))) return;
    await withBusy(buttonEl, async () => {
      try {
        await action();
      } catch (error) {
        onError(error);
      }
    });
  });
}

/** A <section> named by its h2 (a landmark for screen readers), with an optional hint. */
export function titledSection(title, { className, headingClass, hint } = {}, ...children) {
  const headingId = uid("section");
  return h("section", { class: className, "aria-labelledby": headingId },
    h("h2", { id: headingId, class: headingClass, text: title }),
    hint ? h("p", { class: "hint", text: hint }) : null,
    children);
}

/** A screen's header: optional back link, a focusable h1, optional trailing actions. */
export function screenHeader(title, { back, subtitle, actions = [] } = {}) {
  return h("header", { class: "screen-header" },
    back ? h("a", { class: "icon-button back", href: back.href, "aria-label": back.label }, icon("back")) : null,
    h("div", { class: "screen-title" },
      h("h1", { tabindex: "-1", text: title }),
      subtitle ? h("p", { class: "subtitle", text: subtitle }) : null),
    actions.length ? h("div", { class: "header-actions" }, actions) : null);
}
