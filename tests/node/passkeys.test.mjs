// web/passkeys.js: the server's WebAuthn JSON into navigator.credentials' options (base64url to
// bytes) and the browser's answer back (bytes to unpadded base64url), its refusals worded, and
// passkeys never offered at a bare address.
import { test } from "node:test";
import assert from "node:assert/strict";

const calls = [];
const bytes = (...values) => Uint8Array.from(values).buffer;
let answer = null;
let failure = null;
Object.defineProperty(globalThis, "navigator", { configurable: true, value: {
  userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)",
  credentials: {
    create: async (options) => { calls.push(options); if (failure) throw failure; return answer; },
    get: async (options) => { calls.push(options); if (failure) throw failure; return answer; },
  },
} });
globalThis.window = { PublicKeyCredential: function PublicKeyCredential() {} };
globalThis.location = { hostname: "orbit.example.org" };

const { createPasskey, deviceName, passkeysSupported, usePasskey } = await import("../../web/passkeys.js");

test("createPasskey: challenge, user id and excluded ids as bytes; the answer as base64url", async () => {
  answer = { id: "_-8", rawId: bytes(255, 239), type: "public-key", authenticatorAttachment: "platform",
    response: { clientDataJSON: bytes(123, 125), attestationObject: bytes(0xfb, 0xff, 0xfe), getTransports: () => ["internal"] } };
  const result = await createPasskey({ challenge: "AQID", user: { id: "-_8", name: "a@b.c" },
    rp: { id: "orbit.example.org" }, excludeCredentials: [{ id: "BAU", type: "public-key" }] });
  const sent = calls.at(-1).publicKey;
  assert.deepEqual([...sent.challenge], [1, 2, 3]);
  assert.deepEqual([...sent.user.id], [251, 255]);
  assert.deepEqual([...sent.excludeCredentials[0].id], [4, 5]);
  assert.equal(sent.rp.id, "orbit.example.org");
  assert.deepEqual(result, { id: "_-8", rawId: "_-8", type: "public-key", authenticatorAttachment: "platform",
    response: { clientDataJSON: "e30", attestationObject: "-__-", transports: ["internal"] } });
});

test("usePasskey: no account named; a missing user handle is null", async () => {
  answer = { id: "AQ", rawId: bytes(1), type: "public-key", authenticatorAttachment: null,
    response: { clientDataJSON: bytes(1), authenticatorData: bytes(2), signature: bytes(3), userHandle: null } };
  const result = await usePasskey({ challenge: "AA", rpId: "orbit.example.org", userVerification: "required" });
  assert.deepEqual(calls.at(-1).publicKey.allowCredentials, []);
  assert.equal(calls.at(-1).publicKey.userVerification, "required");
  assert.deepEqual(result.response, { clientDataJSON: "AQ", authenticatorData: "Ag", signature: "Aw", userHandle: null });
});

test("a refusal of the browser is a sentence a person can act on", async () => {
  for (const [name, words] of [["NotAllowedError", "No passkey was used"], ["InvalidStateError", "already has a passkey"],
    ["SecurityError", "HTTPS"]]) {
    failure = Object.assign(new Error("x"), { name });
    await assert.rejects(usePasskey({ challenge: "AA" }), (error) => error.message.includes(words));
  }
  failure = null;
});

test("passkeys only at a name, never at a bare address", () => {
  for (const [hostname, offered] of [["orbit.example.org", true], ["localhost", true], ["192.168.1.20", false],
    ["127.0.0.1", false], ["[::1]", false]]) {
    globalThis.location = { hostname };
    assert.equal(passkeysSupported(), offered, hostname);
  }
  assert.equal(deviceName(), "iPhone");
});
