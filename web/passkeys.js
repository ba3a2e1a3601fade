// The browser's half of passkeys (WebAuthn): the server's options (JSON, binary parts as
// base64url) into navigator.credentials.create()/get(), and their answer back into JSON. The
// server checks everything; this only converts. No fetch here: api.js carries the JSON.

import { t } from "./i18n.js";

// Each refusal in words, called when it happens (the language on show).
const TEXT = {
  cancelled: () => t("No passkey was used. Try again when you're ready."),
  unsupported: () => t("This browser can't use passkeys here. Sign in with your password."),
  insecure: () => t("Passkeys need this server's own name over HTTPS (or localhost), not a bare address."),
  known: () => t("This device already has a passkey for your account."),
};

// WebAuthn takes a domain as RP id, never an address: 192.168.1.20 or [::1] cannot have passkeys.
const BARE_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|\[.*\])$/;

/** True when this browser, on this page, can make and use passkeys (a secure context at a name). */
export function passkeysSupported() {
  return typeof window.PublicKeyCredential === "function" && Boolean(navigator.credentials)
    && !BARE_ADDRESS.test(location.hostname);
}

const toBytes = (text) => {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
};

const toText = (buffer) => {
  let binary = "";
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
};

const descriptors = (list) => (list || []).map((item) => ({ ...item, id: toBytes(item.id) }));

/** A DOMException of the WebAuthn calls as an Error a person can act on. */
function worded(error) {
  const words = error?.name === "InvalidStateError" ? TEXT.known
    : error?.name === "SecurityError" ? TEXT.insecure
      : error?.name === "NotSupportedError" ? TEXT.unsupported : TEXT.cancelled;
  return Object.assign(new Error(words()), { code: "passkey_" + (error?.name || "failed") });
}

/** Makes a passkey for the creation options `publicKey`; its answer as the API takes it. */
export async function createPasskey(publicKey) {
  let credential;
  try {
    credential = await navigator.credentials.create({ publicKey: {
      ...publicKey, challenge: toBytes(publicKey.challenge),
      user: { ...publicKey.user, id: toBytes(publicKey.user.id) },
      excludeCredentials: descriptors(publicKey.excludeCredentials),
    } });
  } catch (error) {
    throw worded(error);
  }
  const { response } = credential;
  return asJson(credential, {
    attestationObject: toText(response.attestationObject),
    transports: typeof response.getTransports === "function" ? response.getTransports() : null,
  });
}

/** Signs the request options' challenge with a passkey the person picks; the answer as JSON. */
export async function usePasskey(publicKey) {
  let credential;
  try {
    credential = await navigator.credentials.get({ publicKey: {
      ...publicKey, challenge: toBytes(publicKey.challenge),
      allowCredentials: descriptors(publicKey.allowCredentials),
    } });
  } catch (error) {
    throw worded(error);
  }
  const { response } = credential;
  return asJson(credential, {
    authenticatorData: toText(response.authenticatorData),
    signature: toText(response.signature),
    userHandle: response.userHandle ? toText(response.userHandle) : null,
  });
}

/** A credential as the server reads it: its ids and the response's fields, bytes as text. */
function asJson(credential, fields) {
  return {
    id: credential.id, rawId: toText(credential.rawId), type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment || null,
    response: { clientDataJSON: toText(credential.response.clientDataJSON), ...fields },
  };
}

/** A name for a passkey made on this device ("iPhone", "Mac"...), which the person may change.
 * The products' own names stay as they are; the others are the language's. */
export function deviceName() {
  const agent = navigator.userAgent;
  if (/iPhone/.test(agent)) return "iPhone";
  if (/iPad/.test(agent)) return "iPad";
  // TRANSLATORS: a passkey's name, which its owner may change; Android is the product's name.
  if (/Android/.test(agent)) return t("Android phone");
  if (/Macintosh/.test(agent)) return "Mac";
  // TRANSLATORS: a passkey's name, which its owner may change; Windows is the product's name.
  if (/Windows/.test(agent)) return t("Windows PC");
  // TRANSLATORS: a passkey's name, which its owner may change; Linux is the product's name.
  if (/Linux/.test(agent)) return t("Linux computer");
  return t("Passkey");
}
