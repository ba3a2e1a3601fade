// The journal (issue 25): every note the user wrote, check-ins' and the days' reflections', newest
// first, searched and filtered by the server (GET /journal), a page at a time. A note opens its
// day on Today. The search and the filters live in the address (#/journal?q=...), so Back from a
// day comes back to the same results.
import * as api from "../api.js";
import { formatDate } from "../dates.js";
import { append, h, screenHeader, uid } from "../dom.js";
import { t, tc, tn } from "../i18n.js";
import { historyNav } from "./history-nav.js";

const SEARCH_DELAY_MS = 350;
const FILTERS = ["habit_id", "identity_id", "mood"];
// Getters: each word is the catalogue's for the language on show when it is drawn.
const TEXT = {
  get title() { return t("Journal"); },
  get search() { return t("Search your notes"); },
  get searchHint() { return t("\"Words in quotes\" find a phrase; -word leaves a word out."); },
  get searchButton() { return t("Search"); },
  get filters() { return t("Show only"); },
  get habit() { return t("Habit"); },
  get anyHabit() { return tc("journal filter: every habit", "All"); },
  get identity() { return t("Identity"); },
  get anyIdentity() { return tc("journal filter: every identity", "All"); },
  get mood() { return t("Mood"); },
  get anyMood() { return tc("journal filter: any mood", "Any"); },
  get reflection() { return t("The day's reflection"); },
  get more() { return t("Load more notes"); },
  get none() { return t("No notes yet. A note written with a check-in or with the day's mood will gather here."); },
  get noneFiltered() { return t("No notes with these choices. Try another habit, identity or mood."); },
  get clear() { return t("Show every note"); },
};
const MOOD_WORDS = () => [t("Rough"), t("Low"), t("Okay"), t("Good"), t("Great")];

/** The address of the journal with these choices ({q, habit_id, identity_id, mood}). */
export function journalHash(choices = {}) {
  const params = new URLSearchParams();
  for (const key of ["q", ...FILTERS]) if (choices[key]) params.set(key, choices[key]);
  const query = params.toString();
  return query ? `#/journal?${query}` : "#/journal";
}

/** Renders #/journal and #/journal?q=...&habit_id=...&identity_id=...&mood=... */
export async function render(screenEl, queryString) {
  const params = new URLSearchParams(queryString || "");
  const choices = { q: (params.get("q") || "").trim() };
  for (const key of FILTERS) choices[key] = /^\d{1,9}$/.test(params.get(key) || "") ? params.get(key) : "";
  const [habits, identities] = await Promise.all([api.listHabits("all"), api.listIdentities()]);
  // An address naming a habit or identity that is not (or no longer) there shows every note.
  if (choices.habit_id && !habits.some((habit) => String(habit.id) === choices.habit_id)) choices.habit_id = "";
  if (choices.identity_id && !identities.some((each) => String(each.id) === choices.identity_id)) choices.identity_id = "";
  if (choices.mood && !(Number(choices.mood) >= 1 && Number(choices.mood) <= 5)) choices.mood = "";
  const first = await api.getJournal(queryOf(choices));

  const listEl = h("ul", { class: "journal-entries", role: "list" });
  const statusEl = h("p", { class: "hint journal-status", role: "status" });
  const moreSlotEl = h("div", { class: "journal-more" });
  let asked = 0;

  const show = (page, { adding = false } = {}) => {
    const rows = page.entries.map(entryRow);
    if (adding) listEl.append(...rows);
    else listEl.replaceChildren(...rows);
    const count = listEl.children.length;
    statusEl.textContent = statusText(choices, count, page.next_cursor !== null);
    statusEl.classList.toggle("journal-empty", count === 0);
    moreSlotEl.replaceChildren();
    if (page.next_cursor !== null) moreSlotEl.append(moreButton(page.next_cursor));
    if (!count && (choices.q || FILTERS.some((key) => choices[key]))) {
      moreSlotEl.append(h("a", { class: "button secondary", href: "#/journal", text: TEXT.clear }));
    }
    return rows;
  };
  const moreButton = (cursor) => {
    const buttonEl = h("button", { type: "button", class: "button secondary block", text: TEXT.more });
    buttonEl.addEventListener("click", async () => {
      buttonEl.setAttribute("aria-busy", "true");
      buttonEl.disabled = true;
      const mine = asked;
      try {
        const page = await api.getJournal({ ...queryOf(choices), before: cursor });
        if (mine !== asked) return; // a new search has replaced the list
        const rows = show(page, { adding: true });
        rows[0]?.querySelector("a")?.focus(); // the button is gone or moved: go on reading here
      } catch (error) {
        buttonEl.disabled = false;
        buttonEl.removeAttribute("aria-busy");
        statusEl.textContent = error.message;
      }
    });
    return buttonEl;
  };
  /** Reads the first page for the choices made, and keeps them in the address. */
  const ask = async () => {
    const mine = ++asked;
    history.replaceState(null, "", journalHash(choices));
    try {
      const page = await api.getJournal(queryOf(choices));
      if (mine === asked && screenEl.isConnected) show(page);
    } catch (error) {
      if (mine === asked) statusEl.textContent = error.message;
    }
  };

  append(screenEl,
    screenHeader(TEXT.title),
    historyNav("journal"),
    searchForm(choices, ask),
    filterBar(choices, habits, identities, ask),
    h("section", { class: "journal-results", "aria-label": TEXT.title }, statusEl, listEl, moreSlotEl));
  show(first);
}

function queryOf(choices) {
  const query = {};
  for (const key of ["q", ...FILTERS]) if (choices[key]) query[key] = choices[key];
  return query;
}

function statusText(choices, count, more) {
  if (!count) return choices.q || FILTERS.some((key) => choices[key]) ? TEXT.noneFiltered : TEXT.none;
  if (!choices.q) return "";
  return more
    ? tn("The first {n} note found for “{words}”", "The first {n} notes found for “{words}”", count, { words: choices.q })
    : tn("{n} note found for “{words}”", "{n} notes found for “{words}”", count, { words: choices.q });
}

/** The search box: it searches a moment after typing stops, and at once on Enter. */
function searchForm(choices, ask) {
  const inputId = uid("journal-q");
  const hintId = uid("journal-hint");
  const inputEl = h("input", { type: "search", id: inputId, name: "q", value: choices.q, maxlength: "200",
    autocomplete: "off", enterkeyhint: "search", "aria-describedby": hintId });
  let timer = null;
  const run = () => {
    clearTimeout(timer);
    const words = inputEl.value.trim();
    if (words === choices.q) return;
    choices.q = words;
    ask();
  };
  inputEl.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, SEARCH_DELAY_MS);
  });
  const formEl = h("form", { class: "card journal-search", role: "search", novalidate: true },
    h("label", { for: inputId, text: TEXT.search }),
    h("div", { class: "journal-search-row" }, inputEl,
      h("button", { type: "submit", class: "button primary", text: TEXT.searchButton })),
    h("p", { class: "hint", id: hintId, text: TEXT.searchHint }));
  formEl.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
    inputEl.blur(); // the phone's keyboard gives way to the results
  });
  return formEl;
}

/** Habit, identity and mood. A habit or an identity shows check-ins' notes and a mood shows
 * reflections, so choosing one side clears the other: together they could find nothing. */
function filterBar(choices, habits, identities, ask) {
  const select = (name, label, anyLabel, options) => {
    const id = uid(`journal-${name}`);
    const selectEl = h("select", { id, name },
      h("option", { value: "", text: anyLabel }),
      options.map(([value, text]) => h("option", { value: String(value), text })));
    selectEl.value = choices[name];
    return [h("div", { class: "journal-filter" }, h("label", { for: id, text: label }), selectEl), selectEl];
  };
  const [habitEl, habitSelectEl] = select("habit_id", TEXT.habit, TEXT.anyHabit, habits.map((habit) => [habit.id, habit.name]));
  const [identityEl, identitySelectEl] = select("identity_id", TEXT.identity, TEXT.anyIdentity,
    identities.map((identity) => [identity.id, identity.statement]));
  const [moodEl, moodSelectEl] = select("mood", TEXT.mood, TEXT.anyMood,
    [5, 4, 3, 2, 1].map((value) => [value, MOOD_WORDS()[value - 1]]));
  const changed = (selectEl) => {
    choices[selectEl.name] = selectEl.value;
    if (selectEl === moodSelectEl && selectEl.value) {
      choices.habit_id = habitSelectEl.value = "";
      choices.identity_id = identitySelectEl.value = "";
    } else if (selectEl !== moodSelectEl && selectEl.value) {
      choices.mood = moodSelectEl.value = "";
    }
    ask();
  };
  for (const selectEl of [habitSelectEl, identitySelectEl, moodSelectEl]) {
    selectEl.addEventListener("change", () => changed(selectEl));
  }
  return h("fieldset", { class: "journal-filters" },
    h("legend", { class: "visually-hidden", text: TEXT.filters }),
    habitEl, identityEl, moodEl);
}

/** A note: its day, what it belongs to, and its words (the server's snippet when searched, the
 * found words marked; each piece is text, never HTML). */
function entryRow(entry) {
  const thisYear = String(new Date().getFullYear());
  const day = formatDate(entry.day, { weekday: "short", day: "numeric", month: "short",
    year: entry.day.startsWith(thisYear) ? undefined : "numeric" });
  const owner = entry.kind === "reflection"
    ? [h("span", { class: `history-dot px-mood-${entry.mood}`, "aria-hidden": "true" }),
      h("strong", { class: "journal-owner", text: entry.mood
        ? t("{reflection} · {mood}", { reflection: TEXT.reflection, mood: MOOD_WORDS()[entry.mood - 1] })
        : TEXT.reflection })]
    : [h("strong", { class: "journal-owner", text: entry.habit?.name || "" })];
  const words = entry.snippet
    ? entry.snippet.map((piece) => (piece.match ? h("mark", { text: piece.text }) : piece.text))
    : entry.note;
  return h("li", {},
    h("a", { class: `journal-entry journal-${entry.kind}`, href: `#/today/${entry.day}`, "data-date": entry.day },
      h("span", { class: "journal-entry-day", text: day }),
      h("span", { class: "journal-entry-head" }, owner),
      h("span", { class: "journal-note" }, words)));
}
