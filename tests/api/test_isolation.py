"""One user can never see or change another's data, through any endpoint (RULES.md). The
second user (`other`) tries every endpoint on the first user's ids: an id in the path is a 404, an
id in a body a 422 field error, and afterwards nothing of the first user has changed."""
import io
import json
import zipfile

import pytest

from ..conftest import make_habit
from .helpers import day, error_of, field_errors, put_checkin


@pytest.fixture
def mine(app, client):
    """One of everything of the first user: the ids the second user will try."""
    app.config["APPRISE"] = True  # the operator allows Apprise targets: theirs are tried too
    app.config["APPRISE_PRIVATE"] = True  # (one on this machine, where nothing listens)
    app.config["WEBHOOK_PRIVATE"] = True  # a webhook there too
    identity = client.post("/identities", {"statement": "I move"}).json
    habit = make_habit(client, identity_id=identity["id"], measure="count", target=3,
                       start_date=day(-5))
    put_checkin(client, habit, day(-1), {"value": 4, "note": "mine"})
    assert client.put(f"/reflections/{day(-1)}", {"mood": 2, "note": "mine"}).status_code == 201
    token = client.post("/tokens", {"name": "Phone"}).json
    pause = client.post("/pauses", {"habit_id": habit["id"], "start": day(-3), "end": day(-2),
                                    "note": "mine"}).json
    reminder = client.post("/reminders", {"target": "habit", "habit_id": habit["id"],
                                          "time": "08:00", "channels": ["email"]}).json
    # Nothing listens there: no test below may send anything to it.
    target = client.post("/notify/targets", {"label": "Mine", "url": "json://127.0.0.1:9/x"}).json
    webhook = client.post("/webhooks", {"url": "https://127.0.0.1:9/mine",
                                        "events": ["checkin.logged"]}).json
    assert client.post("/calendar/token").status_code == 200
    chapter = client.post("/chapters", {"name": "Since the move", "start": day(-4)}).json
    assert client.put(f"/summaries/weekly/answers/{day()}", {"answer": "mine"}).status_code == 201
    share = client.post("/shares", {"name": "Dr. Lee", "habit_ids": [habit["id"]]}).json
    return {"share": share["id"], "chapter": chapter["id"], "identity": identity["id"], "habit": habit["id"], "token": token["id"],
            "date": day(-1), "pause": pause["id"], "reminder": reminder["id"],
            "target": target["id"], "webhook": webhook["id"]}


def everything_of(client, ids):
    """What the first user sees of their own data."""
    paths = ["/me", "/habits?archived=all", "/habits/{habit}", "/habits/{habit}/checkins",
             "/identities", "/identities/{identity}", "/reflections", "/tokens", "/today",
             "/habits/{habit}/stats", "/habits/{habit}/calendar", "/habits/{habit}/overview",
             "/identities/{identity}/votes", "/identities/{identity}/evidence", "/pauses", "/pauses/{pause}", "/reminders",
             "/reminders/{reminder}", "/notify/targets", "/calendar/token",
             "/webhooks", "/chapters", "/chapters/evidence", "/fresh-start",
             "/summaries/weekly/answers", "/summaries/weekly/answers/{date}",
             "/history/mood?month={month}", "/shares", "/shares/{share}", "/shares/{share}/views"]
    seen = {}
    for path in paths:
        response = client.get(path.format(**ids, month=ids["date"][:7]))
        assert response.status_code == 200, (path, response.json)
        seen[path] = response.json
    return seen


@pytest.fixture
def unchanged(client, mine):
    """Assert, after the test, that the first user's data is exactly as before it."""
    before = everything_of(client, mine)
    yield
    assert everything_of(client, mine) == before


@pytest.mark.parametrize("method, path, body", [
    ("GET", "/identities/{identity}", None),
    ("PATCH", "/identities/{identity}", {"statement": "I was changed"}),
    ("DELETE", "/identities/{identity}", None),
    ("GET", "/identities/{identity}/votes", None),
    ("GET", "/identities/{identity}/evidence", None),
    ("GET", "/habits/{habit}", None),
    ("PATCH", "/habits/{habit}", {"name": "Changed", "archived": True}),
    ("DELETE", "/habits/{habit}", None),
    ("GET", "/habits/{habit}/checkins", None),
    ("PUT", "/habits/{habit}/checkins/{date}", {"value": 0, "note": "changed"}),
    ("PUT", "/habits/{habit}/checkins/{today}", {"value": 1}),
    ("DELETE", "/habits/{habit}/checkins/{date}", None),
    ("GET", "/habits/{habit}/stats", None),
    ("GET", "/habits/{habit}/strength", None),
    ("GET", "/habits/{habit}/calendar", None),
    ("GET", "/habits/{habit}/overview", None),
    ("PUT", "/habits/{habit}/checkins/{date}?include=today", {"value": 0}),
    ("DELETE", "/habits/{habit}/checkins/{date}?include=today", None),
    ("DELETE", "/tokens/{token}", None),
    ("GET", "/pauses/{pause}", None),
    ("PATCH", "/pauses/{pause}", {"end": None, "note": "changed"}),
    ("DELETE", "/pauses/{pause}", None),
    ("GET", "/reminders/{reminder}", None),
    ("PATCH", "/reminders/{reminder}", {"time": "09:00", "enabled": False}),
    ("DELETE", "/reminders/{reminder}", None),
    ("POST", "/reminders/{reminder}/test", None),
    ("DELETE", "/notify/targets/{target}", None),
    ("POST", "/notify/targets/{target}/test", None),
    ("PATCH", "/webhooks/{webhook}", {"url": "https://127.0.0.1:9/theirs", "include_private": True}),
    ("DELETE", "/webhooks/{webhook}", None),
    ("POST", "/webhooks/{webhook}/test", None),
    ("PATCH", "/chapters/{chapter}", {"name": "Changed", "start": "2020-01-01"}),
    ("DELETE", "/chapters/{chapter}", None),
    ("GET", "/shares/{share}", None), ("GET", "/shares/{share}/views", None),
    ("PATCH", "/shares/{share}", {"name": "Mine now", "notes": True}),
    ("POST", "/shares/{share}/revoke", None), ("DELETE", "/shares/{share}", None),
])
def test_ids_in_the_path_are_404(other, mine, unchanged, method, path, body):
    response = other.call(method, path.format(today=day(), **mine), body)
    error_of(response, 404, "not_found")


def test_an_identity_id_in_a_habit_body_is_unknown(other, mine, unchanged):
    response = other.post("/habits", {"name": "Mine now", "identity_id": mine["identity"]})
    assert field_errors(response, "identity_id") == ["Unknown identity."]
    own = make_habit(other)
    response = other.patch(f"/habits/{own['id']}", {"identity_id": mine["identity"]})
    assert field_errors(response, "identity_id") == ["Unknown identity."]
    assert other.get(f"/habits/{own['id']}").json == own


def test_a_pause_of_anothers_habit_is_unknown(other, mine, unchanged):
    response = other.post("/pauses", {"habit_id": mine["habit"], "start": day(-1)})
    assert field_errors(response, "habit_id") == ["Unknown habit."]
    assert field_errors(other.get(f"/pauses?habit_id={mine['habit']}"), "habit_id") == [
        "Unknown habit."]
    # A pause of everything rests only the caller's own habits.
    assert other.post("/pauses", {"start": day(-3)}).status_code == 201
    assert other.get("/today").json["habits"] == []


def test_a_reminder_of_anothers_habit_is_unknown(other, mine, unchanged):
    body = {"target": "habit", "habit_id": mine["habit"], "time": "08:00"}
    assert field_errors(other.post("/reminders", body), "habit_id") == ["Unknown habit."]
    own = other.post("/reminders", body | {"habit_id": make_habit(other)["id"]}).json
    response = other.patch(f"/reminders/{own['id']}", {"habit_id": mine["habit"]})
    assert field_errors(response, "habit_id") == ["Unknown habit."]
    assert other.get(f"/reminders/{own['id']}").json == own


def test_reminders_targets_feeds_and_summaries_are_the_callers_own(other, mine, unchanged):
    for path in ("/reminders", "/reminders/upcoming?hours=48", "/notify/targets", "/webhooks"):
        assert other.get(path).json == [], path
    error_of(other.get("/calendar/token"), 404, "not_found")
    # Their own feed holds none of my reminders; replacing or stopping it leaves mine alone.
    url = other.post("/calendar/token").json["url"]
    feed = other.http.get(url[url.index("/api/v1/"):]).data
    assert b"VCALENDAR" in feed and b"VEVENT" not in feed and b"Walk" not in feed
    assert other.delete("/calendar/token").status_code == 204
    for path in ("/summaries/weekly", "/summaries/weekly/history", "/summaries/weekly/screen",
                 "/bootstrap"):
        summary = other.get(path)
        assert summary.status_code == 200 and "Walk" not in json.dumps(summary.json), path


def test_a_batch_item_on_anothers_habit_is_unknown(other, mine, unchanged):
    items = [{"op": "put", "habit_id": mine["habit"], "date": mine["date"], "value": 0},
             {"op": "put", "habit_id": mine["habit"], "date": day(), "value": 9},
             {"op": "delete", "habit_id": mine["habit"], "date": mine["date"]}]
    response = other.post("/checkins/batch", {"items": items})
    assert response.status_code == 200, response.json
    for result in response.json["results"]:
        assert result["ok"] is False
        assert result["error"]["fields"] == {"habit_id": ["Unknown habit."]}


def test_lists_show_only_the_callers_own(other, mine, unchanged):
    for path in ("/habits?archived=all", "/identities", "/tokens", "/reflections", "/pauses"):
        assert other.get(path).json == [], path
    assert other.get(f"/reflections?from={day(-30)}&to={day()}").json == []
    today = other.get("/today").json
    assert today["habits"] == [] and today["reflection"] is None
    assert other.get("/me").json == other.user


def test_reflections_by_date_are_per_user(client, other, mine, unchanged):
    created = other.put(f"/reflections/{mine['date']}", {"mood": 5, "note": "theirs"})
    assert created.status_code == 201, created.json  # their own, not an update of mine
    assert [r["note"] for r in other.get("/reflections").json] == ["theirs"]
    assert other.delete(f"/reflections/{mine['date']}").status_code == 204
    assert other.delete(f"/reflections/{mine['date']}").status_code == 204
    assert other.get("/reflections").json == []


def test_the_mood_history_shows_only_the_callers_moods(client, other, mine, unchanged):
    month = mine["date"][:7]
    assert other.put(f"/reflections/{mine['date']}", {"mood": 5, "note": "theirs"}).status_code == 201
    theirs = other.get(f"/history/mood?month={month}").json
    assert [(e["mood"], e["note"]) for e in theirs["month"]["entries"]] == [(5, "theirs")]
    assert [c["mood"] for c in theirs["cells"] if c["mood"]] == [5]
    assert theirs["summary"]["counts"] == [0, 0, 0, 0, 1]
    assert other.delete(f"/reflections/{mine['date']}").status_code == 204
    assert other.get(f"/history/mood?month={month}").json["month"]["entries"] == []
    mine_seen = client.get(f"/history/mood?month={month}").json  # and `unchanged` checks it all
    assert [(e["mood"], e["note"]) for e in mine_seen["month"]["entries"]] == [(2, "mine")]


def test_chapters_fresh_starts_and_week_answers_are_per_user(client, other, mine, unchanged):
    assert other.get("/chapters").json == []
    assert other.get("/chapters/evidence").json["chapter"] is None
    assert other.get("/summaries/weekly/answers").json == []
    assert other.get(f"/summaries/weekly/answers/{day()}").json["answer"] is None
    created = other.put(f"/summaries/weekly/answers/{day()}", {"answer": "theirs"})
    assert created.status_code == 201, created.json  # their own, not an update of mine
    assert other.delete(f"/summaries/weekly/answers/{day()}").status_code == 204
    assert other.patch("/fresh-start", {"landmarks": ["week"]}).json["landmarks"] == ["week"]
    assert other.post("/fresh-start/dismiss").status_code == 200
    assert other.get("/summaries/weekly").json["chapter"] is None


def test_the_sign_up_endpoint_names_nobody(app, client, other, anon, mine, unchanged):
    # an invite spent by the first user's sign-up tells the others nothing about it
    app.config["SIGNUPS"] = "invite"
    token = app.test_cli_runner().invoke(args=["invite", "create"]).stdout.rpartition("=")[2]
    invited = anon.post("/auth/register", {"email": "new@example.org", "password": "long enough",
                                           "invite": token.strip()})
    assert invited.status_code == 201
    answers = [c.get(f"/signups?invite={token.strip()}").json for c in (client, other, anon)]
    assert answers == [{"mode": "invite", "invite_valid": False}] * 3


def test_export_and_import_keep_to_the_callers_own(client, other, mine, unchanged):
    theirs = other.get("/export").json
    assert [theirs[kind] for kind in ("identities", "habits", "checkins", "reflections",
                                      "reminders", "pauses")] == [[]] * 6
    archive = zipfile.ZipFile(io.BytesIO(other.get("/export?format=csv").data))
    assert all(b"mine" not in archive.read(name) for name in archive.namelist())
    crafted = client.get("/export").json  # the first user's own uuids, in the second's import
    crafted["habits"][0]["name"] = "Changed"
    crafted["identities"][0]["statement"] = "Changed"
    response = other.post("/import", crafted)
    assert response.status_code == 200, response.json
    assert response.json["updated"]["habits"] == 0
    assert [h["name"] for h in other.get("/habits").json] == ["Changed"]


def test_push_devices_are_the_callers_own(app, client, other, mine, unchanged):
    keys = {"p256dh": "BExample", "auth": "secret"}
    endpoint = "https://fcm.googleapis.com/fcm/send/mine"
    assert client.post("/push/subscriptions", {"endpoint": endpoint, "keys": keys}
                       ).status_code == 201
    [device] = client.get("/push/subscriptions").json
    assert other.get("/push/subscriptions").json == []
    error_of(other.delete(f"/push/subscriptions/{device['id']}"), 404, "not_found")
    assert other.delete("/push/subscriptions", {"endpoint": endpoint}).status_code == 204
    # the same device subscribed by the other user stays the first's, keys and all
    error_of(other.post("/push/subscriptions", {"endpoint": endpoint, "keys": {
        "p256dh": "BTheirs", "auth": "theirs"}}), 409, "conflict")
    error_of(other.post("/push/test"), 409, "conflict")  # nothing sent to my device
    assert client.get("/push/subscriptions").json == [device]
    assert other.get("/push/subscriptions").json == []


def test_a_scoped_token_names_and_logs_only_the_callers_habits(app, client, other, mine,
                                                               unchanged):
    body = {"name": "Shortcut", "scope": "checkins", "habit_ids": [mine["habit"]]}
    assert field_errors(other.post("/tokens", body), "habit_ids") == ["Unknown habit."]
    own = make_habit(other, name="Theirs")
    theirs = other.post("/tokens", body | {"habit_ids": [own["id"]]}).json
    assert theirs["habit_ids"] == [own["id"]]
    other.token, other.csrf = theirs["token"], None  # their shortcut, on my habit's days
    for method in ("PUT", "DELETE"):
        path = f"/habits/{mine['habit']}/checkins/{mine['date']}"
        error_of(other.call(method, path, {"value": 0} if method == "PUT" else None), 403,
                 "forbidden")
    assert other.put(f"/habits/{own['id']}/checkins/{day()}", {}).status_code == 201


def test_archiving_several_never_reaches_anothers_habit(other, mine, unchanged):
    own = make_habit(other)
    for archived in (True, False):
        response = other.post("/habits/archive", {"habit_ids": [own["id"], mine["habit"]],
                                                  "archived": archived})
        assert field_errors(response, "habit_ids") == ["Unknown habit."]
    assert other.get(f"/habits/{own['id']}").json == own  # all or nothing: not even their own


def test_a_reminder_is_judged_by_its_own_users_devices_and_targets(app, client, other):
    """Another user's device and Apprise target never make my reminder deliverable (issue 27)."""
    from .test_push import device
    app.config.update(APPRISE=True, APPRISE_PRIVATE=True, PUSH_EXTRA_HOSTS=("127.0.0.1",))
    device(other, "http://127.0.0.1:9")
    assert other.post("/notify/targets", {"label": "Theirs",
                                          "url": "json://127.0.0.1:9/x"}).status_code == 201
    body = {"target": "reflection", "time": "21:00", "channels": ["push", "apprise"]}
    mine, theirs = client.post("/reminders", body).json, other.post("/reminders", body).json
    assert [(u["channel"], u["reason"]) for u in mine["undeliverable"]] == [
        ("push", "no_device"), ("apprise", "no_target")]
    assert theirs["undeliverable"] == []


def test_passkeys_are_the_callers_own(client, other, anon, mine, unchanged):
    from .authenticator import Authenticator
    from .test_passkeys import add_passkey, sign_in, sign_in_answer
    authenticator, passkey = add_passkey(client)
    for method, body in (("PATCH", {"name": "Theirs now"}), ("DELETE", None)):
        error_of(other.call(method, f"/me/passkeys/{passkey['id']}", body), 404, "not_found")
    assert other.get("/me/passkeys").json == [] and other.get("/me/sign-in").json["passkeys"] == []
    # a challenge made for one account adds nothing to another
    options = client.post("/me/passkeys/options").json["public_key"]
    response = other.post("/me/passkeys", {"credential": Authenticator().create(options)})
    assert field_errors(response, "credential")
    assert other.get("/me/passkeys").json == []
    # their "sign out everywhere" ends none of my sessions
    assert other.post("/me/sign-out-everywhere").status_code == 204
    assert client.get("/me").status_code == 200
    # my passkey signs in as me, never as them
    signed_in = sign_in(anon, sign_in_answer(anon, authenticator))
    assert signed_in.json["user"]["id"] == client.user["id"]
    assert [p["name"] for p in client.get("/me/passkeys").json] == ["Phone"]


def test_linked_providers_are_the_callers_own(app, client, other, mine, unchanged):
    """OpenID Connect (issue 22): an account's linked providers are its own, and the step that
    links a provider's sign-in to an account works only in the browser that signed in there."""
    from server.models import OidcLink
    from ..conftest import PASSWORD
    app.config.update(OIDC_ISSUER="https://id.example.org", OIDC_CLIENT_ID="orbit", OIDC_NAME="ID")
    with app.app_context():
        OidcLink.create(user=client.user["id"], issuer="https://id.example.org", subject="mine",
                        email=client.user["email"])
    assert other.get("/me/providers").json == []
    assert [p["name"] for p in client.get("/me/providers").json] == ["ID"]
    error_of(other.post("/auth/oidc/link", {"password": PASSWORD}), 404, "not_found")
    assert other.get("/me").json["id"] != client.user["id"]
    assert other.get("/auth/methods").json["oidc_link"] is None
