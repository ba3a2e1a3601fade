// Today's "Paused" heading: the habits a pause rests on the day, and for a pause of every habit,
// one way back for all of them.
import * as store from "../store.js";
import { h, showToast, titledSection, toastError, withBusy } from "../dom.js";
import { resume } from "../pauses.js";
import { shortDate } from "../dates.js";
import { t } from "../i18n.js";

/** The section of the paused `items` (each drawn by `cardFor`); `refresh()` redraws the day. */
export function pausedSection(items, date, cardFor, refresh) {
  const everything = items.find((item) => item.pause?.habit_id === null)?.pause;
  let bannerEl = null;
  if (everything) {
    bannerEl = h("div", { class: "banner paused-banner", role: "note" },
      h("p", { text: everything.end ? t("Everything is paused until {date}.", { date: shortDate(everything.end) })
        : t("Everything is paused until you resume.") }));
    if (date === store.today()) {
      const resumeEl = h("button", { type: "button", class: "button small primary", text: t("Resume everything") });
      resumeEl.addEventListener("click", () => withBusy(resumeEl, () => resume(everything, date)
        .then(() => { showToast(t("Welcome back")); return refresh(); }).catch(toastError)));
      bannerEl.append(resumeEl);
    }
  }
  return titledSection(t("Paused"), { className: "habit-section muted-section paused-section", headingClass: "section-title subtle",
    hint: t("Resting: the streak waits and strength holds. A day you log still counts.") },
  bannerEl, h("ul", { class: "habit-list", role: "list" }, items.map(cardFor)));
}
