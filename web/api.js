// The server's endpoints by resource, for the screens (`import * as api from "./api.js"`); the
// requests themselves, their errors and the session are http.js's.
import * as badge from "./badge.js";
import { endSession, read, request, startSession, takeStartingDay, urlFor, write } from "./http.js";

export { ApiError, adoptServerSession, bootstrap, forgetStartingDay, knownHere, logout, restoreSession } from "./http.js";

// Signing in and up, and a forgotten password
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
// Account
export const getMe = () => read("/me");
export const updateMe = (changes) => write("PATCH", "/me", changes);
export const changePassword = (currentPassword, newPassword) =>
  write("POST", "/me/password", { current_password: currentPassword, new_password: newPassword });
export const deleteAccount = (password) => endSession("DELETE", "/me", { password });
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
  const started = takeStartingDay(date);
  if (started) return Promise.resolve(started);
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
/** A queued mood replayed: the answer's `today` is the day's mood as Today draws it. */
export const replayReflection = (date, data) => write("PUT", `/reflections/${date}?include=today`, data);
/** Replays writes made offline (sync.js): `items` as POST /checkins/batch takes them; each result
 * that went through carries its habit's Today item, which the screen draws. */
export const replayCheckins = (items) => write("POST", "/checkins/batch?include=today", { items });

// Statistics
/** A habit's screen in one read: stats, calendar, strength, completion rows, notes, pauses. */
export const getOverview = (habitId) => read(`/habits/${habitId}/overview`);
export const getStats = (habitId, date) => read(`/habits/${habitId}/stats`, { date });
export const getStrength = (habitId, from, to) => read(`/habits/${habitId}/strength`, { from, to });
export const getCalendar = (habitId, from, to) => read(`/habits/${habitId}/calendar`, { from, to });

// Weekly summaries
/** The Week screen in one read: {summary, last_week, history, habits, identities, prompt,
 * answers}; `hidePrivate` names private habits "Private habit" (the printable week). */
export const getWeekScreen = (date, { hidePrivate = false } = {}) =>
  read("/summaries/weekly/screen", { date, hide_private: hidePrivate ? "true" : undefined });
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

// The history screens (issue 25)
/** The mood history: a year's cells, mood by weekday, one month's moods with notes. */
export const getMoodHistory = (year, month) => read("/history/mood", { year, month });
/** A page of the journal, newest first: `{q, habit_id, identity_id, mood, before}` (before: a
 * page's next_cursor); with q, each entry carries its snippet. */
export const getJournal = (query = {}) => read("/journal", query);
/** The wellbeing check (WHO-5): on or off, due, every check judged, the contacts, the items. */
export const getWellbeing = () => read("/wellbeing");
export const getWellbeingSettings = () => read("/wellbeing/settings");
/** `{enabled, contacts}`, either or both; the fields not given are kept. */
export const putWellbeingSettings = (changes) => write("PUT", "/wellbeing/settings", changes);
/** Today's check: `{cheerful, calm, active, rested, interested}`, each 0 to 5; the check judged. */
export const postWellbeingCheck = (answers) => write("POST", "/wellbeing/checks", answers);
export const deleteWellbeingCheck = (date) => write("DELETE", `/wellbeing/checks/${date}`);
/** Today's invitation set aside for a week (the check stays due). */
export const setWellbeingAside = () => write("POST", "/wellbeing/set-aside");
// Shares with someone the user trusts (issue 25): the link is in create's answer only
export const listShares = () => read("/shares");
export const createShare = (share) => write("POST", "/shares", share);
export const revokeShare = (id) => write("POST", `/shares/${id}/revoke`);
export const deleteShare = (id) => write("DELETE", `/shares/${id}`);
export const listShareViews = (id) => read(`/shares/${id}/views`);
