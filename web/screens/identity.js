// One identity, watched as it grows: its statement, its habits, votes per week for 26 weeks,
// this month against last, and the latest evidence (done days with their notes).
import * as api from "../api.js";
import * as store from "../store.js";
import { formatDate, shortDate } from "../dates.js";
import { append, h, screenHeader, titledSection } from "../dom.js";
import { amountText } from "../format.js";
import { votesBars } from "../charts-votes.js";
import { miniHabit } from "./identities.js";
import { sinceLine } from "./chapters.js";
import { formatNumber, locale, t, tc, tn } from "../i18n.js";

const WEEKS = 26;
const EVIDENCE = 10;

/** Renders #/identities/{id}. */
export async function render(screenEl, identityId) {
  const [identity, votes, evidence, habits] = await Promise.all([
    api.getIdentity(identityId), api.getIdentityVotes(identityId, WEEKS),
    api.getIdentityEvidence(identityId, EVIDENCE), api.listHabits("all")]);
  const own = habits.filter((habit) => habit.identity_id === identity.id);
  screenEl.style.setProperty("--habit", identity.color);
  screenEl.classList.add("identity-screen");
  // Each call apart: Babel's extractor does not see a call inside another's arguments.
  const total = tn("{n} vote in total", "{n} votes in total", identity.votes_total);
  const week = tc("votes", "{n} this week", { n: identity.votes_this_week });
  append(screenEl,
    screenHeader(identity.statement, {
      back: { href: "#/identities", label: t("Back to Identities") },
      subtitle: t("{total} · {week}", { total, week }),
    }),
    // Since the current chapter beside all time (GET /identities/{id}/votes `chapter`)
    votes.chapter ? h("div", { class: "card since-card" }, sinceLine(votes.chapter, votes.chapter.votes, identity.votes_total)) : null,
    titledSection(t("Votes, week by week"), { className: "card chart-card identity-votes",
      hint: tn("The last {n} week. Every done day of its habits is a vote; a quit habit's kept days count too.",
        "The last {n} weeks. Every done day of its habits is a vote; a quit habit's kept days count too.", WEEKS) },
    votesBars(votes.weeks)),
    monthCard(votes),
    habitsCard(identity, own),
    evidenceCard(evidence));
}

/** This month so far against last month: to the same day of the month, and in full. */
export function monthSentence({ this_month: now, last_month: last, last_month_to_date: toDate, as_of: asOf }) {
  const lastName = formatDate(previousMonth(asOf), { month: "long" });
  const lastDay = new Date(Date.UTC(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)) - 1, 0)).getUTCDate();
  // Whole sentences, one for each way the months compare: the language's word order and plural.
  const params = { month: lastName, before: toDate, day: ordinal(Math.min(Number(asOf.slice(8, 10)), lastDay)), total: last };
  if (!last) return tn("{n} vote so far this month; none in {month}.", "{n} votes so far this month; none in {month}.", now, params);
  if (now > toDate) {
    return tn("{n} vote so far this month: ahead of {month} ({before} by the {day}, {total} in all).",
      "{n} votes so far this month: ahead of {month} ({before} by the {day}, {total} in all).", now, params);
  }
  if (now < toDate) {
    return tn("{n} vote so far this month: behind {month} ({before} by the {day}, {total} in all).",
      "{n} votes so far this month: behind {month} ({before} by the {day}, {total} in all).", now, params);
  }
  return tn("{n} vote so far this month: level with {month} ({before} by the {day}, {total} in all).",
    "{n} votes so far this month: level with {month} ({before} by the {day}, {total} in all).", now, params);
}

function previousMonth(iso) {
  const date = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - 1);
  return date.toISOString().slice(0, 10);
}

/** A day of the month as an ordinal ("7th"), by the language's ordinal rules (Intl.PluralRules). */
function ordinal(n) {
  const form = new Intl.PluralRules(locale(), { type: "ordinal" }).select(n);
  if (form === "one") return tc("ordinal, one (1st, 21st)", "{n}st", { n });
  if (form === "two") return tc("ordinal, two (2nd, 22nd)", "{n}nd", { n });
  if (form === "few") return tc("ordinal, few (3rd, 23rd)", "{n}rd", { n });
  return tc("ordinal, other (4th, 11th)", "{n}th", { n });
}

function monthCard(votes) {
  const now = votes.this_month;
  const before = votes.last_month_to_date;
  return titledSection(t("This month against last"), { className: "card month-card" },
    h("div", { class: "votes" },
      h("p", {}, h("strong", { text: formatNumber(now) }), h("span", { text: " " + tc("votes", "this month") })),
      h("p", {}, h("strong", { text: formatNumber(before) }), h("span", { text: " " + tc("votes", "same days last month") }))),
    h("p", { class: "month-sentence", text: monthSentence(votes) }));
}

function habitsCard(identity, habits) {
  const active = habits.filter((habit) => !habit.archived);
  const archived = habits.filter((habit) => habit.archived);
  return titledSection(t("Its habits"), { className: "card habit-group" },
    habits.length
      ? h("ul", { class: "mini-habits", role: "list", "aria-label": t("Habits for “{identity}”", { identity: identity.statement }) },
        [...active, ...archived].map((habit) => {
          const itemEl = miniHabit(habit);
          if (habit.archived) itemEl.querySelector(".mini-meta").textContent = t("Archived");
          return itemEl;
        }))
      : h("p", { class: "hint", text: t("No habits yet: give it one from New habit.") }));
}

function evidenceCard(evidence) {
  return titledSection(t("Latest evidence"), { className: "card notes-card evidence-card" },
    evidence.length
      ? h("ol", { class: "notes evidence", role: "list" }, evidence.map((entry) => h("li", { "--habit": entry.habit.color },
        h("p", { class: "evidence-line" },
          h("time", { datetime: entry.date, text: dayText(entry.date) }),
          h("a", { href: `#/habit/${entry.habit.id}` }, h("span", { class: "dot", "aria-hidden": "true" }),
            h("span", { text: entry.habit.name })),
          h("span", { class: "evidence-what", text: whatText(entry) })),
        entry.note ? h("p", { class: "note-text", text: entry.note }) : null)))
      : h("p", { class: "hint", text: t("No done days yet. The first one shows here, with its note.") }));
}

function dayText(iso) {
  const today = store.today();
  if (iso === today) return t("Today, {date}", { date: shortDate(iso) });
  return formatDate(iso, { weekday: "short", day: "numeric", month: "short",
    year: iso.slice(0, 4) === today.slice(0, 4) ? undefined : "numeric" });
}

/** Done, an amount, or kept (a quit habit's day within its limit). */
function whatText({ habit, value }) {
  if (habit.kind === "quit") return tc("a quit habit's day", "Kept");
  if (habit.measure === "check") return tc("a day's status", "Done");
  return amountText(value ?? 0, habit);
}
