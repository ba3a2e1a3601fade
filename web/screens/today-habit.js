// One habit on Today: the big log button (one tap logs; a long press or the ⋯ button opens the
// exact amount), what the day and its period hold, and a panel for an amount, a note, skipping
// and clearing the day.
import * as api from "../api.js";
import { ring } from "../charts.js";
import { append, firstTap, h, handleSubmit, icon, showToast, toastError, uid, withBusy } from "../dom.js";
import * as store from "../store.js";
import { resume, untilText } from "../pauses.js";
import { amountText, formatNumber, goalText, streakText, unitLabel } from "../format.js";
import { formatDate } from "../dates.js";
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
    "aria-label": `More for ${habit.name}`, "aria-expanded": "false", "aria-controls": panelId }, icon("more"));
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
  const rowEl = h("div", { class: "paused-row" }, h("span", { text: `Paused ${untilText(pause)}` }));
  if (pause.habit_id !== null && date === store.today()) {
    const resumeEl = h("button", { type: "button", class: "button small secondary", text: "Resume",
      "aria-label": `Resume ${habit.name}` });
    resumeEl.addEventListener("click", () => withBusy(resumeEl, () => resume(pause, date)
      .then(() => { showToast(`${habit.name} is back`); return refresh(habit.id); }).catch(toastError)));
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
  if (state === "untracked") return [h("span", { text: "Not tracked yet" })];
  const parts = [];
  // Day periods say nothing a day's card does not; weeks, months and windows say their progress.
  if (period && period.unit !== "days") parts.push(h("span", { class: "period", text: periodText(habit, period, date) }));
  if (checkin?.status === "skipped") parts.push(h("span", { text: "Skipped" }));
  else if (habit.measure !== "check" && checkin?.value !== null && checkin?.value !== undefined) {
    const target = habit.target ? ` / ${formatNumber(habit.target)}` : "";
    parts.push(h("span", { text: `${formatNumber(checkin.value)}${target} ${unitLabel(habit)}`.trim() }));
  } else if (goalText(habit)) parts.push(h("span", { text: goalText(habit) }));
  parts.push(h("span", { class: "streak" }, icon(habit.kind === "quit" ? "shield" : "flame", "icon tiny"),
    h("span", { text: streakLabel(habit, streak, state) })));
  if (checkin?.note) parts.push(h("span", { class: "has-note" }, icon("note", "icon tiny"), h("span", { text: "Note" })));
  if (item.pending || isPending(habit.id, date)) parts.push(h("span", { class: "pending-mark", text: "Not synced yet" }));
  return parts;
}

/** "2 of 3 this week", "1 of 4 this month", "Done for these 3 days" / "Due by Thu". */
function periodText(habit, period, date) {
  const type = habit.schedule.type;
  if (type === "every_n_days") {
    if (period.state === "met") return `Done for these ${habit.schedule.n} days`;
    return period.end === date ? "Due today" : `Due by ${formatDate(period.end, { weekday: "short" })}`;
  }
  const when = type === "per_week" ? "this week" : "this month";
  return `${period.done} of ${period.required} ${when}`;
}

function streakLabel(habit, streak, state) {
  if (state === "slipped") return "A slip";
  if (!streak.current) return habit.kind === "quit" ? "Starts today" : "No streak yet";
  return `${streakText(streak.current, streak.unit)}${habit.kind === "quit" ? " kept" : ""}`;
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
      value: formatNumber(prefill), id: uid("amount") });
    formEl.append(h("div", { class: "field amount-field", "data-field": "value" },
      h("label", { for: amountEl.id, text: amountLabel(habit) }),
      stepper(amountEl, { step: habit.measure === "minutes" ? MINUTES_STEP : 1, label: amountNoun(habit) })));
  }
  const noteEl = h("textarea", { name: "note", rows: "2", maxlength: "1000", id: uid("note"), placeholder: "How did it go?" });
  noteEl.value = checkin?.note || "";
  formEl.append(h("div", { class: "field", "data-field": "note" }, h("label", { for: noteEl.id },
    "Note", h("span", { class: "visually-hidden", text: ` for ${habit.name}` })), noteEl));

  const submitEl = h("button", { type: "submit", class: "button primary", text: submitLabel(item) });
  const actionsEl = h("div", { class: "panel-actions" }, submitEl);
  if (!isQuit && checkin?.status !== "skipped") {
    actionsEl.append(h("button", { type: "button", class: "button secondary", text: "Skip this day",
      onclick: (event) => withBusy(event.currentTarget, () => after(log.put(item, date, { status: "skipped" }, `Skipped ${habit.name}`))) }));
  }
  if (checkin) {
    actionsEl.append(h("button", { type: "button", class: "button secondary", text: "Clear day",
      onclick: (event) => withBusy(event.currentTarget, () => after(log.clear(item, date, `Cleared ${habit.name}`))) }));
  }
  actionsEl.append(h("a", { class: "button ghost", href: `#/habit/${habit.id}`, text: "Details" }));
  const moveButton = (delta, text) => h("button", { type: "button", class: "button ghost small", text,
    "aria-label": `${text} ${habit.name}`,
    onclick: (event) => withBusy(event.currentTarget, () => move(habit.id, delta).then(() => refresh()).catch(toastError)) });
  formEl.append(actionsEl, h("div", { class: "panel-order" }, h("span", { class: "hint", text: "Order on Today" }),
    moveButton(-1, "Move up"), moveButton(1, "Move down")));

  handleSubmit(formEl, submitEl, async () => {
    const body = { note: noteEl.value };
    if (measured) {
      const raw = amountEl.value.trim();
      if (raw === "" || Number.isNaN(Number(raw)) || Number(raw) < 0) {
        throw new api.ApiError({ code: "validation_error", message: "",
          fields: { value: [raw.startsWith("-") ? "Use 0 or more: an amount can't be negative." : "Enter a number, 0 or more."] } });
      }
      body.value = Number(raw);
    }
    // The status this habit's writes record is the server's word (the item's tap).
    if (isQuit || measured || !checkin) body.status = item.tap.status;
    if (isQuit && !measured && !checkin) body.value = 0;
    await log.put(item, date, body, measured ? `${habit.name}: ${amountText(body.value, habit)}` : "Note saved");
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
  if (habit.measure !== "check") return "Log";
  if (habit.kind === "build" && !checkin) return "Done, with note";
  return "Save note";
}

function amountNoun(habit) {
  return habit.measure === "minutes" ? "minutes" : habit.unit || "times";
}

function amountLabel(habit) {
  const noun = amountNoun(habit);
  if (habit.kind === "quit") return `How many ${noun}?`;
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} done`;
}
