// One habit on Today: the big log button, its streak and strength, and a panel for an amount,
// a note, skipping and clearing the day.
import * as api from "../api.js";
import { ring } from "../charts.js";
import { h, handleSubmit, icon, showFormError, showToast, toastError, uid, withBusy } from "../dom.js";
import { amountText, formatNumber, goalText, percent, streakText, unitLabel } from "../format.js";
import { stepper } from "./fields.js";

const MINUTES_STEP = 5;

/** The state a card shows: done, partial, skipped, todo (build) or kept, slipped (quit). */
function cardState({ habit, checkin, done }) {
  if (habit.kind === "quit") return done ? "kept" : "slipped";
  if (checkin?.status === "skipped") return "skipped";
  if (done) return "done";
  return checkin?.value > 0 ? "partial" : "todo";
}

/** A list item for one entry of GET /today. `refresh(habitId)` reloads the day after a change. */
export function habitCard(item, date, refresh) {
  const { habit, checkin } = item;
  const state = cardState(item);
  const isQuit = habit.kind === "quit";
  const measured = habit.measure !== "check";
  const panelId = uid("panel");
  const cardEl = h("li", { class: `habit-card state-${state}`, "data-habit-id": habit.id, "--habit": habit.color });

  const save = async (body, message) => {
    const previous = checkin;
    await api.putCheckin(habit.id, date, body);
    announce(message, habit, date, previous, refresh);
    await refresh(habit.id);
  };
  const clear = async () => {
    await api.deleteCheckin(habit.id, date);
    announce(`Cleared ${habit.name}`, habit, date, checkin, refresh);
    await refresh(habit.id);
  };

  const logEl = h("button", { type: "button", class: "log-button",
    "aria-label": isQuit ? `Log a slip for ${habit.name}` : `Mark ${habit.name} done` }, logIcon(state, item));
  const moreEl = h("button", { type: "button", class: "icon-button more-button", "aria-label": `More for ${habit.name}`,
    "aria-expanded": "false", "aria-controls": panelId }, icon("more"));
  const panelEl = panel(item, panelId, save, clear, refresh);

  const showPanel = (open, focusSelector) => {
    panelEl.hidden = !open;
    moreEl.setAttribute("aria-expanded", String(open));
    if (measured) logEl.setAttribute("aria-expanded", String(open));
    if (open) panelEl.querySelector(focusSelector)?.focus();
  };

  if (measured) {
    logEl.setAttribute("aria-expanded", "false");
    logEl.setAttribute("aria-controls", panelId);
    // Always opens (never closes) the amount: a tap on it means "log", even with the panel open.
    logEl.addEventListener("click", () => showPanel(true, "input[type=number]"));
  } else {
    logEl.setAttribute("aria-pressed", String(isQuit ? state === "slipped" : state === "done"));
    logEl.addEventListener("click", () => withBusy(logEl, () => toggle(item, save, clear).catch(toastError)));
  }
  moreEl.addEventListener("click", () => showPanel(panelEl.hidden, "textarea"));

  cardEl.append(
    h("div", { class: "habit-row" },
      logEl,
      h("a", { class: "habit-main", href: `#/habit/${habit.id}` },
        h("span", { class: "habit-name", text: habit.name }),
        h("span", { class: "habit-meta" }, metaParts(item, state))),
      strengthRing(item.strength),
      moreEl),
    panelEl);
  return cardEl;
}

/** One tap on a yes/no habit: done <-> cleared for build, slip <-> cleared for quit. */
function toggle({ habit, checkin }, save, clear) {
  if (habit.kind === "quit") {
    return checkin && checkin.value > 0 ? clear() : save({ status: "slip", value: 1 }, `Slip logged for ${habit.name}`);
  }
  return checkin?.status === "done" ? clear() : save({ status: "done" }, `${habit.name}: done`);
}

function logIcon(state, item) {
  if (state === "done" || state === "kept") return icon(state === "kept" ? "shield" : "check");
  if (state === "skipped") return icon("skip");
  if (state === "slipped") return icon("close");
  if (state === "partial") {
    return ring(item.checkin.value / (item.habit.target || 1), { radius: 8, track: false, className: "icon partial-ring" });
  }
  return icon(item.habit.measure === "check" ? "check" : "plus");
}

function metaParts({ habit, checkin, streak }, state) {
  const parts = [];
  const streakEl = h("span", { class: "streak" }, icon(habit.kind === "quit" ? "shield" : "flame", "icon tiny"),
    h("span", { text: streakLabel(habit, streak, state) }));
  parts.push(streakEl);
  if (state === "skipped") parts.push(h("span", { text: "Skipped" }));
  else if (habit.measure !== "check" && checkin?.value !== null && checkin?.value !== undefined) {
    const target = habit.target ? ` / ${formatNumber(habit.target)}` : "";
    parts.push(h("span", { text: `${formatNumber(checkin.value)}${target} ${unitLabel(habit)}`.trim() }));
  } else if (goalText(habit)) parts.push(h("span", { text: goalText(habit) }));
  if (checkin?.note) parts.push(h("span", { class: "has-note" }, icon("note", "icon tiny"), h("span", { text: "Note" })));
  return parts;
}

function streakLabel(habit, streak, state) {
  if (state === "slipped") return "Slipped";
  if (!streak.current) return habit.kind === "quit" ? "Starts today" : "No streak yet";
  return `${streakText(streak.current, streak.unit)}${habit.kind === "quit" ? " kept" : ""}`;
}

function strengthRing(strength) {
  return h("span", { class: "strength", title: `Strength ${percent(strength)}` },
    ring(strength),
    h("span", { class: "visually-hidden", text: `Strength ${percent(strength)}` }));
}

/** The expanding panel: amount (count/minutes), note, skip, clear, details. */
function panel(item, panelId, save, clear, refresh) {
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
  const noteEl = h("textarea", { name: "note", rows: "2", maxlength: "1000", id: uid("note"),
    placeholder: "How did it go?" });
  noteEl.value = checkin?.note || "";
  formEl.append(h("div", { class: "field", "data-field": "note" }, h("label", { for: noteEl.id },
    "Note", h("span", { class: "visually-hidden", text: ` for ${habit.name}` })), noteEl));

  const submitEl = h("button", { type: "submit", class: "button primary", text: submitLabel(item) });
  const actionsEl = h("div", { class: "panel-actions" }, submitEl);
  if (!isQuit && checkin?.status !== "skipped") {
    actionsEl.append(h("button", { type: "button", class: "button secondary", text: "Skip this day",
      onclick: (event) => withBusy(event.currentTarget, () => save({ status: "skipped" }, `Skipped ${habit.name}`).catch((error) => showFormError(formEl, error))) }));
  }
  if (checkin) {
    actionsEl.append(h("button", { type: "button", class: "button secondary", text: "Clear day",
      onclick: (event) => withBusy(event.currentTarget, () => clear().catch((error) => showFormError(formEl, error))) }));
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
      if (amountEl.value.trim() === "" || Number.isNaN(Number(amountEl.value))) {
        throw new api.ApiError({ code: "validation_error", message: "Enter an amount.",
          fields: { value: ["Enter a number, 0 or more."] } });
      }
      body.value = Number(amountEl.value);
    }
    if (isQuit) {
      body.status = "slip";
      if (!measured && !checkin) body.value = 0;
    } else if (measured || !checkin) body.status = "done";
    await save(body, measured ? `${habit.name}: ${amountText(body.value, habit)}` : "Note saved");
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

/** A toast after a change, whose Undo puts back the check-in as it was. */
function announce(message, habit, date, previous, refresh) {
  showToast(message, { label: "Undo", run: () => restore(habit, date, previous).then(() => refresh(habit.id)).catch(toastError) });
}

function restore(habit, date, previous) {
  if (!previous) return api.deleteCheckin(habit.id, date);
  const body = { status: previous.status, note: previous.note ?? "" };
  if (habit.measure !== "check" || habit.kind === "quit") body.value = previous.value;
  return api.putCheckin(habit.id, date, body);
}
