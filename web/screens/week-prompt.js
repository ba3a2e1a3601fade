// The week's reflection prompt (issue 24): one short question about the evidence, answered and
// kept with the week; the answers of earlier weeks; the evidence since the current chapter.
import * as api from "../api.js";
import { shortDate } from "../dates.js";
import { h, handleSubmit, showToast, titledSection } from "../dom.js";
import { sinceLine } from "./chapters.js";

const WORDS = {
  title: "One question",
  hint: "A line or two is enough. It stays with this week.",
  answer: "Your answer",
  save: "Save answer",
  saved: "Answer saved",
  edit: "Change answer",
  history: "Your answers",
  week: (weekStart) => `Week of ${shortDate(weekStart)}`,
};

/** The prompt card of the week (the Week screen's `prompt`), answerable. */
export function promptCard(prompt) {
  const answerEl = h("p", { class: "prompt-answer", text: prompt.answer || "" });
  const textEl = h("textarea", { name: "answer", rows: "3", maxlength: "1000", value: prompt.answer || "",
    "aria-label": WORDS.answer });
  const saveEl = h("button", { type: "submit", class: "button primary", text: WORDS.save });
  const formEl = h("form", { class: "prompt-form", novalidate: true }, textEl, saveEl);
  const editEl = h("button", { type: "button", class: "button small ghost", text: WORDS.edit });
  const show = (answered) => {
    answerEl.hidden = !answered;
    editEl.hidden = !answered;
    formEl.hidden = answered;
  };
  editEl.addEventListener("click", () => {
    show(false);
    textEl.focus();
  });
  handleSubmit(formEl, saveEl, async () => {
    const saved = await api.putWeekAnswer(prompt.week_start, textEl.value.trim());
    answerEl.textContent = saved.answer;
    show(true);
    showToast(WORDS.saved);
  });
  show(Boolean(prompt.answer));
  return titledSection(WORDS.title, { className: "card week-prompt" },
    h("p", { class: "prompt-question", text: prompt.question }),
    h("p", { class: "hint", text: WORDS.hint }),
    answerEl, editEl, formEl);
}

/** Earlier weeks' answers, newest first (the week shown left out). */
export function answersCard(answers, shownWeek) {
  const earlier = answers.filter((each) => each.week_start !== shownWeek);
  if (!earlier.length) return null;
  return titledSection(WORDS.history, { className: "card week-answers" },
    h("ol", { class: "answers", role: "list" }, earlier.map((each) => h("li", {},
      h("p", { class: "answer-week" }, h("a", { href: `#/week/${each.week_start}`, text: WORDS.week(each.week_start) })),
      h("p", { class: "hint", text: each.question }),
      h("p", { class: "answer-text", text: each.answer })))));
}

/** "Since the move: 12 votes · All time: 18" for the week (the summary's `chapter`). */
export function chapterCard(summary) {
  if (!summary.chapter) return null;
  return h("div", { class: "card since-card" }, sinceLine(summary.chapter, summary.chapter.votes, summary.chapter.votes_total));
}
