// The Week screen: this week so far or a past week (swipe, or the arrows), its summary in a
// coach's words with next small steps, and the trend of the last 12 weeks.
import * as api from "../api.js";
import * as store from "../store.js";
import { addDays, shortDate, startOfWeek } from "../dates.js";
import { append, h, icon, svg, titledSection } from "../dom.js";
import { weeklyTrend } from "../charts.js";
import { habitRows, highlightList, identityVotes, insightList, lastWeekCard, moodSection, nextSteps,
  totalsCard, weekRange } from "./week-sections.js";
import { answersCard, chapterCard, promptCard } from "./week-prompt.js";
import { t, tn } from "../i18n.js";

const TREND_WEEKS = 12;
const SWIPE_MIN_PX = 70;

/** The address of the week starting `weekStart` ("#/week" for this week). */
export function weekHash(weekStart, thisWeek) {
  return weekStart >= thisWeek ? "#/week" : `#/week/${weekStart}`;
}

/** Renders #/week (this week so far) and #/week/{date} (the user's week holding date). */
export async function render(screenEl, dateParam) {
  const today = store.today();
  const thisWeek = startOfWeek(today, store.weekStart());
  const asked = dateParam && dateParam < today ? dateParam : today;
  const lastWeek = addDays(thisWeek, -7);
  // One read: the week, last week's beside this one, the trend, the habits, identities, the
  // week's question and the answered weeks.
  const { summary, history, habits, identities, last_week: lastSummary, prompt, answers } = await api.getWeekScreen(asked);
  const shown = summary.week_start;
  const isThisWeek = !summary.complete;
  const firstWeek = habits.length
    ? startOfWeek(habits.reduce((first, habit) => (habit.start_date < first ? habit.start_date : first), today), store.weekStart())
    : thisWeek;
  const habitsById = new Map(habits.map((habit) => [habit.id, habit]));
  const identitiesById = new Map(identities.map((identity) => [identity.id, identity]));
  const previous = shown > firstWeek ? addDays(shown, -7) : null;
  const next = isThisWeek ? null : addDays(shown, 7);

  if (!habits.length) {
    append(screenEl, header(summary, isThisWeek, lastWeek, false), welcome());
    return;
  }
  append(screenEl, header(summary, isThisWeek, lastWeek, true), weekNav(previous, next, thisWeek, isThisWeek));
  if (!summary.habits.length) {
    screenEl.append(quietWeek(firstWeek, thisWeek, shown));
  } else {
    append(screenEl,
      totalsCard(summary, today),
      isThisWeek ? lastWeekCard(lastSummary) : null,
      highlightList(summary.highlights),
      nextSteps(summary),
      habitRows(summary, habitsById),
      identityVotes(summary, identitiesById),
      chapterCard(summary),
      moodSection(summary),
      insightList(summary));
  }
  append(screenEl, prompt ? promptCard(prompt) : null, trendCard(history, shown), answersCard(answers, shown));
  listenForSwipes(screenEl, previous, next, thisWeek);
}

function header(summary, isThisWeek, lastWeek, printable) {
  const title = isThisWeek ? t("This week") : summary.week_start === lastWeek ? t("Last week")
    : t("Week of {date}", { date: shortDate(summary.week_start) });
  return h("header", { class: "screen-header week-header" },
    h("div", { class: "screen-title" },
      h("p", { class: "eyebrow", text: isThisWeek ? t("{range} · so far", { range: weekRange(summary) }) : weekRange(summary) }),
      h("h1", { tabindex: "-1", text: title })),
    printable && h("a", { class: "button small secondary print-link", href: `#/week/${summary.week_start}/print`,
      "aria-label": t("Print or share this week") }, printIcon(), h("span", { text: t("Print") })));
}

function printIcon() {
  return svg("svg", { class: "icon tiny", viewBox: "0 0 24 24", "aria-hidden": "true", focusable: "false" },
    svg("path", { d: "M7 9V3h10v6M7 17H4v-7a1 1 0 0 1 1-1h14a1 1 0 0 1 1 1v7h-3M7 14h10v7H7z" }));
}

/** Earlier and later weeks, and the way back to this one. */
function weekNav(previous, next, thisWeek, isThisWeek) {
  const arrow = (week, className, label) => (week
    ? h("a", { class: `icon-button week-arrow ${className}`, href: weekHash(week, thisWeek), "aria-label": label(shortDate(week)) }, icon("back"))
    : h("span", { class: `icon-button week-arrow ${className} placeholder`, "aria-hidden": "true" }, icon("back")));
  let middle = h("span", { class: "week-nav-hint", text: previous ? t("Swipe for earlier weeks") : t("Your first week") });
  if (!isThisWeek) middle = h("a", { class: "button small ghost", href: "#/week", text: t("Back to this week") });
  return h("nav", { class: "week-nav", "aria-label": t("Choose a week") },
    arrow(previous, "earlier", (date) => t("Previous week, week of {date}", { date })), middle,
    arrow(next, "later", (date) => t("Next week, week of {date}", { date })));
}

/** A new user with no habits: what the week will show, and the way to the first habit. */
function welcome() {
  return h("section", { class: "card empty-state welcome" },
    h("img", { src: "/icons/icon.svg", alt: "", width: "56", height: "56" }),
    h("h2", { text: t("Your first week starts with one habit") }),
    h("p", { text: t("Each week, this is where your taps turn into evidence: what you did, who it made you, and the next small step.") }),
    h("a", { class: "button primary", href: "#/new", text: t("Choose a starter habit") }));
}

/** A week before any habit started (or with only archived ones). */
function quietWeek(firstWeek, thisWeek, shown) {
  const later = shown < firstWeek;
  return h("section", { class: "card empty-state" },
    h("h2", { text: later ? t("Before your story started") : t("A quiet week") }),
    h("p", { text: later ? t("Your first tracked week began on {date}. Everything since then is here.", { date: shortDate(firstWeek) })
      : t("No habits were tracked this week. That's all right: the next tap starts again.") }),
    h("a", { class: "button secondary", href: weekHash(later ? firstWeek : thisWeek, thisWeek),
      text: later ? t("Go to your first week") : t("Go to this week") }));
}

/** The completion rate of the last 12 weeks, or an encouraging word while there is none. */
function trendCard(history, shown) {
  const hasRates = history.some((week) => week.rate !== null);
  return titledSection(tn("Last {n} week", "Last {n} weeks", TREND_WEEKS), { className: "card chart-card week-trend",
    hint: hasRates ? t("Share of what each week asked for that was done.") : null },
  hasRates ? weeklyTrend(history, { focus: shown })
    : h("p", { class: "chart-empty", text: t("Your trend line starts with your first done day. Each week adds a point.") }));
}

/** A horizontal swipe moves a week back (right swipe) or forward (left swipe). */
function listenForSwipes(screenEl, previous, next, thisWeek) {
  let start = null;
  screenEl.addEventListener("touchstart", (event) => {
    if (event.target.closest("input, textarea, .chart")) return;
    start = { x: event.touches[0].clientX, y: event.touches[0].clientY };
  }, { passive: true });
  screenEl.addEventListener("touchend", (event) => {
    if (start === null) return;
    const dx = event.changedTouches[0].clientX - start.x;
    const dy = event.changedTouches[0].clientY - start.y;
    start = null;
    if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dy) > Math.abs(dx) / 2) return;
    const target = dx > 0 ? previous : next;
    if (target) location.hash = weekHash(target, thisWeek);
  }, { passive: true });
}
