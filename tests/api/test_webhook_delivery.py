"""Webhook deliveries as they travel: over real TLS to a receiver with a certificate of its own
(verified, as any https address is), and by two dispatcher processes started together against one
database (SQLite or PostgreSQL), each message arriving exactly once."""
import datetime
import ipaddress
import os
import ssl
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from server.db import database
from server.models import WebhookMessage
from tests import clock

from ..conftest import make_habit
from .helpers import day, put_checkin
from .test_webhooks import Receiver, add_webhook, run_dispatcher

ROOT = Path(__file__).resolve().parent.parent.parent


def self_signed(directory):
    """A key and a certificate for 127.0.0.1, written to `directory`: (cert path, key path)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "orbit test receiver")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "receiver.pem", directory / "receiver.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture
def tls_receiver(tmp_path):
    """A Receiver speaking https with a self-signed certificate: (receiver, its CA file)."""
    cert_path, key_path = self_signed(tmp_path)
    receiver = Receiver()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    receiver.server.socket = context.wrap_socket(receiver.server.socket, server_side=True)
    receiver.url = receiver.url.replace("http://", "https://")
    yield receiver, str(cert_path)
    receiver.close()


def test_an_https_receiver_gets_it_signed_and_its_certificate_is_checked(
        app, client, tls_receiver, monkeypatch):
    receiver, ca_file = tls_receiver
    app.config["WEBHOOK_PRIVATE"] = True  # the receiver is on this machine
    made = add_webhook(client, receiver.url)
    put_checkin(client, make_habit(client, name="Swim"), day())
    # A certificate nobody vouches for: not delivered (and tried again later).
    assert run_dispatcher(app) == {"webhook_failed": 1}
    assert client.get("/webhooks").json[0]["last_delivery"]["detail"] == (
        "The address could not be reached.")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", ca_file)  # now this machine trusts it
    assert run_dispatcher(app, clock.now() + datetime.timedelta(minutes=1)) == {
        "webhook_sent": 1}
    [message] = receiver.messages(made["secret"])
    assert message["data"]["habit"]["name"] == "Swim"


def test_two_dispatcher_processes_send_each_message_once(app, client, database_url):
    receiver = Receiver()
    app.config["WEBHOOK_PRIVATE"] = True
    try:
        made = add_webhook(client, receiver.url)
        for n in range(15):
            put_checkin(client, make_habit(client, name=f"H{n}"), day())
        database.close_all()  # the processes below take the database's writers
        env = {**os.environ, "DATABASE_URL": database_url, "ORBIT_WEBHOOK_PRIVATE": "1",
               "ORBIT_SECRET_KEY": "dispatch-test"}
        processes = [subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "server", "reminders", "dispatch", "--now",
             clock.now().isoformat()], env=env, cwd=ROOT, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True) for _ in range(2)]
        outputs = [process.communicate(timeout=120) for process in processes]
        assert all(p.returncode == 0 for p in processes), "\n".join(e[-3000:] for _, e in outputs)
        bodies = receiver.messages(made["secret"])
        ids = [headers["webhook-id"] for headers, _ in receiver.requests]
        assert len(ids) == len(set(ids)) == 15
        assert sorted(b["data"]["habit"]["name"] for b in bodies) == sorted(
            f"H{n}" for n in range(15))
        with app.app_context():
            assert WebhookMessage.select().where(WebhookMessage.status == "sent").count() == 15
    finally:
        receiver.close()


def test_a_claim_left_sending_by_a_dispatcher_that_died_is_sent_later(app, client):
    """A dispatcher killed between its claim and the outcome: after ten minutes another one
    sends it (same webhook-id: the receiver can drop a duplicate)."""
    receiver = Receiver()
    app.config["WEBHOOK_PRIVATE"] = True
    try:
        made = add_webhook(client, receiver.url)
        put_checkin(client, make_habit(client), day())
        now = clock.now()
        with app.app_context():
            WebhookMessage.update(status="sending", updated_at=now.replace(tzinfo=None)).execute()
        assert run_dispatcher(app, now + datetime.timedelta(minutes=5)) == {}
        assert run_dispatcher(app, now + datetime.timedelta(minutes=11)) == {"webhook_sent": 1}
        assert len(receiver.messages(made["secret"])) == 1
    finally:
        receiver.close()


def test_finished_messages_are_forgotten_after_a_week(app, client):
    receiver = Receiver(statuses=[500])
    app.config["WEBHOOK_PRIVATE"] = True
    try:
        add_webhook(client, receiver.url)
        habit = make_habit(client)
        put_checkin(client, habit, day())
        now = clock.now()
        assert run_dispatcher(app, now) == {"webhook_failed": 1}
        assert run_dispatcher(app, now + datetime.timedelta(minutes=1)) == {"webhook_sent": 1}
        put_checkin(client, habit, day(), {"note": "later"})
        assert run_dispatcher(app, now + datetime.timedelta(days=8)) == {"webhook_sent": 1}
        with app.app_context():  # the first is gone, the one sent in this pass is kept
            assert [m.data["habit"]["note"] for m in WebhookMessage.select()] == ["later"]
    finally:
        receiver.close()
