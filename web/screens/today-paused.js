// Today's "Paused" heading: the habits a pause rests on the day, and for a pause of every habit,
// one way back for all of them.
import * as store from "../store.js";
import { h, showToast, titledSection, toastError, withBusy } from "../dom.js";
import { resume, untilText } from "../pauses.js";

/** The section of the paused `items` (each drawn by `cardFor`); `refresh()` redraws the day. */
export function pausedSection(items, date, cardFor, refresh) {
  const everything = items.find((item) => item.pause?.habit_id === null)?.pause;
  let bannerEl = null;
  if (everything) {
    bannerEl = h("div", { class: "banner paused-banner", role: "note" },
      h("p", { text: `Everything is paused ${untilText(everything)}.` }));
    if (date === store.today()) {
      const resumeEl = h("button", { type: "button", class: "button small primary", text: "Resume everything" });
      resumeEl.addEventListener("click", () => withBusy(resumeEl, () => resume(everything, date)
        .then(() => { showToast("Welcome back"); return refresh(); }).catch(toastError)));
      bannerEl.append(resumeEl);
    }
  }
  return titledSection("Paused", { className: "habit-section muted-section paused-section", headingClass: "section-title subtle",
    hint: "Resting: the streak waits and strength holds. A day you log still counts." },
  bannerEl, h("ul", { class: "habit-list", role: "list" }, items.map(cardFor)));
}
