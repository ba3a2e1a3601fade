// What a tap on Today does to a habit's day, and how Undo puts the day back exactly as it was.
// Writes to one habit's day run one after another, each from what the server last answered, so
// quick taps ("one more page", twice) add up and every Undo knows the record it replaces.
import * as sync from "../sync.js";
import { offerUndo } from "../undo.js";
import { amountText, formatNumber, singularUnit, unitLabel } from "../format.js";

const QUIT_MINUTES_STEP = 5;

/** The log of one screen: per habit and day, the check-in the server last answered with.
 * Every write (a tap, the panel, an Undo) ends with `onAnswer(item, answer)`: the habit's Today
 * item as the server answered it ({pending, checkin} when queued offline; null when nothing was
 * sent), which the screen draws without reading the day again. */
export function dayLog(onAnswer = () => undefined) {
  const records = new Map();
  const keyOf = (habitId, date) => `${habitId}@${date}`;
  const recordOf = (item, date) => {
    const key = keyOf(item.habit.id, date);
    if (!records.has(key)) records.set(key, { checkin: item.checkin, item, queue: Promise.resolve() });
    return records.get(key);
  };
  /** Runs `change(checkinNow)` after the writes before it; it answers as sync.logCheckin does. */
  const write = (item, date, change) => {
    const record = recordOf(item, date);
    const run = record.queue.then(async () => {
      const answer = await change(record.checkin, record.item);
      if (answer) record.checkin = answer.checkin;
      if (answer?.habit) record.item = answer; // the server's newest word on the day
      onAnswer(item, answer);
      return answer;
    });
    record.queue = run.catch(() => undefined);
    return run;
  };
  const undoable = (item, date, before, message) =>
    offerUndo(message, () => write(item, date, () => restore(item.habit, date, before)));
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
      const plan = tapPlan({ ...item, done: latest.done, checkin: before }, before);
      const answer = plan.body ? await sync.logCheckin(item.habit, date, plan.body, before) : await deleteIfAny(item, date, before);
      undoable(item, date, before, plan.message);
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
  return sync.logCheckin(habit, date, { status: previous.status, value: previous.value ?? null, note: previous.note ?? "" }, previous);
}

/** What one tap does, from the check-in now: {body (null = delete), message}. */
export function tapPlan({ habit, before_start: beforeStart, done: judgedDone }, checkin) {
  const name = habit.name;
  const value = checkin?.value || 0;
  if (habit.kind === "quit") {
    if (beforeStart && !checkin) return { body: { status: "slip", value: 0 }, message: `${name}: kept, tracked from this day` };
    if (habit.measure === "check") {
      return checkin && checkin.value > 0 ? { body: null, message: `Slip cleared for ${name}` }
        : { body: { status: "slip", value: 1 }, message: `Slip logged for ${name}` };
    }
    const step = quitStep(habit);
    return { body: { status: "slip", value: value + step }, message: `${name}: ${amountText(value + step, habit)}` };
  }
  if (habit.measure === "check") {
    return checkin?.status === "done" ? { body: null, message: `${name}: cleared` }
      : { body: { status: "done" }, message: `${name}: done` };
  }
  if (habit.measure === "minutes") {
    // Done is the server's word (the item's), by the target in force on the day (habit.target).
    return checkin?.status === "done" && judgedDone ? { body: null, message: `${name}: cleared` }
      : { body: { status: "done", value: habit.target }, message: `${name}: ${amountText(habit.target, habit)}` };
  }
  const next = (checkin?.status === "done" ? value : 0) + 1;
  return { body: { status: "done", value: next }, message: `${name}: ${amountText(next, habit)}` };
}

function quitStep(habit) {
  return habit.measure === "minutes" ? QUIT_MINUTES_STEP : 1;
}

/** The log button's words: {label (its accessible name), short (shown on it), pressed or null}. */
export function tapWords({ habit, before_start: beforeStart, done }, checkin) {
  const name = habit.name;
  if (habit.kind === "quit") {
    if (beforeStart && !checkin) return { label: `Start tracking ${name} on this day, kept`, short: null, pressed: null };
    if (habit.measure === "check") return { label: `Log a slip for ${name}`, short: null, pressed: Boolean(checkin?.value > 0) };
    const step = quitStep(habit);
    return { label: `Log ${one(step, habit)} for ${name}`, short: `+${step}`, pressed: null };
  }
  if (habit.measure === "check") return { label: `Mark ${name} done`, short: null, pressed: checkin?.status === "done" };
  if (habit.measure === "minutes") {
    return { label: `Log ${amountText(habit.target, habit)} of ${name}`, short: `${formatNumber(habit.target)}m`,
      pressed: checkin?.status === "done" && Boolean(done) };
  }
  return { label: `Add ${one(1, habit)} to ${name}`, short: "+1", pressed: null };
}

/** "1 page", "5 min", "1 time": one step of a habit's unit. */
function one(step, habit) {
  const unit = unitLabel(habit) || "time";
  return `${formatNumber(step)} ${step === 1 ? singularUnit(unit) : unit}`;
}
