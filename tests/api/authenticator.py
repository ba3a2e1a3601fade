"""A software WebAuthn authenticator for the API tests: real P-256 keys, real CBOR and
signatures, with the origin, RP id, flags and counter each test chooses (a browser's virtual
authenticator is in tests/browser/test_passkeys.py)."""
import base64
import hashlib
import json
import os
import struct

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

UP, UV, AT = 0x01, 0x04, 0x40


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Authenticator:
    """One passkey: its key, id and counter; `origin` and `rp_id` are where it thinks it is."""

    def __init__(self, origin="http://localhost", rp_id="localhost"):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(16)
        self.counter = 0
        self.origin, self.rp_id = origin, rp_id
        self.user_handle = None

    def cose_key(self):
        numbers = self.key.public_key().public_numbers()
        return cbor2.dumps({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"),
                            -3: numbers.y.to_bytes(32, "big")})

    def client_data(self, kind, options, origin=None):
        return json.dumps({"type": kind, "challenge": options["challenge"],
                           "origin": origin or self.origin, "crossOrigin": False}).encode()

    def auth_data(self, flags, rp_id=None, attested=b""):
        rp_hash = hashlib.sha256((rp_id or self.rp_id).encode()).digest()
        return rp_hash + bytes([flags]) + struct.pack(">I", self.counter) + attested

    def create(self, options, flags=UP | UV, origin=None, rp_id=None):
        """navigator.credentials.create()'s answer, in the JSON form the app sends."""
        self.user_handle = options["user"]["id"]
        attested = (b"\0" * 16 + struct.pack(">H", len(self.credential_id)) + self.credential_id
                    + self.cose_key())
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {},
                                   "authData": self.auth_data(flags | AT, rp_id, attested)})
        return {"id": b64url(self.credential_id), "rawId": b64url(self.credential_id),
                "type": "public-key", "authenticatorAttachment": "platform",
                "response": {"clientDataJSON": b64url(self.client_data("webauthn.create",
                                                                       options, origin)),
                             "attestationObject": b64url(attestation),
                             "transports": ["internal"]}}

    def get(self, options, flags=UP | UV, origin=None, rp_id=None, count=1):
        """navigator.credentials.get()'s answer (the counter moved on by `count`)."""
        self.counter += count
        client_data = self.client_data("webauthn.get", options, origin)
        auth_data = self.auth_data(flags, rp_id)
        signature = self.key.sign(auth_data + hashlib.sha256(client_data).digest(),
                                  ec.ECDSA(hashes.SHA256()))
        return {"id": b64url(self.credential_id), "rawId": b64url(self.credential_id),
                "type": "public-key", "authenticatorAttachment": "platform",
                "response": {"clientDataJSON": b64url(client_data),
                             "authenticatorData": b64url(auth_data),
                             "signature": b64url(signature), "userHandle": self.user_handle}}
