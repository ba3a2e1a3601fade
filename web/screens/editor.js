// New habit (with the starter gallery) and edit habit (with archive and delete).
import * as api from "../api.js";
import * as store from "../store.js";
import { append, clearFormError, h, onConfirmedClick, screenHeader, showFormError, showToast, titledSection, withBusy } from "../dom.js";
import { colorFor } from "./fields.js";
import { habitForm } from "./habit-form.js";
import { habitRemindersSection } from "./reminders.js";
import { templateGallery } from "./templates.js";
import { leaveGuard } from "../leave.js";
import { amountText } from "../format.js";
import { t } from "../i18n.js";

/** #/new: the gallery, then an empty form. */
export async function renderNew(screenEl) {
  const [identities, templates, habits] = await Promise.all([
    store.identities(),
    store.templates().catch(() => null), // the form works without the gallery
    api.listHabits("all"),
  ]);
  const form = habitForm({ habit: null, identities, today: store.today(), weekStart: store.weekStart(),
    color: colorFor(habits.length), templates });
  const guard = leaveGuard.watch(form.formEl);
  const isNewcomer = habits.length === 0;
  const formTitleEl = h("h2", { class: "section-title", tabindex: "-1", text: isNewcomer ? t("Or make your own") : t("Your habit") });
  // Focus goes to the form's heading, not a text field: a phone keyboard would cover Save.
  const onPick = (template, identityTemplate) => {
    form.fill(template, identityTemplate);
    clearFormError(form.formEl);
    formTitleEl.textContent = template.name;
    showToast(t("{habit} is filled in. Adjust it or tap Save.", { habit: template.name }));
    formTitleEl.scrollIntoView({ block: "start" });
    formTitleEl.focus({ preventScroll: true });
  };
  form.formEl.addEventListener("submit", (event) => {
    event.preventDefault();
    save(form, null).then((habit) => {
      if (!habit) return;
      guard.saved();
      showToast(addedText(habit));
      location.hash = "#/today";
    });
  });
  append(screenEl,
    screenHeader(t("New habit"), {
      back: { href: "#/today", label: t("Back to Today") },
      subtitle: isNewcomer ? t("Pick a starter or make your own. Small is the point.") : null,
    }),
    templates?.habits?.length ? templateGallery(templates, onPick, isNewcomer,
      new Set(habits.filter((habit) => !habit.archived).map((habit) => habit.name.toLowerCase()))) : null,
    formTitleEl,
    form.formEl);
}

/** #/habit/{id}/edit: the form filled in, then archive and delete. */
export async function renderEdit(screenEl, habitId) {
  const [habit, identities, reminders, templates] = await Promise.all([api.getHabit(habitId), store.identities(),
    api.listReminders(), store.templates().catch(() => null)]); // the plan's examples: the form works without
  const form = habitForm({ habit, identities, today: store.today(), weekStart: store.weekStart(), templates });
  const guard = leaveGuard.watch(form.formEl);
  form.formEl.addEventListener("submit", (event) => {
    event.preventDefault();
    save(form, habit).then((saved) => {
      if (!saved) return;
      guard.saved();
      showToast(t("Saved"));
      location.hash = `#/habit/${habit.id}`;
    });
  });
  append(screenEl,
    screenHeader(t("Edit habit"), { back: { href: `#/habit/${habit.id}`, label: t("Back to {habit}", { habit: habit.name }) },
      subtitle: habit.name }),
    form.formEl,
    habitRemindersSection(habit, reminders),
    dangerZone(habit));
}

/** Creates the inline identity if one is asked for, then creates or updates the habit. */
async function save(form, original) {
  const { formEl, submitEl } = form;
  clearFormError(formEl);
  return withBusy(submitEl, async () => {
    const problem = form.check(form.read());
    if (problem) {
      showFormError(formEl, { message: "", fields: problem });
      return null;
    }
    const wanted = form.newIdentity();
    if (wanted) {
      if (!wanted.statement) {
        showFormError(formEl, { message: t("Write the new identity, or pick another."),
          fields: { statement: [t("Write who you are becoming.")] } });
        return null;
      }
      try {
        const identity = await api.createIdentity(wanted);
        store.forgetIdentities();
        form.useIdentity(identity);
      } catch (error) {
        showFormError(formEl, error, { statement: "statement", color: "statement" });
        return null;
      }
    }
    const body = form.read();
    try {
      if (!original) return await api.createHabit(body);
      const changes = changesOf(original, body);
      return Object.keys(changes).length ? await api.updateHabit(original.id, changes) : original;
    } catch (error) {
      showFormError(formEl, error);
      return null;
    }
  });
}

/** The toast after adding a habit: what to do with it on Today. */
function addedText(habit) {
  const name = habit.name;
  if (habit.kind === "quit") return t("{habit} added. Each day without a slip counts; log a slip on Today if one happens.", { habit: name });
  if (habit.measure === "count") return t("{habit} added. On Today, each tap adds one.", { habit: name });
  if (habit.measure === "minutes") {
    return t("{habit} added. On Today, one tap logs {amount}.", { habit: name, amount: amountText(habit.target, habit) });
  }
  return t("{habit} added. Tap it on Today when it's done.", { habit: name });
}

/** Only what changed: a schedule or target sent unchanged must not start a new rule. */
function changesOf(original, body) {
  const changes = {};
  for (const [key, value] of Object.entries(body)) {
    if (JSON.stringify(normalized(key, original[key])) !== JSON.stringify(normalized(key, value))) changes[key] = value;
  }
  // A plan is sent whole: the server takes its two halves together.
  if ("plan_cue" in changes || "plan_action" in changes) Object.assign(changes, { plan_cue: body.plan_cue, plan_action: body.plan_action });
  return changes;
}

function normalized(key, value) {
  if (key === "schedule" && value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).sort());
  }
  if (["unit", "description", "plan_cue", "plan_action"].includes(key)) return value || "";
  if (key === "appointment" || key === "never_miss_twice") return Boolean(value);
  return value ?? null;
}

function dangerZone(habit) {
  const archiveEl = h("button", { type: "button", class: "button secondary block",
    text: habit.archived ? t("Restore habit") : t("Archive habit") });
  const deleteEl = h("button", { type: "button", class: "button danger block", text: t("Delete habit") });
  const archiving = !habit.archived;
  onConfirmedClick(archiveEl, archiving ? {
    title: t("Archive {habit}?", { habit: habit.name }),
    message: t("It leaves Today but keeps its history. Its own screen (listed under Identities) has Restore."),
    confirmLabel: t("Archive"),
  } : null, async () => {
    leaveGuard.clear(); // archiving leaves the form on purpose; its edits are not kept
    await api.updateHabit(habit.id, { archived: archiving });
    showToast(archiving ? t("{habit} archived", { habit: habit.name }) : t("{habit} is back on Today", { habit: habit.name }));
    location.hash = archiving ? "#/identities" : "#/today";
  });
  onConfirmedClick(deleteEl, {
    title: t("Delete {habit}?", { habit: habit.name }),
    message: t("This deletes the habit with every day logged and every note. It can't be undone."),
    confirmLabel: t("Delete"),
    danger: true,
  }, async () => {
    leaveGuard.clear();
    await api.deleteHabit(habit.id);
    showToast(t("{habit} deleted", { habit: habit.name }));
    location.hash = "#/today";
  });
  return titledSection(t("Archive or delete"), { className: "danger-zone", headingClass: "section-title subtle",
    hint: t("Archiving hides it from Today and keeps every day logged.") }, archiveEl, deleteEl);
}
