// Today's fresh-start card (issue 24): at a landmark the user chose (a new week, a new month, a
// chapter's anniversary) the server offers a fresh start once; the card says so quietly and can
// be set aside, which the server remembers.
import * as api from "../api.js";
import { h, toastError } from "../dom.js";

import { t, tn } from "../i18n.js";

// What the card says, called when drawn (the language on show).
const LEADS = {
  week: () => t("A new week starts here."),
  month: () => t("A new month starts here."),
  anniversary: (offer) => tn("A year since “{chapter}” began.", "{n} years since “{chapter}” began.", offer.years,
    { chapter: offer.chapter.name }),
};

/** The card of GET /today's `fresh_start`, or null when nothing is offered. */
export function freshStartCard(offer) {
  if (!offer) return null;
  const lead = LEADS[offer.landmark]?.(offer) ?? null;
  const cardEl = h("section", { class: "card fresh-start", "aria-label": t("Fresh start") },
    h("p", { class: "fresh-start-lead", text: lead }),
    offer.chapter && offer.landmark !== "anniversary"
      // TRANSLATORS: {chapter} is the name of a chapter of the user's life they made ("New job").
      ? h("p", { class: "fresh-start-chapter", text: t("{chapter}: this is part of it.", { chapter: offer.chapter.name }) }) : null,
    h("p", { class: "hint", text: t("A good day to pick one small thing and begin again.") }),
    h("div", { class: "fresh-start-actions" },
      h("a", { class: "button secondary", href: "#/identities", text: t("Chapters") }),
      h("button", {
        type: "button", class: "button ghost fresh-start-dismiss", text: t("Not now"),
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
