// One habit on Today: the big log button (one tap logs; a long press or the ⋯ button opens the
// exact amount), what the day and its period hold, and a panel for an amount, a note, skipping
// and clearing the day.
import * as api from "../api.js";
import { ring } from "../charts.js";
import { append, firstTap, h, handleSubmit, icon, showToast, toastError, uid, withBusy } from "../dom.js";
import * as store from "../store.js";
import { resume } from "../pauses.js";
import { amountText, formatNumber, goalText, streakText, unitLabel } from "../format.js";
import { formatDate, shortDate } from "../dates.js";
import { formatNumber as localeNumber, t, tn } from "../i18n.js";
import { stepper } from "./fields.js";
import { planText } from "./habit-plan.js";
import { restartRow, slipLine } from "./today-lapse.js";
import { tapWords } from "./today-log.js";
import { isPending } from "../sync.js";

const MINUTES_STEP = 5;
const LONG_PRESS_MS = 500;

/** The state a card shows, from what the server judged (item.done): done, partial, skipped,
 * todo (build), kept, slipped (quit), paused (a pause rests it and nothing is logged), untracked
 * (a quit habit on a day before its start date: nothing to judge yet), or pending (changed on
 * this phone, not judged until it syncs). */
function cardState({ habit, checkin, done, before_start: beforeStart, paused, pending }) {
  if (pending) return "pending";
  if (paused && !checkin) return "paused"; // resting: neither due nor missed, and not yet logged
  if (habit.kind === "quit") {
    if (beforeStart && !checkin) return "untracked";
    return done ? "kept" : "slipped";
  }
  if (checkin?.status === "skipped") return "skipped";
  if (done) return "done";
  return checkin?.value > 0 ? "partial" : "todo";
}

/** A list item for one entry of GET /today (habit.target and schedule: the rule in force on
 * the day); `log` (today-log.js) writes, and the screen draws the server's answer; `refresh()`
 * reloads the day after a change that is not a check-in (a pause resumed). */
export function habitCard(item, date, refresh, log) {
  const { habit, checkin } = item;
  const state = cardState(item);
  const measured = habit.measure !== "check";
  const panelId = uid("panel");
  const cardEl = h("li", { class: `habit-card state-${state}`, "data-habit-id": habit.id, "--habit": habit.color });
  const after = (promise) => promise.catch(toastError);
  const words = tapWords(item, checkin);

  const logEl = h("button", { type: "button", class: "log-button", "aria-label": words.label,
    "aria-pressed": words.pressed === null ? null : String(words.pressed) }, logFace(state, item, checkin, words));
  const moreEl = h("button", { type: "button", class: "icon-button more-button",
    "aria-label": t("More for {habit}", { habit: habit.name }), "aria-expanded": "false", "aria-controls": panelId }, icon("more"));
  const panelEl = panel(item, date, panelId, log, after, refresh);

  const showPanel = (open) => {
    panelEl.hidden = !open;
    moreEl.setAttribute("aria-expanded", String(open));
    if (open) panelEl.querySelector(measured ? "input[type=number]" : "textarea")?.focus();
  };
  // A long press opens the exact amount instead of logging; the click that ends it is dropped.
  let pressTimer = null;
  let longPressed = false;
  const cancelPress = () => clearTimeout(pressTimer);
  logEl.addEventListener("pointerdown", () => {
    longPressed = false;
    cancelPress();
    pressTimer = setTimeout(() => { longPressed = true; showPanel(true); }, LONG_PRESS_MS);
  });
  ["pointerup", "pointerleave", "pointercancel"].forEach((type) => logEl.addEventListener(type, cancelPress));
  logEl.addEventListener("contextmenu", (event) => event.preventDefault());
  logEl.addEventListener("click", () => {
    if (longPressed) {
      longPressed = false;
      return;
    }
    if (!firstTap(`log:${habit.id}@${date}`)) return;
    after(log.tap(item, date));
  });
  moreEl.addEventListener("click", () => showPanel(panelEl.hidden));

  append(cardEl,
    h("div", { class: "habit-row" },
      logEl,
      h("a", { class: "habit-main", href: `#/habit/${habit.id}` },
        h("span", { class: "habit-name", text: habit.name }),
        h("span", { class: "habit-meta" }, metaParts(item, checkin, state, date))),
      moreEl),
    item.paused ? pausedRow(item, date, refresh) : null,
    // The if-then plan, until the day is done (the server sends it while it is to be shown).
    item.plan && state !== "pending" ? h("p", { class: "habit-plan", text: planText(item.plan) }) : null,
    // A kind restart after a lapse, and a slip's days kept before it (issue 24): the server's.
    state !== "pending" ? restartRow(item, date, store.today(), refresh) : null,
    state === "slipped" ? slipLine(item) : null,
    panelEl);
  return cardEl;
}

/** A paused habit: until when, and (for its own pause, on today) a way back. A pause of every
 * habit is resumed from the Paused heading instead. */
function pausedRow({ habit, pause }, date, refresh) {
  const until = pause.end ? t("Paused until {date}", { date: shortDate(pause.end) }) : t("Paused until you resume");
  const rowEl = h("div", { class: "paused-row" }, h("span", { text: until }));
  if (pause.habit_id !== null && date === store.today()) {
    const resumeEl = h("button", { type: "button", class: "button small secondary", text: t("Resume"),
      "aria-label": t("Resume {habit}", { habit: habit.name }) });
    resumeEl.addEventListener("click", () => withBusy(resumeEl, () => resume(pause, date)
      .then(() => { showToast(t("{habit} is back", { habit: habit.name })); return refresh(habit.id); }).catch(toastError)));
    rowEl.append(resumeEl);
  }
  return rowEl;
}

/** Inside the log button: the state's icon, or what a tap adds, ringed by today's progress. */
function logFace(state, { habit }, checkin, words) {
  if (state === "done" && habit.measure !== "count") return icon("check");
  if (state === "kept") return icon("shield");
  if (state === "untracked") return icon("shield", "icon faint");
  if (state === "paused") return icon("pause", "icon faint");
  if (state === "pending") return checkin?.status === "skipped" ? icon("skip") : words.short ? shortFace(0, words) : icon("check");
  if (state === "skipped") return icon("skip");
  if (state === "slipped" && habit.measure === "check") return icon("close");
  if (!words.short) return icon("check");
  return shortFace(habit.target ? (checkin?.value || 0) / habit.target : 0, words);
}

function shortFace(fraction, words) {
  return h("span", { class: "log-face" },
    fraction > 0 ? ring(fraction, { size: 56, radius: 25, track: false, className: "progress-ring" }) : null,
    h("span", { class: "log-short", "aria-hidden": "true", text: words.short }));
}

function metaParts(item, checkin, state, date) {
  const { habit, streak, period } = item;
  if (state === "untracked") return [h("span", { text: t("Not tracked yet") })];
  const parts = [];
  // Day periods say nothing a day's card does not; weeks, months and windows say their progress.
  if (period && period.unit !== "days") parts.push(h("span", { class: "period", text: periodText(habit, period, date) }));
  if (checkin?.status === "skipped") parts.push(h("span", { text: t("Skipped") }));
  else if (habit.measure !== "check" && checkin?.value !== null && checkin?.value !== undefined) {
    parts.push(h("span", { text: loggedText(habit, checkin.value) }));
  } else if (goalText(habit)) parts.push(h("span", { text: goalText(habit) }));
  parts.push(h("span", { class: "streak" }, icon(habit.kind === "quit" ? "shield" : "flame", "icon tiny"),
    h("span", { text: streakLabel(habit, streak, state) })));
  if (checkin?.note) parts.push(h("span", { class: "has-note" }, icon("note", "icon tiny"), h("span", { text: t("Note") })));
  if (item.pending || isPending(habit.id, date)) parts.push(h("span", { class: "pending-mark", text: t("Not synced yet") }));
  return parts;
}

/** What a measured habit's day holds: "3 / 10 pages", "20 / 30 min", "4 pages", "2". */
function loggedText(habit, value) {
  const unit = unitLabel(habit);
  const amounts = { value, target: habit.target, unit };
  if (habit.target) {
    // TRANSLATORS: an amount logged over the day's target, then its unit: "3 / 10 pages".
    return unit ? t("{value} / {target} {unit}", amounts) : t("{value} / {target}", amounts);
  }
  return unit ? t("{value} {unit}", amounts) : localeNumber(value);
}

/** "2 of 3 this week", "1 of 4 this month", "Done for these 3 days" / "Due by Thu". */
function periodText(habit, period, date) {
  const type = habit.schedule.type;
  if (type === "every_n_days") {
    if (period.state === "met") return tn("Done for this day", "Done for these {n} days", habit.schedule.n);
    return period.end === date ? t("Due today") : t("Due by {day}", { day: formatDate(period.end, { weekday: "short" }) });
  }
  const counts = { done: period.done };
  return type === "per_week" ? tn("{done} of {n} this week", "{done} of {n} this week", period.required, counts)
    : tn("{done} of {n} this month", "{done} of {n} this month", period.required, counts);
}

// A quit habit's streak: the days (weeks...) kept, plural by the language's rules.
const KEPT = {
  days: (n) => tn("{n} day kept", "{n} days kept", n),
  weeks: (n) => tn("{n} week kept", "{n} weeks kept", n),
  months: (n) => tn("{n} month kept", "{n} months kept", n),
  windows: (n) => tn("{n} window kept", "{n} windows kept", n),
};

function streakLabel(habit, streak, state) {
  if (state === "slipped") return t("A slip");
  if (!streak.current) return habit.kind === "quit" ? t("Starts today") : t("No streak yet");
  if (habit.kind !== "quit") return streakText(streak.current, streak.unit);
  return (KEPT[streak.unit] || KEPT.days)(streak.current);
}

/** The expanding panel: exact amount (count/minutes), note, skip, clear, details, order. */
function panel(item, date, panelId, log, after, refresh) {
  const { habit, checkin } = item;
  const isQuit = habit.kind === "quit";
  const measured = habit.measure !== "check";
  const formEl = h("form", { class: "habit-panel", id: panelId, hidden: true, "aria-label": habit.name, novalidate: true });
  let amountEl = null;

  if (measured) {
    const prefill = checkin?.value ?? (isQuit ? 1 : habit.target);
    amountEl = h("input", { type: "number", name: "value", inputmode: "decimal", min: "0", step: "any",
      value: formatNumber(prefill), id: uid("amount") }); // a number input reads "1.5", whatever the language
    formEl.append(h("div", { class: "field amount-field", "data-field": "value" },
      h("label", { for: amountEl.id, text: amountLabel(habit) }),
      stepper(amountEl, { step: habit.measure === "minutes" ? MINUTES_STEP : 1, label: amountNoun(habit) })));
  }
  // The label shows "Note"; its name says whose (several cards' panels may be open).
  const noteEl = h("textarea", { name: "note", rows: "2", maxlength: "1000", id: uid("note"), placeholder: t("How did it go?"),
    // TRANSLATORS: a note field's name for assistive technology; it shows "Note", keep that word in it.
    "aria-label": t("Note for {habit}", { habit: habit.name }) });
  noteEl.value = checkin?.note || "";
  formEl.append(h("div", { class: "field", "data-field": "note" }, h("label", { for: noteEl.id, text: t("Note") }), noteEl));

  const submitEl = h("button", { type: "submit", class: "button primary", text: submitLabel(item) });
  const actionsEl = h("div", { class: "panel-actions" }, submitEl);
  if (!isQuit && checkin?.status !== "skipped") {
    actionsEl.append(h("button", { type: "button", class: "button secondary", text: t("Skip this day"),
      onclick: (event) => withBusy(event.currentTarget, () => after(log.put(item, date, { status: "skipped" },
        t("Skipped {habit}", { habit: habit.name })))) }));
  }
  if (checkin) {
    actionsEl.append(h("button", { type: "button", class: "button secondary", text: t("Clear day"),
      onclick: (event) => withBusy(event.currentTarget, () => after(log.clear(item, date, t("Cleared {habit}", { habit: habit.name })))) }));
  }
  actionsEl.append(h("a", { class: "button ghost", href: `#/habit/${habit.id}`, text: t("Details") }));
  const moveButton = (delta, text, label) => h("button", { type: "button", class: "button ghost small", text, "aria-label": label,
    onclick: (event) => withBusy(event.currentTarget, () => move(habit.id, delta).then(() => refresh()).catch(toastError)) });
  formEl.append(actionsEl, h("div", { class: "panel-order" }, h("span", { class: "hint", text: t("Order on Today") }),
    moveButton(-1, t("Move up"), t("Move {habit} up", { habit: habit.name })),
    moveButton(1, t("Move down"), t("Move {habit} down", { habit: habit.name }))));

  handleSubmit(formEl, submitEl, async () => {
    const body = { note: noteEl.value };
    if (measured) {
      const raw = amountEl.value.trim();
      if (raw === "" || Number.isNaN(Number(raw)) || Number(raw) < 0) {
        throw new api.ApiError({ code: "validation_error", message: "",
          fields: { value: [raw.startsWith("-") ? t("Use 0 or more: an amount can't be negative.") : t("Enter a number, 0 or more.")] } });
      }
      body.value = Number(raw);
    }
    // The status this habit's writes record is the server's word (the item's tap).
    if (isQuit || measured || !checkin) body.status = item.tap.status;
    if (isQuit && !measured && !checkin) body.value = 0;
    await log.put(item, date, body, measured
      ? t("{habit}: {amount}", { habit: habit.name, amount: amountText(body.value, habit) }) : t("Note saved"));
  });
  return formEl;
}

/** Swaps a habit with its neighbour in the order of GET /habits, renumbering positions 1..n and
 * sending only the positions that change (usually two). */
async function move(habitId, delta) {
  const habits = await api.listHabits();
  const order = habits.map((habit) => habit.id);
  const from = order.indexOf(habitId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return;
  [order[from], order[to]] = [order[to], order[from]];
  const positions = new Map(habits.map((habit) => [habit.id, habit.position]));
  for (const [index, id] of order.entries()) {
    if (positions.get(id) !== index + 1) await api.updateHabit(id, { position: index + 1 });
  }
}

function submitLabel({ habit, checkin }) {
  // TRANSLATORS: a button that saves the amount typed in a habit's panel on Today.
  if (habit.measure !== "check") return t("Log");
  if (habit.kind === "build" && !checkin) return t("Done, with note");
  return t("Save note");
}

/** What the stepper's buttons change ("Increase pages"): the habit's unit, minutes or times. */
function amountNoun(habit) {
  if (habit.measure === "minutes") return t("minutes");
  // TRANSLATORS: what a stepper counts when a habit has no unit ("Increase times").
  return habit.unit || t("times");
}

/** The amount field's label: "How many glasses?" for a quit habit, "Pages done" for a build one. */
function amountLabel(habit) {
  const quit = habit.kind === "quit";
  if (habit.measure === "minutes") return quit ? t("How many minutes?") : t("Minutes done");
  if (!habit.unit) return quit ? t("How many times?") : t("Times done");
  if (quit) return t("How many {unit}?", { unit: habit.unit });
  // The user's own word, capitalised as it starts the label (languages without case keep it).
  return t("{unit} done", { unit: `${habit.unit.charAt(0).toLocaleUpperCase()}${habit.unit.slice(1)}` });
}
