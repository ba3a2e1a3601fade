// Identities: each statement with its habits and its votes; add, edit, delete; archived habits.
import * as api from "../api.js";
import * as store from "../store.js";
import { append, field, h, handleSubmit, onConfirmedClick, screenHeader, showFormError, showToast, titledSection } from "../dom.js";
import { scheduleText } from "../format.js";
import { colorPicker, radioValue } from "./fields.js";
import { habitBulk } from "./habit-bulk.js";
import { chaptersSection, sinceLine } from "./chapters.js";
import { formatNumber, t, tc, tn } from "../i18n.js";

/** Renders #/identities (into `screenEl`; a redraw renders off-screen, then into `liveEl`, the
 * screen itself, so that a second change redraws the screen and not the detached copy). */
export async function render(screenEl, liveEl = screenEl) {
  const [identities, habits, archived, since, chaptersEl] = await Promise.all([
    store.identities(true), api.listHabits("false"), api.listHabits("true"),
    api.getChapterEvidence().catch(() => null), chaptersSection(() => rerender()).catch(() => null)]);
  const rerender = async () => {
    const freshEl = h("div");
    await render(freshEl, liveEl);
    liveEl.replaceChildren(...freshEl.childNodes);
    liveEl.querySelector("h1").focus(); // the control that had focus is gone
  };
  const loose = habits.filter((habit) => !identities.some((identity) => identity.id === habit.identity_id));

  append(screenEl,
    screenHeader(t("Identities"), { subtitle: t("Every done day is a vote for who you are becoming.") }),
    identities.length
      ? h("ul", { class: "identity-list", role: "list" }, identities.map((identity) =>
        identityCard(identity, habits.filter((habit) => habit.identity_id === identity.id), rerender, since)))
      : h("p", { class: "card empty-note", text: t("No identities yet. Write one below, or pick a starter habit: it brings its identity along.") }),
    addIdentityForm(rerender),
    chaptersEl,
    loose.length ? habitGroup(t("Habits without an identity"), loose) : null,
    archived.length ? habitGroup(t("Archived habits"), archived, t("Open one and use Restore to bring it back.")) : null,
    habitBulk(habits, archived, rerender));
}

function identityCard(identity, habits, rerender, since) {
  const headingId = `identity-${identity.id}`;
  const cardEl = h("li", { class: "card identity-card", "--habit": identity.color, "aria-labelledby": headingId });
  const editEl = h("button", { type: "button", class: "button small ghost", "aria-label": t("Edit “{identity}”", { identity: identity.statement }),
    "aria-expanded": "false", text: t("Edit") });
  const editFormEl = identityForm(identity, rerender);
  editFormEl.hidden = true;
  editEl.addEventListener("click", () => {
    editFormEl.hidden = !editFormEl.hidden;
    editEl.setAttribute("aria-expanded", String(!editFormEl.hidden));
    if (!editFormEl.hidden) editFormEl.querySelector("input")?.focus();
  });
  append(cardEl, // dom.js skips the null of a user with no chapter (Element.append wrote "null")
    h("div", { class: "identity-head" },
      h("h2", { id: headingId, class: "statement" },
        h("a", { href: `#/identities/${identity.id}`, class: "statement-link", text: identity.statement })), editEl),
    h("div", { class: "votes" },
      voteCount(identity.votes_this_week, "week"),
      voteCount(identity.votes_total, "total")),
    sinceLine(since?.chapter, since?.identities.find((each) => each.identity_id === identity.id)?.votes, identity.votes_total),
    habits.length
      ? h("ul", { class: "mini-habits", role: "list", "aria-label": t("Habits for “{identity}”", { identity: identity.statement }) },
        habits.map((habit) => miniHabit(habit)))
      : h("p", { class: "hint", text: t("No habits yet: give it one from New habit.") }),
    editFormEl);
  return cardEl;
}

/** "6 this week" on screen, "6 votes this week" for a screen reader (one sentence each: the
 * language's plural and order). `when`: "week" or "total". */
function voteCount(count, when) {
  const n = count ?? 0;
  const spoken = when === "week" ? tn("{n} vote this week", "{n} votes this week", n) : tn("{n} vote in total", "{n} votes in total", n);
  return h("p", {}, h("span", { class: "visually-hidden", text: spoken }),
    h("span", { "aria-hidden": "true" }, h("strong", { text: formatNumber(n) }),
      " ", when === "week" ? tc("votes", "this week") : tc("votes", "in total")));
}

/** A habit as a link to its screen, with its schedule. */
export function miniHabit(habit) {
  return h("li", {}, h("a", { href: `#/habit/${habit.id}`, class: "mini-habit", "--habit": habit.color },
    h("span", { class: "dot", "aria-hidden": "true" }),
    h("span", { class: "mini-name", text: habit.name }),
    h("span", { class: "mini-meta", text: habit.kind === "quit" ? t("Quit") : scheduleText(habit.schedule) })));
}

function habitGroup(title, habits, hint) {
  return titledSection(title, { className: "card habit-group", headingClass: "section-title", hint },
    h("ul", { class: "mini-habits", role: "list" }, habits.map(miniHabit)));
}

/** The edit form of one identity, with delete. */
function identityForm(identity, rerender) {
  const statementEl = h("input", { name: "statement", maxlength: "140", required: true, value: identity.statement });
  const saveEl = h("button", { type: "submit", class: "button primary", text: t("Save identity") });
  const deleteEl = h("button", { type: "button", class: "button danger", text: t("Delete identity") });
  const formEl = h("form", { class: "identity-form", novalidate: true },
    field(t("Statement"), statementEl), colorPicker("color", identity.color),
    h("div", { class: "panel-actions" }, saveEl, deleteEl));
  handleSubmit(formEl, saveEl, async () => {
    await api.updateIdentity(identity.id, { statement: statementEl.value.trim(), color: radioValue(formEl, "color") });
    showToast(t("Identity saved"));
    await rerender();
  });
  onConfirmedClick(deleteEl, { title: t("Delete this identity?"), danger: true, confirmLabel: t("Delete"),
    message: t("“{identity}” goes; its habits and their history stay, without an identity.", { identity: identity.statement }) }, async () => {
    await api.deleteIdentity(identity.id);
    showToast(t("Identity deleted"));
    await rerender();
  }, (error) => showFormError(formEl, error));
  return formEl;
}

function addIdentityForm(rerender) {
  const statementEl = h("input", { name: "statement", maxlength: "140", placeholder: t("I am someone who…"), autocomplete: "off" });
  const addEl = h("button", { type: "submit", class: "button primary", text: t("Add identity") });
  const formEl = h("form", { class: "card identity-form add-identity", novalidate: true },
    h("h2", { class: "section-title", text: t("Who are you becoming?") }),
    field(t("New identity"), statementEl, t("One sentence, in your own words.")),
    colorPicker("color", null),
    addEl);
  handleSubmit(formEl, addEl, async () => {
    await api.createIdentity({ statement: statementEl.value.trim(), color: radioValue(formEl, "color") });
    showToast(t("Identity added"));
    await rerender();
  });
  return formEl;
}

