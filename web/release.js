// Which release of the app is running (its files' address names it: /r/<release>/, see
// server/web.py), and the small "Updated" notice on the first start of a new one.
import { showToast } from "./dom.js";
import { t } from "./i18n.js";

const RELEASE_KEY = "orbit-release";
export const RELEASE = new URL(import.meta.url).pathname.split("/")[2] || "dev";

/** Says "Orbit was updated" when this device last ran another release; remembers this one. */
export function announceUpdate() {
  try {
    const last = localStorage.getItem(RELEASE_KEY);
    localStorage.setItem(RELEASE_KEY, RELEASE);
    if (last && last !== RELEASE) showToast(t("Orbit was updated."));
  } catch {
    // Storage may be disabled: no notice, nothing else lost.
  }
}
