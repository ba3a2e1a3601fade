// Today's invitation to the wellbeing check (issue 25): when the user turned the check on and it
// is due, GET /today says so (`wellbeing_invite`, on the user's today only, unless set aside in
// the last week). A quiet card: the check is one tap away, and "Not now" sets it aside for a week.
import * as api from "../api.js";
import { h, toastError } from "../dom.js";
import { t } from "../i18n.js";

/** The card for GET /today's `wellbeing_invite`, or null when there is nothing to invite to. */
export function wellbeingInvitation(invite) {
  if (!invite) return null;
  const cardEl = h("section", { class: "card wellbeing-invite", "aria-label": t("Wellbeing check") },
    h("p", { class: "wellbeing-invite-lead", text: t("Time for your wellbeing check.") }),
    h("p", { class: "hint", text: t("Five short questions about the last two weeks. A minute or two.") }),
    h("div", { class: "wellbeing-invite-actions" },
      h("a", { class: "button secondary", href: "#/wellbeing", text: t("Answer now") }),
      h("button", {
        type: "button", class: "button ghost wellbeing-invite-later", text: t("Not now"),
        onclick: async (event) => {
          const buttonEl = event.currentTarget;
          buttonEl.disabled = true;
          try {
            await api.setWellbeingAside();
            cardEl.remove();
          } catch (error) {
            buttonEl.disabled = false;
            toastError(error);
          }
        },
      })));
  return cardEl;
}
