// The page's side of the app badge (badge-store.js draws it): the server's judgement of the
// user's today, habit by habit (`left` of each GET /today item), kept from the last read of today
// and updated by each write's answer (its Today item), so the count follows every tap without a
// read. api.js feeds it; it never decides what is due.
import "./badge-store.js";

const badge = self.orbitBadge;
let day = null; // {date, left: Map(habit id -> still to do)}: the user's today, as last read

/** A GET /today (or /bootstrap's today) answer. Only the user's today counts: its strip ends on
 * it (the strip of an earlier day runs on past that day). */
export function fromToday(answer) {
  if (!badge.supported() || !answer?.habits || answer.strip?.at(-1) !== answer.date) return;
  day = { date: answer.date, left: new Map(answer.habits.map((item) => [item.habit.id, Boolean(item.left)])) };
  badge.show(count());
}

/** The Today items a write answered with ([date, item] pairs), each replacing its habit's. */
export function fromItems(pairs) {
  if (!day) return;
  let changed = false;
  for (const [date, item] of pairs) {
    if (date !== day.date || !item?.habit || item.before_start) continue;
    day.left.set(item.habit.id, Boolean(item.left));
    changed = true;
  }
  if (changed) badge.show(count());
}

function count() {
  return [...day.left.values()].filter(Boolean).length;
}

/** Signed out: no badge, and nothing kept of the day. */
export function clear() {
  day = null;
  badge.show(0);
}

/** Settings: whether the badge shows on this device; null where the browser has none. */
export async function enabled() {
  return badge.supported() ? badge.enabled() : null;
}

/** Settings: turn it on (drawn again from the day last read) or off (cleared). */
export async function setEnabled(on) {
  await badge.setEnabled(on);
  if (on && day) badge.show(count());
}
