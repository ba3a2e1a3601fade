// The bar that joins the three looking-back screens (issue 25): Mood, Journal, Wellbeing.
// Links, not radio buttons: each is a screen of its own with its own address.
import { h } from "../dom.js";

const TEXT = {
  label: "History",
  mood: "Mood",
  journal: "Journal",
  wellbeing: "Wellbeing",
};
const SECTIONS = [
  { key: "mood", href: "#/history", text: TEXT.mood },
  { key: "journal", href: "#/journal", text: TEXT.journal },
  { key: "wellbeing", href: "#/wellbeing", text: TEXT.wellbeing },
];

/** A segmented link bar with `current` ("mood", "journal" or "wellbeing") marked as the page. */
export function historyNav(current) {
  return h("nav", { class: "history-nav", "aria-label": TEXT.label },
    SECTIONS.map((section) => h("a", {
      class: section.key === current ? "history-nav-link is-current" : "history-nav-link",
      href: section.href,
      "aria-current": section.key === current ? "page" : null,
      text: section.text,
    })));
}
