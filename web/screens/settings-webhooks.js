// Settings → Webhooks: addresses of the user's own automations (Home Assistant, n8n, a script)
// that Orbit tells of check-ins, completed days and weekly summaries, signed with a secret of
// their own (Standard Webhooks). Add one, see how its last delivery went, test or remove it.
import * as api from "../api.js";
import * as store from "../store.js";
import { shortDate } from "../dates.js";
import { field, h, handleSubmit, onConfirmedClick, showToast, titledSection, uid } from "../dom.js";

// `label` on the form, `short` in the list of webhooks.
const EVENTS = [
  { value: "checkin.logged", label: "A check-in is logged", short: "check-ins" },
  { value: "checkin.deleted", label: "A check-in is removed", short: "removals" },
  { value: "day.completed", label: "Everything due today is done", short: "days done" },
  { value: "summary.ready", label: "The weekly summary is ready", short: "weekly summary" },
];

const TEXT = {
  title: "Webhooks",
  hint: "Orbit tells your own automations (Home Assistant, n8n, a script) what happens, signed so "
    + "they know it came from here. Private habits read “Private habit” unless you allow names.",
  none: "No webhooks yet.",
  url: "Address (https://…)",
  urlHint: "The address your automation listens at.",
  placeholder: "https://example.org/hooks/orbit",
  events: "Tell it when",
  pickOne: "Choose at least one event.",
  namePrivate: "Name private habits in what it is sent",
  add: "Add webhook",
  added: "Webhook added",
  secret: (address) => `The signing secret of ${address}. Copy it now: it won't be shown again.`,
  secretLabel: "Signing secret",
  verify: "Your automation checks each message with it (the Standard Webhooks headers webhook-id, webhook-timestamp, webhook-signature).",
  copy: "Copy",
  copied: "Copied",
  copyByHand: "Selected: copy it now",
  test: "Test",
  testLabel: (address) => `Send a test to ${address}`,
  sending: "Sending…",
  testSent: "Delivered. Check that it arrived.",
  remove: "Remove",
  removeLabel: (address) => `Remove the webhook to ${address}`,
  removeTitle: "Remove this webhook?",
  removeMessage: "Nothing more is sent there, including what is still waiting.",
  removed: "Webhook removed",
  never: "Nothing sent yet.",
  delivered: (when) => `Last delivered ${when}.`,
  notDelivered: (when, why) => `Not delivered ${when}: ${why}`,
  next: { failed: "Orbit will try again.", given_up: "Orbit stopped trying this one.", refused: "" },
  tells: (events) => `Tells: ${events.join(", ")}`,
  privateNamed: "Names private habits",
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
