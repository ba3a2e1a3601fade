"""Who may sign up (ORBIT_SIGNUPS): open, by single-use expiring invitation, or closed; the
invite commands; an invite used once even by sign-ups racing for it (SQLite and PostgreSQL)."""
import datetime
import itertools
import re
import threading

import pytest

from server.models import Invite, SignUp, User
from server import links
from server.store import invites
from tests import clock

from ..conftest import PASSWORD, ApiClient
from .helpers import at_once, error_of, field_errors

ADDRESSES = itertools.count(1)


def sign_up(app, invite=None, email=None, **extra):
    """POST /auth/register from an address of its own (the sign-up throttle counts per address)."""
    body = {"email": email or f"u{next(ADDRESSES)}@example.org", "password": PASSWORD}
    if invite is not None:
        body["invite"] = invite
    body |= extra
    return ApiClient(app).post("/auth/register", body, environ_overrides={
        "REMOTE_ADDR": f"192.0.2.{next(ADDRESSES) % 250 + 1}"})


def cli(app, *args):
    result = app.test_cli_runner().invoke(args=list(args))
    return result


def new_invite(app, days=7):
    """An invite made with `flask invite create`: the token of the link it printed."""
    result = cli(app, "invite", "create", "--days", str(days))
    assert result.exit_code == 0, result.output
    link = result.stdout.strip()
    with app.app_context():  # no request at hand: where the server was last reached, or HOST:PORT
        assert link.startswith(links.base_url(app.config) + "/#/signup?invite="), link
    return link.rpartition("invite=")[2]


def counts(app):
    with app.app_context():
        return User.select().count(), SignUp.select().count()


def test_open_by_default_and_an_invite_is_not_needed(app, anon):
    assert app.config["SIGNUPS"] == "open"
    assert anon.get("/signups").json == {"mode": "open", "invite_valid": None}
    assert sign_up(app).status_code == 201
    assert sign_up(app, invite="anything").status_code == 201  # ignored when sign-ups are open


def test_closed_refuses_every_sign_up_and_changes_nothing(app, anon, client):
    app.config["SIGNUPS"] = "closed"
    assert anon.get("/signups").json == {"mode": "closed", "invite_valid": None}
    before = counts(app)
    token = new_invite(app)
    for response in (sign_up(app), sign_up(app, invite=token)):
        assert "not taking new accounts" in error_of(response, 403, "forbidden")["message"]
    assert counts(app) == before
    assert ApiClient(app).login(client.user["email"]).status_code == 200  # members sign in


def test_by_invitation_a_sign_up_needs_a_valid_invite(app, anon):
    app.config["SIGNUPS"] = "invite"
    before = counts(app)
    error = error_of(sign_up(app), 403, "forbidden")
    assert "need an invitation" in error["message"]
    error = error_of(sign_up(app, invite="not-a-real-invite"), 403, "forbidden")
    assert "not valid" in error["message"]
    assert counts(app) == before  # not even counted by the throttle
    token = new_invite(app)
    assert anon.get(f"/signups?invite={token}").json == {"mode": "invite", "invite_valid": True}
    response = sign_up(app, invite=token, email="Invited@Example.org")
    assert response.status_code == 201, response.json
    assert anon.get(f"/signups?invite={token}").json["invite_valid"] is False
    error_of(sign_up(app, invite=token), 403, "forbidden")  # used once only
    with app.app_context():
        invite = Invite.get()
        assert invite.used_by.email == "invited@example.org" and invite.used_at is not None
    assert counts(app)[0] == before[0] + 1


def test_the_invite_link_signs_up_and_the_account_works(app):
    app.config["SIGNUPS"] = "invite"
    token = new_invite(app)
    member = ApiClient(app)
    response = member.post("/auth/register", {"email": "friend@example.org",
                                              "password": PASSWORD, "invite": token})
    assert response.status_code == 201
    member.csrf = response.json["csrf_token"]
    assert member.post("/identities", {"statement": "I show up"}).status_code == 201
    listing = cli(app, "invite", "list").output
    assert re.search(r"\bused\b.*friend@example.org", listing), listing


def test_an_expired_invite_is_refused(app, anon):
    app.config["SIGNUPS"] = "invite"
    token = new_invite(app, days=2)
    later = clock.now() + datetime.timedelta(days=2, seconds=1)
    app.config["NOW"] = lambda: later
    assert anon.get(f"/signups?invite={token}").json["invite_valid"] is False
    assert "expired" in error_of(sign_up(app, invite=token), 403, "forbidden")["message"]
    assert "expired" in cli(app, "invite", "list").output
    app.config["NOW"] = lambda: later - datetime.timedelta(seconds=2)  # just before: still good
    assert sign_up(app, invite=token).status_code == 201


def test_a_withdrawn_invite_is_refused(app):
    app.config["SIGNUPS"] = "invite"
    token = new_invite(app)
    with app.app_context():
        invite_id = Invite.get().id
    result = cli(app, "invite", "revoke", str(invite_id))
    assert result.exit_code == 0 and "withdrawn" in result.output
    error_of(sign_up(app, invite=token), 403, "forbidden")
    assert "withdrawn" in cli(app, "invite", "list").output
    again = cli(app, "invite", "revoke", str(invite_id))
    assert again.exit_code != 0 and "no unused invite" in again.output


def test_a_taken_email_keeps_the_invite_and_the_uninvited_learn_nothing(app, client):
    app.config["SIGNUPS"] = "invite"
    token = new_invite(app)
    error_of(sign_up(app, invite=token, email=client.user["email"]), 409, "conflict")
    # without a valid invite, nobody learns that this address has an account
    error_of(sign_up(app, invite="guess", email=client.user["email"]), 403, "forbidden")
    assert sign_up(app, invite=token).status_code == 201  # the invite was not spent


def test_two_sign_ups_racing_with_one_invite_make_one_account(app, monkeypatch):
    app.config["SIGNUPS"] = "invite"
    rounds, racers = 4, 4
    real_admit = invites.admit
    for _ in range(rounds):
        token = new_invite(app)
        # Every racer has passed the check before any of them writes: the conditional UPDATE
        # alone decides (on PostgreSQL, concurrently: the losers wait on the winner's row lock).
        barrier = threading.Barrier(racers)

        def admit_together(invite, barrier=barrier):
            real_admit(invite)
            barrier.wait(timeout=20)
        monkeypatch.setattr(invites, "admit", admit_together)
        before = counts(app)[0]
        answers = at_once([lambda: sign_up(app, invite=token) for _ in range(racers)])
        assert sorted(a.status_code for a in answers) == [201] + [403] * (racers - 1)
        assert counts(app)[0] == before + 1  # the losers' accounts were rolled back


def test_the_mode_and_invite_check_take_no_bad_input(app, anon):
    app.config["SIGNUPS"] = "invite"
    for bad in (123, "", "x" * 201, "a\x00b"):
        field_errors(sign_up(app, invite=bad), "invite")
    error_of(sign_up(app, **{"invite": None}), 403, "forbidden")  # null: no invite
    field_errors(anon.get("/signups?invite="), "invite")
    assert anon.get("/signups?invite=" + "é" * 20).json["invite_valid"] is False


@pytest.mark.parametrize("days", ["0", "366", "soon"])
def test_invite_create_takes_days_from_1_to_365(app, days):
    result = cli(app, "invite", "create", "--days", days)
    assert result.exit_code != 0
    with app.app_context():
        assert Invite.select().count() == 0


def test_invite_create_warns_when_sign_ups_do_not_ask_for_invites(app):
    result = cli(app, "invite", "create")
    assert result.exit_code == 0 and "ORBIT_SIGNUPS is open" in result.stderr
    assert cli(app, "invite", "list").output.count("open") == 1
