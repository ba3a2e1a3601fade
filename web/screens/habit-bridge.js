// The editor's "Never miss twice" choice (issue 24): one missed day between two done days keeps
// the streak (the server judges it; the calendar shows the day as bridged, not done).
import { h, uid } from "../dom.js";
import { t } from "../i18n.js";

// Getters: the words are the catalogue's for the language on show when they are drawn.
const WORDS = {
  get label() { return t("Never miss twice"); },
  get hint() { return t("One missed day (or week) between two done ones keeps your streak. Two in a row start it again."); },
};

/** The checkbox for `habit` (or a new one): {el, read()}; build habits only, so the form hides
 * it for a quit habit and read() then says false. */
export function bridgeField(habit) {
  const inputEl = h("input", { type: "checkbox", name: "never_miss_twice", id: uid("never-miss-twice"),
    checked: Boolean(habit?.never_miss_twice) });
  inputEl.setAttribute("aria-describedby", `${inputEl.id}-hint`);
  const el = h("div", { class: "field check-field", "data-field": "never_miss_twice" }, inputEl,
    h("div", {}, h("label", { for: inputEl.id, text: WORDS.label }),
      h("p", { class: "hint", id: `${inputEl.id}-hint`, text: WORDS.hint })));
  return { el, read: (kind) => kind === "build" && inputEl.checked };
}
