// Unsaved forms: a screen with a form registers how to tell it was edited, and the app asks
// before leaving it (another screen, Back, reload or closing the tab).

let check = null;

/** The form on show: `watch(formEl)` snapshots its values; dirty() compares with them. */
export const leaveGuard = {
  watch(formEl) {
    let saved = snapshot(formEl);
    check = { formEl, saved: () => saved };
    return { saved: () => { saved = snapshot(formEl); } };
  },
  dirty() {
    return Boolean(check?.formEl.isConnected && snapshot(check.formEl) !== check.saved());
  },
  clear() {
    check = null;
  },
};

function snapshot(formEl) {
  return JSON.stringify([...formEl.elements].filter((el) => el.name).map((el) =>
    (el.type === "checkbox" || el.type === "radio" ? el.checked : el.value)));
}
