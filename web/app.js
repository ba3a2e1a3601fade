// Start-up and hash routing: which screen shows, for whom, and where focus goes.
import * as api from "./api.js";
import * as store from "./store.js";
import { confirmDialog, h, hideActionToast, hideToast, showToast } from "./dom.js";
import { forgetUndos } from "./undo.js";
import { leaveGuard } from "./leave.js";
import { startSync } from "./sync.js";
import { announceUpdate } from "./release.js";
import { loadCatalogue, t, tc } from "./i18n.js";
import * as auth from "./screens/auth.js";
import * as reset from "./screens/reset.js";
import * as today from "./screens/today.js";
import * as habit from "./screens/habit.js";
import * as editor from "./screens/editor.js";
import * as identities from "./screens/identities.js";
import * as identity from "./screens/identity.js";
import * as settings from "./screens/settings.js";
import * as settingsReminders from "./screens/settings-reminders.js";
import * as week from "./screens/week.js";
import * as weekPrint from "./screens/week-print.js";
import { renderSuggested } from "./screens/week-apply.js";
import * as moodHistory from "./screens/history.js";
import * as journal from "./screens/journal.js";
import * as wellbeing from "./screens/wellbeing.js";
import * as settingsShares from "./screens/settings-shares.js";

const ROUTES = [
  { pattern: /^#\/signin$/, render: auth.renderSignIn, screen: "sign-in", title: () => t("Sign in"), public: true },
  { pattern: /^#\/signup(?:\?(.*))?$/, render: auth.renderSignUp, screen: "create-account", title: () => t("Create account"), public: true },
  { pattern: /^#\/forgot$/, render: reset.renderForgot, screen: "forgot-password", title: () => t("Forgot password"), public: true },
  // A reset link opens its screen even where someone is signed in: it signs in its own account.
  { pattern: /^#\/reset(?:\?(.*))?$/, render: reset.renderReset, screen: "new-password", title: () => t("New password"), public: true, anyone: true },
  { pattern: /^#\/today$/, render: today.render, screen: "today", title: () => t("Today"), tab: "today", fab: true, followsToday: true },
  { pattern: /^#\/today\/(\d{4}-\d{2}-\d{2})$/, render: today.render, screen: "today", title: () => t("Today"), tab: "today", fab: true },
  // A notification's tap (sw.js): that day, the habit's log button in focus.
  { pattern: /^#\/today(?:\/(\d{4}-\d{2}-\d{2}))?\?focus=(\d+)$/, render: today.renderFocused, screen: "today", title: () => t("Today"), tab: "today", fab: true },
  { pattern: /^#\/habit\/(\d+)$/, render: habit.render, screen: "habit", title: () => t("Habit"), followsToday: true },
  { pattern: /^#\/habit\/(\d+)\/edit$/, render: editor.renderEdit, screen: "edit-habit", title: () => t("Edit habit") },
  { pattern: /^#\/new$/, render: editor.renderNew, screen: "new-habit", title: () => t("New habit") },
  { pattern: /^#\/identities$/, render: identities.render, screen: "identities", title: () => t("Identities"), tab: "identities", fab: true },
  { pattern: /^#\/identities\/(\d+)$/, render: identity.render, screen: "identity", title: () => t("Identity"), tab: "identities", followsToday: true },
  { pattern: /^#\/week$/, render: week.render, screen: "week", title: () => t("Week"), tab: "week", fab: true, followsToday: true },
  { pattern: /^#\/week\/(\d{4}-\d{2}-\d{2})$/, render: week.render, screen: "week", title: () => t("Week"), tab: "week", fab: true },
  { pattern: /^#\/week\/(\d{4}-\d{2}-\d{2})\/print$/, render: weekPrint.render, screen: "week-summary", title: () => t("Week summary") },
  { pattern: /^#\/habit\/(\d+)\/edit\?(.+)$/, render: renderSuggested, screen: "edit-habit", title: () => t("Edit habit") },
  { pattern: /^#\/settings$/, render: settings.render, screen: "settings", title: () => t("Settings"), tab: "settings" },
  { pattern: /^#\/settings\/reminders$/, render: settingsReminders.render, screen: "reminders", title: () => t("Reminders"), tab: "settings" },
  { pattern: /^#\/settings\/shares$/, render: settingsShares.render, screen: "shares", title: () => "Shares", tab: "settings" },
  // The mood history (issue 25): a year, and the month whose moods are listed.
  { pattern: /^#\/history(?:\/(\d{4}))?(?:\?month=(\d{4}-\d{2}))?$/, render: moodHistory.render, screen: "history", title: () => "Mood history" },
  // The journal (issue 25): every note, with the search and filters in the address.
  { pattern: /^#\/journal(?:\?(.*))?$/, render: journal.render, screen: "journal", title: () => t("Journal") },
  // The wellbeing check (WHO-5, issue 25).
  { pattern: /^#\/wellbeing$/, render: wellbeing.render, screen: "wellbeing", title: () => t("Wellbeing") },
];
const HOME = "#/today";
// The CSP header (server/security.py) enforces Trusted Types. This default policy has no
// createHTML, so HTML strings (innerHTML and the like) still throw; script URLs (a service
// worker, a worker) pass when they are of this origin, which script-src allows anyway.
window.trustedTypes?.createPolicy("default", {
  createScriptURL(url) {
    if (new URL(url, location.href).origin === location.origin) return url;
    throw new TypeError(`Scripts load from this origin only, not ${url}`);
  },
});
const SLOW_MS = 250;
// A new screen takes no taps until this long after the tap that opened it: the second tap of a
// double tap on Save must not land on whatever the next screen has under the finger.
const SETTLE_MS = 400;
let lastTapAt = -Infinity;
document.addEventListener("pointerdown", () => { lastTapAt = performance.now(); }, true);

const mainEl = document.getElementById("main");
const tabbarEl = document.getElementById("tabbar");
const fabEl = document.getElementById("new-habit");
let navigation = 0;
let shownOn = null; // the user's date when the screen on show was drawn

function matchRoute(hash) {
  for (const route of ROUTES) {
    const match = route.pattern.exec(hash);
    if (match) return { route, params: match.slice(1) };
  }
  return null;
}

async function showScreen() {
  const current = ++navigation;
  const found = matchRoute(location.hash);
  if (!found) return redirect(store.user() ? HOME : "#/signin");
  const { route, params } = found;
  if (!route.public && !store.user()) return redirect("#/signin");
  if (route.public && !route.anyone && store.user()) return redirect(HOME);

  document.title = t("{screen} · Orbit", { screen: route.title() });
  updateChrome(route);
  // The screen being left stays in view until the next one has loaded, but takes no more taps:
  // a second tap on Save there would create the habit twice.
  if (mainEl.firstElementChild) mainEl.firstElementChild.inert = true;
  shownOn = store.today();
  const slowTimer = setTimeout(() => mainEl.setAttribute("aria-busy", "true"), SLOW_MS);
  const screenEl = h("div", { class: `screen screen-${route.tab || route.screen}` });
  try {
    await route.render(screenEl, ...params);
  } catch (error) {
    if (error.status === 401) return undefined;
    screenEl.replaceChildren(errorView(error, showScreen));
  } finally {
    api.forgetStartingDay(); // the first screen has had its use of the start-up read
    clearTimeout(slowTimer);
    if (current === navigation) mainEl.removeAttribute("aria-busy");
  }
  if (current !== navigation) return undefined;
  const settling = lastTapAt + SETTLE_MS - performance.now();
  if (settling > 0) {
    screenEl.classList.add("settling");
    setTimeout(() => screenEl.classList.remove("settling"), settling);
  }
  mainEl.replaceChildren(screenEl);
  mainEl.dataset.shown = location.hash; // which address is on show (the browser tests wait for it)
  window.scrollTo(0, 0);
  // A screen may name the control to start on (data-autofocus); otherwise its heading.
  const startEl = screenEl.querySelector("[data-autofocus]");
  if (startEl) startEl.focus();
  else screenEl.querySelector("h1")?.focus({ preventScroll: true });
  return undefined;
}

function redirect(hash) {
  location.replace(hash);
}

function updateChrome(route) {
  const signedIn = Boolean(store.user()) && !route.public;
  tabbarEl.hidden = !signedIn;
  // The tab bar keeps its five places; New habit's is empty where it makes no sense (a habit's
  // own screen, a form, Settings).
  fabEl.hidden = !signedIn;
  fabEl.classList.toggle("absent", !route.fab);
  fabEl.inert = !route.fab;
  document.body.classList.toggle("signed-in", signedIn);
  for (const linkEl of tabbarEl.querySelectorAll("a")) {
    if (linkEl.dataset.tab === route.tab) linkEl.setAttribute("aria-current", "page");
    else linkEl.removeAttribute("aria-current");
  }
}

// The shell's own words (web/index.html) are English until the app starts; then they are the
// catalogue's, like every screen's.
function labelChrome() {
  const TAB_LABELS = { today: t("Today"), week: t("Week"), identities: t("Identities"), settings: t("Settings") };
  for (const linkEl of tabbarEl.querySelectorAll("a[data-tab]")) {
    linkEl.querySelector("span").textContent = TAB_LABELS[linkEl.dataset.tab];
  }
  fabEl.querySelector("span").textContent = t("New habit");
  tabbarEl.setAttribute("aria-label", tc("navigation", "Main"));
  document.querySelector(".skip-link").textContent = t("Skip to content");
  const splashEl = mainEl.querySelector(".splash p");
  if (splashEl) splashEl.textContent = t("Loading Orbit…");
}

function errorView(error, retry) {
  return h("div", { class: "empty-state", role: "alert" },
    h("h1", { tabindex: "-1", text: t("That didn't load") }),
    h("p", { text: error.message || t("Something went wrong.") }),
    h("button", { type: "button", class: "button primary", text: t("Try again"), onclick: retry }));
}

function signedOut(message) {
  store.clear();
  showToast(message);
  location.hash = "#/signin";
}

/** Restores the session, if there is one, then shows the screen the address asks for. */
async function boot() {
  try {
    const user = await api.bootstrap();
    if (user) store.setUser(user);
  } catch (error) {
    if (error.status !== 401) {
      mainEl.replaceChildren(errorView(error, boot));
      return;
    }
    store.clear();
  }
  // The account's language, else the browser's (web/i18n.js): loaded before any screen's words.
  await loadCatalogue(store.user()?.locale || null);
  labelChrome();
  // A first visit from this browser opens on sign-up; someone who has signed in here before
  // (api.js remembers it) is welcomed back.
  if (!location.hash) redirect(store.user() ? HOME : api.knownHere() ? "#/signin" : "#/signup");
  else showScreen();
  startSync();
  announceUpdate();
}

// Leaving a form with unsaved changes asks first; "Stay" puts the address back without a redraw.
let shownHash = location.hash;
window.addEventListener("hashchange", async () => {
  if (leaveGuard.dirty()) {
    const leavingTo = location.hash;
    history.replaceState(null, "", shownHash);
    const leave = await confirmDialog({ title: t("Leave without saving?"), confirmLabel: t("Leave"),
      message: t("Your changes to this form are not saved yet."), danger: true, cancelLabel: t("Stay") });
    if (!leave) return;
    leaveGuard.clear();
    history.replaceState(null, "", leavingTo);
  }
  leaveGuard.clear();
  shownHash = location.hash;
  hideActionToast();
  forgetUndos();
  showScreen();
});
window.addEventListener("beforeunload", (event) => {
  if (leaveGuard.dirty()) event.preventDefault();
});
// Sent by api.js when a request finds the session gone, and by Settings on sign-out.
window.addEventListener("orbit:signed-out", (event) => {
  if (store.user()) signedOut(event.detail?.message || t("Your session ended. Please sign in again."));
});
// A phone keeps the app open for days. Back in view on a later day, a screen drawn for "today"
// (Today itself, a habit's charts) is drawn again, so a tap is never logged on yesterday.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState !== "visible" || !store.user() || shownOn === store.today()) return;
  if (matchRoute(location.hash)?.route.followsToday) showScreen();
});
fabEl.addEventListener("click", () => { location.hash = "#/new"; });
// A toast gives way once the user starts filling something in: it sits where a form's buttons
// are (the log panel's Log, a form's next control) and its news has been read by then.
document.addEventListener("focusin", (event) => {
  if (event.target.matches?.("input, textarea, select") && !event.target.closest("#toast")) hideToast();
});
// Writes made offline have reached the server: Today draws the server's items it was answered
// with (screens/today.js); any screen still showing them as pending after that is read again.
window.addEventListener("orbit:synced", () => setTimeout(() => {
  if (mainEl.querySelector(".pending-mark:not([hidden])")) showScreen();
}));
// A notification tapped while Orbit is open in a window its service worker cannot move (sw.js).
navigator.serviceWorker?.addEventListener("message", (event) => {
  if (event.data?.type !== "orbit:open") return;
  const url = new URL(event.data.url, location.href);
  if (url.origin === location.origin && url.hash) location.hash = url.hash;
});
// The service worker keeps the app shell, so the app opens with no network (sw.js).
// Registered once the page has loaded: its first download of the shell then never competes with
// the first screen's own requests.
window.addEventListener("load", () => navigator.serviceWorker?.register("/sw.js").catch(() => undefined), { once: true });
boot();
