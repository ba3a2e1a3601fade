// The bar that joins the three looking-back screens (issue 25): Mood, Journal, Wellbeing.
// Links, not radio buttons: each is a screen of its own with its own address.
import { h } from "../dom.js";

const TEXT = {
  label: "History",
  mood: "Mood",
};
// Journal and Wellbeing join the bar when their screens land (their APIs are there already);
// until then a link would lead nowhere, and a bar of one is no bar.
const SECTIONS = [
  { key: "mood", href: "#/history", text: TEXT.mood },
];

/** A segmented link bar with `current` ("mood", "journal" or "wellbeing") marked as the page. */
export function historyNav(current) {
  if (SECTIONS.length < 2) return null;
  return h("nav", { class: "history-nav", "aria-label": TEXT.label },
    SECTIONS.map((section) => h("a", {
      class: section.key === current ? "history-nav-link is-current" : "history-nav-link",
      href: section.href,
      "aria-current": section.key === current ? "page" : null,
      text: section.text,
    })));
}
