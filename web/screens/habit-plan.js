// The habit form's if-then plan ("When I get home, I will walk 20 minutes": a plan for when and
// where makes a habit far likelier to happen) with examples from the starter templates, and the
// appointment mark (a fixed commitment no suggestion resizes).
import { h, uid } from "../dom.js";
import { t } from "../i18n.js";

const PLAN_MAX = 80;
const EXAMPLES_SHOWN = 5;
// Getters and functions: each word is the catalogue's for the language on show when it is drawn.
const WORDS = {
  get legend() { return t("If-then plan"); },
  get hint() { return t("Optional. Decide when and where, and the moment does the remembering."); },
  get cue() { return t("When…"); },
  get action() { return t("I will…"); },
  get cuePlaceholder() { return t("e.g. I get home"); },
  get actionPlaceholder() { return t("e.g. walk 20 minutes"); },
  get examples() { return t("Examples"); },
  useExample: (template) => t("Use: When {cue}, I will {action}", { cue: template.plan_cue, action: template.plan_action }),
  get halfCue() { return t("Write when you'll do it too, or clear both."); },
  get halfAction() { return t("Write what you'll do too, or clear both."); },
  get appointment() { return t("Appointment"); },
  get appointmentHint() { return t("A fixed commitment, like a therapy session or a class: Orbit never suggests doing it more or less."); },
};

/** The plan fields and the appointment checkbox; `templates`: GET /templates (or null).
 * Returns {planEl, appointmentEl, read(), check(body), fill(template), setName(name)}. */
export function planFields(habit, templates) {
  const cueEl = h("input", { name: "plan_cue", maxlength: String(PLAN_MAX), autocomplete: "off",
    placeholder: WORDS.cuePlaceholder, value: habit?.plan_cue || "", id: uid("plan-cue") });
  const actionEl = h("input", { name: "plan_action", maxlength: String(PLAN_MAX), autocomplete: "off",
    placeholder: WORDS.actionPlaceholder, value: habit?.plan_action || "", id: uid("plan-action") });
  const hintId = uid("plan-hint");
  for (const el of [cueEl, actionEl]) el.setAttribute("aria-describedby", hintId);
  const examples = (templates?.habits || []).filter((template) => template.plan_cue && template.plan_action);
  const listEl = h("ul", { class: "plan-examples-list", role: "list" });
  const examplesEl = examples.length ? h("details", { class: "plan-examples" },
    h("summary", { text: WORDS.examples }), listEl) : null;

  const use = (template) => {
    cueEl.value = template.plan_cue;
    actionEl.value = template.plan_action;
    cueEl.dispatchEvent(new Event("input", { bubbles: true })); // the leave guard sees the change
  };
  /** The examples, those of the template named like the habit first. */
  const setName = (name) => {
    const key = (name || "").trim().toLowerCase();
    const ordered = [...examples].sort((a, b) => Number(b.name.toLowerCase() === key) - Number(a.name.toLowerCase() === key));
    listEl.replaceChildren(...ordered.slice(0, EXAMPLES_SHOWN).map((template) => h("li", {},
      h("button", { type: "button", class: "plan-example", "aria-label": WORDS.useExample(template),
        onclick: () => { use(template); examplesEl.open = false; actionEl.focus(); } },
      h("span", { class: "plan-example-when", text: t("When {cue},", { cue: template.plan_cue }) }),
      h("span", { text: " " + t("I will {action}", { action: template.plan_action }) })))));
  };
  setName(habit?.name);

  const planEl = h("fieldset", { class: "field plan-fieldset" },
    h("legend", { text: WORDS.legend }),
    h("p", { class: "hint", id: hintId, text: WORDS.hint }),
    h("div", { class: "field plan-half", "data-field": "plan_cue" },
      h("label", { for: cueEl.id, text: WORDS.cue }), cueEl),
    h("div", { class: "field plan-half", "data-field": "plan_action" },
      h("label", { for: actionEl.id, text: WORDS.action }), actionEl),
    examplesEl);

  const appointmentInputEl = h("input", { type: "checkbox", name: "appointment", id: uid("appointment"),
    checked: Boolean(habit?.appointment) });
  appointmentInputEl.setAttribute("aria-describedby", `${appointmentInputEl.id}-hint`);
  const appointmentEl = h("div", { class: "field check-field", "data-field": "appointment" }, appointmentInputEl,
    h("div", {}, h("label", { for: appointmentInputEl.id, text: WORDS.appointment }),
      h("p", { class: "hint", id: `${appointmentInputEl.id}-hint`, text: WORDS.appointmentHint })));

  return {
    planEl,
    appointmentEl,
    setName,
    /** The plan and the mark as API fields. */
    read: () => ({ plan_cue: cueEl.value.trim(), plan_action: actionEl.value.trim(), appointment: appointmentInputEl.checked }),
    /** Half a plan, as the server would refuse it (API-style field errors, or {}). */
    check: (body) => {
      if (Boolean(body.plan_cue) === Boolean(body.plan_action)) return {};
      return body.plan_cue ? { plan_action: [WORDS.halfAction] } : { plan_cue: [WORDS.halfCue] };
    },
    /** From a starter template: its example plan, and whether it is an appointment. */
    fill: (template) => {
      cueEl.value = template.plan_cue || "";
      actionEl.value = template.plan_action || "";
      appointmentInputEl.checked = Boolean(template.appointment);
      setName(template.name);
    },
  };
}

const LEADING_WHEN = /^\s*when\s+/i;
const LEADING_WILL = /^\s*(i\s+will|i'll|i’ll)\s+/i;

/** A plan ({cue, action} from the API) as one sentence, "When I get home, I will walk 20
 * minutes", without the words the form shows said twice when they were typed too. */
export function planText(plan) {
  const cue = plan.cue.replace(LEADING_WHEN, "").replace(/[\s,]+$/, "") || plan.cue;
  const action = plan.action.replace(LEADING_WILL, "") || plan.action;
  return t("When {cue}, I will {action}", { cue, action });
}
