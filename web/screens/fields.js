// Form pieces shared by the editor and the identities screen: colour swatches and steppers.
import { h, icon, uid } from "../dom.js";
import { t } from "../i18n.js";

// Getters: each name is the catalogue's for the language on show when it is drawn.
export const COLORS = [
  { value: "#e5484d", get name() { return t("Red"); } },
  { value: "#ef6a1f", get name() { return t("Orange"); } },
  { value: "#c98a00", get name() { return t("Amber"); } },
  { value: "#2b9a66", get name() { return t("Green"); } },
  { value: "#0e9384", get name() { return t("Teal"); } },
  { value: "#2f6fed", get name() { return t("Blue"); } },
  { value: "#6e56cf", get name() { return t("Violet"); } },
  { value: "#d6409f", get name() { return t("Pink"); } },
];

/** A pleasant colour for the n-th habit, so a new list is not all one colour. */
export function colorFor(index) {
  const ORDER = [5, 3, 6, 1, 4, 7, 2, 0];
  return COLORS[ORDER[index % ORDER.length]].value;
}

/** A fieldset of colour radio buttons named `name`; unknown colours get a swatch of their own. */
export function colorPicker(name, selected, legend = t("Colour")) {
  const choices = COLORS.some((color) => color.value === selected) || !selected
    ? COLORS : [...COLORS, { value: selected, name: t("Current colour") }];
  const chosen = selected || COLORS[0].value;
  return h("fieldset", { class: "field color-field", "data-field": name },
    h("legend", { text: legend }),
    h("div", { class: "swatches" }, choices.map((color) => {
      const id = uid("color");
      return h("span", { class: "swatch" },
        h("input", { type: "radio", name, id, value: color.value, checked: color.value === chosen }),
        h("label", { for: id, "--swatch": color.value, title: color.name },
          h("span", { class: "visually-hidden", text: color.name })));
    })));
}

/** Checks the swatch of `value` in a colour picker, adding one when it is not a preset. */
export function selectColor(formEl, name, value) {
  let inputEl = formEl.querySelector(`input[name="${name}"][value="${value}"]`);
  if (!inputEl) {
    const id = uid("color");
    inputEl = h("input", { type: "radio", name, id, value });
    formEl.querySelector(`[data-field="${name}"] .swatches`).append(h("span", { class: "swatch" }, inputEl,
      h("label", { for: id, "--swatch": value, title: t("Template colour") },
        h("span", { class: "visually-hidden", text: t("Template colour") }))));
  }
  inputEl.checked = true;
}

/** The value of the checked radio named `name` inside formEl. */
export function radioValue(formEl, name) {
  return formEl.querySelector(`input[name="${name}"]:checked`)?.value ?? null;
}

/** A number input between a minus and a plus button. */
export function stepper(inputEl, { step = 1, min = 0, max = Infinity, label = t("amount") } = {}) {
  // A step goes to the next multiple of the step: 2.5 steps up to 3 and down to 2, not to 3.5.
  const nudge = (delta) => {
    const now = Number(inputEl.value) || 0;
    const onGrid = delta > 0 ? Math.floor(now / step + 1e-9) * step : Math.ceil(now / step - 1e-9) * step;
    const next = Math.min(max, Math.max(min, onGrid + delta));
    inputEl.value = String(Math.round(next * 100) / 100);
    inputEl.dispatchEvent(new Event("input", { bubbles: true }));
  };
  return h("div", { class: "stepper" },
    h("button", { type: "button", class: "icon-button", "aria-label": t("Decrease {what}", { what: label }), onclick: () => nudge(-step) }, icon("minus")),
    inputEl,
    h("button", { type: "button", class: "icon-button", "aria-label": t("Increase {what}", { what: label }), onclick: () => nudge(step) }, icon("plus")));
}

/** A segmented control: radio buttons that look like one bar of buttons. */
export function segmented(name, legend, options, selected) {
  return h("fieldset", { class: "field segmented-field", "data-field": name },
    h("legend", { text: legend }),
    h("div", { class: "segmented" }, options.map((option) => {
      const id = uid(name);
      return h("span", { class: "segment" },
        h("input", { type: "radio", name, id, value: option.value, checked: option.value === selected }),
        h("label", { for: id }, h("span", { text: option.label }),
          option.hint ? h("small", { text: option.hint }) : null));
    })));
}
