// One week on a clean page, to print (A4, see style.css's print rules) or keep as a phone
// screenshot. Private habits are "Private habit" here, as in everything that leaves the app.
import * as api from "../api.js";
import * as store from "../store.js";
import { longDate } from "../dates.js";
import { h } from "../dom.js";
import { amountText, formatNumber, percent, streakText } from "../format.js";
import { planText } from "./habit-plan.js";
import { coachLine, scoreRing, weekRange } from "./week-sections.js";
import { sinceLine } from "./chapters.js";

/** Renders #/week/{date}/print. */
export async function render(screenEl, dateParam) {
  const today = store.today();
  const day = dateParam < today ? dateParam : today;
  // One read, the Week screen's; the server names private habits "Private habit" in every row,
  // sentence and step.
  const { summary, habits, prompt } = await api.getWeekScreen(day, { hidePrivate: true });
  const habitsById = new Map(habits.map((habit) => [habit.id, habit]));
  const back = summary.complete ? `#/week/${summary.week_start}` : "#/week";

  screenEl.append(
    h("div", { class: "print-actions no-print" },
      h("a", { class: "button small secondary", href: back, "aria-label": "Back to the week", text: "Back" }),
      h("button", { type: "button", class: "button small primary", text: "Print or save PDF", onclick: () => window.print() })),
    h("article", { class: "print-sheet" },
      h("header", { class: "print-head" },
        h("img", { src: "/icons/icon.svg", alt: "", width: "40", height: "40" }),
        h("div", {},
          h("p", { class: "brand", text: "Orbit · Weekly summary" }),
          h("h1", { tabindex: "-1", text: weekRange(summary, true) }),
          !summary.complete ? h("p", { class: "subtitle", text: `So far, up to ${longDate(today)}` }) : null)),
      scoreRow(summary),
      h("p", { class: "print-coach", text: coachLine(summary, today) }),
      summary.highlights.length ? printSection("Highlights",
        h("ul", { class: "print-list" }, summary.highlights.map((text) => h("li", { text })))) : null,
      summary.habits.length ? printSection("Habits", habitTable(summary, habitsById))
        : h("p", { class: "hint", text: "No habits were tracked this week." }),
      summary.identities.length ? printSection("Votes for who you're becoming",
        h("ul", { class: "print-list votes-list" }, summary.identities.map((row) => h("li", {},
          h("span", { text: row.statement }),
          h("strong", { text: `${row.votes} ${row.votes === 1 ? "vote" : "votes"}` }),
          h("span", { class: "muted", text: `(${row.previous_votes} the week before)` }))))) : null,
      summary.chapter ? sinceLine(summary.chapter, summary.chapter.votes, summary.chapter.votes_total) : null,
      nextStepsList(summary),
      plansList(summary),
      insights(summary),
      prompt?.answer ? printSection(prompt.question, h("p", { class: "print-answer", text: prompt.answer })) : null,
      h("footer", { class: "print-foot", text: "Made with Orbit: small habits, a steadier you." })));
}

function printSection(title, ...children) {
  return h("section", { class: "print-section" }, h("h2", { text: title }), children);
}

function scoreRow(summary) {
  const { rate, previous_rate: previous, done, scheduled, minutes } = summary.totals;
  const mood = summary.mood;
  const tile = (label, value, note) => h("div", { class: "print-tile" },
    h("p", { class: "print-tile-label", text: label }), h("p", { class: "print-tile-value", text: value }),
    note ? h("p", { class: "print-tile-note", text: note }) : null);
  return h("div", { class: "print-score" },
    scoreRing(rate),
    h("div", { class: "print-tiles" },
      tile("Done", scheduled ? `${done} of ${scheduled}` : "Nothing due", previous === null ? null : `Week before: ${percent(previous)}`),
      tile("Mood", mood.average === null ? "–" : `${formatNumber(Math.round(mood.average * 10) / 10)} / 5`,
        mood.previous_average === null ? null : `Week before: ${formatNumber(Math.round(mood.previous_average * 10) / 10)}`),
      minutes ? tile("Practice", `${formatNumber(minutes)} min`) : null));
}

function habitTable(summary, habitsById) {
  return h("table", { class: "print-habits" },
    h("thead", {}, h("tr", {},
      h("th", { scope: "col", text: "Habit" }), h("th", { scope: "col", text: "Done" }), h("th", { scope: "col", text: "Streak" }))),
    h("tbody", {}, summary.habits.map((row) => {
      const habit = habitsById.get(row.habit_id);
      const monthly = row.month_required !== undefined && row.month_required !== null;
      const [done, required] = monthly ? [row.month_done, row.month_required] : [row.done, row.scheduled];
      const amount = habit?.kind === "build" && habit.measure !== "check" && row.value_total && !habit.private
        ? amountText(row.value_total, habit) : null;
      return h("tr", { "--habit": habit?.private ? null : habit?.color || null },
        h("th", { scope: "row" },
          h("span", { class: "print-habit-name", text: row.name }),
          h("span", { class: "week-bar", "aria-hidden": "true" },
            h("span", { style: { width: `${required ? Math.round(Math.min(1, done / required) * 100) : 0}%` } }))),
        h("td", {}, h("span", { text: required ? `${done} of ${required}` : "–" }),
          monthly ? h("span", { class: "muted", text: " this month" }) : null,
          amount ? h("span", { class: "print-amount", text: amount }) : null),
        h("td", { text: `${streakText(row.streak.current, row.streak.unit)}${row.record ? " · record" : ""}` }));
    })));
}

function nextStepsList(summary) {
  const steps = summary.habits.filter((row) => row.suggestion);
  if (!steps.length) return null;
  return printSection("Next small steps",
    h("ul", { class: "print-list" }, steps.map((row) => h("li", { text: row.suggestion.text }))));
}

/** The if-then plans of habits whose week went hard (the server sends no private one here). */
function plansList(summary) {
  const rows = summary.habits.filter((row) => row.plan);
  if (!rows.length) return null;
  return printSection("Plans to lean on",
    h("ul", { class: "print-list" }, rows.map((row) => h("li", { text: `${row.name}: ${planText(row.plan)}` }))));
}

/** Mood links (the server leaves out those of private habits, as in the email). */
function insights(summary) {
  const shown = summary.insights;
  if (!shown.length) return null;
  return printSection("What goes with a good day",
    h("ul", { class: "print-list" }, shown.map((insight) => h("li", { text: insight.text }))));
}
