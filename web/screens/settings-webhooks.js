// Settings → Webhooks: addresses of the user's own automations (Home Assistant, n8n, a script)
// that Orbit tells of check-ins, completed days and weekly summaries, signed with a secret of
// their own (Standard Webhooks). Add one, see how its last delivery went, test or remove it.
import * as api from "../api.js";
import * as store from "../store.js";
import { shortDate } from "../dates.js";
import { field, h, handleSubmit, onConfirmedClick, showToast, titledSection, uid } from "../dom.js";
import { t, tc } from "../i18n.js";

// `label` on the form, `short` in the list of webhooks.
// Getters: each word is the catalogue's for the language on show when it is drawn.
const EVENTS = [
  { value: "checkin.logged", get label() { return t("A check-in is logged"); }, get short() { return t("check-ins"); } },
  { value: "checkin.deleted", get label() { return t("A check-in is removed"); }, get short() { return t("removals"); } },
  { value: "day.completed", get label() { return t("Everything due today is done"); }, get short() { return t("days done"); } },
  { value: "summary.ready", get label() { return t("The weekly summary is ready"); }, get short() { return t("weekly summary"); } },
];

const TEXT = {
  get title() { return t("Webhooks"); },
  get hint() { return t("Orbit tells your own automations (Home Assistant, n8n, a script) what happens, signed so they know it came from here. Private habits read “Private habit” unless you allow names."); },
  get none() { return t("No webhooks yet."); },
  get url() { return t("Address (https://…)"); },
  get urlHint() { return t("The address your automation listens at."); },
  get placeholder() { return t("https://example.org/hooks/orbit"); },
  get events() { return t("Tell it when"); },
  get pickOne() { return t("Choose at least one event."); },
  get namePrivate() { return t("Name private habits in what it is sent"); },
  get add() { return t("Add webhook"); },
  get added() { return t("Webhook added"); },
  secret: (address) => t("The signing secret of {address}. Copy it now: it won't be shown again.", { address }),
  get secretLabel() { return t("Signing secret"); },
  get verify() { return t("Your automation checks each message with it (the Standard Webhooks headers webhook-id, webhook-timestamp, webhook-signature)."); },
  get copy() { return t("Copy"); },
  get copied() { return t("Copied"); },
  get copyByHand() { return t("Selected: copy it now"); },
  get test() { return t("Test"); },
  testLabel: (address) => t("Send a test to {target}", { target: address }),
  get sending() { return t("Sending…"); },
  get testSent() { return t("Delivered. Check that it arrived."); },
  get remove() { return t("Remove"); },
  removeLabel: (address) => t("Remove the webhook to {address}", { address }),
  get removeTitle() { return t("Remove this webhook?"); },
  get removeMessage() { return t("Nothing more is sent there, including what is still waiting."); },
  get removed() { return t("Webhook removed"); },
  get never() { return t("Nothing sent yet."); },
  delivered: (when) => t("Last delivered {date}.", { date: when }),
  notDelivered: (when, why) => t("Not delivered {date}: {reason}", { date: when, reason: why }),
  next: { get failed() { return t("Orbit will try again."); }, get given_up() { return t("Orbit stopped trying this one."); }, refused: "" },
  tells: (events) => {
    const comma = tc("between items of a list", ", "); // apart: the extractor misses a nested call
    return t("Tells: {events}", { events: events.join(comma) });
  },
  get privateNamed() { return t("Names private habits"); },
};

/** The section, filled once the user's webhooks are read. */
export function webhooksSection() {
  let hooks = [];
  const listEl = h("ul", { class: "token-list webhook-list", role: "list" });
  const revealEl = h("div", { class: "token-reveal", hidden: true, role: "status" });
  const paint = () => {
    listEl.replaceChildren(...hooks.map((hook) => webhookRow(hook, () => {
      revealEl.hidden = true;
      hooks = hooks.filter((kept) => kept.id !== hook.id);
      paint();
    })));
    if (!hooks.length) listEl.append(h("li", { class: "hint", text: TEXT.none }));
  };
  const urlEl = h("input", { name: "url", type: "url", maxlength: "2000", autocomplete: "off", spellcheck: "false",
    autocapitalize: "off", inputmode: "url", placeholder: TEXT.placeholder });
  const eventsEl = h("fieldset", { class: "field", "data-field": "events" }, h("legend", { text: TEXT.events }),
    h("div", { class: "choice-list" }, EVENTS.map((event) => choice("events", event.value, event.label, true))));
  const privateEl = h("div", { class: "choice-list" }, choice("include_private", "yes", TEXT.namePrivate, false));
  const submitEl = h("button", { type: "submit", class: "button primary", text: TEXT.add });
  const formEl = h("form", { novalidate: true }, field(TEXT.url, urlEl, TEXT.urlHint), eventsEl, privateEl, submitEl);
  handleSubmit(formEl, submitEl, async () => {
    const events = [...eventsEl.querySelectorAll("input:checked")].map((el) => el.value);
    if (!events.length) {
      throw new api.ApiError({ status: 422, code: "validation_error", message: TEXT.pickOne,
        fields: { events: [TEXT.pickOne] } });
    }
    const created = await api.addWebhook({ url: urlEl.value.trim(), events,
      include_private: privateEl.querySelector("input").checked });
    urlEl.value = "";
    const { secret, url: _url, ...listed } = created; // the list never holds the secret
    hooks = [...hooks, listed];
    paint();
    showSecret(revealEl, created.address, secret);
    showToast(TEXT.added);
  });
  api.listWebhooks().then((listed) => { hooks = listed; paint(); }, () => paint());
  return titledSection(TEXT.title, { className: "card settings-section webhooks-section", hint: TEXT.hint },
    revealEl, listEl, formEl);
}

function choice(name, value, label, checked) {
  const id = uid(`webhook-${name}`);
  return h("div", { class: "choice-row" },
    h("input", { type: "checkbox", id, name, value, checked: checked || undefined }),
    h("label", { for: id, text: label }));
}

function showSecret(revealEl, address, secret) {
  const secretEl = h("input", { readonly: true, value: secret, class: "secret", "aria-label": TEXT.secretLabel });
  const copyEl = h("button", { type: "button", class: "button primary small", text: TEXT.copy });
  copyEl.addEventListener("click", async () => {
    secretEl.select();
    try {
      await navigator.clipboard.writeText(secret);
      copyEl.textContent = TEXT.copied;
    } catch {
      copyEl.textContent = TEXT.copyByHand;
    }
  });
  revealEl.replaceChildren(h("p", { class: "strong", text: TEXT.secret(address) }),
    h("div", { class: "secret-row" }, secretEl, copyEl), h("p", { class: "hint", text: TEXT.verify }));
  revealEl.hidden = false;
}

/** "Last delivered Dec 7." or why not, as the server last recorded it (in calm words and
 * colours: the user's automation being down is not their failure). */
function outcomeText(last) {
  if (!last) return TEXT.never;
  const when = shortDate(store.dateOf(last.at));
  if (last.status === "sent") return TEXT.delivered(when);
  return [TEXT.notDelivered(when, last.detail), TEXT.next[last.status]].filter(Boolean).join(" ");
}

function webhookRow(hook, removed) {
  // A line of its own under the address and the buttons (as .reminder-status has, in calm ink).
  const statusEl = h("p", { class: "hint webhook-outcome", role: "status", style: { flexBasis: "100%" },
    text: outcomeText(hook.last_delivery) });
  const testEl = h("button", { type: "button", class: "button small ghost", text: TEXT.test, "aria-label": TEXT.testLabel(hook.address) });
  onConfirmedClick(testEl, null, async () => {
    statusEl.textContent = TEXT.sending;
    try {
      Object.assign(hook, await api.testWebhook(hook.id));
      statusEl.textContent = TEXT.testSent;
    } catch (error) {
      statusEl.textContent = error.message;
    }
  });
  const removeEl = h("button", { type: "button", class: "button small danger-ghost", text: TEXT.remove, "aria-label": TEXT.removeLabel(hook.address) });
  onConfirmedClick(removeEl, { title: TEXT.removeTitle, confirmLabel: TEXT.remove, danger: true, message: TEXT.removeMessage },
    async () => {
      await api.deleteWebhook(hook.id);
      showToast(TEXT.removed);
      removed();
    });
  // In the form's order (the server keeps them sorted); one this app does not know, as it is.
  const events = [...EVENTS.filter((event) => hook.events.includes(event.value)).map((event) => event.short),
    ...hook.events.filter((value) => !EVENTS.some((event) => event.value === value))];
  return h("li", { class: "token-row target-row webhook-row" },
    h("div", { class: "target-text" }, h("p", { class: "token-name", style: { overflowWrap: "anywhere" }, text: hook.address }),
      h("p", { class: "hint", text: TEXT.tells(events) }),
      hook.include_private ? h("p", { class: "hint", text: TEXT.privateNamed }) : null),
    h("div", { class: "target-actions" }, testEl, removeEl),
    statusEl);
}
