// Today grouped by identity (an option of this device, set in Settings): a collapsible group per
// identity, habits without one last; which groups are collapsed is remembered on the device.
import * as store from "../store.js";
import { h, titledSection } from "../dom.js";
import { t, tn } from "../i18n.js";

const GROUPED_KEY = "orbit.today.groupByIdentity";
const COLLAPSED_KEY = "orbit.today.collapsedGroups";
const NO_IDENTITY = "none";

let identities = [];

function readStorage(key, fallback) {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : JSON.parse(value);
  } catch {
    return fallback; // storage disabled, or a value this version cannot read
  }
}

function writeStorage(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage may be disabled: the choice then lasts until the app is closed.
  }
}

/** Whether Today is grouped by identity on this device. */
export function groupedByIdentity() {
  return readStorage(GROUPED_KEY, false) === true;
}

export function setGroupedByIdentity(on) {
  writeStorage(GROUPED_KEY, Boolean(on));
}

function collapsedGroups() {
  const kept = readStorage(COLLAPSED_KEY, []);
  return new Set(Array.isArray(kept) ? kept.map(String) : []);
}

function setCollapsed(key, collapsed) {
  const keys = collapsedGroups();
  if (collapsed) keys.add(key);
  else keys.delete(key);
  writeStorage(COLLAPSED_KEY, [...keys]);
}

/** Before a day is drawn: the user's identities, fetched again if the day names one not known
 * yet (made on another device). Nothing when Today is not grouped. */
export async function prepareGroups(day) {
  if (!groupedByIdentity()) return;
  identities = await store.identities();
  const known = new Set(identities.map((identity) => identity.id));
  if (day.habits.some((item) => item.habit.identity_id && !known.has(item.habit.identity_id))) {
    identities = await store.identities(true);
  }
}

/** The day's habits (GET /today items) as one section per identity, in the identities' order,
 * habits without an identity last; null when Today is not grouped. `cardFor(item)` draws a card. */
export function identityGroups(items, cardFor, { isToday = true } = {}) {
  if (!groupedByIdentity()) return null;
  const collapsed = collapsedGroups();
  const groups = identities.map((identity) => ({ key: String(identity.id), identity,
    items: items.filter((item) => item.habit.identity_id === identity.id) }));
  const known = new Set(identities.map((identity) => identity.id));
  groups.push({ key: NO_IDENTITY, identity: null,
    items: items.filter((item) => !known.has(item.habit.identity_id)) });
  return groups.filter((group) => group.items.length)
    .map((group) => groupSection(group, cardFor, collapsed.has(group.key), isToday));
}

function groupSection({ key, identity, items }, cardFor, collapsed, isToday) {
  const due = items.filter((item) => item.due || item.checkin);
  const rest = items.filter((item) => !(item.due || item.checkin));
  const doneCount = due.filter((item) => item.done).length;
  const bodyId = `today-group-${key}`;
  const counts = { done: doneCount, total: due.length };
  const toggleEl = h("button", { type: "button", class: "group-toggle", "aria-expanded": String(!collapsed),
    "aria-controls": bodyId },
  h("span", { class: "dot", "aria-hidden": "true" }),
  h("span", { class: "group-name", text: identity ? identity.statement : t("No identity") }),
  // The count as Today's ring says it: "2/3" drawn, "2 of 3 done" said.
  h("span", { class: "group-count", "aria-hidden": "true", text: due.length ? t("{done}/{total}", counts) : "" }),
  due.length ? h("span", { class: "visually-hidden" }, ", ", tn("{done} of {n} done", "{done} of {n} done", due.length, counts)) : null,
  h("span", { class: "chevron", "aria-hidden": "true" }));
  const bodyEl = h("div", { id: bodyId, class: "group-body", hidden: collapsed },
    due.length ? h("ul", { class: "habit-list", role: "list" }, due.map(cardFor)) : null,
    rest.length ? titledSection(isToday ? t("Not due today") : t("Not due"), { className: "muted-section group-rest",
      headingClass: "section-title subtle" }, h("ul", { class: "habit-list", role: "list" }, rest.map(cardFor))) : null);
  toggleEl.addEventListener("click", () => {
    const open = toggleEl.getAttribute("aria-expanded") !== "true";
    toggleEl.setAttribute("aria-expanded", String(open));
    bodyEl.hidden = !open;
    setCollapsed(key, !open);
  });
  return h("section", { class: `habit-section identity-group${identity ? "" : " no-identity"}`,
    "data-group": key, "--habit": identity ? identity.color : "var(--muted)" },
  h("h2", { class: "group-heading" }, toggleEl), bodyEl);
}

/** The Settings card with the switch that groups Today by identity on this device. */
export function groupingSetting() {
  const switchEl = h("input", { type: "checkbox", role: "switch", id: "group-today",
    "aria-describedby": "group-today-hint", checked: groupedByIdentity() });
  switchEl.addEventListener("change", () => setGroupedByIdentity(switchEl.checked));
  return titledSection(t("Today"), { className: "card settings-section" },
    h("div", { class: "setting-row" },
      h("div", { class: "setting-text" },
        h("label", { for: "group-today", text: t("Group Today by identity") }),
        h("p", { class: "hint", id: "group-today-hint", text: t("Each identity's habits together, habits without one last. Remembered on this device.") })),
      h("span", { class: "switch-wrap" }, switchEl, h("span", { class: "switch-track", "aria-hidden": "true" }))));
}
