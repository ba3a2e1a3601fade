// The wellbeing check (issue 25): the WHO-5 Well-Being Index, off until the user turns it on.
// Every two weeks five questions, one check; the server scores and judges each (GET /wellbeing)
// and this screen draws the latest, the trend, what the published cut-offs mean in plain words,
// and, when a score is low, the support contacts the user wrote themselves. Orbit never advises.
import * as api from "../api.js";
import { ApiError } from "../api.js";
import { longDate } from "../dates.js";
import { append, h, handleSubmit, screenHeader, showToast, titledSection, toastError, uid } from "../dom.js";
import { formatNumber, t } from "../i18n.js";
import { wellbeingTrend } from "../charts-wellbeing.js";
import { historyNav } from "./history-nav.js";

// The instrument's own English wording, by the server's keys (GET /wellbeing's `items`), so that
// each language shows its official translation from the catalogue.
const ITEM_WORDS = {
  cheerful: () => t("I have felt cheerful and in good spirits"),
  calm: () => t("I have felt calm and relaxed"),
  active: () => t("I have felt active and vigorous"),
  rested: () => t("I woke up feeling fresh and rested"),
  interested: () => t("My daily life has been filled with things that interest me"),
};
const SCALE_WORDS = {
  5: () => t("All of the time"),
  4: () => t("Most of the time"),
  3: () => t("More than half of the time"),
  2: () => t("Less than half of the time"),
  1: () => t("Some of the time"),
  0: () => t("At no time"),
};
const BAND_WORDS = {
  good: () => t("Above 50: the range the WHO-5 counts as good wellbeing."),
  poor: () => t("50 or below. The instrument's authors suggest that a score like this is worth talking through with someone: a person you trust, or your doctor."),
  low: () => t("28 or below. The instrument's authors read a score this low as a sign of possible depression. It is a screening score, not a diagnosis, and it is worth talking through with your doctor or someone you trust."),
};

/** Renders #/wellbeing. */
export async function render(screenEl) {
  const state = await api.getWellbeing();
  const redraw = async (focusSelector) => {
    const fresh = await api.getWellbeing();
    screenEl.replaceChildren();
    draw(screenEl, fresh, redraw);
    // A heading, not a control: focus on an input would send the toast away (app.js).
    const focusEl = screenEl.querySelector(focusSelector);
    focusEl?.setAttribute("tabindex", "-1");
    focusEl?.focus();
  };
  draw(screenEl, state, redraw);
}

function draw(screenEl, state, redraw) {
  append(screenEl, screenHeader(t("Wellbeing")), historyNav("wellbeing"));
  if (!state.enabled) {
    append(screenEl, introCard(redraw), aboutCard());
    return;
  }
  const { latest } = state;
  // Due: the questions come first, the last check after them; else the latest leads.
  append(screenEl,
    state.due ? questionsCard(state, redraw) : null,
    latest ? resultCard(latest) : null,
    latest?.low ? contactsCard(state.contacts) : null,
    state.due ? null : notDueCard(state, redraw),
    state.checks.length ? titledSection(t("Your scores over time"), { className: "card chart-card wellbeing-trend" },
      wellbeingTrend(state.checks)) : null,
    aboutCard());
}

/** When the check is off: what it is, and the one tap that turns it on. */
function introCard(redraw) {
  const buttonEl = h("button", { type: "button", class: "button primary block", text: t("Turn on the wellbeing check") });
  buttonEl.addEventListener("click", async () => {
    buttonEl.disabled = true;
    try {
      await api.putWellbeingSettings({ enabled: true });
      showToast(t("Wellbeing check on"));
      await redraw(".wellbeing-questions h2");
    } catch (error) {
      buttonEl.disabled = false;
      toastError(error);
    }
  });
  return titledSection(t("A short check on how you've been"), { className: "card wellbeing-intro" },
    h("p", { text: t("Every two weeks, five questions about how the last two weeks have felt. You see a score from 0 to 100 and how it moves over time.") }),
    h("p", { class: "hint", text: t("It stays off until you turn it on, and only you see it. You can turn it off again in Settings, where you can also write down the people you would want to reach when things are hard.") }),
    buttonEl,
    h("a", { class: "button ghost block", href: "#/settings", text: t("Open Settings") }));
}

/** The latest score, what it suggests, and how it moved since the check before. */
function resultCard(latest) {
  const headingId = uid("wellbeing-result");
  return h("section", { class: `card wellbeing-result wellbeing-${latest.band}`, "aria-labelledby": headingId, "data-band": latest.band },
    h("h2", { id: headingId, tabindex: "-1", text: t("Your latest check") }),
    h("p", { class: "wellbeing-score" },
      h("strong", { text: formatNumber(latest.score) }),
      h("span", { text: t("of 100, on {date}", { date: longDate(latest.date) }) })),
    h("p", { class: "wellbeing-band", text: BAND_WORDS[latest.band]() }),
    h("p", { class: "hint wellbeing-change", text: changeText(latest) }));
}

function changeText({ direction, change }) {
  if (direction === "first") return t("Your first check. The next ones show how it moves.");
  if (direction === "up") return t("Up {points} points since the check before.", { points: change });
  if (direction === "down") return t("Down {points} points since the check before.", { points: -change });
  return t("About the same as the check before ({points} points).", {
    points: formatNumber(change, { signDisplay: "exceptZero" }) });
}

/** A low score: the people and services the user wrote down themselves, in their words. */
function contactsCard(contacts) {
  return titledSection(t("People you chose to reach"), { className: "card wellbeing-contacts" },
    contacts.trim()
      ? [h("p", { class: "hint", text: t("You wrote these down for times like this. Reaching out to one of them is a good next step.") }),
        h("p", { class: "wellbeing-contacts-text", text: contacts })]
      : [h("p", { text: t("You haven't written anyone down yet. In Settings you can note the people or services you would want to reach when things are hard.") }),
        h("a", { class: "button secondary", href: "#/settings", text: t("Add contacts in Settings") })]);
}

/** Not due yet: when the next check is, and the questions folded away for an earlier answer. */
function notDueCard(state, redraw) {
  return h("section", { class: "card wellbeing-next", "aria-label": t("Next check") },
    h("p", { text: t("Your next check is due on {date}.", { date: longDate(state.next_due) }) }),
    h("details", { class: "wellbeing-again" },
      h("summary", { text: t("Answer the questions now") }),
      questionsForm(state, redraw)));
}

function questionsCard(state, redraw) {
  return titledSection(t("Over the last two weeks"), { className: "card wellbeing-questions",
    hint: t("For each statement, choose the answer closest to how you have been feeling over the last two weeks.") },
  questionsForm(state, redraw));
}

/** The five statements, each a group of six answers (5: all of the time, to 0: at no time),
 * sent as one check. */
function questionsForm(state, redraw) {
  const items = state.items.map((item, index) => {
    return h("fieldset", { class: "wellbeing-question", "data-field": item.key },
      h("legend", {},
        h("span", { class: "wellbeing-number", text: t("{n}.", { n: index + 1 }) }), " ",
        h("span", { text: ITEM_WORDS[item.key]?.() || item.text })),
      h("div", { class: "wellbeing-options" }, state.scale.map((answer) => {
        const id = uid("wellbeing-answer");
        return h("span", { class: "wellbeing-option" },
          h("input", { type: "radio", name: item.key, id, value: String(answer.value) }),
          h("label", { for: id },
            h("span", { class: "wellbeing-value", "aria-hidden": "true", text: formatNumber(answer.value) }),
            h("span", { text: SCALE_WORDS[answer.value]?.() || answer.label })));
      })));
  });
  const submitEl = h("button", { type: "submit", class: "button primary block", text: t("Save this check") });
  const formEl = h("form", { class: "wellbeing-form", novalidate: true }, items, submitEl);
  handleSubmit(formEl, submitEl, async () => {
    const answers = {};
    const missing = {};
    for (const item of state.items) {
      const chosen = formEl.querySelector(`input[name="${item.key}"]:checked`);
      if (chosen) answers[item.key] = Number(chosen.value);
      else missing[item.key] = [t("Choose the answer closest to how it has been.")];
    }
    if (Object.keys(missing).length) {
      throw new ApiError({ status: 422, code: "validation_error", message: t("Answer all five to see your score."), fields: missing });
    }
    const check = await api.postWellbeingCheck(answers);
    showToast(t("Check saved: {score} of 100", { score: check.score }));
    await redraw(".wellbeing-result h2");
  });
  return formEl;
}

/** What the score is, what its cut-offs mean, and where the instrument comes from. */
function aboutCard() {
  return titledSection(t("About this check"), { className: "card wellbeing-about" },
    h("p", { text: t("The five statements are the WHO-5 Well-Being Index. Each answer counts from 0 to 5; their sum times four is the score, from 0 to 100.") }),
    h("p", { text: t("A score of 50 or below suggests it would help to talk things through with someone. At 28 or below, the instrument's authors see likely depression, worth talking over with a doctor. Orbit shows the score; it never diagnoses.") }),
    h("p", { class: "hint wellbeing-cite", text: t("WHO-5 Well-Being Index: WHO Regional Office for Europe, 1998. Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 Well-Being Index: a systematic review of the literature. Psychotherapy and Psychosomatics 2015;84:167–176.") }));
}
