// The habit form: every field of a habit, shown in plain words, and read back as an API body.
import { field, h, uid } from "../dom.js";
import { colorPicker, radioValue, segmented, selectColor, stepper } from "./fields.js";
import { planFields } from "./habit-plan.js";
import { schedulePicker } from "./schedule.js";
import { bridgeField } from "./habit-bridge.js";
import { t } from "../i18n.js";

const NEW_IDENTITY = "new";

/** Builds the form; returns {formEl, submitEl, nameEl, read(), check(), fill(), newIdentity(), useIdentity()}. */
export function habitForm({ habit, identities, today, weekStart, color, templates = null }) {
  const formEl = h("form", { class: "habit-form", novalidate: true });
  const nameEl = h("input", { name: "name", maxlength: "80", required: true, autocomplete: "off",
    placeholder: t("e.g. Strength training"), value: habit?.name || "" });
  const descriptionEl = h("textarea", { name: "description", maxlength: "500", rows: "2",
    placeholder: t("e.g. Strong body, steady mind") });
  descriptionEl.value = habit?.description || "";

  const identitySelectEl = h("select", { name: "identity_id" },
    h("option", { value: "", text: t("No identity") }),
    identities.map((identity) => h("option", { value: String(identity.id), text: identity.statement })),
    h("option", { value: NEW_IDENTITY, text: t("New identity…") }));
  identitySelectEl.value = habit?.identity_id ? String(habit.identity_id) : "";
  const statementEl = h("input", { name: "statement", maxlength: "140", placeholder: t("I am someone who…"), autocomplete: "off" });
  const statementFieldEl = field(t("New identity"), statementEl, t("A statement of who you are becoming."));
  statementFieldEl.dataset.field = "statement";
  statementFieldEl.classList.add("sub-field");
  let identityColor = null;

  const kindEl = segmented("kind", t("Kind"), [
    { value: "build", label: t("Build"), hint: t("Do it") },
    { value: "quit", label: t("Quit"), hint: t("Avoid it") }], habit?.kind || "build");
  const measureEl = segmented("measure", t("Track it as"), [
    { value: "check", label: t("Yes / no") },
    { value: "count", label: t("A count") },
    { value: "minutes", label: t("Minutes") }], habit?.measure || "check");

  const targetId = uid("target");
  const targetEl = h("input", { type: "number", name: "target", id: targetId, min: "0", step: "any",
    inputmode: "decimal", value: habit?.target ?? "", "aria-describedby": `${targetId}-hint` });
  const targetLabelEl = h("label", { for: targetId, text: t("Daily target") });
  const targetHintEl = h("p", { class: "hint", id: `${targetId}-hint` });
  const targetFieldEl = h("div", { class: "field", "data-field": "target" }, targetLabelEl,
    stepper(targetEl, { step: 1, min: 0, label: t("daily amount") }), targetHintEl);
  const unitEl = h("input", { name: "unit", maxlength: "20", placeholder: t("pages, glasses, reps"), value: habit?.unit || "" });
  const unitFieldEl = field(t("Unit"), unitEl);
  const amountRowEl = h("div", { class: "field-row" }, targetFieldEl, unitFieldEl);

  const schedule = schedulePicker(habit?.schedule, weekStart);
  const quitNoteEl = h("p", { class: "hint quit-note", text: t("Quit habits are counted every day: each day without a slip is a vote.") });
  const startEl = h("input", { type: "date", name: "start_date", max: today, value: habit?.start_date || today });
  const privateEl = h("input", { type: "checkbox", name: "private", id: uid("private"), checked: Boolean(habit?.private) });
  privateEl.setAttribute("aria-describedby", `${privateEl.id}-hint`);
  const submitEl = h("button", { type: "submit", class: "button primary block", text: t("Save") });
  const plan = planFields(habit, templates);
  const bridge = bridgeField(habit);
  nameEl.addEventListener("change", () => plan.setName(nameEl.value));

  formEl.append(
    field(t("Name"), nameEl),
    field(t("Why it matters"), descriptionEl, t("Optional. Read it on the hard days.")),
    field(t("Identity"), identitySelectEl, t("Every done day is a vote for it.")),
    statementFieldEl,
    kindEl, measureEl, amountRowEl,
    schedule.el, quitNoteEl, bridge.el,
    plan.planEl,
    field(t("Start date"), startEl, t("Days before it don't count. Logging an earlier day moves it back.")),
    colorPicker("color", habit?.color || color),
    h("div", { class: "field check-field", "data-field": "private" }, privateEl,
      h("div", {}, h("label", { for: privateEl.id, text: t("Private") }),
        h("p", { class: "hint", id: `${privateEl.id}-hint`,
          text: t("Its name stays out of anything Orbit shows outside this app.") }))),
    plan.appointmentEl,
    h("div", { class: "form-actions sticky-actions" }, submitEl));

  const paint = () => {
    const kind = radioValue(formEl, "kind");
    const measure = radioValue(formEl, "measure");
    statementFieldEl.hidden = identitySelectEl.value !== NEW_IDENTITY;
    amountRowEl.hidden = measure === "check";
    unitFieldEl.hidden = measure !== "count";
    schedule.el.hidden = kind === "quit";
    quitNoteEl.hidden = kind !== "quit";
    bridge.el.hidden = kind === "quit"; // a quit habit counts the days since its last slip
    const minutes = measure === "minutes";
    targetLabelEl.textContent = kind === "quit" ? (minutes ? t("Daily limit (minutes)") : t("Daily limit"))
      : (minutes ? t("Minutes a day") : t("Daily target"));
    targetHintEl.textContent = kind === "quit" ? t("At most this much a day; 0 means none at all.") : t("At least this much makes the day done.");
  };
  formEl.addEventListener("change", paint);
  identitySelectEl.addEventListener("change", () => {
    if (identitySelectEl.value === NEW_IDENTITY) statementEl.focus();
  });
  paint();

  /** The habit fields as an API body. */
  const read = () => {
    const kind = radioValue(formEl, "kind");
    const measure = radioValue(formEl, "measure");
    const body = {
      name: nameEl.value.trim(),
      description: descriptionEl.value.trim(),
      kind,
      measure,
      unit: measure === "count" ? unitEl.value.trim() : "",
      target: null,
      schedule: kind === "quit" ? { type: "daily" } : schedule.value(),
      color: radioValue(formEl, "color"),
      private: privateEl.checked,
      never_miss_twice: bridge.read(kind),
      ...plan.read(),
    };
    if (measure !== "check") {
      const raw = targetEl.value.trim();
      body.target = raw === "" ? (kind === "quit" ? 0 : null) : Number(raw);
    }
    if (startEl.value) body.start_date = startEl.value;
    const identity = identitySelectEl.value;
    body.identity_id = identity && identity !== NEW_IDENTITY ? Number(identity) : null;
    return body;
  };

  /** Problems the browser can see before asking the server, as API-style field errors. */
  const check = (body) => {
    const fields = { ...plan.check(body) };
    if (!body.name) fields.name = [t("Give it a name: up to 80 characters.")];
    if (body.measure !== "check") {
      const raw = targetEl.value.trim();
      if (raw !== "" && (Number.isNaN(Number(raw)) || Number(raw) < 0)) fields.target = [t("Use 0 or more: it can't be negative.")];
      else if (body.kind === "build" && !(body.target > 0)) fields.target = [t("How much makes a day done? Enter a number above 0.")];
    }
    return Object.keys(fields).length ? fields : null;
  };

  /** Fills the form from a template (GET /templates habit) and its identity template. */
  const fill = (template, identityTemplate) => {
    nameEl.value = template.name;
    descriptionEl.value = template.description || "";
    formEl.querySelector(`input[name=kind][value="${template.kind}"]`).checked = true;
    formEl.querySelector(`input[name=measure][value="${template.measure}"]`).checked = true;
    targetEl.value = template.target ?? "";
    unitEl.value = template.unit || "";
    schedule.set(template.schedule);
    if (template.color) selectColor(formEl, "color", template.color);
    const statement = template.identity_statement || identityTemplate?.statement;
    const known = statement && identities.find((identity) => sameStatement(identity.statement, statement));
    identitySelectEl.value = known ? String(known.id) : statement ? NEW_IDENTITY : "";
    statementEl.value = known ? "" : statement || "";
    identityColor = identityTemplate?.color || null;
    plan.fill(template);
    paint();
  };

  /** What the inline "New identity" asks for, or null when an existing one (or none) is picked. */
  const newIdentity = () => (identitySelectEl.value === NEW_IDENTITY
    ? { statement: statementEl.value.trim(), color: identityColor || radioValue(formEl, "color") } : null);

  /** After the inline identity was created: pick it, so a retry does not create it twice. */
  const useIdentity = (identity) => {
    identitySelectEl.lastElementChild.before(h("option", { value: String(identity.id), text: identity.statement }));
    identitySelectEl.value = String(identity.id);
    paint();
  };

  return { formEl, submitEl, nameEl, read, check, fill, newIdentity, useIdentity };
}

function sameStatement(a, b) {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
