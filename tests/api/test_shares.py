"""Shares with someone the user trusts (issue 25), through the API and the page its link opens:
the page shows exactly what was chosen (never a private habit, another habit or a note not
chosen) and asks for nothing else; every view is logged; a share ends when it expires, is
revoked, the password changes or the account goes; its token is long, random and stored only
as a hash. The app runs on fixed days here (app.config["NOW"]), so it holds on every real day."""
import datetime
import hashlib
import logging
import re

import pytest

from server.db import database

from ..conftest import PASSWORD, ApiClient, make_habit
from .helpers import error_of, field_errors, put_checkin

UTC = datetime.timezone.utc
TODAY = "2027-03-10"  # a Wednesday
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
          "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1")


def on(app, day, hour=12):
    instant = datetime.datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)
    app.config["NOW"] = lambda: instant


@pytest.fixture
def user(app):
    on(app, TODAY)
    return ApiClient(app).register(timezone="UTC")


@pytest.fixture
def habits(user):
    """Walk (shared), Read (of a shared identity), Tea (not shared), Therapy journal (private,
    in the shared identity): each with a note on a recent day."""
    calm = user.post("/identities", {"statement": "I am someone who rests"}).json
    made = {"walk": make_habit(user, name="Walk"),
            "read": make_habit(user, name="Read", identity_id=calm["id"]),
            "tea": make_habit(user, name="Tea"),
            "secret": make_habit(user, name="Therapy journal", private=True,
                                 identity_id=calm["id"])}
    for key, habit in made.items():
        for back in range(1, 9):
            day = (datetime.date.fromisoformat(TODAY) - datetime.timedelta(days=back)).isoformat()
            put_checkin(user, habit, day, {"status": "done", "note": f"{key} note {back}"})
    user.put(f"/reflections/{TODAY}", {"mood": 4, "note": "Mood note today"})
    return {**made, "calm": calm}


def page(anon, url, agent=IPHONE):
    return anon.http.get(url.split("://", 1)[1].split("/", 1)[1].join(["/", ""]),
                         headers={"User-Agent": agent})


def create(user, **body):
    response = user.post("/shares", {"name": "Dr. Lee"} | body)
    assert response.status_code == 201, response.json
    return response.json


def test_the_page_shows_what_was_chosen_and_nothing_else(app, user, habits, anon):
    share = create(user, habit_ids=[habits["walk"]["id"]], identity_ids=[habits["calm"]["id"]])
    response = page(anon, share["url"])
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Dr. Lee" in html and "Walk" in html and "Read" in html
    assert "I am someone who rests" in html
    for absent in ("Therapy journal", "Private habit", "Tea", "note", "Mood"):
        assert absent not in html, absent
    # It asks for nothing else: no script, no address, no style sheet or image elsewhere.
    for pattern in (r"<script", r"\bsrc=", r"<link", r"href=", r"url\(", r"@import", r"<img",
                    r"<iframe", r"<form", r"https?://"):
        assert not re.search(pattern, html, re.I), pattern
    headers = response.headers
    assert headers["Cache-Control"] == "no-store"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "noindex" in headers["X-Robots-Tag"]
    policy = headers["Content-Security-Policy"]
    assert policy.startswith("default-src 'none'") and "unsafe-inline" not in policy
    assert "script-src" not in policy  # default-src 'none' forbids every script


def test_notes_and_mood_only_when_chosen(user, habits, anon):
    share = create(user, habit_ids=[habits["walk"]["id"]], notes=True, mood=True)
    html = page(anon, share["url"]).get_data(as_text=True)
    assert "walk note 1" in html and "<svg" in html and "Mood" in html
    assert "tea note" not in html and "read note" not in html and "secret note" not in html
    assert "Mood note today" not in html  # the day's own note is not a habit's


def test_a_private_habit_is_refused_and_never_shown_later(user, habits, anon):
    codes = user.post("/shares", {"name": "Dr. Lee", "habit_ids": [habits["secret"]["id"]]})
    assert field_errors(codes, "habit_ids")
    assert codes.json["error"]["codes"]["habit_ids"] == [{"code": "not_allowed"}]
    share = create(user, habit_ids=[habits["walk"]["id"], habits["tea"]["id"]])
    # Made private since: gone from the page and from the share's choices.
    assert user.patch(f"/habits/{habits['tea']['id']}", {"private": True}).status_code == 200
    assert "Tea" not in page(anon, share["url"]).get_data(as_text=True)
    assert user.get(f"/shares/{share['id']}").json["habit_ids"] == [habits["walk"]["id"]]


def test_every_view_is_logged_with_the_browser_only(app, user, habits, anon):
    share = create(user, habit_ids=[habits["walk"]["id"]])
    assert share["views"] == 0 and share["state"] == "live"
    page(anon, share["url"])
    on(app, TODAY, hour=15)
    page(anon, share["url"], agent="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 "
                                   "Firefox/128.0")
    views = user.get(f"/shares/{share['id']}/views").json
    assert views == [{"at": f"{TODAY}T15:00:00+00:00", "browser": "Firefox on Linux"},
                     {"at": f"{TODAY}T12:00:00+00:00", "browser": "Safari on iPhone"}]
    listed = user.get("/shares").json[0]
    assert (listed["views"], listed["last_viewed_at"]) == (2, f"{TODAY}T15:00:00+00:00")


def test_it_expires(app, user, habits, anon):
    share = create(user, habit_ids=[habits["walk"]["id"]], expires_in_days=7)
    assert share["expires_at"] == "2027-03-17T12:00:00+00:00"
    on(app, "2027-03-17", hour=11)
    assert page(anon, share["url"]).status_code == 200
    on(app, "2027-03-17", hour=12)
    gone = page(anon, share["url"])
    assert gone.status_code == 404 and "This link doesn" in gone.get_data(as_text=True)
    assert user.get(f"/shares/{share['id']}").json["state"] == "expired"
    assert user.get(f"/shares/{share['id']}/views").json[0]["at"].startswith("2027-03-17T11")
    assert len(user.get(f"/shares/{share['id']}/views").json) == 1  # a dead link logs nothing


def test_unknown_revoked_and_expired_links_get_one_answer(app, user, habits, anon):
    revoked = create(user, habit_ids=[habits["walk"]["id"]])
    assert user.post(f"/shares/{revoked['id']}/revoke").json["state"] == "revoked"
    expired = create(user, habit_ids=[habits["walk"]["id"]], expires_in_days=1)
    on(app, "2027-03-12")
    answers = [page(anon, url) for url in (revoked["url"], expired["url"],
                                           revoked["url"][:-1] + "x", "https://h/s/short")]
    assert {a.status_code for a in answers} == {404}
    assert len({a.get_data() for a in answers}) == 1
    assert {a.headers["Cache-Control"] for a in answers} == {"no-store"}


def test_deleting_a_share_ends_it(user, habits, anon):
    share = create(user, habit_ids=[habits["walk"]["id"]])
    assert user.delete(f"/shares/{share['id']}").status_code == 204
    assert page(anon, share["url"]).status_code == 404
    error_of(user.get(f"/shares/{share['id']}"), 404, "not_found")


def test_a_password_change_ends_every_share(user, habits, anon):
    shares = [create(user, habit_ids=[habits["walk"]["id"]]) for _ in range(2)]
    assert user.post("/me/password", {"current_password": PASSWORD,
                                      "new_password": "a new password"}).status_code == 204
    assert [page(anon, s["url"]).status_code for s in shares] == [404, 404]
    assert {s["state"] for s in user.get("/shares").json} == {"revoked"}


def test_deleting_the_account_ends_every_share(app, user, habits, anon):
    share = create(user, habit_ids=[habits["walk"]["id"]])
    page(anon, share["url"])
    assert user.delete("/me", {"password": PASSWORD}).status_code == 204
    assert page(anon, share["url"]).status_code == 404
    with app.app_context():
        from server.models import Share, ShareView
        assert Share.select().count() == 0 and ShareView.select().count() == 0


def test_the_token_is_long_random_and_stored_only_hashed(app, user, habits):
    made = [create(user, habit_ids=[habits["walk"]["id"]]) for _ in range(3)]
    tokens = [s["url"].rsplit("/s/", 1)[1] for s in made]
    assert len(set(tokens)) == 3 and all(len(t) >= 43 for t in tokens)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", t) for t in tokens)
    assert all("url" not in s for s in user.get("/shares").json)  # shown once
    with app.app_context():
        from server.models import Share
        stored = [s.token_hash for s in Share.select().order_by(Share.id)]
    assert stored == [hashlib.sha256(t.encode()).hexdigest() for t in tokens]
    export = user.get("/export").get_data(as_text=True)
    assert "Dr. Lee" in export and not any(t in export or h in export
                                           for t, h in zip(tokens, stored))


def test_another_users_shares_are_refused_everywhere(app, user, habits, anon):
    share = create(user, habit_ids=[habits["walk"]["id"]])
    intruder = ApiClient(app).register(timezone="UTC")
    path = f"/shares/{share['id']}"
    for response in (intruder.get(path), intruder.patch(path, {"name": "Mine"}),
                     intruder.post(f"{path}/revoke"), intruder.delete(path),
                     intruder.get(f"{path}/views")):
        error_of(response, 404, "not_found")
    assert intruder.get("/shares").json == []
    refused = intruder.post("/shares", {"name": "x", "habit_ids": [habits["walk"]["id"]]})
    assert refused.json["error"]["codes"]["habit_ids"] == [{"code": "not_found"}]
    refused = intruder.post("/shares", {"name": "x", "identity_ids": [habits["calm"]["id"]]})
    assert refused.json["error"]["codes"]["identity_ids"] == [{"code": "not_found"}]
    assert user.get(path).json["state"] == "live" and page(anon, share["url"]).status_code == 200


def test_a_share_is_changed_and_checked(user, habits):
    share = create(user, habit_ids=[habits["walk"]["id"]])
    changed = user.patch(f"/shares/{share['id']}", {"name": "Sam", "mood": True, "weeks": 8,
                                                    "expires_in_days": 2}).json
    assert (changed["name"], changed["mood"], changed["weeks"]) == ("Sam", True, 8)
    assert changed["expires_at"] == "2027-03-12T12:00:00+00:00"
    assert field_errors(user.post("/shares", {"name": "Nothing"}), "habit_ids")
    assert field_errors(user.post("/shares", {"name": "x", "weeks": 27, "mood": True}), "weeks")
    assert field_errors(user.post("/shares", {"name": "", "mood": True}), "name")
    assert field_errors(user.patch(f"/shares/{share['id']}",
                                   {"habit_ids": [habits["secret"]["id"]]}), "habit_ids")


def test_the_wellbeing_trend_only_when_chosen(app, user, habits, anon):
    with app.app_context():
        from server.models import User, WellbeingCheck
        owner = User.get_by_id(user.user["id"])
        for day, answer in (("2027-02-24", 2), ("2027-03-08", 4)):  # scores 40 and 80
            WellbeingCheck.create(user=owner, day=datetime.date.fromisoformat(day), cheerful=answer,
                                  calm=answer, active=answer, rested=answer, interested=answer)
    without = create(user, habit_ids=[habits["walk"]["id"]])
    assert "WHO-5" not in page(anon, without["url"]).get_data(as_text=True)
    shared = create(user, habit_ids=[habits["walk"]["id"]], wellbeing=True)
    html = page(anon, shared["url"]).get_data(as_text=True)
    assert "WHO-5" in html and "Wed 24 Feb: 40; Mon 8 Mar: 80" in html


def test_a_change_that_leaves_nothing_to_show_is_refused(user, habits):
    share = create(user, habit_ids=[habits["walk"]["id"]], mood=True)
    path = f"/shares/{share['id']}"
    assert user.patch(path, {"mood": False}).status_code == 200  # the habit is still shown
    refused = user.patch(path, {"habit_ids": []})
    error_of(refused, 422, "validation_error")
    assert set(refused.json["error"]["fields"]) == {"habit_ids", "identity_ids", "mood",
                                                    "wellbeing"}
    assert user.get(path).json["habit_ids"] == [habits["walk"]["id"]]  # unchanged
    # Judged on the share as it is: its only habit deleted, a change of the name alone is fine,
    # but turning the mood off too is not.
    assert user.patch(path, {"mood": True}).status_code == 200
    assert user.delete(f"/habits/{habits['walk']['id']}").status_code == 204
    assert user.patch(path, {"name": "Sam"}).status_code == 200
    assert field_errors(user.patch(path, {"mood": False}), "mood")
    assert user.patch(path, {"mood": False, "identity_ids": [habits["calm"]["id"]]}).json[
        "identity_ids"] == [habits["calm"]["id"]]


def test_gone_choices_drop_out_of_the_answers_and_the_page(user, habits, anon):
    other = user.post("/identities", {"statement": "I am someone who writes"}).json
    share = create(user, habit_ids=[habits["walk"]["id"], habits["tea"]["id"]],
                   identity_ids=[habits["calm"]["id"], other["id"]])
    assert user.delete(f"/identities/{other['id']}").status_code == 204
    assert user.post("/habits/archive", {"habit_ids": [habits["tea"]["id"]],
                                         "archived": True}).status_code == 200
    assert user.post("/habits/archive", {"habit_ids": [habits["read"]["id"]],
                                         "archived": True}).status_code == 200
    for answer in (user.get(f"/shares/{share['id']}").json, user.get("/shares").json[0],
                   user.patch(f"/shares/{share['id']}", {"name": "Sam"}).json):
        assert answer["habit_ids"] == [habits["walk"]["id"]]
        assert answer["identity_ids"] == [habits["calm"]["id"]]
    html = page(anon, share["url"]).get_data(as_text=True)
    assert "Walk" in html and "I am someone who rests" in html
    assert "Tea" not in html and ">Read<" not in html and "writes" not in html
    refused = user.post("/shares", {"name": "x", "habit_ids": [habits["tea"]["id"]]})
    assert refused.json["error"]["codes"]["habit_ids"] == [{"code": "not_allowed"}]


class Reads(logging.Handler):
    """The SELECTs Peewee sends while installed, with their parameters, so that a test can run
    them again and count the rows each read."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.selects = []

    def emit(self, record):
        if isinstance(record.msg, tuple) and record.msg[0].startswith("SELECT"):
            self.selects.append(record.msg)

    def __enter__(self):
        self.logger = logging.getLogger("peewee")
        self.level = self.logger.level
        self.logger.setLevel(logging.DEBUG)
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc):
        self.logger.removeHandler(self)
        self.logger.setLevel(self.level)

    def rows_from(self, app, table):
        """How many rows the SELECTs from `table` read."""
        with app.app_context():
            database.connect(reuse_if_open=True)
            return sum(len(database.execute_sql(sql, params).fetchall())
                       for sql, params in self.selects if f'FROM "{table}"' in sql)


def test_the_page_reads_only_the_shown_habits_check_ins_and_weeks_checks(app, user, habits,
                                                                         anon):
    with app.app_context():
        from server.models import User, WellbeingCheck
        owner = User.get_by_id(user.user["id"])
        for day in ("2026-06-01", "2026-06-15", "2027-03-08"):  # two long before the weeks shown
            WellbeingCheck.create(user=owner, day=datetime.date.fromisoformat(day), cheerful=3,
                                  calm=3, active=3, rested=3, interested=3)
    share = create(user, habit_ids=[habits["walk"]["id"]], wellbeing=True, mood=True)
    page(anon, share["url"])
    with Reads() as reads:
        assert page(anon, share["url"]).status_code == 200
    # 4 habits of 8 check-ins each: every one of them was read (32 rows) for the one shown.
    assert reads.rows_from(app, "checkin") == 8
    assert reads.rows_from(app, "wellbeing_check") == 1
    assert len(reads.selects) <= 10  # measured: 10 (the share twice, the owner, the habits...)
