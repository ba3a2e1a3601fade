// Settings → Shares (#/settings/shares, issue 25): a read-only link for someone the user trusts
// (a therapist, a friend) showing only what they choose, until it expires or they end it; each
// share's views (when, which browser). The server refuses a private habit; none is offered.
import * as api from "../api.js";
import * as store from "../store.js";
import { shortDate } from "../dates.js";
import { append, field, h, handleSubmit, onConfirmedClick, screenHeader, showToast, titledSection, uid } from "../dom.js";

const TEXT = {
  title: "Shares",
  linkTitle: "Share with someone you trust",
  linkHint: "A read-only link for a therapist or friend",
  intro: "A share is a read-only link that shows only what you choose: no sign-in, and private habits never. Every view is listed here, and you can end it at any time.",
  listTitle: "Your shares",
  none: "No shares yet.",
  newTitle: "New share",
  name: "Who it is for",
  namePlaceholder: "e.g. Dr. Lee",
  habits: "Habits",
  identities: "Identities (with their habits that are not private)",
  noHabits: "No habits to share yet.",
  parts: "Also show",
  summaries: "Weekly summaries",
  mood: "Mood trend",
  notes: "Notes on the chosen habits",
  weeks: "Weeks shown",
  weeksOption: (n) => `Last ${n} weeks`,
  expiry: "Works for",
  daysOption: (n) => `${n} days`,
  create: "Create link",
  revealed: (name) => `The link for ${name}. Copy it now: it is shown only this once.`,
  copy: "Copy",
  copied: "Copied",
  copyByHand: "Selected: copy it now",
  shareVia: "Share…",
  live: (date) => `Works until ${date}`,
  expired: (date) => `Expired ${date}`,
  revoked: (date) => `Ended ${date}`,
  views: (n) => (n === 1 ? "Opened once" : n ? `Opened ${n} times` : "Not opened yet"),
  viewsTitle: "Views",
  viewLine: (date, time, browser) => `${date} at ${time}, ${browser}`,
  shows: (parts) => `Shows ${parts}`,
  habitCount: (n) => (n === 1 ? "1 habit" : `${n} habits`),
  identityCount: (n) => (n === 1 ? "1 identity" : `${n} identities`),
  revoke: "End share",
  revokeLabel: (name) => `End the share for ${name}`,
  revokeTitle: (name) => `End the share for ${name}?`,
  revokeMessage: "The link stops working at once. Its views stay listed here.",
  revokedToast: "Share ended",
  remove: "Remove",
  removeLabel: (name) => `Remove the share for ${name}`,
  removeTitle: (name) => `Remove the share for ${name}?`,
  removeMessage: "It and its list of views go.",
  removedToast: "Share removed",
};
const WEEKS = [4, 8, 12];
const DAYS = [7, 30, 90];
// The WHO-5 trend (the API's `wellbeing`) joins these once the app can turn the check on and take
// it: until then it would be an empty promise.
const PARTS = ["summaries", "mood", "notes"];

/** The row on Settings that opens this screen. */
export function sharesLink() {
  return h("a", { class: "card link-card", href: "#/settings/shares" },
    h("span", { class: "link-card-text" },
      h("span", { class: "link-card-title", text: TEXT.linkTitle }),
      h("span", { class: "hint", text: TEXT.linkHint })),
    h("span", { class: "link-card-go", "aria-hidden": "true", text: "›" }));
}

/** Renders #/settings/shares. */
export async function render(screenEl) {
  const [shares, habits, identities] = await Promise.all([api.listShares(), api.listHabits(), api.listIdentities()]);
  screenEl.classList.add("screen-shares"); // its tab is Settings': tests and styles find it by this
  let list = shares;
  const listEl = h("ul", { class: "share-list", role: "list" });
  const revealEl = h("div", { class: "share-reveal", hidden: true, role: "status" });
  const paint = () => {
    listEl.replaceChildren(...list.map((share) => shareRow(share, (changed) => {
      revealEl.hidden = true;
      list = changed ? list.map((s) => (s.id === share.id ? changed : s)) : list.filter((s) => s.id !== share.id);
      paint();
    })));
    if (!list.length) listEl.append(h("li", { class: "hint", text: TEXT.none }));
  };
  paint();
  const formEl = shareForm(habits.filter((habit) => !habit.private), identities, (created) => {
    const { url, ...kept } = created; // the list never holds the link
    list = [kept, ...list];
    paint();
    showLink(revealEl, created);
  });
  append(screenEl,
    screenHeader(TEXT.title, { back: { href: "#/settings", label: "Back to Settings" } }),
    h("p", { class: "hint share-intro", text: TEXT.intro }),
    revealEl,
    titledSection(TEXT.listTitle, { className: "card settings-section" }, listEl),
    titledSection(TEXT.newTitle, { className: "card settings-section" }, formEl));
}

function checkboxes(name, items, label) {
  return h("div", { class: "choice-list" }, items.map((item) => {
    const id = uid(`share-${name}`);
    return h("div", { class: "choice-row" },
      h("input", { type: "checkbox", id, name, value: String(item.value), checked: item.checked || false }),
      h("label", { for: id, text: label(item) }));
  }));
}

function select(name, values, label, selected) {
  const el = h("select", { name }, values.map((value) => h("option", { value: String(value), text: label(value) })));
  el.value = String(selected);
  return el;
}

function shareForm(habits, identities, created) {
  const nameEl = h("input", { name: "name", maxlength: "80", placeholder: TEXT.namePlaceholder, autocomplete: "off" });
  const habitsEl = h("fieldset", { class: "field", "data-field": "habit_ids" }, h("legend", { text: TEXT.habits }),
    habits.length ? checkboxes("habit_ids", habits.map((habit) => ({ value: habit.id, name: habit.name })), (i) => i.name)
      : h("p", { class: "hint", text: TEXT.noHabits }));
  const identitiesEl = identities.length ? h("fieldset", { class: "field", "data-field": "identity_ids" },
    h("legend", { text: TEXT.identities }),
    checkboxes("identity_ids", identities.map((i) => ({ value: i.id, name: i.statement })), (i) => i.name)) : null;
  const partsEl = h("fieldset", { class: "field" }, h("legend", { text: TEXT.parts }),
    checkboxes("parts", PARTS.map((part) => ({ value: part, checked: part === "summaries" })), (i) => TEXT[i.value]));
  const weeksEl = select("weeks", WEEKS, TEXT.weeksOption, 4);
  const daysEl = select("expires_in_days", DAYS, TEXT.daysOption, 30);
  const submitEl = h("button", { type: "submit", class: "button primary", text: TEXT.create });
  const formEl = h("form", { novalidate: true, class: "share-form" }, field(TEXT.name, nameEl), habitsEl, identitiesEl,
    partsEl, h("div", { class: "share-selects" }, field(TEXT.weeks, weeksEl), field(TEXT.expiry, daysEl)), submitEl);
  const chosen = (name) => [...formEl.querySelectorAll(`input[name="${name}"]:checked`)].map((el) => el.value);
  handleSubmit(formEl, submitEl, async () => {
    const parts = chosen("parts");
    const share = await api.createShare({
      name: nameEl.value.trim(), habit_ids: chosen("habit_ids").map(Number), identity_ids: chosen("identity_ids").map(Number),
      ...Object.fromEntries(PARTS.map((part) => [part, parts.includes(part)])),
      weeks: Number(weeksEl.value), expires_in_days: Number(daysEl.value) });
    nameEl.value = "";
    formEl.querySelectorAll('input[name="habit_ids"], input[name="identity_ids"]').forEach((el) => { el.checked = false; });
    created(share);
  });
  return formEl;
}

function showLink(revealEl, share) {
  const linkEl = h("input", { readonly: true, value: share.url, "aria-label": `Link for ${share.name}`, class: "secret" });
  const copyEl = h("button", { type: "button", class: "button primary small", text: TEXT.copy });
  copyEl.addEventListener("click", async () => {
    linkEl.select();
    try {
      await navigator.clipboard.writeText(share.url);
      copyEl.textContent = TEXT.copied;
    } catch {
      copyEl.textContent = TEXT.copyByHand;
    }
  });
  const shareEl = navigator.share ? h("button", { type: "button", class: "button secondary small", text: TEXT.shareVia,
    onclick: () => navigator.share({ title: "Orbit", url: share.url }).catch(() => {}) }) : null;
  revealEl.replaceChildren(h("p", { class: "strong", text: TEXT.revealed(share.name) }),
    h("div", { class: "secret-row" }, linkEl, copyEl, shareEl));
  revealEl.hidden = false;
  linkEl.focus();
}

function stateLine(share) {
  const date = (instant) => shortDate(store.dateOf(instant));
  if (share.state === "revoked") return TEXT.revoked(date(share.revoked_at));
  return share.state === "expired" ? TEXT.expired(date(share.expires_at)) : TEXT.live(date(share.expires_at));
}

function showsLine(share) {
  const parts = [];
  if (share.habit_ids.length) parts.push(TEXT.habitCount(share.habit_ids.length));
  if (share.identity_ids.length) parts.push(TEXT.identityCount(share.identity_ids.length));
  for (const part of PARTS) if (share[part]) parts.push(TEXT[part].toLowerCase());
  return TEXT.shows(parts.join(", "));
}

function viewsEl(share) {
  const listEl = h("ul", { class: "share-views", role: "list" });
  const detailsEl = h("details", { class: "share-views-box" }, h("summary", { text: TEXT.views(share.views) }), listEl);
  if (!share.views) return h("p", { class: "hint", text: TEXT.views(0) });
  detailsEl.addEventListener("toggle", async () => {
    if (!detailsEl.open || listEl.childElementCount) return;
    const views = await api.listShareViews(share.id);
    const time = (instant) => new Date(instant).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZone: store.user()?.timezone });
    listEl.replaceChildren(...views.map((view) => h("li", {
      text: TEXT.viewLine(shortDate(store.dateOf(view.at)), time(view.at), view.browser) })));
  });
  return detailsEl;
}

function shareRow(share, changed) {
  const live = share.state === "live";
  const actionEl = h("button", { type: "button", class: "button small danger-ghost",
    text: live ? TEXT.revoke : TEXT.remove, "aria-label": (live ? TEXT.revokeLabel : TEXT.removeLabel)(share.name) });
  onConfirmedClick(actionEl, { title: (live ? TEXT.revokeTitle : TEXT.removeTitle)(share.name), danger: true,
    confirmLabel: live ? TEXT.revoke : TEXT.remove, message: live ? TEXT.revokeMessage : TEXT.removeMessage }, async () => {
    if (live) {
      changed(await api.revokeShare(share.id));
      showToast(TEXT.revokedToast);
    } else {
      await api.deleteShare(share.id);
      changed(null);
      showToast(TEXT.removedToast);
    }
  });
  return h("li", { class: `share-row share-${share.state}` },
    h("div", { class: "share-row-head" },
      h("div", {}, h("p", { class: "share-name", text: share.name }),
        h("p", { class: "hint", text: stateLine(share) }),
        h("p", { class: "hint", text: showsLine(share) })),
      actionEl),
    viewsEl(share));
}
