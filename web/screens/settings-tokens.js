// Settings → API tokens: the user's tokens, and a new one with full access (scripts, Home
// Assistant) or limited to logging chosen habits (a phone shortcut: it can read nothing).
import * as api from "../api.js";
import * as store from "../store.js";
import { shortDate } from "../dates.js";
import { field, h, handleSubmit, onConfirmedClick, showToast, titledSection, uid } from "../dom.js";
import { radioValue, segmented } from "./fields.js";
import { listed } from "../format.js";
import { t } from "../i18n.js";

// Getters and functions: each word is the catalogue's for the language on show when it is drawn.
const TEXT = {
  get title() { return t("API tokens"); },
  get hint() { return t("For scripts, shortcuts and Home Assistant: send “Authorization: Bearer <token>”."); },
  get none() { return t("No tokens. Create one for a script or a phone shortcut."); },
  get label() { return t("Token label"); },
  get placeholder() { return t("e.g. Phone shortcut"); },
  get access() { return t("What it can do"); },
  get full() { return t("Everything"); },
  get fullHint() { return t("Scripts, Home Assistant"); },
  get checkins() { return t("Log chosen habits"); },
  get checkinsHint() { return t("A phone shortcut: reads nothing"); },
  get habits() { return t("Habits it may log"); },
  get noHabits() { return t("No habits yet. Make one first."); },
  get pickOne() { return t("Choose at least one habit for it to log."); },
  get create() { return t("Create token"); },
  get copy() { return t("Copy"); },
  get copied() { return t("Copied"); },
  get copyByHand() { return t("Selected: copy it now"); },
  revealed: (name) => t("Your new token “{name}”. Copy it now: it won't be shown again.", { name }),
  get logWith() { return t("A shortcut logs today with PUT (and undoes with DELETE), body {} or {\"value\": 20}:"); },
  get recipes() { return t("Recipes for iOS Shortcuts, Android and Home Assistant: “Log from anywhere” in Orbit's README."); },
  get fullAccess() { return t("Full access"); },
  logs: (names) => t("Logs {habits}", { habits: names }),
  get noneLeft() { return t("Logs nothing: its habits were deleted"); },
  habitNumber: (id) => t("habit {id}", { id: String(id) }),
  created: (date, used) => t("Created {date}, {used}", { date, used }),
  lastUsed: (date) => t("last used {date}", { date }),
  get neverUsed() { return t("never used"); },
  get revoke() { return t("Revoke"); },
  revokeLabel: (name) => t("Revoke {name}", { name }),
  revokeTitle: (name) => t("Revoke “{name}”?", { name }),
  get revokeMessage() { return t("Scripts using it stop working at once."); },
  get revokedToast() { return t("Token revoked"); },
};

/** The section: the tokens as GET /tokens lists them, and the form of a new one. */
export function tokensSection(initialTokens) {
  let tokens = initialTokens; // what the server has, oldest first, as GET /tokens lists them
  let habits = null; // the user's habits, archived ones too, once read (read again after a failure)
  const habitsRead = () => (habits ||= api.listHabits("all").catch((error) => {
    habits = null;
    throw error;
  }));
  const listEl = h("ul", { class: "token-list", role: "list" });
  const revealEl = h("div", { class: "token-reveal", hidden: true, role: "status" });
  const paintList = async () => {
    // Unreadable just now (offline, with nothing kept): the rows say how many habits instead.
    const named = tokens.some((token) => token.habit_ids) ? await habitsRead().catch(() => []) : [];
    listEl.replaceChildren(...tokens.map((token) => tokenRow(token, named, () => {
      revealEl.hidden = true; // never leave a revoked token's secret on screen
      tokens = tokens.filter((kept) => kept.id !== token.id);
      paintList();
    })));
    if (!tokens.length) listEl.append(h("li", { class: "hint", text: TEXT.none }));
  };
  const nameEl = h("input", { name: "name", maxlength: "80", placeholder: TEXT.placeholder, autocomplete: "off" });
  const accessEl = segmented("scope", TEXT.access, [
    { value: "full", label: TEXT.full, hint: TEXT.fullHint },
    { value: "checkins", label: TEXT.checkins, hint: TEXT.checkinsHint }], "full");
  const pickerEl = h("fieldset", { class: "field", "data-field": "habit_ids", hidden: true },
    h("legend", { text: TEXT.habits }));
  const submitEl = h("button", { type: "submit", class: "button primary", text: TEXT.create });
  const formEl = h("form", { novalidate: true }, field(TEXT.label, nameEl), accessEl, pickerEl, submitEl);
  accessEl.addEventListener("change", async () => {
    const scoped = radioValue(formEl, "scope") === "checkins";
    pickerEl.hidden = !scoped;
    if (!scoped || pickerEl.querySelector(".choice-list, .hint")) return;
    const habits = await habitsRead().catch(() => null);
    if (!habits) return; // offline with nothing kept: picking again tries again
    if (!pickerEl.querySelector(".choice-list, .hint")) pickerEl.append(habitChoices(habits));
  });
  handleSubmit(formEl, submitEl, async () => {
    const scoped = radioValue(formEl, "scope") === "checkins";
    const habitIds = [...pickerEl.querySelectorAll("input:checked")].map((el) => Number(el.value));
    if (scoped && !habitIds.length) {
      throw new api.ApiError({ status: 422, code: "validation_error", message: TEXT.pickOne,
        fields: { habit_ids: [TEXT.pickOne] } });
    }
    const created = await api.createToken(nameEl.value.trim(), scoped ? habitIds : null);
    nameEl.value = "";
    pickerEl.querySelectorAll("input:checked").forEach((el) => { el.checked = false; });
    const { token: _secret, ...listed } = created; // the list never holds a secret
    tokens = [...tokens, { ...listed, last_used_at: null }];
    await paintList();
    showSecret(revealEl, created, scoped ? await habitsRead().catch(() => []) : []);
  });
  paintList();
  return titledSection(TEXT.title, { className: "card settings-section", hint: TEXT.hint }, revealEl, listEl, formEl);
}

/** A checkbox per habit that is not archived, in Today's order. */
function habitChoices(habits) {
  const active = habits.filter((habit) => !habit.archived);
  if (!active.length) return h("p", { class: "hint", text: TEXT.noHabits });
  return h("div", { class: "choice-list" }, active.map((habit) => {
    const id = uid("token-habit");
    return h("div", { class: "choice-row" },
      h("input", { type: "checkbox", id, name: "habit_ids", value: String(habit.id) }),
      h("label", { for: id, text: habit.name }));
  }));
}

function showSecret(revealEl, created, habits) {
  const secretEl = h("input", { readonly: true, value: created.token, "aria-label": t("Token for {name}", { name: created.name }), class: "secret" });
  const copyEl = h("button", { type: "button", class: "button primary small", text: TEXT.copy });
  copyEl.addEventListener("click", async () => {
    secretEl.select();
    try {
      await navigator.clipboard.writeText(created.token);
      copyEl.textContent = TEXT.copied;
    } catch {
      copyEl.textContent = TEXT.copyByHand;
    }
  });
  // Where a shortcut sends its tap: each habit's day, today's date at the end.
  const urls = (created.habit_ids || []).map((id) => {
    const habit = habits.find((each) => each.id === id);
    return h("li", {}, h("span", { class: "strong", text: t("{habit}:", { habit: habit?.name ?? String(id) }) + " " }),
      h("code", { class: "secret", style: { overflowWrap: "anywhere" }, text: `${location.origin}/api/v1/habits/${id}/checkins/${store.today()}` }));
  });
  revealEl.replaceChildren(
    h("p", { class: "strong", text: TEXT.revealed(created.name) }),
    h("div", { class: "secret-row" }, secretEl, copyEl),
    ...(urls.length ? [h("p", { class: "hint", text: TEXT.logWith }), h("ul", { class: "token-list", role: "list" }, urls),
      h("p", { class: "hint", text: TEXT.recipes })] : []));
  revealEl.hidden = false;
}

function tokenRow(token, habits, removed) {
  const revokeEl = h("button", { type: "button", class: "button small danger-ghost", text: TEXT.revoke, "aria-label": TEXT.revokeLabel(token.name) });
  onConfirmedClick(revokeEl, { title: TEXT.revokeTitle(token.name), danger: true, confirmLabel: TEXT.revoke,
    message: TEXT.revokeMessage }, async () => {
    await api.revokeToken(token.id);
    showToast(TEXT.revokedToast);
    removed();
  });
  // Instants are UTC: the day shown is the user's day (as Today counts it), not UTC's.
  const used = token.last_used_at ? TEXT.lastUsed(shortDate(store.dateOf(token.last_used_at))) : TEXT.neverUsed;
  const names = (token.habit_ids || []).map((id) => habits.find((habit) => habit.id === id)?.name ?? TEXT.habitNumber(id));
  const access = !token.habit_ids ? TEXT.fullAccess : names.length ? TEXT.logs(listed(names)) : TEXT.noneLeft;
  return h("li", { class: "token-row" },
    h("div", {}, h("p", { class: "token-name", text: token.name }),
      h("p", { class: "hint token-access", text: access }),
      h("p", { class: "hint", text: TEXT.created(shortDate(store.dateOf(token.created_at)), used) })),
    revokeEl);
}
