"""No address a user gives makes the server connect inside its own network: push endpoints
that two URL parsers read apart, Apprise targets on loopback, private, metadata or decimal-IP
addresses, names that resolve inside, and schemes that are not HTTP services."""
import socket
import threading

import pytest
import requests

from server.models import NotifyTarget, PushSubscription
from server.notify.outbound import Refused, address_allowed, guarded

from .helpers import error_of, field_errors

KEYS = {"p256dh": "BExample", "auth": "secret"}


@pytest.fixture
def listener():
    """A TCP port on 127.0.0.1 that counts the connections made to it: (port, connections)."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    connections, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except (TimeoutError, OSError):
                continue
            connections.append(connection)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], connections
    stop.set()
    thread.join()
    server.close()


def bypasses(port):
    """Push endpoints the old allowlist passed while the sender connected to 127.0.0.1."""
    return ["https://127.0.0.1\\@fcm.googleapis.com/fcm/send/x",
            f"https://127.0.0.1:{port}\\@fcm.googleapis.com/fcm/send/x",
            f"https://127.0.0.1:{port}@fcm.googleapis.com/fcm/send/x",
            "https://user@fcm.googleapis.com/fcm/send/x",
            f"https://fcm.googleapis.com:{port}/fcm/send/x",
            "https://fcm.googleapis.com/fcm/send/x#fragment",
            "https://FCM.googleapis.com/fcm/send/x",
            "https://fcm.googleapis.com/fcm/send/x y",
            "https://fcm.googleapis.com\t/fcm/send/x",
            "https://fcm.googleapis.com.127.0.0.1.nip.io/x",
            "https://xn--fcm-googleapis-com/x",
            "https://[::1]/fcm.googleapis.com/x"]


def test_a_push_endpoint_two_parsers_read_apart_is_refused(app, client, listener):
    app.config["PUSH_EXTRA_HOSTS"] = ()
    port, connections = listener
    for endpoint in bypasses(port):
        response = client.post("/push/subscriptions", {"endpoint": endpoint, "keys": KEYS})
        assert response.status_code == 422, endpoint
        assert field_errors(response, "endpoint"), endpoint
    assert client.post("/push/subscriptions", {
        "endpoint": "https://fcm.googleapis.com/fcm/send/x?a=1", "keys": KEYS}).status_code == 201
    assert connections == []


def test_a_stored_bypass_endpoint_is_never_connected_to(app, client, listener):
    """A device stored before the rules were strict: the test send and the dispatcher refuse it,
    and the answer names nothing of what is there."""
    app.config["PUSH_EXTRA_HOSTS"] = ()
    port, connections = listener
    with app.app_context():
        for n, endpoint in enumerate(bypasses(port)[:3]):
            PushSubscription.create(user=client.user["id"], endpoint=endpoint, p256dh="B",
                                    auth=f"s{n}")
    response = client.post("/push/test")
    error_of(response, 409, "conflict")
    assert "127.0.0.1" not in response.json["error"]["message"]
    assert connections == []
    with app.app_context():
        assert PushSubscription.select().count() == 0


def test_a_push_service_that_cannot_be_reached_is_not_named(app, client):
    """The message of a failed send says nothing of what answered (or did not) there."""
    app.config["PUSH_EXTRA_HOSTS"] = ("127.0.0.1",)
    with app.app_context():
        PushSubscription.create(user=client.user["id"], endpoint="http://127.0.0.1:9/push/x",
                                p256dh="BExample", auth="secret")
    message = error_of(client.post("/push/test"), 409, "conflict")["message"]
    assert "Error" not in message and "127.0.0.1" not in message and ":9" not in message


@pytest.mark.parametrize("address, public, private", [
    ("8.8.8.8", True, True), ("2606:4700::1111", True, True),
    ("127.0.0.1", False, True), ("::1", False, True), ("10.1.2.3", False, True),
    ("192.168.1.20", False, True), ("172.16.0.5", False, True), ("fd12::1", False, True),
    ("169.254.169.254", False, False), ("fd00:ec2::254", False, False),
    ("100.100.100.200", False, False), ("fe80::1", False, False), ("224.0.0.1", False, False),
    ("0.0.0.0", False, False), ("::ffff:127.0.0.1", False, True), ("not an ip", False, False)])
def test_which_addresses_may_be_called(address, public, private):
    assert (address_allowed(address), address_allowed(address, True)) == (public, private)


def test_a_guarded_send_cannot_reach_this_machine_by_any_spelling(listener):
    port, connections = listener
    for host in ("127.0.0.1", "2130706433", "0x7f.1", "localhost", "[::ffff:127.0.0.1]"):
        with guarded(), pytest.raises(requests.ConnectionError, match="inside the server"):
            requests.get(f"http://{host}:{port}/", timeout=2)
    with guarded(), pytest.raises(Refused):
        socket.create_connection(("127.0.0.1", port), timeout=2)
    assert connections == []
    with guarded(allow_private=True):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    socket.create_connection(("127.0.0.1", port), timeout=2).close()  # unguarded: the app's own
    for _ in range(50):
        if len(connections) == 2:
            break
        threading.Event().wait(0.05)
    assert len(connections) == 2


@pytest.fixture
def apprise(app):
    app.config["APPRISE"] = True


def internal_targets(port):
    return [f"json://127.0.0.1:{port}/x", f"json://2130706433:{port}/", f"jsons://localhost:{port}/x", f"json://[::1]:{port}/x", "json://10.0.0.1/x",
            "jsons://169.254.169.254/latest/meta-data", "ntfy://192.168.1.5/topic",
            f"gotify://127.0.0.1:{port}/token"]


def test_an_apprise_target_inside_the_network_is_refused(app, client, apprise, listener):
    port, connections = listener
    for url in internal_targets(port):
        message = field_errors(client.post("/notify/targets", {"label": "x", "url": url}), "url")
        assert message == ["This address is inside the server's own network."], url
    for url in ("syslog://127.0.0.1", f"mailto://user:pass@127.0.0.1:{port}", "windows://"):
        assert field_errors(client.post("/notify/targets", {"label": "x", "url": url}), "url"), url
    for url in ("tgram://123456:abcdef/12345", "ntfy://my-topic", "discord://1/2"):
        assert client.post("/notify/targets", {"label": "x", "url": url}).status_code == 201, url
    assert connections == []


def test_private_addresses_only_when_the_operator_allows_them(app, client, apprise,
                                                              http_receiver):
    received, address = http_receiver
    app.config["APPRISE_PRIVATE"] = True
    target = client.post("/notify/targets", {"label": "ntfy here", "url": f"json://{address}/n"})
    assert target.status_code == 201
    field_errors(client.post("/notify/targets", {"label": "x",
                                                 "url": "json://169.254.169.254/"}), "url")
    assert client.post(f"/notify/targets/{target.json['id']}/test").status_code == 202
    assert len(received) == 1
    app.config["APPRISE_PRIVATE"] = False  # the operator turns it off: nothing more goes there
    error_of(client.post(f"/notify/targets/{target.json['id']}/test"), 409, "conflict")
    assert len(received) == 1


def test_a_stored_target_inside_is_never_sent_to(app, client, apprise, listener):
    """Targets stored before these rules (or whose name now resolves inside) are skipped when
    sending, whatever their spelling."""
    port, connections = listener
    with app.app_context():
        ids = [NotifyTarget.create(user=client.user["id"], label="old", service="JSON",
                                   url=url).id for url in internal_targets(port)]
    for target_id in ids:
        error_of(client.post(f"/notify/targets/{target_id}/test"), 409, "conflict")
    assert connections == []


def test_a_name_that_turns_inside_after_its_check_is_still_not_reached(app, client, apprise,
                                                                        http_receiver,
                                                                        monkeypatch):
    """DNS that answered with a public address when checked and an internal one when sent:
    the guard on the sockets themselves stops it, for every target of a send."""
    received, address = http_receiver
    with app.app_context():
        for n in range(3):
            NotifyTarget.create(user=client.user["id"], label=f"t{n}", service="JSON",
                                url=f"json://{address}/rebound-{n}")
    monkeypatch.setattr("server.notify.channels.apprise_problem", lambda *args: None)
    with app.app_context():
        from server.models import User
        from server.notify.channels import SendFailed, notify_targets
        with pytest.raises(SendFailed):
            notify_targets(app.config, User.get_by_id(client.user["id"]), "Orbit", "hello")
    assert received == []
