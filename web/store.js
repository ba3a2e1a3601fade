// What the app keeps in memory between screens: the signed-in user and a few cached lists.
import * as api from "./api.js";
import { dateIn, todayIn } from "./dates.js";

const state = { user: null, identities: null, templates: null };

export function user() {
  return state.user;
}

export function setUser(user) {
  state.user = user;
  state.identities = null;
}

export function updateUser(changes) {
  state.user = { ...state.user, ...changes };
}

function timeZone() {
  return state.user?.timezone || "UTC";
}

/** The user's today: the date in their time zone, turning at their day start. */
export function today() {
  return todayIn(timeZone(), state.user?.day_start || "00:00");
}

/** The date, in the user's time zone, of an instant from the API (a token's created_at). */
export function dateOf(instant) {
  return dateIn(instant, timeZone());
}

export function weekStart() {
  return state.user?.week_start || "mon";
}

/** The user's identities, fetched once and refreshed when `fresh` is true. */
export async function identities(fresh = false) {
  if (fresh || !state.identities) state.identities = await api.listIdentities();
  return state.identities;
}

export function forgetIdentities() {
  state.identities = null;
}

export async function templates() {
  if (!state.templates) state.templates = await api.getTemplates();
  return state.templates;
}

export function clear() {
  state.user = null;
  state.identities = null;
}
