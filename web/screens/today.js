// Today: what is due on a day (today or an earlier one, to back-fill), one tap to log each.
import * as api from "../api.js";
import * as store from "../store.js";
import { addDays, dayName, formatDate, longDate } from "../dates.js";
import { h, icon, svg } from "../dom.js";
import { habitCard } from "./today-habit.js";
import { moodCard } from "./mood.js";

const STRIP_DAYS = 7;
const SWIPE_MIN_PX = 70;

/** Renders the Today screen for `dateParam` (default: the user's today). */
export async function render(screenEl, dateParam) {
  const today = store.today();
  const date = dateParam && dateParam < today ? dateParam : today;
  const data = await api.getToday(date);
  const bodyEl = h("div", { class: "today-body" });

  const refresh = async () => {
    const fresh = await api.getToday(date);
    const focusedId = document.activeElement?.closest?.("[data-habit-id]")?.dataset.habitId;
    fillBody(bodyEl, fresh, refresh);
    if (focusedId) bodyEl.querySelector(`[data-habit-id="${focusedId}"] .log-button`)?.focus();
  };

  fillBody(bodyEl, data, refresh);
  screenEl.append(header(date, today, data), dayStrip(date, today), bodyEl);
  listenForSwipes(screenEl, date, today);
}

function header(date, today, data) {
  const isToday = date === today;
  const relevant = data.habits.filter((item) => item.due || item.checkin);
  const doneCount = relevant.filter((item) => item.done).length;
  const progress = relevant.length ? doneCount / relevant.length : 0;
  return h("header", { class: "screen-header today-header" },
    h("div", { class: "screen-title" },
      h("p", { class: "eyebrow", text: isToday ? longDate(date) : "Back-filling" }),
      h("h1", { tabindex: "-1", text: dayName(date, today) })),
    relevant.length
      ? progressRing(progress, `${doneCount} of ${relevant.length} done`, `${doneCount}/${relevant.length}`)
      : null,
    isToday ? null : h("a", { class: "button small secondary", href: "#/today", text: "Back to today" }));
}

function progressRing(fraction, label, shortLabel) {
  const circumference = 2 * Math.PI * 20;
  return h("div", { class: "day-progress", role: "img", "aria-label": label },
    svg("svg", { viewBox: "0 0 48 48", "aria-hidden": "true" },
      svg("circle", { class: "track", cx: 24, cy: 24, r: 20 }),
      svg("circle", { class: "fill", cx: 24, cy: 24, r: 20,
        "stroke-dasharray": `${circumference * fraction} ${circumference}` })),
    h("span", { "aria-hidden": "true", text: shortLabel }));
}

/** Seven days to jump between, with arrows to go further back. */
function dayStrip(date, today) {
  const end = addDays(date, 3) < today ? addDays(date, 3) : today;
  const days = Array.from({ length: STRIP_DAYS }, (_, index) => addDays(end, index - STRIP_DAYS + 1));
  const previous = addDays(date, -1);
  const next = addDays(date, 1);
  return h("nav", { class: "day-strip", "aria-label": "Choose a day" },
    h("a", { class: "icon-button", href: `#/today/${previous}`, "aria-label": `Previous day, ${dayName(previous, today)}` },
      icon("back")),
    h("ol", {}, days.map((day) => h("li", {},
      h("a", { href: day === today ? "#/today" : `#/today/${day}`, class: "day-chip",
        "aria-current": day === date ? "date" : null, "aria-label": dayName(day, today) === "Today" ? `Today, ${longDate(day)}` : longDate(day) },
        h("span", { class: "day-chip-weekday", text: formatDate(day, { weekday: "narrow" }) }),
        h("span", { class: "day-chip-number", text: formatDate(day, { day: "numeric" }) }))))),
    date < today
      ? h("a", { class: "icon-button", href: next === today ? "#/today" : `#/today/${next}`, "aria-label": `Next day, ${dayName(next, today)}` }, icon("forward"))
      : h("span", { class: "icon-button placeholder", "aria-hidden": "true" }));
}

function fillBody(bodyEl, data, refresh) {
  const firstItems = data.habits.filter((item) => item.due || item.checkin);
  const restItems = data.habits.filter((item) => !(item.due || item.checkin));
  const sections = [moodCard(data.date, data.reflection, store.today())];
  if (!data.habits.length) sections.push(emptyState(data.date === store.today()));
  if (firstItems.length) sections.push(habitSection("Due", firstItems, data.date, refresh, true));
  if (restItems.length) sections.push(habitSection("Not due today", restItems, data.date, refresh, false));
  bodyEl.replaceChildren(...sections);
}

function habitSection(title, items, date, refresh, isMain) {
  const headingId = `section-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return h("section", { class: `habit-section${isMain ? "" : " muted-section"}`, "aria-labelledby": headingId },
    h("h2", { id: headingId, class: isMain ? "section-title" : "section-title subtle", text: title }),
    h("ul", { class: "habit-list", role: "list" }, items.map((item) => habitCard(item, date, refresh))));
}

function emptyState(isToday) {
  return h("section", { class: "card empty-state welcome" },
    h("img", { src: "/icons/icon.svg", alt: "", width: "56", height: "56" }),
    h("h2", { text: isToday ? "Start with one small habit" : "No habits on this day" }),
    h("p", { text: "Pick a starter habit in two taps, or make your own. Small and believable beats big and brave." }),
    h("a", { class: "button primary", href: "#/new", text: "Choose a starter habit" }));
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
