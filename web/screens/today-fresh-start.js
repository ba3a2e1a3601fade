// Today's fresh-start card (issue 24): at a landmark the user chose (a new week, a new month, a
// chapter's anniversary) the server offers a fresh start once; the card says so quietly and can
// be set aside, which the server remembers.
import * as api from "../api.js";
import { h, toastError } from "../dom.js";

const WORDS = {
  week: "A new week starts here.",
  month: "A new month starts here.",
  anniversary: (offer) => `${offer.years === 1 ? "A year" : `${offer.years} years`} since “${offer.chapter.name}” began.`,
  chapter: (chapter) => `${chapter.name}: this is part of it.`,
  invite: "A good day to pick one small thing and begin again.",
  dismiss: "Not now",
  chapters: "Chapters",
  label: "Fresh start",
};

/** The card of GET /today's `fresh_start`, or null when nothing is offered. */
export function freshStartCard(offer) {
  if (!offer) return null;
  const lead = offer.landmark === "anniversary" ? WORDS.anniversary(offer) : WORDS[offer.landmark];
  const cardEl = h("section", { class: "card fresh-start", "aria-label": WORDS.label },
    h("p", { class: "fresh-start-lead", text: lead }),
    offer.chapter && offer.landmark !== "anniversary"
      ? h("p", { class: "fresh-start-chapter", text: WORDS.chapter(offer.chapter) }) : null,
    h("p", { class: "hint", text: WORDS.invite }),
    h("div", { class: "fresh-start-actions" },
      h("a", { class: "button secondary", href: "#/identities", text: WORDS.chapters }),
      h("button", {
        type: "button", class: "button ghost fresh-start-dismiss", text: WORDS.dismiss,
        onclick: async (event) => {
          event.currentTarget.disabled = true;
          try {
            await api.dismissFreshStart();
            cardEl.remove();
          } catch (error) {
            event.currentTarget.disabled = false;
            toastError(error);
          }
        },
      })));
  return cardEl;
}
