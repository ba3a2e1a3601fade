// Web Push on this browser: whether it can, this device's subscription and its row on the server,
// turning notifications on (from a tap) and off. The notifications themselves are sw.js's.
import * as api from "./api.js";
import { t } from "./i18n.js";

/** What keeps this browser from notifications: "ios-home-screen" (Safari on iPhone and iPad
 * shows them only for an app added to the Home Screen), "unsupported", or null (it can). */
export function obstacle() {
  if (isApple() && !standalone()) return "ios-home-screen";
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return "unsupported";
  return null;
}

function isApple() {
  // iPadOS says it is a Mac; a Mac has no touch screen.
  return /iPhone|iPad|iPod/.test(navigator.userAgent) || (/Macintosh/.test(navigator.userAgent) && navigator.maxTouchPoints > 1);
}

function standalone() {
  return navigator.standalone === true || window.matchMedia("(display-mode: standalone)").matches;
}

/** "granted", "denied" or "default" (not asked yet). */
export function permission() {
  return window.Notification?.permission ?? "default";
}

/** This browser's subscription, or null (none, or no service worker registered). */
export async function currentSubscription() {
  const registration = await navigator.serviceWorker?.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** The hex SHA-256 of an endpoint: how the server's list names a device (never by its endpoint). */
export async function endpointHash(endpoint) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(endpoint));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The user's devices and which of them is this one: {devices, thisDevice, subscription}. */
export async function devicesHere() {
  const [devices, subscription] = await Promise.all([api.listDevices(), currentSubscription().catch(() => null)]);
  const hash = subscription ? await endpointHash(subscription.endpoint) : null;
  return { devices, subscription, thisDevice: devices.find((device) => device.endpoint_sha256 === hash) || null };
}

/** Asks for permission (call it straight from the tap: browsers allow the prompt only then),
 * subscribes with the server's key and sends the subscription. Returns the permission. Never
 * waits long (issue 27: a new user watched it spin for minutes): each step has its own limit
 * and all of it ends within TURN_ON_MS, a step that hangs rejecting with a TimeoutError that
 * says what to do. */
export async function turnOn() {
  const deadline = Date.now() + TURN_ON_MS;
  const answer = await inTime(Notification.requestPermission(), deadline, PERMISSION_MS, SLOW.permission);
  if (answer !== "granted") return answer;
  const registration = await inTime(navigator.serviceWorker.ready, deadline, READY_MS, SLOW.worker);
  const key = base64UrlBytes((await inTime(api.getPushKey(), deadline, STEP_MS, SLOW.server)).public_key);
  let subscription = await inTime(registration.pushManager.getSubscription(), deadline, STEP_MS, SLOW.subscribe);
  if (subscription && !sameBytes(subscription.options?.applicationServerKey, key)) {
    await inTime(subscription.unsubscribe(), deadline, STEP_MS, SLOW.subscribe); // made with a key the server no longer signs with
    subscription = null;
  }
  subscription ||= await inTime(registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
    deadline, STEP_MS, SLOW.subscribe);
  await inTime(api.addDevice(subscription.toJSON()), deadline, STEP_MS, SLOW.server);
  return answer;
}

// Every step of turning notifications on ends within 15 seconds in all. A permission prompt left
// open is an answer too ("not now"): a browser that shows none (some hide it) must not spin.
const TURN_ON_MS = 15_000;
const PERMISSION_MS = 12_000;
const READY_MS = 10_000; // the first install keeps the whole app for offline use: a moment
const STEP_MS = 10_000;
// Functions: worded in the language on show when the step fails (web/i18n.js).
const SLOW = {
  // One literal each, however long: the catalogue's extractor reads no concatenation.
  permission: () => t("The browser didn't show its question, or no answer came. Check that notifications aren't blocked for this site (the icon beside the address), then tap Turn on again."),
  worker: () => t("Orbit is still getting ready on this device. Wait a moment, then tap Turn on again."),
  subscribe: () => t("The browser's push service didn't answer in time. Check the connection and tap Turn on again; if it keeps happening, have reminders sent by email instead."),
  server: () => t("Orbit didn't answer in time. Check the connection, then tap Turn on again."),
};

/** A step's promise, or a TimeoutError with `message` after `limit` ms or at `deadline`,
 * whichever is sooner. */
export function inTime(promise, deadline, limit, message) {
  let timer;
  const wait = Math.max(0, Math.min(limit, deadline - Date.now()));
  const late = new Promise((resolve, reject) => {
    timer = setTimeout(() => {
      const error = new Error(typeof message === "function" ? message() : message);
      error.name = "TimeoutError";
      reject(error);
    }, wait);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** This browser stops: the server forgets it first (so nothing is sent to a dead address), then
 * the browser drops the subscription. */
export async function turnOff(subscription) {
  await api.removeThisDevice(subscription.endpoint);
  await subscription.unsubscribe().catch(() => false);
}

/** On sign-out: this browser stops getting the account's notifications (a shared phone must not
 * keep showing them, with their Done). Best effort: signing out goes on whatever happens here. */
export async function forgetHere() {
  const subscription = await currentSubscription().catch(() => null);
  if (subscription) await turnOff(subscription).catch(() => undefined);
}

/** The bytes of a base64url string (the VAPID key as GET /push/key gives it). */
export function base64UrlBytes(text) {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

function sameBytes(buffer, bytes) {
  if (!buffer) return true; // a browser that does not say: trust the subscription
  const other = new Uint8Array(buffer);
  return other.length === bytes.length && other.every((byte, i) => byte === bytes[i]);
}
