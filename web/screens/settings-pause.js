// Settings → Pause everything: a rest for every habit (illness, a trip, a hospital stay), with
// the pauses of everything that are on or ahead, each with its way back.
import * as api from "../api.js";
import * as store from "../store.js";
import { shortDate } from "../dates.js";
import { h, showToast, titledSection, toastError, withBusy } from "../dom.js";
import { coversOrAhead, resume, untilText } from "../pauses.js";
import { openPauseSheet } from "./pause-sheet.js";
import { t, tc } from "../i18n.js";

/** The section; it loads the pauses itself and draws again after each change. */
export function pauseSection() {
  const listEl = h("ul", { class: "pause-list", role: "list" });
  const buttonEl = h("button", { type: "button", class: "button secondary block", text: t("Pause everything"),
    "aria-haspopup": "dialog" });
  const sectionEl = titledSection(t("Pause everything"), { className: "card settings-section",
    hint: t("Ill, travelling, in hospital? Every habit rests: streaks wait, strength holds, no reminders are sent.") },
  listEl, buttonEl);
  const draw = async () => {
    const today = store.today();
    const pauses = (await api.listPauses()).filter((pause) => pause.habit_id === null && coversOrAhead(pause, today));
    listEl.replaceChildren(...pauses.map((pause) => pauseRow(pause, today, draw)));
    buttonEl.hidden = pauses.some((pause) => pause.start <= today);
  };
  buttonEl.addEventListener("click", async () => {
    if (await openPauseSheet({ habit: null, today: store.today() })) await draw();
  });
  draw().catch(toastError);
  return sectionEl;
}

function pauseRow(pause, today, draw) {
  const started = pause.start <= today;
  const words = started ? t("Everything is paused {until}.", { until: untilText(pause) })
    : t("Everything pauses from {date}, {until}.", { date: shortDate(pause.start), until: untilText(pause) });
  const actionEl = h("button", { type: "button", class: "button small primary", text: started ? t("Resume everything") : tc("to call off a pause", "Cancel") });
  actionEl.addEventListener("click", () => withBusy(actionEl, () =>
    (started ? resume(pause, today) : api.deletePause(pause.id))
      .then(() => { showToast(started ? t("Welcome back") : t("Pause cancelled")); return draw(); })
      .catch(toastError)));
  return h("li", { class: "banner paused-banner" },
    h("p", {}, h("span", { text: words }), pause.note ? h("span", { class: "hint", text: ` ${pause.note}` }) : null),
    actionEl);
}
