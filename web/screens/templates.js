// The starter gallery on the new-habit screen, from GET /templates, grouped by identity.
import { h, icon, uid } from "../dom.js";
import { goalText, scheduleText } from "../format.js";
import { t } from "../i18n.js";

/** A section of template cards; `onPick(habitTemplate, identityTemplate)` fills the form.
 * `taken`: the names (lower case) of the user's habits, whose templates say they are added. */
export function templateGallery(templates, onPick, expanded, taken = new Set()) {
  const identityByKey = new Map(templates.identities.map((identity) => [identity.key, identity]));
  const groups = templates.identities.map((identity) => ({
    identity,
    habits: templates.habits.filter((habit) => habit.identity_key === identity.key),
  }));
  const orphans = templates.habits.filter((habit) => !identityByKey.has(habit.identity_key));
  if (orphans.length) groups.push({ identity: null, habits: orphans });

  const groupsEl = h("div", { class: "template-groups" }, groups.filter((group) => group.habits.length).map((group) => {
    const headingId = uid("theme");
    return h("section", { class: "template-group", "aria-labelledby": headingId, "--habit": group.identity?.color || "var(--accent)" },
      h("h3", { id: headingId, class: "template-theme" },
        h("span", { class: "dot", "aria-hidden": "true" }),
        h("span", { text: group.identity?.statement || t("More ideas") })),
      h("ul", { class: "template-list", role: "list" }, group.habits.map((habit) => templateCard(habit, group.identity, onPick, taken.has(habit.name.toLowerCase())))));
  }));

  const intro = h("p", { class: "hint", text: t("Tap one to fill in the form below; change anything before you save.") });
  if (expanded) {
    return h("section", { class: "gallery", "aria-labelledby": "gallery-title" },
      h("h2", { id: "gallery-title", class: "section-title", text: t("Start from a template") }), intro, groupsEl);
  }
  return h("details", { class: "gallery card" },
    h("summary", {}, h("span", { text: t("Browse starter habits") })), intro, groupsEl);
}

function templateCard(habit, identity, onPick, added) {
  const descriptionId = uid("template-desc");
  const details = [scheduleText(habit.schedule), goalText(habit), added ? t("Already one of your habits") : null]
    .filter(Boolean).join(" · ");
  return h("li", {},
    h("button", { type: "button", class: added ? "template-card added" : "template-card", "--habit": habit.color || identity?.color,
      "aria-label": t("{habit}, {details}", { habit: habit.name, details }), "aria-describedby": habit.description ? descriptionId : null,
      onclick: () => onPick(habit, identity) },
      h("span", { class: "template-icon", "aria-hidden": "true" }, icon(habit.kind === "quit" ? "shield" : "plus")),
      h("span", { class: "template-text" },
        h("span", { class: "template-name", text: habit.name }),
        h("span", { class: "template-details", text: details }),
        habit.description ? h("span", { class: "template-description", id: descriptionId, text: habit.description }) : null)));
}
