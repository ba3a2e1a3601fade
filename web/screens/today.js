// Today: what is due on a day (today or an earlier one, to back-fill), one tap to log each.
import * as api from "../api.js";
import * as store from "../store.js";
import { withPending } from "../sync.js";
import { addDays, dayName, daysBetween, formatDate, longDate } from "../dates.js";
import { t, tn } from "../i18n.js";
import { append, h, titledSection } from "../dom.js";
import { ring } from "../charts.js";
import { habitCard } from "./today-habit.js";
import { dayLog } from "./today-log.js";
import { moodCard } from "./mood.js";
import { pausedSection } from "./today-paused.js";
import { identityGroups, prepareGroups } from "./today-groups.js";
import { freshStartCard } from "./today-fresh-start.js";
import { wellbeingInvitation } from "./today-wellbeing.js";

const SWIPE_MIN_PX = 70;

/** Renders the Today screen for `dateParam` (default: the user's today). */
export async function render(screenEl, dateParam) {
  const today = store.today();
  const date = dateParam && dateParam < today ? dateParam : today;
  // One read: the day as the server judged it (GET /today), with this phone's queued writes.
  const loadDay = async () => {
    const day = drawable(await withPending(await api.getToday(date)));
    await prepareGroups(day);
    return day;
  };
  let day = await loadDay();
  const bodyEl = h("div", { class: "today-body" });
  const progressEl = h("div", { class: "progress-slot" });
  // The mood card, and every habit card whose data did not change, live on across repaints, so
  // that a note or an amount typed into one of them survives a tap on another.
  let moodEl = moodCard(date, day.reflection, today);
  const cards = new Map();
  let latestLoad = 0;

  const cardFor = (item, changedId) => {
    const key = JSON.stringify(item);
    const kept = cards.get(item.habit.id);
    if (kept && kept.key === key && item.habit.id !== changedId) return kept.el;
    const cardEl = habitCard(item, date, refresh, log);
    cards.set(item.habit.id, { key, el: cardEl });
    return cardEl;
  };
  const paint = (changedId) => {
    const focusedEl = document.activeElement;
    const focusedId = focusedEl?.closest?.("[data-habit-id]")?.dataset.habitId;
    progressEl.replaceChildren(...dayProgress(day));
    fillBody(bodyEl, day, moodEl, (item) => cardFor(item, changedId), refresh);
    // A card moved to another section loses focus, and a redrawn one is new: give focus back.
    if (focusedEl?.isConnected) focusedEl.focus({ preventScroll: true });
    else if (focusedId) bodyEl.querySelector(`[data-habit-id="${focusedId}"] .log-button`)?.focus();
  };
  /** A Today item the server answered a write with takes the old one's place, drawn as is. */
  const take = (next) => {
    const id = next.habit.id;
    // A habit logged before its start date now starts there: it moves from "later" to the day.
    const later = day.later.filter((each) => each.habit.id !== id);
    const habits = day.habits.some((each) => each.habit.id === id)
      ? day.habits.map((each) => (each.habit.id === id ? next : each))
      : next.before_start ? day.habits : [...day.habits, next];
    day = { ...day, habits, later: next.before_start ? [...later, next] : later };
    latestLoad += 1; // a reload under way would draw older data
    return id;
  };
  /** A write answered (today-log.js), or queued offline (its check-in drawn as pending). */
  const log = dayLog((item, answer) => {
    if (!answer || !screenEl.isConnected) return;
    const old = [...day.habits, ...day.later].find((each) => each.habit.id === item.habit.id) || item;
    paint(take(answer.habit ? drawableItem(answer) : { ...old, checkin: answer.checkin, pending: true }));
  });
  /** Queued writes replayed (sync.js): the server's items and mood of this day replace the
   * pending ones. */
  const synced = (event) => {
    if (!screenEl.isConnected) return window.removeEventListener("orbit:synced", synced);
    const mine = (event.detail?.items || []).filter((each) => each.date === date);
    const mood = (event.detail?.moods || []).findLast((each) => each.date === date);
    if (!mine.length && !mood) return undefined;
    for (const { item } of mine) take(drawableItem(item));
    if (mood) { // the server's mood, no longer pending
      day = { ...day, reflection: mood.reflection };
      moodEl = moodCard(date, mood.reflection, today);
    }
    return paint();
  };
  window.addEventListener("orbit:synced", synced);
  /** Reads the day again after a change that is not a check-in (a pause resumed). */
  async function refresh(changedId) {
    const load = ++latestLoad;
    const fresh = await loadDay();
    if (load !== latestLoad) return; // a later change is drawn already, or its reload is coming
    day = fresh;
    paint(changedId);
  }

  paint();
  append(screenEl, header(date, today, progressEl), dayStrip(day, date, today), freshStartCard(day.fresh_start),
    wellbeingInvitation(day.wellbeing_invite), bodyEl);
  listenForSwipes(screenEl, date, today);
}

/** Each item drawn with the rule in force on its day: a tap logs that day's target, and the
 * card says it (GET /today's `rule`; `habit` holds today's). */
function drawable(day) {
  return { ...day, habits: day.habits.map(drawableItem), later: (day.later || []).map(drawableItem) };
}

function drawableItem(item) {
  if (!item.rule) return item;
  return { ...item, habit: { ...item.habit, target: item.rule.target, schedule: item.rule.schedule } };
}

/** Renders a day (default today) with one habit's log button in focus: where a notification's
 * tap lands, one tap from done. */
export async function renderFocused(screenEl, dateParam, habitId) {
  await render(screenEl, dateParam);
  const cardEl = screenEl.querySelector(`[data-habit-id="${habitId}"]`);
  cardEl?.classList.add("called");
  cardEl?.querySelector(".log-button")?.setAttribute("data-autofocus", "");
}

/** The date once: today's date over "Today"; on an earlier day, "Back-filling" (with the way
 * back) over the day's name, which is its date from two days back. */
function header(date, today, progressEl) {
  const name = dayName(date, today);
  const eyebrowEl = date === today
    ? h("p", { class: "eyebrow", text: formatDate(date, { weekday: "long", day: "numeric", month: "long" }) })
    : h("p", { class: "eyebrow backfill-eyebrow" },
      h("span", { text: addDays(date, 1) === today
        // TRANSLATORS: over "Yesterday" on Today, when logging an earlier day; {date} is "7 December".
        ? t("Back-filling · {date}", { date: formatDate(date, { day: "numeric", month: "long" }) }) : t("Back-filling") }),
      h("a", { class: "back-to-today", href: "#/today", text: t("Back to today") }));
  return h("header", { class: "screen-header today-header" },
    h("div", { class: "screen-title" }, eyebrowEl, h("h1", { tabindex: "-1", text: name })),
    progressEl);
}

/** A ring of done over due-or-logged habits, or nothing when there are none. */
function dayProgress(data) {
  const relevant = data.habits.filter((item) => item.due || item.checkin);
  if (!relevant.length) return [];
  const doneCount = relevant.filter((item) => item.done).length;
  const counts = { done: doneCount, total: relevant.length };
  return [h("div", { class: "day-progress", role: "img", "aria-label": tn("{done} of {n} done", "{done} of {n} done", relevant.length, counts) },
    ring(doneCount / relevant.length, { size: 48, radius: 20 }),
    // TRANSLATORS: habits done today over habits due, drawn small beside a ring ("2/3").
    h("span", { "aria-hidden": "true", text: t("{done}/{total}", counts) }))];
}

/** Seven days to jump between. The selected day sits in the middle once it can, so the first
 * chip always leads further back. */
function dayStrip({ strip: days }, date, today) {
  return h("nav", { class: "day-strip", "aria-label": t("Choose a day") },
    h("ol", {}, days.map((day) => {
      const relative = dayName(day, today);
      return h("li", {},
        h("a", { href: day === today ? "#/today" : `#/today/${day}`, class: "day-chip",
          "aria-current": day === date ? "date" : null,
          // TRANSLATORS: a day chip's name, {day} "Today" or "Yesterday", {date} the date in full.
          "aria-label": daysBetween(day, today) < 2 ? t("{day}, {date}", { day: relative, date: longDate(day) }) : longDate(day) },
          h("span", { class: "day-chip-number", text: formatDate(day, { day: "numeric" }) })),
        // Drawn over the link, not inside it: the link's visible text is then only the number,
        // which its name contains (label in name, for speech control); the name has the weekday.
        h("span", { class: "day-chip-weekday", "aria-hidden": "true", text: formatDate(day, { weekday: "narrow" }) }));
    })));
}

function fillBody(bodyEl, day, moodEl, cardFor, refresh) {
  const isToday = day.date === store.today();
  // Habits starting later are offered on an earlier day only (this phone's today may lag the
  // server's for a moment, after midnight).
  const data = isToday ? { ...day, later: [] } : day;
  // Paused habits rest under a heading of their own, grouped or not.
  const resting = data.habits.filter((item) => item.paused);
  const active = data.habits.filter((item) => !item.paused);
  const firstItems = active.filter((item) => item.due || item.checkin);
  const restItems = active.filter((item) => !(item.due || item.checkin));
  const sections = [moodEl];
  if (!data.habits.length && !data.later.length) sections.push(emptyState(isToday));
  // Grouped by identity (an option of this device): the groups take the place of Due and Not due.
  const groups = identityGroups([...firstItems, ...restItems], cardFor, { isToday });
  if (groups) sections.push(...groups);
  if (firstItems.length && !groups) sections.push(habitSection(t("Due"), firstItems.map(cardFor)));
  if (resting.length) sections.push(pausedSection(resting, data.date, cardFor, refresh));
  if (restItems.length && !groups) {
    sections.push(habitSection(isToday ? t("Not due today") : t("Not due"), restItems.map(cardFor), { muted: true }));
  }
  if (data.later.length) {
    sections.push(habitSection(t("Before their start date"), data.later.map(cardFor),
      { muted: true, hint: t("Not tracked yet on this day. Logging one here moves its start date back to this day.") }));
  }
  bodyEl.replaceChildren(...sections);
}

function habitSection(title, cardEls, { muted = false, hint = null } = {}) {
  return titledSection(title, { className: `habit-section${muted ? " muted-section" : ""}`,
    headingClass: muted ? "section-title subtle" : "section-title", hint },
  h("ul", { class: "habit-list", role: "list" }, cardEls));
}

function emptyState(isToday) {
  return h("section", { class: "card empty-state welcome" },
    h("img", { src: "/icons/icon.svg", alt: "", width: "56", height: "56" }),
    h("h2", { text: isToday ? t("Start with one small habit") : t("No habits on this day") }),
    h("p", { text: t("Pick a starter habit in two taps, or make your own. Small and believable beats big and brave.") }),
    h("a", { class: "button primary", href: "#/new", text: t("Choose a starter habit") }));
}

/** A horizontal swipe moves a day back (right swipe) or forward (left swipe). */
function listenForSwipes(screenEl, date, today) {
  let startX = null;
  let startY = null;
  screenEl.addEventListener("touchstart", (event) => {
    if (event.target.closest("input, textarea, .day-strip")) return;
    [startX, startY] = [event.touches[0].clientX, event.touches[0].clientY];
  }, { passive: true });
  screenEl.addEventListener("touchend", (event) => {
    if (startX === null) return;
    const dx = event.changedTouches[0].clientX - startX;
    const dy = event.changedTouches[0].clientY - startY;
    startX = null;
    if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dy) > Math.abs(dx) / 2) return;
    const target = addDays(date, dx > 0 ? -1 : 1);
    if (target > today) return;
    location.hash = target === today ? "#/today" : `#/today/${target}`;
  }, { passive: true });
}
