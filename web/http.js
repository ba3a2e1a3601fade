// Talking to the server: requests and their errors, the CSRF token, the session's start and
// end. The only module that calls fetch(); api.js names the endpoints. Every write goes
// through write(), where the offline queue keeps what cannot be sent.
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

export function urlFor(path, query) {
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

export async function request(method, path, { body, form, query, signOutOn401 = true, retried = false } = {}) {
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
export async function read(path, query) {
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
/** A JSON file of this release (a language's catalogue, web/i18n.js): from the service worker's
 * cache when it has it, else the network. */
export async function readReleaseFile(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new ApiError({ status: response.status, code: "http_error" });
  return response.json();
}
/** Every change to the user's data passes here (the future offline queue's single entry). */
export const write = (method, path, body) => request(method, path, { body });

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

/** Today as GET /bootstrap gave it, once, if it is the day asked for (else null). */
export function takeStartingDay(date) {
  const started = startingDay;
  startingDay = null;
  return started && started.date === date ? started : null;
}

export async function startSession(path, body) {
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

/** A write that ends the session (signing out, deleting the account): this browser forgets it. */
export async function endSession(method, path, body) {
  await write(method, path, body);
  csrfToken = null;
  rememberSession(false);
}

export const logout = () => endSession("POST", "/auth/logout");
