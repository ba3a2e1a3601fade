// Web Push on this browser: whether it can, this device's subscription and its row on the server,
// turning notifications on (from a tap) and off. The notifications themselves are sw.js's.
import * as api from "./api.js";

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
 * subscribes with the server's key and sends the subscription. Returns the permission. */
export async function turnOn() {
  const answer = await Notification.requestPermission();
  if (answer !== "granted") return answer;
  const registration = await workerReady();
  const key = base64UrlBytes((await api.getPushKey()).public_key);
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameBytes(subscription.options?.applicationServerKey, key)) {
    await subscription.unsubscribe(); // made with a key the server no longer signs with
    subscription = null;
  }
  subscription ||= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  await api.addDevice(subscription.toJSON());
  return answer;
}

const READY_MS = 20_000;
/** The active service worker's registration; it shows the notifications, so none comes without
 * it. Its first install keeps the whole app for offline use, which takes a moment. */
function workerReady() {
  let timer;
  const late = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error("Orbit is still getting ready on this device: try again in a moment")), READY_MS);
  });
  return Promise.race([navigator.serviceWorker.ready, late]).finally(() => clearTimeout(timer));
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
