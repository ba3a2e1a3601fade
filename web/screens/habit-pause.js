// A habit's pause, from its screen: t("Pause") opens the pause sheet; while a pause of its own is on
// (or ahead), a banner says until when, with Resume (or Cancel for one not begun yet).
import { h, showToast, toastError, withBusy } from "../dom.js";
import { shortDate } from "../dates.js";
import * as api from "../api.js";
import { coversOrAhead, resume, untilText } from "../pauses.js";
import { openPauseSheet } from "./pause-sheet.js";
import { t } from "../i18n.js";

/** {buttonEl, bannerEl} for the habit; `pauses` are the habit's own (GET /pauses?habit_id=),
 * `redraw()` draws the screen again after a change. */
export function pauseControls(habit, pauses, today, redraw) {
  const current = pauses.find((pause) => pause.start <= today && coversOrAhead(pause, today));
  const ahead = pauses.find((pause) => pause.start > today);
  const buttonEl = h("button", { type: "button", class: "button small secondary", text: t("Pause"),
    "aria-label": t("Pause {habit}", { habit: habit.name }), "aria-haspopup": "dialog" });
  buttonEl.addEventListener("click", async () => {
    if (await openPauseSheet({ habit, today })) redraw();
  });
  const shown = current || ahead;
  if (!shown) return { buttonEl, bannerEl: null };
  const actionEl = h("button", { type: "button", class: "button small primary", text: current ? t("Resume") : t("Cancel pause") });
  actionEl.addEventListener("click", () => withBusy(actionEl, () =>
    (current ? resume(current, today) : api.deletePause(ahead.id))
      .then(() => { showToast(current ? t("{habit} is back", { habit: habit.name }) : t("Pause cancelled")); return redraw(); })
      .catch(toastError)));
  const words = current ? t("Paused {until}.", { until: untilText(current) })
    : t("A pause starts on {date}, {until}.", { date: shortDate(ahead.start), until: untilText(ahead) });
  const bannerEl = h("div", { class: "banner paused-banner", role: "note" },
    h("p", {}, h("span", { text: words }), shown.note ? h("span", { class: "hint", text: ` ${shown.note}` }) : null),
    actionEl);
  return { buttonEl: current ? null : buttonEl, bannerEl };
}
