// The only module that talks to the server. Every write goes through write(), so the offline
// queue of the next issue can be added in one place.
import * as offline from "./offline-store.js";
import * as badge from "./badge.js";

const BASE = "/api/v1";
const NETWORK_MESSAGE = "Orbit can't be reached. Check your connection and try again.";

const SESSION_HINT = "orbit.session";
const KNOWN_HINT = "orbit.known";

let csrfToken = null;

// A hint that this browser holds a session cookie (which is HttpOnly, so unreadable here): without
// it, start-up skips asking the server and shows sign-in at once, with no 401 in the console.
function rememberSession(signedIn) {
  try {
    if (signedIn) localStorage.setItem(SESSION_HINT, "1");
    else {
      localStorage.removeItem(SESSION_HINT);
      offline.forgetReads(); // the data kept for offline use leaves with the session
      badge.clear();
    }
  } catch {
    // Storage may be disabled; the hint is only an optimisation.
  }
}

/** True when someone has signed in (or up) from this browser before: start-up then opens on
 * sign-in rather than sign-up. */
export function knownHere() {
  try {
    return localStorage.getItem(KNOWN_HINT) === "1" || mayHaveSession();
  } catch {
    return true;
  }
}

function mayHaveSession() {
  try {
    return adoptServerSession() || localStorage.getItem(SESSION_HINT) === "1";
  } catch {
    return true;
  }
}

/** True (once) when the server signed this browser in without being asked here: the return from an
 * OpenID provider, or a reverse proxy's header. It says so in a readable cookie, which the session
 * hint then replaces. */
export function adoptServerSession() {
  if (!document.cookie.split("; ").includes("orbit_signed_in=1")) return false;
  document.cookie = "orbit_signed_in=; Max-Age=0; Path=/; SameSite=Lax";
  rememberSession(true);
  return true;
}

/** An error from the API (or the network), with the fields of the error envelope. */
export class ApiError extends Error {
  constructor({ status = 0, code = "network_error", message = NETWORK_MESSAGE, fields = null, codes = null }) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.codes = codes; // `fields` as machine codes and parameters (messages.js words them)
  }
}

function urlFor(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, value);
  }
  const search = params.toString();
  return BASE + path + (search ? `?${search}` : "");
}

async function errorFrom(response) {
  let envelope = null;
  try {
    envelope = (await response.json()).error;
  } catch {
    envelope = null;
  }
  return new ApiError({
    status: response.status,
    code: envelope?.code || "http_error",
    message: envelope?.message || `Something went wrong (${response.status}). Please try again.`,
    fields: envelope?.fields || null,
    codes: envelope?.codes || null,
  });
}

async function request(method, path, { body, form, query, signOutOn401 = true, retried = false } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";  // a form sets its own
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response;
  try {
    response = await fetch(urlFor(path, query), {
      method,
      headers,
      credentials: "same-origin",
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError({});
  }
  // 204 and 202 ("accepted": a test send) carry no body.
  if (response.ok) return response.status === 204 || response.status === 202 ? null : response.json();
  const error = await errorFrom(response);
  if (error.status === 403 && error.code === "csrf_failed" && !retried && (await restoreSession())) {
    return request(method, path, { body, form, query, signOutOn401, retried: true });
  }
  if (error.status === 401 && signOutOn401) {
    csrfToken = null;
    rememberSession(false);
    window.dispatchEvent(new CustomEvent("orbit:signed-out"));
  }
  throw error;
}

/** A GET. Its answer is kept (offline-store.js); with no network, the last answer kept is
 * returned instead and "orbit:offline" is announced. */
async function read(path, query) {
  const url = urlFor(path, query);
  try {
    const data = await request("GET", path, { query });
    offline.keepRead(url, data);
    return data;
  } catch (error) {
    if (error.code !== "network_error") throw error;
    const kept = await offline.keptRead(url);
    if (kept === undefined) throw error;
    window.dispatchEvent(new CustomEvent("orbit:offline"));
    return kept;
  }
}
/** Every change to the user's data passes here (the future offline queue's single entry). */
const write = (method, path, body) => request(method, path, { body });

// Session
/** Asks the server for this session's CSRF token; true when signed in. */
export async function restoreSession() {
  if (!mayHaveSession()) return false;
  try {
    csrfToken = (await request("GET", "/auth/csrf", { signOutOn401: false })).csrf_token;
    return true;
  } catch (error) {
    // Offline, a session known here opens on the last data kept (sync.js fetches the token later).
    if (error.code === "network_error" && (await offline.keptRead(urlFor("/me"))) !== undefined) return true;
    if (error.status !== 401) throw error;
    rememberSession(false);
    return false;
  }
}

/** The app's first read (GET /bootstrap): the user, this session's CSRF token and their Today in
 * one round trip; null when not signed in. Offline, the user kept from the last start (Today then
 * opens on its kept read). */
export async function bootstrap() {
  if (!mayHaveSession()) return null;
  try {
    const answer = await request("GET", "/bootstrap", { signOutOn401: false });
    csrfToken = answer.csrf_token;
    offline.keepRead(urlFor("/me"), answer.user);
    offline.keepRead(urlFor("/today", { date: answer.today.date }), answer.today);
    startingDay = answer.today;
    badge.fromToday(answer.today);
    return answer.user;
  } catch (error) {
    if (error.code === "network_error") {
      const kept = await offline.keptRead(urlFor("/me"));
      if (kept !== undefined) return kept;
    }
    if (error.status !== 401) throw error;
    rememberSession(false);
    return null;
  }
}
// Today as GET /bootstrap gave it: the first screen's GET /today of that day is answered from it.
let startingDay = null;
/** Once the first screen is drawn: Today is read afresh from then on. */
export function forgetStartingDay() {
  startingDay = null;
}

async function startSession(path, body) {
  const result = await request("POST", path, { body, signOutOn401: false });
  csrfToken = result.csrf_token;
  rememberSession(true);
  offline.keepRead(urlFor("/me"), result.user); // what GET /me would answer, for an offline start
  try {
    localStorage.setItem(KNOWN_HINT, "1");
  } catch {
    // Storage may be disabled: the next visit opens on sign-up, one tap from sign-in.
  }
  return result.user;
}

export const register = (email, password, timezone, invite = null) =>
  startSession("/auth/register", invite ? { email, password, timezone, invite } : { email, password, timezone });
/** Who may sign up here, and whether `invite` (a token, or null) is good: no sign-in needed. */
export const getSignUps = (invite = null) =>
  request("GET", "/signups", { query: { invite }, signOutOn401: false });
export const login = (email, password) => startSession("/auth/login", { email, password });
/** The ways in (password, an OpenID provider's button), and a provider's sign-in waiting here. */
export const getSignInMethods = () => request("GET", "/auth/methods", { signOutOn401: false });
/** Links the provider's waiting sign-in to its email's account with that account's password. */
export const linkProvider = (password) => startSession("/auth/oidc/link", { password });
/** Whether this server emails reset links ({ by_email }), or its operator makes them. */
export const getPasswordReset = () => request("GET", "/auth/password-reset", { signOutOn401: false });
/** Asks for a reset link for `email`; the answer is the same whether or not it has an account. */
export const requestPasswordReset = (email) =>
  request("POST", "/auth/password-reset", { body: { email }, signOutOn401: false });
export const checkResetLink = (token) =>
  request("POST", "/auth/password-reset/check", { body: { token }, signOutOn401: false });
/** Sets a new password with a reset link's token, and signs in here. */
export const resetPassword = (token, password) =>
  startSession("/auth/password-reset/confirm", { token, password });
export async function logout() {
  await write("POST", "/auth/logout");
  csrfToken = null;
  rememberSession(false);
}

// Account
export const getMe = () => read("/me");
export const updateMe = (changes) => write("PATCH", "/me", changes);
export const changePassword = (currentPassword, newPassword) =>
  write("POST", "/me/password", { current_password: currentPassword, new_password: newPassword });
export async function deleteAccount(password) {
  await write("DELETE", "/me", { password });
  csrfToken = null;
  rememberSession(false);
}
export const listTokens = () => read("/tokens");
/** A new token: full access, or (with `habitIds`) only logging those habits' check-ins. */
export const createToken = (name, habitIds = null) =>
  write("POST", "/tokens", habitIds ? { name, scope: "checkins", habit_ids: habitIds } : { name });
export const revokeToken = (id) => write("DELETE", `/tokens/${id}`);
// Passkeys and the ways in (web/passkeys.js runs the browser's half of a ceremony)
export const getPasskeysOn = () => request("GET", "/auth/passkey", { signOutOn401: false });
export const passkeySignInOptions = () => request("POST", "/auth/passkey/options", { signOutOn401: false });
export const signInWithPasskey = (credential) => startSession("/auth/passkey", { credential });
export const passkeySignUpOptions = (email, timezone, invite = null) => request("POST",
  "/auth/register/passkey/options", { body: invite ? { email, timezone, invite } : { email, timezone }, signOutOn401: false });
export const signUpWithPasskey = (credential, name) => startSession("/auth/register/passkey", { credential, name });
export const passkeyAddOptions = () => write("POST", "/me/passkeys/options");
export const addPasskey = (credential, name) => write("POST", "/me/passkeys", { credential, name });
export const renamePasskey = (id, name) => write("PATCH", `/me/passkeys/${id}`, { name });
export const removePasskey = (id) => write("DELETE", `/me/passkeys/${id}`);
export const getSignInWays = () => read("/me/sign-in");
/** The OpenID providers linked to the account; [] where the server has none to link. */
export const listProviders = () => read("/me/providers").catch((error) => {
  if (error.status === 404) return [];
  throw error;
});
export const signOutEverywhere = () => write("POST", "/me/sign-out-everywhere");

// Identities
export const listIdentities = () => read("/identities");
export const createIdentity = (data) => write("POST", "/identities", data);
export const updateIdentity = (id, changes) => write("PATCH", `/identities/${id}`, changes);
export const deleteIdentity = (id) => write("DELETE", `/identities/${id}`);
export const getIdentity = (id) => read(`/identities/${id}`);
/** Votes per week for the last `weeks` weeks (oldest first), and this month against last. */
export const getIdentityVotes = (id, weeks = 26) => read(`/identities/${id}/votes`, { weeks });
/** The latest check-ins that are votes for the identity, newest first, with their notes. */
export const getIdentityEvidence = (id, limit = 10) => read(`/identities/${id}/evidence`, { limit });

// Habits
export const listHabits = (archived = "false") => read("/habits", { archived });
export const getHabit = (id) => read(`/habits/${id}`);
export const createHabit = (data) => write("POST", "/habits", data);
export const updateHabit = (id, changes) => write("PATCH", `/habits/${id}`, changes);
export const deleteHabit = (id) => write("DELETE", `/habits/${id}`);
export const archiveHabits = (habitIds, archived) =>
  write("POST", "/habits/archive", { habit_ids: habitIds, archived });
export const getTemplates = () => read("/templates");

// Check-ins and the day
/** The day as Today draws it, judged by the server (GET /today). */
export function getToday(date) {
  const started = startingDay;
  startingDay = null;
  if (started && started.date === date) return Promise.resolve(started);
  return read("/today", { date }).then((day) => {
    badge.fromToday(day); // the app badge counts what the server says is left today
    return day;
  });
}
/** A check-in write's answer, after the badge has followed its Today item. */
function badgeFollows(date, answer) {
  badge.fromItems([[date, answer?.today]]);
  return answer;
}
// Each write answers with the habit's Today item of the day (`today`), drawn as it is.
export const putCheckin = (habitId, date, data) =>
  write("PUT", `/habits/${habitId}/checkins/${date}?include=today`, data)
    .then((answer) => badgeFollows(date, answer));
export const deleteCheckin = (habitId, date) =>
  write("DELETE", `/habits/${habitId}/checkins/${date}?include=today`)
    .then((answer) => badgeFollows(date, answer));
export const listCheckins = (habitId, from, to) => read(`/habits/${habitId}/checkins`, { from, to });
export const putReflection = (date, data) => write("PUT", `/reflections/${date}`, data);
/** Replays writes made offline (sync.js): `items` as POST /checkins/batch takes them. (The
 * screens read today again once synced, and the badge follows that read.) */
/** Replays queued writes; each result that went through carries its habit's Today item. */
export const replayCheckins = (items) => write("POST", "/checkins/batch?include=today", { items });

// Statistics
/** A habit's screen in one read: stats, calendar, strength, completion rows, notes, pauses. */
export const getOverview = (habitId) => read(`/habits/${habitId}/overview`);
export const getStats = (habitId, date) => read(`/habits/${habitId}/stats`, { date });
export const getStrength = (habitId, from, to) => read(`/habits/${habitId}/strength`, { from, to });
export const getCalendar = (habitId, from, to) => read(`/habits/${habitId}/calendar`, { from, to });

// Weekly summaries
/** The summary of the user's week holding `date` (default: the last complete week). */
export const getWeeklySummary = (date, { hidePrivate = false } = {}) =>
  read("/summaries/weekly", { date, hide_private: hidePrivate ? "true" : undefined });
/** The Week screen in one read: {summary, last_week, history, habits, identities}. */
export const getWeekScreen = (date) => read("/summaries/weekly/screen", { date });
/** One row per week, newest (this week) first. */
export const getWeeklyHistory = (weeks = 12) => read("/summaries/weekly/history", { weeks });

// Reminders (for a habit, the daily reflection or the weekly summary)
export const listReminders = () => read("/reminders");
export const createReminder = (data) => write("POST", "/reminders", data);
export const updateReminder = (id, changes) => write("PATCH", `/reminders/${id}`, changes);
export const deleteReminder = (id) => write("DELETE", `/reminders/${id}`);
/** Sends the reminder now on its channels; a 409 says why it could not be sent. */
export const testReminder = (id) => write("POST", `/reminders/${id}/test`);
export const upcomingReminders = (hours = 24) => read("/reminders/upcoming", { hours });
// Apprise targets: every call answers 404 when the server's operator has Apprise off.
export const listNotifyTargets = () => read("/notify/targets");
export const getChannels = () => read("/reminders/channels");
export const addNotifyTarget = (label, url) => write("POST", "/notify/targets", { label, url });
export const deleteNotifyTarget = (id) => write("DELETE", `/notify/targets/${id}`);
export const testNotifyTarget = (id) => write("POST", `/notify/targets/${id}/test`);
// Webhooks: {url, events, include_private}; the answer to adding one holds its secret, once.
export const listWebhooks = () => read("/webhooks");
export const addWebhook = (webhook) => write("POST", "/webhooks", webhook);
export const deleteWebhook = (id) => write("DELETE", `/webhooks/${id}`);
/** Sends a signed test now: the webhook with its last delivery, or a 409 saying why not. */
export const testWebhook = (id) => write("POST", `/webhooks/${id}/test`);
// Web Push: the server's key, this user's devices (each with the SHA-256 of its endpoint), a test.
export const getPushKey = () => request("GET", "/push/key");
export const listDevices = () => read("/push/subscriptions");
/** `subscription` as PushSubscription.toJSON() gives it: {endpoint, keys: {p256dh, auth}}. */
export const addDevice = ({ endpoint, keys }) => write("POST", "/push/subscriptions", { endpoint, keys });
export const removeThisDevice = (endpoint) => write("DELETE", "/push/subscriptions", { endpoint });
export const removeDevice = (id) => write("DELETE", `/push/subscriptions/${id}`);
/** Sends a test notification to every device; a 409 says why nothing was sent. */
export const testPush = () => write("POST", "/push/test");
// The calendar feed's secret URL (GET answers 404 while there is none).
export const getCalendarUrl = () => read("/calendar/token");
export const newCalendarUrl = () => write("POST", "/calendar/token");
export const stopCalendar = () => write("DELETE", "/calendar/token");

// Pauses: of one habit (habit_id) or of every habit; resume = set the last paused day.
export const listPauses = (habitId) => read("/pauses", { habit_id: habitId });
export const createPause = (data) => write("POST", "/pauses", data);
export const updatePause = (id, changes) => write("PATCH", `/pauses/${id}`, changes);
export const deletePause = (id) => write("DELETE", `/pauses/${id}`);

// Import and export
/** Uploads a file to import (POST /import/file tells its format from its contents); the report
 * `{created, updated, warnings}`. Not queued offline: the file stays on the device until sent. */
export function importFile(file) {
  const form = new FormData();
  form.append("file", file);
  return request("POST", "/import/file", { form });
}
/** Where the browser downloads everything (a GET with the session cookie): json or csv (a zip). */
export const exportUrl = (format = "json") => urlFor("/export", format === "json" ? {} : { format });

// Chapters, the fresh start Today offers, and the weekly reflection answers (issue 24)
export const listChapters = () => read("/chapters");
export const createChapter = (data) => write("POST", "/chapters", data);
export const updateChapter = (id, changes) => write("PATCH", `/chapters/${id}`, changes);
export const deleteChapter = (id) => write("DELETE", `/chapters/${id}`);
/** The current chapter and the votes since it began, in all and per identity. */
export const getChapterEvidence = () => read("/chapters/evidence");
export const getFreshStart = () => read("/fresh-start");
export const setLandmarks = (landmarks) => write("PATCH", "/fresh-start", { landmarks });
export const dismissFreshStart = () => write("POST", "/fresh-start/dismiss");
/** The prompt of the week holding `date`, with its answer (null until answered). */
export const getWeekAnswer = (date) => read(`/summaries/weekly/answers/${date}`);
export const putWeekAnswer = (date, answer) => write("PUT", `/summaries/weekly/answers/${date}`, { answer });
/** The answered weeks among the last `weeks`, newest first. */
export const listWeekAnswers = (weeks = 12) => read("/summaries/weekly/answers", { weeks });
