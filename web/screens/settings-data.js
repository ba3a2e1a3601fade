// Settings → Your data: import a file from another app (or an Orbit export) and see what it
// brought; download everything as JSON or as spreadsheets (a zip of CSV files).
import * as api from "../api.js";
import { field, h, handleSubmit, titledSection, toastError } from "../dom.js";
import { locale, t, tn } from "../i18n.js";

// What the file picker offers first; any file can still be chosen (the server tells formats apart).
const ACCEPT = ".db,.sqlite,.sqlite3,.backup,.csv,.json,application/json,text/csv,application/octet-stream";
// Each kind's count in words, plural by the language's rules.
const KINDS = [
  ["habits", (n) => tn("{n} habit", "{n} habits", n)], ["checkins", (n) => tn("{n} check-in", "{n} check-ins", n)],
  ["reflections", (n) => tn("{n} mood", "{n} moods", n)], ["identities", (n) => tn("{n} identity", "{n} identities", n)],
  ["reminders", (n) => tn("{n} reminder", "{n} reminders", n)], ["pauses", (n) => tn("{n} pause", "{n} pauses", n)],
];

/** The Settings section for import and export. */
export function dataSection() {
  const fileEl = h("input", { type: "file", name: "file", accept: ACCEPT });
  const reportEl = h("div", { class: "import-report", role: "status", hidden: true });
  const submitEl = h("button", { type: "submit", class: "button primary", text: t("Import") });
  const formEl = h("form", { novalidate: true },
    field(t("File to import"), fileEl, t("A Loop Habit Tracker backup, a HabitBull or Daylio CSV, a Rewire or Tickmate database, or an Orbit export. Importing the same file again changes nothing.")),
    submitEl);
  handleSubmit(formEl, submitEl, async () => {
    reportEl.hidden = true;
    const [file] = fileEl.files;
    if (!file) throw new api.ApiError({ status: 422, code: "validation_error", message: t("Choose a file first."),
      fields: { file: [t("Choose a file first.")] } });
    submitEl.textContent = t("Importing…");
    try {
      showReport(reportEl, file.name, await api.importFile(file));
    } finally {
      submitEl.textContent = t("Import");
    }
    fileEl.value = "";
  });
  const downloadsEl = h("div", { class: "download-row" },
    h("a", { class: "button secondary", href: api.exportUrl("json"), download: "", text: t("Download everything (JSON)") }),
    h("a", { class: "button secondary", href: api.exportUrl("csv"), download: "", text: t("Spreadsheets (CSV zip)") }));
  return titledSection(t("Your data"), { className: "card settings-section",
    hint: t("Bring your history from another app, or take all of it with you at any time.") },
  formEl, reportEl, h("h3", { class: "subheading", text: t("Export") }),
  h("p", { class: "hint", text: t("Private habits are included: the file is yours. The JSON file imports back into Orbit.") }),
  downloadsEl);
}

function counted(counts) {
  const parts = KINDS.filter(([key]) => counts[key]).map(([key, words]) => words(counts[key]));
  return new Intl.ListFormat(locale(), { type: "unit" }).format(parts); // "2 habits, 1 check-in", the locale's way
}

/** The habits an import archived on arrival (unused for two months), all back with one tap. */
function restoreAll(habitIds) {
  const count = habitIds.length;
  const buttonEl = h("button", { type: "button", class: "button small",
    text: tn("Restore it", "Restore all {n}", count) });
  const noteEl = h("p", { class: "import-archived" },
    h("span", { text: tn("One habit had no check-in in the last two months and arrived archived, so this week shows what you do now.",
      "{n} habits had no check-in in the last two months and arrived archived, so this week shows what you do now.", count) + " " }),
    buttonEl);
  buttonEl.addEventListener("click", async () => {
    buttonEl.disabled = true;
    try {
      await api.archiveHabits(habitIds, false);
      noteEl.replaceChildren(h("span", { text: tn("Restored: it is on Today again.", "Restored: all {n} are on Today again.", count) }));
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
  if (created) lines.push(h("p", {}, h("strong", { text: t("Added:") }), " ", created));
  if (updated) lines.push(h("p", {}, h("strong", { text: t("Updated:") }), " ", updated));
  if (!created && !updated) lines.push(h("p", { text: t("Nothing new: everything in this file is already here.") }));
  if (report.warnings.length) {
    lines.push(h("details", { class: "import-warnings", open: report.warnings.length <= 3 },
      h("summary", { text: tn("{n} note on what changed in the move", "{n} notes on what changed in the move", report.warnings.length) }),
      h("ul", {}, report.warnings.map((warning) => h("li", { text: warning })))));
  }
  if (report.archived?.length) lines.push(restoreAll(report.archived));
  reportEl.replaceChildren(h("p", { class: "import-report-title", text: t("Imported {file}", { file: fileName }) }), ...lines);
  reportEl.hidden = false;
  reportEl.scrollIntoView({ block: "nearest" });
}
