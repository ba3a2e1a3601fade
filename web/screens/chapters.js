// Chapters (issue 24): dated names for a new beginning ("Since the move"). Orbit counts the
// evidence since the current one beside all time, and offers a fresh start on Today at the
// landmarks chosen here. A section of the Identities screen.
import * as api from "../api.js";
import * as store from "../store.js";
import { formatDate } from "../dates.js";
import { field, h, handleSubmit, onConfirmedClick, showFormError, showToast, titledSection } from "../dom.js";
import { t, tn } from "../i18n.js";

// Getters and functions: each word is the catalogue's for the language on show when it is drawn.
const WORDS = {
  get title() { return t("Chapters"); },
  get hint() { return t("Name a new beginning. Orbit counts your evidence since it, beside all time."); },
  get none() { return t("No chapters yet."); },
  get current() { return t("Current"); },
  from: (date) => t("From {date}", { date: formatDate(date, { day: "numeric", month: "long", year: "numeric" }) }),
  get name() { return t("Name"); },
  get namePlaceholder() { return t("Since the move"); },
  get start() { return t("First day"); },
  get add() { return t("Add chapter"); },
  get added() { return t("Chapter added"); },
  get edit() { return t("Rename"); },
  get save() { return t("Save chapter"); },
  get saved() { return t("Chapter saved"); },
  get remove() { return t("Remove"); },
  get removed() { return t("Chapter removed"); },
  get removeTitle() { return t("Remove this chapter?"); },
  removeMessage: (name) => t("“{name}” goes; every check-in stays as it is.", { name }),
  get landmarks() { return t("Offer a fresh start on Today"); },
  get landmarkNames() {
    return { week: t("At a new week"), month: t("At a new month"), anniversary: t("On a chapter's anniversary") };
  },
  get landmarksSaved() { return t("Fresh starts saved"); },
};

/** The chapters section: the list, the form to add one, the fresh-start landmarks. */
export async function chaptersSection(rerender) {
  const [chapters, fresh] = await Promise.all([api.listChapters(), api.getFreshStart().catch(() => null)]);
  return titledSection(WORDS.title, { className: "card chapters", hint: WORDS.hint },
    chapters.length
      ? h("ul", { class: "chapter-list", role: "list" }, [...chapters].reverse().map((c) => chapterRow(c, rerender)))
      : h("p", { class: "hint", text: WORDS.none }),
    chapterForm(null, rerender),
    fresh ? landmarksForm(fresh.landmarks) : null);
}

function chapterRow(chapter, rerender) {
  const editEl = h("button", { type: "button", class: "button small ghost", text: WORDS.edit,
    "aria-label": t("Rename “{name}”", { name: chapter.name }), "aria-expanded": "false" });
  const formEl = chapterForm(chapter, rerender);
  formEl.hidden = true;
  editEl.addEventListener("click", () => {
    formEl.hidden = !formEl.hidden;
    editEl.setAttribute("aria-expanded", String(!formEl.hidden));
    if (!formEl.hidden) formEl.querySelector("input")?.focus();
  });
  return h("li", { class: "chapter-row", "data-chapter-id": chapter.id },
    h("div", { class: "chapter-head" },
      h("div", {},
        h("p", { class: "chapter-name", text: chapter.name }),
        h("p", { class: "hint", text: WORDS.from(chapter.start) })),
      chapter.current ? h("span", { class: "chapter-current", text: WORDS.current }) : null,
      editEl),
    formEl);
}

/** The form that adds a chapter (`chapter` null) or renames one, with its removal. */
function chapterForm(chapter, rerender) {
  const nameEl = h("input", { name: "name", maxlength: "80", required: true, autocomplete: "off",
    placeholder: WORDS.namePlaceholder, value: chapter ? chapter.name : "" });
  const startEl = h("input", { name: "start", type: "date", required: true, value: chapter ? chapter.start : store.today() });
  const saveEl = h("button", { type: "submit", class: "button primary", text: chapter ? WORDS.save : WORDS.add });
  const removeEl = chapter ? h("button", { type: "button", class: "button danger-ghost", text: WORDS.remove }) : null;
  const formEl = h("form", { class: "chapter-form", novalidate: true },
    field(WORDS.name, nameEl), field(WORDS.start, startEl),
    h("div", { class: "panel-actions" }, saveEl, removeEl));
  handleSubmit(formEl, saveEl, async () => {
    const data = { name: nameEl.value.trim(), start: startEl.value };
    if (chapter) await api.updateChapter(chapter.id, data);
    else await api.createChapter(data);
    showToast(chapter ? WORDS.saved : WORDS.added);
    await rerender();
  });
  if (removeEl) {
    onConfirmedClick(removeEl, { title: WORDS.removeTitle, confirmLabel: WORDS.remove, message: WORDS.removeMessage(chapter.name) },
      async () => {
        await api.deleteChapter(chapter.id);
        showToast(WORDS.removed);
        await rerender();
      }, (error) => showFormError(formEl, error));
  }
  return formEl;
}

/** Checkboxes of the landmarks, saved as each is changed. */
function landmarksForm(chosen) {
  const boxes = Object.entries(WORDS.landmarkNames).map(([kind, label]) => {
    const boxEl = h("input", { type: "checkbox", name: "landmark", value: kind, checked: chosen.includes(kind) });
    return h("label", { class: "check-row" }, boxEl, h("span", { text: label }));
  });
  const formEl = h("fieldset", { class: "landmarks" }, h("legend", { text: WORDS.landmarks }), boxes);
  formEl.addEventListener("change", async () => {
    const landmarks = [...formEl.querySelectorAll("input:checked")].map((boxEl) => boxEl.value);
    try {
      await api.setLandmarks(landmarks);
      showToast(WORDS.landmarksSaved);
    } catch (error) {
      showFormError(formEl, error);
    }
  });
  return formEl;
}

/** "Since the move: 34 votes · All time: 210" (the chapter's words, then the numbers). */
export function sinceLine(chapter, since, total) {
  if (!chapter) return null;
  return h("p", { class: "since-chapter", text: tn("{chapter}: {n} vote · All time: {total}", "{chapter}: {n} votes · All time: {total}",
    since ?? 0, { chapter: chapter.name, total: total ?? 0 }) });
}
