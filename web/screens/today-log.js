// What a tap on Today does to a habit's day, and how Undo puts the day back exactly as it was.
// Writes to one habit's day run one after another, each from what the server last answered, so
// quick taps ("one more page", twice) add up and every Undo knows the record it replaces.
import * as sync from "../sync.js";
import { offerUndo } from "../undo.js";
import { amountText } from "../format.js";
import { t, tn } from "../i18n.js";

/** The log of one screen: per habit and day, the check-in the server last answered with.
 * Every write (a tap, the panel, an Undo) ends with `onAnswer(item, answer)`: the habit's Today
 * item as the server answered it ({pending, checkin} when queued offline; null when nothing was
 * sent), which the screen draws without reading the day again. */
export function dayLog(onAnswer = () => undefined) {
  const records = new Map();
  const keyOf = (habitId, date) => `${habitId}@${date}`;
  const recordOf = (item, date) => {
    const key = keyOf(item.habit.id, date);
    // taps: taps queued offline since `item`, the server's last word on the day (its `tap`)
    if (!records.has(key)) records.set(key, { checkin: item.checkin, item, taps: 0, queue: Promise.resolve() });
    return records.get(key);
  };
  /** Runs `change(checkinNow)` after the writes before it; it answers as sync.logCheckin does. */
  const write = (item, date, change) => {
    const record = recordOf(item, date);
    const run = record.queue.then(async () => {
      const answer = await change(record.checkin, record.item);
      if (answer) record.checkin = answer.checkin;
      if (answer?.habit) Object.assign(record, { item: answer, taps: 0 }); // the server's newest word on the day
      onAnswer(item, answer);
      return answer;
    });
    record.queue = run.catch(() => undefined);
    return run;
  };
  const undoable = (item, date, before, message, { tapped = false } = {}) =>
    offerUndo(message, () => write(item, date, async () => {
      const answer = await restore(item.habit, date, before);
      const record = recordOf(item, date);
      if (tapped && answer?.pending) record.taps = Math.max(0, record.taps - 1); // that tap is undone
      return answer;
    }));
  /** Writes `body` (or deletes, when body is null) and offers to undo it. */
  const apply = (item, date, body, message) => write(item, date, async (before) => {
    const answer = body ? await sync.logCheckin(item.habit, date, body, before) : await deleteIfAny(item, date, before);
    undoable(item, date, before, message);
    return answer;
  });
  return {
    /** The check-in as this screen knows it (newer than the card's when a write has answered). */
    current: (item, date) => recordOf(item, date).checkin,
    put: (item, date, body, message) => apply(item, date, body, message),
    clear: (item, date, message) => apply(item, date, null, message),
    /** The one-tap action: reads the newest record when its turn comes. */
    tap: (item, date) => write(item, date, async (before, latest) => {
      const record = recordOf(item, date);
      const plan = tapPlan(latest, record.taps);
      const answer = plan.body ? await sync.logCheckin(item.habit, date, plan.body, before) : await deleteIfAny(item, date, before);
      if (answer?.pending) record.taps += 1;
      undoable(item, date, before, plan.message, { tapped: true });
      return answer;
    }),
  };
}

async function deleteIfAny(item, date, before) {
  return before ? sync.clearCheckin(item.habit, date) : null;
}

/** Puts back exactly the record `previous` (none: deletes, which also moves a start date that
 * the tap moved back forward again, as the server derives it). */
async function restore(habit, date, previous) {
  if (!previous) return sync.clearCheckin(habit, date);
  return sync.logCheckin(habit, date, recordBody(previous), previous);
}

/** What one tap writes, copied from the server's word on the day (the Today item's `tap`):
 * {body (null = delete), message}. `again` counts the taps made since that item was answered
 * (offline, queued): each adds the item's step, or, with none, puts the day back as it was. */
export function tapPlan({ habit, tap, checkin }, again = 0) {
  if (tap.step === null && again % 2 === 1) {
    return checkin ? { body: recordBody(checkin), message: doneWords(habit, checkin.status, checkin.value) }
      : { body: null, message: clearedWords(habit, tap) };
  }
  if (tap.clears) return { body: null, message: clearedWords(habit, tap) };
  const value = tap.value === null ? null : tap.value + (tap.step || 0) * again;
  return { body: value === null ? { status: tap.status } : { status: tap.status, value },
    message: doneWords(habit, tap.status, value) };
}

const recordBody = (checkin) => ({ status: checkin.status, value: checkin.value ?? null, note: checkin.note ?? "" });

// The toasts after a tap (each with its Undo), and the log button's names: whole sentences.
function clearedWords(habit, tap) {
  return tap.status === "slip" ? t("Slip cleared for {habit}", { habit: habit.name }) : t("{habit}: cleared", { habit: habit.name });
}

function doneWords(habit, status, value) {
  const name = habit.name;
  if (status === "skipped") return t("Skipped {habit}", { habit: name });
  if (status === "slip" && !value) return t("{habit}: kept, tracked from this day", { habit: name });
  if (habit.measure === "check" || value === null || value === undefined) {
    return status === "slip" ? t("Slip logged for {habit}", { habit: name }) : t("{habit}: done", { habit: name });
  }
  return t("{habit}: {amount}", { habit: name, amount: amountText(value, habit) });
}

/** The log button's words: {label (its accessible name), short (shown on it), pressed or null};
 * the amounts are the server's (`tap`), pressed is whether the day holds a check-in. */
export function tapWords({ habit, before_start: beforeStart, done, tap }, checkin) {
  const habitName = habit.name;
  if (habit.kind === "quit") {
    if (beforeStart && !checkin) {
      return { label: t("Start tracking {habit} on this day, kept", { habit: habitName }), short: null, pressed: null };
    }
    if (habit.measure === "check") {
      return { label: t("Log a slip for {habit}", { habit: habitName }), short: null, pressed: Boolean(checkin?.value > 0) };
    }
    return { label: t("Log {amount} for {habit}", { amount: one(tap.step, habit), habit: habitName }), short: plus(tap.step), pressed: null };
  }
  if (habit.measure === "check") {
    return { label: t("Mark {habit} done", { habit: habitName }), short: null, pressed: checkin?.status === "done" };
  }
  if (habit.measure === "minutes") {
    return { label: t("Log {amount} of {habit}", { amount: amountText(tap.value, habit), habit: habitName }),
      // TRANSLATORS: minutes on a small round button, as short as can be ("20m").
      short: t("{n}m", { n: tap.value }), pressed: checkin?.status === "done" && Boolean(done) };
  }
  return { label: t("Add {amount} to {habit}", { amount: one(tap.step, habit), habit: habitName }), short: plus(tap.step), pressed: null };
}

/** "+1", "+5": what a tap adds, on the button. */
function plus(step) {
  // TRANSLATORS: what one tap adds, on a small round button ("+1").
  return t("+{n}", { n: step });
}

/** "1 page", "5 min", "1 time": one step of a habit's unit. */
function one(step, habit) {
  if (habit.unit || habit.measure === "minutes" || habit.kind === "quit") return amountText(step, habit);
  return tn("{n} time", "{n} times", step);
}
