// The daily mood check on Today: one tap for 1-5, and an optional note.
import * as api from "../api.js";
import { h, handleSubmit, showToast, svg, toastError, uid, withBusy } from "../dom.js";
import { addDays, dayName } from "../dates.js";
import { saveReflection } from "../sync.js";
import { t, tc } from "../i18n.js";

// Each mood as a label, and as it reads inside a sentence ("Saved: low."): the catalogue's, for
// the language on show when it is drawn.
const MOODS = [
  () => [t("Rough"), tc("mood, within a sentence", "rough")],
  () => [t("Low"), tc("mood, within a sentence", "low")],
  () => [t("Okay"), tc("mood, within a sentence", "okay")],
  () => [t("Good"), tc("mood, within a sentence", "good")],
  () => [t("Great"), tc("mood, within a sentence", "great")],
];
const moodInSentence = (mood) => MOODS[mood - 1]()[1];

/** A card for the reflection of `date` (null when there is none yet). Once a mood is set it
 * folds to one line (the mood, a note button, Change), so the habits stay in view; the note is
 * folded too until asked for. */
export function moodCard(date, reflection, today) {
  let current = reflection;
  let expanded = !reflection;
  const headingId = uid("mood");
  const cardEl = h("section", { class: "card mood-card", "aria-labelledby": headingId });
  const buttonsEl = h("div", { class: "mood-options", role: "group", "aria-labelledby": headingId });
  const statusEl = h("p", { class: "hint mood-status", "aria-live": "polite" });
  const summaryEl = h("p", { class: "mood-summary" });
  // Saved on this phone only, until sync.js replays it.
  const pendingEl = h("p", { class: "hint pending-mark", text: t("Not synced yet"), hidden: true });
  const changeEl = h("button", { type: "button", class: "button ghost small", "aria-expanded": "false", text: t("Change"),
    "aria-label": t("Change mood") });
  const noteEl = h("textarea", { name: "note", rows: "2", maxlength: "2000", id: uid("mood-note"),
    placeholder: t("What's on your mind?") });
  noteEl.value = reflection?.note || "";
  const noteSubmitEl = h("button", { type: "submit", class: "button secondary small", text: t("Save note") });
  const noteFormEl = h("form", { class: "mood-note", hidden: true, novalidate: true },
    h("div", { class: "field", "data-field": "note" }, h("label", { for: noteEl.id, text: t("Note about your day") }), noteEl),
    noteSubmitEl);
  const noteToggleEl = h("button", { type: "button", class: "button ghost small", "aria-expanded": "false" });

  const paintNoteToggle = () => {
    noteToggleEl.setAttribute("aria-expanded", String(!noteFormEl.hidden));
    noteToggleEl.textContent = !noteFormEl.hidden ? t("Hide note") : current?.note ? t("Note") : t("Add a note");
    if (noteFormEl.hidden && current?.note) noteToggleEl.setAttribute("aria-label", t("Show note"));
    else noteToggleEl.removeAttribute("aria-label");
  };
  const paint = () => {
    buttonsEl.querySelectorAll("button").forEach((buttonEl, index) => {
      buttonEl.setAttribute("aria-pressed", String(current?.mood === index + 1));
    });
    const collapsed = Boolean(current) && !expanded;
    cardEl.classList.toggle("collapsed", collapsed);
    statusEl.textContent = current ? t("Saved: {mood}.", { mood: moodInSentence(current.mood) }) : t("One tap is enough.");
    summaryEl.replaceChildren(...(current ? [face(current.mood), h("span", { text: isToday
      ? t("Feeling {mood}", { mood: moodInSentence(current.mood) }) : t("Felt {mood}", { mood: moodInSentence(current.mood) }) })] : []));
    pendingEl.hidden = !current?.pending;
    changeEl.hidden = !collapsed;
    paintNoteToggle();
  };
  // One write at a time, in tap order: a quick change of mind ("Low", no, "Good") ends on the
  // last tap, however the network orders the requests. The body is read when its turn comes.
  const inTurn = serially();
  let pending = 0;
  const save = (bodyOf) => inTurn(async () => {
    current = await saveReflection(date, bodyOf(), current);
    paint();
  });

  MOODS.forEach((words, index) => {
    const mood = index + 1;
    const [word] = words();
    const buttonEl = h("button", { type: "button", class: `mood-option mood-${mood}`, "aria-pressed": "false",
      "aria-label": t("{mood} ({n} of {count})", { mood: word, n: mood, count: MOODS.length }) }, face(mood),
    h("span", { text: word, "aria-hidden": "true" }));
    // Only the mood: the stored note stays as it is (it may have changed on another device).
    buttonEl.addEventListener("click", () => {
      pending += 1;
      withBusy(buttonEl, () => save(() => ({ mood })).catch(toastError)).finally(() => {
        pending -= 1;
        // Folds once the last of quick taps is saved, keeping focus on the card.
        if (pending === 0 && current && expanded) {
          expanded = false;
          paint();
          if (cardEl.contains(document.activeElement) || document.activeElement === document.body) changeEl.focus();
        }
      });
    });
    buttonsEl.append(buttonEl);
  });
  changeEl.addEventListener("click", () => {
    expanded = true;
    paint();
    buttonsEl.querySelector("[aria-pressed=true]")?.focus();
  });
  noteToggleEl.addEventListener("click", () => {
    noteFormEl.hidden = !noteFormEl.hidden;
    paintNoteToggle();
    if (!noteFormEl.hidden) noteEl.focus();
  });
  handleSubmit(noteFormEl, noteSubmitEl, async () => {
    await save(() => {
      if (!current) throw new api.ApiError({ code: "validation_error", message: t("Pick a mood first, then save the note.") });
      return { mood: current.mood, note: noteEl.value };
    });
    showToast(t("Note saved"));
  });

  const isToday = date === today;
  const dayText = dayName(date, today);
  cardEl.append(
    h("h2", { id: headingId, text: isToday ? t("How are you feeling?")
      : addDays(date, 1) === today ? t("How was yesterday?") : t("How was {day}?", { day: dayText }) }),
    buttonsEl,
    h("div", { class: "mood-footer" }, statusEl, summaryEl, h("span", { class: "mood-actions" }, noteToggleEl, changeEl)),
    pendingEl, noteFormEl);
  paint();
  return cardEl;
}

/** Runs the async functions given to it one after another, in call order: the last of quick
 * taps is the last write the server sees, whatever the network does. */
function serially() {
  let queue = Promise.resolve();
  return (task) => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
}

/** A small face whose mouth curves with the mood. */
function face(mood) {
  const curve = 15 + (mood - 3) * 2.2;
  return svg("svg", { class: "face", viewBox: "0 0 24 24", "aria-hidden": "true" },
    svg("circle", { cx: 12, cy: 12, r: 10 }),
    svg("circle", { class: "eye", cx: 8.6, cy: 9.6, r: 1.1 }),
    svg("circle", { class: "eye", cx: 15.4, cy: 9.6, r: 1.1 }),
    svg("path", { d: `M7.5 ${15 - (mood - 3) * 0.4} Q12 ${curve} 16.5 ${15 - (mood - 3) * 0.4}` }));
}
