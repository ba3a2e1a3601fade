// Pauses (RULES.md "Pauses"): how one is described, and resuming it from today.
import * as api from "./api.js";
import { addDays, shortDate } from "./dates.js";
import { t } from "./i18n.js";

/** "until 12 Dec" or "until you resume". */
export function untilText(pause) {
  return pause.end ? t("until {date}", { date: shortDate(pause.end) }) : t("until you resume");
}

/** True while the pause rests `day` (or will: a pause planned ahead counts from its start). */
export function coversOrAhead(pause, day) {
  return !pause.end || pause.end >= day;
}

/** Ends the pause so that `today` is not paused any more: its last day is yesterday, or, when it
 * had not begun before today, it is removed (a pause cannot end before it starts). */
export function resume(pause, today) {
  if (pause.start >= today) return api.deletePause(pause.id);
  return api.updatePause(pause.id, { end: addDays(today, -1) });
}
