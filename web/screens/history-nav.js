// The bar that joins the three looking-back screens (issue 25): Mood, Journal, Wellbeing.
// Links, not radio buttons: each is a screen of its own with its own address.
import { h } from "../dom.js";
import { t, tc } from "../i18n.js";

// Getters: each word is the catalogue's for the language on show when it is drawn.
const SECTIONS = [
  { key: "mood", href: "#/history", get text() { return tc("history bar", "Mood"); } },
  { key: "journal", href: "#/journal", get text() { return tc("history bar", "Journal"); } },
  { key: "wellbeing", href: "#/wellbeing", get text() { return tc("history bar", "Wellbeing"); } },
];

/** A segmented link bar with `current` ("mood", "journal" or "wellbeing") marked as the page. */
export function historyNav(current) {
  if (SECTIONS.length < 2) return null;
  return h("nav", { class: "history-nav", "aria-label": t("History") },
    SECTIONS.map((section) => h("a", {
      class: section.key === current ? "history-nav-link is-current" : "history-nav-link",
      href: section.href,
      "aria-current": section.key === current ? "page" : null,
      text: section.text,
    })));
}
