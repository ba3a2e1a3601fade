// Settings → Your data: import a file from another app (or an Orbit export) and see what it
// brought; download everything as JSON or as spreadsheets (a zip of CSV files).
import * as api from "../api.js";
import { field, h, handleSubmit, titledSection, toastError } from "../dom.js";

// What the file picker offers first; any file can still be chosen (the server tells formats apart).
const ACCEPT = ".db,.sqlite,.sqlite3,.backup,.csv,.json,application/json,text/csv,application/octet-stream";
const KINDS = [
  ["habits", "habit", "habits"], ["checkins", "check-in", "check-ins"],
  ["reflections", "mood", "moods"], ["identities", "identity", "identities"],
  ["reminders", "reminder", "reminders"], ["pauses", "pause", "pauses"],
];

/** The Settings section for import and export. */
export function dataSection() {
  const fileEl = h("input", { type: "file", name: "file", accept: ACCEPT });
  const reportEl = h("div", { class: "import-report", role: "status", hidden: true });
  const submitEl = h("button", { type: "submit", class: "button primary", text: "Import" });
  const formEl = h("form", { novalidate: true },
    field("File to import", fileEl, "A Loop Habit Tracker backup, a HabitBull or Daylio CSV, a Rewire or "
      + "Tickmate database, or an Orbit export. Importing the same file again changes nothing."),
    submitEl);
  handleSubmit(formEl, submitEl, async () => {
    reportEl.hidden = true;
    const [file] = fileEl.files;
    if (!file) throw new api.ApiError({ status: 422, code: "validation_error", message: "Choose a file first.",
      fields: { file: ["Choose a file first."] } });
    submitEl.textContent = "Importing…";
    try {
      showReport(reportEl, file.name, await api.importFile(file));
    } finally {
      submitEl.textContent = "Import";
    }
    fileEl.value = "";
  });
  const downloadsEl = h("div", { class: "download-row" },
    h("a", { class: "button secondary", href: api.exportUrl("json"), download: "", text: "Download everything (JSON)" }),
    h("a", { class: "button secondary", href: api.exportUrl("csv"), download: "", text: "Spreadsheets (CSV zip)" }));
  return titledSection("Your data", { className: "card settings-section",
    hint: "Bring your history from another app, or take all of it with you at any time." },
  formEl, reportEl, h("h3", { class: "subheading", text: "Export" }),
  h("p", { class: "hint", text: "Private habits are included: the file is yours. The JSON file imports back into Orbit." }),
  downloadsEl);
}

function counted(counts) {
  return KINDS.filter(([key]) => counts[key]).map(([key, one, many]) =>
    `${counts[key].toLocaleString()} ${counts[key] === 1 ? one : many}`).join(", ");
}

/** The habits an import archived on arrival (unused for two months), all back with one tap. */
function restoreAll(habitIds) {
  const count = habitIds.length;
  const buttonEl = h("button", { type: "button", class: "button small",
    text: count === 1 ? "Restore it" : `Restore all ${count}` });
  const noteEl = h("p", { class: "import-archived" },
    h("span", { text: `${count === 1 ? "One habit" : `${count} habits`} had no check-in in the last two months and arrived archived, so this week shows what you do now. ` }),
    buttonEl);
  buttonEl.addEventListener("click", async () => {
    buttonEl.disabled = true;
    try {
      await api.archiveHabits(habitIds, false);
      noteEl.replaceChildren(h("span", { text: count === 1 ? "Restored: it is on Today again." : `Restored: all ${count} are on Today again.` }));
    } catch (error) {
      buttonEl.disabled = false;
      toastError(error);
    }
  });
  return noteEl;
}

/** What an import did: created, updated, or nothing new, and what could not be mapped exactly. */
function showReport(reportEl, fileName, report) {
  const created = counted(report.created);
  const updated = counted(report.updated);
  const lines = [];
  if (created) lines.push(h("p", {}, h("strong", { text: "Added: " }), created));
  if (updated) lines.push(h("p", {}, h("strong", { text: "Updated: " }), updated));
  if (!created && !updated) lines.push(h("p", { text: "Nothing new: everything in this file is already here." }));
  if (report.warnings.length) {
    lines.push(h("details", { class: "import-warnings", open: report.warnings.length <= 3 },
      h("summary", { text: `${report.warnings.length} note${report.warnings.length === 1 ? "" : "s"} on what changed in the move` }),
      h("ul", {}, report.warnings.map((warning) => h("li", { text: warning })))));
  }
  if (report.archived?.length) lines.push(restoreAll(report.archived));
  reportEl.replaceChildren(h("p", { class: "import-report-title", text: `Imported ${fileName}` }), ...lines);
  reportEl.hidden = false;
  reportEl.scrollIntoView({ block: "nearest" });
}
