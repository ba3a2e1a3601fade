"""Fuzzing every documented endpoint with schemathesis, as a signed-in user (API token and session
cookie), on SQLite and PostgreSQL: no 5xx; status codes, content types and bodies as the OpenAPI
document says (errors against the strict envelope schema); schema-valid requests accepted and
schema-invalid ones refused. Endpoints added later are fuzzed by being in the document.
ORBIT_FUZZ_EXAMPLES sets the examples per operation and mode (default 20: the suite's budget)."""
import os

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, negative_data_rejection,
                                               response_schema_conformance, status_code_conformance)

from ..conftest import ApiClient, make_habit

EXAMPLES = int(os.environ.get("ORBIT_FUZZ_EXAMPLES", "20"))
# Only the operations whose path holds this text (ORBIT_FUZZ_ONLY=/pauses), to fuzz one resource.
ONLY = os.environ.get("ORBIT_FUZZ_ONLY", "")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, negative_data_rejection]
# Schema-valid requests are accepted, except where RULES.md states a rule no JSON schema can: a
# 422 naming only these fields is that rule at work (every other 4xx but 401/403/404/409/429 is
# a schema that promised too much).
RULES_BEYOND_THE_SCHEMA = {
    # kind, measure, target and schedule together; quit habits daily; start no later than the
    # earliest check-in; an if-then plan's two halves written both or neither
    "POST /habits": {"target", "schedule", "start_date",  # start: up to a year from today
                     "plan_cue", "plan_action"},
    "PATCH /habits/{habit_id}": {"target", "schedule", "kind", "measure", "start_date",
                                 "plan_cue", "plan_action"},
    # from <= to, at most 3,660 days apart
    **{f"GET {path}": {"from"} for path in (
        "/reflections", "/habits/{habit_id}/checkins", "/habits/{habit_id}/calendar",
        "/habits/{habit_id}/strength")},
    # dates up to the user's today; values by kind and measure; mood when the day has none yet
    "PUT /habits/{habit_id}/checkins/{date}": {"date", "value", "status"},
    # (and a device's client_time up to a day from now)
    "PUT /reflections/{date}": {"date", "mood", "client_time"},
    "DELETE /reflections/{date}": {"date", "client_time"},
    "DELETE /habits/{habit_id}/checkins/{date}": {"date"},
    # an address with a top-level domain of two characters or more (marshmallow's Email; the
    # "email" format of JSON Schema takes 0@0.a)
    "POST /auth/register": {"email"},
    # the current password must be the right one
    "DELETE /me": {"password"},
    "POST /me/password": {"current_password"},
    # a habit reminder needs its habit; a weekly summary one day; Apprise the operator's consent
    "POST /reminders": {"days", "channels"},
    "PATCH /reminders/{reminder_id}": {"days", "channels"},
    # a push service's address: an http(s) URL that a JSON schema's "uri" only approximates
    "POST /push/subscriptions": {"endpoint"},
    # an Apprise URL of a service Orbit sends to (the pattern says only "scheme://": the schemes
    # are matched in any case, which a JSON schema's pattern cannot say), outside the network
    "POST /notify/targets": {"url"},
    # a webhook's URL: https (http only inside the network, where allowed), a plain address,
    # outside the server's network
    "POST /webhooks": {"url"},
    "PATCH /webhooks/{webhook_id}": {"url"},
    # a check-ins token names habits of the caller's, a full one none
    "POST /tokens": {"habit_ids"},
    # habits archived or restored at once: each one of the caller's
    "POST /habits/archive": {"habit_ids"},
    # a share shows something, and only the caller's habits and identities, never a private habit
    # (a share that would show nothing names all four choices)
    "POST /shares": {"habit_ids", "identity_ids", "mood", "wellbeing"},
    "PATCH /shares/{share_id}": {"habit_ids", "identity_ids", "mood", "wellbeing"},
    # a month of the year given, when both are
    "GET /history/mood": {"month"},
    # a pause ends on or after its start, both up to a year from today
    "POST /pauses": {"start", "end"},
    "PATCH /pauses/{pause_id}": {"start", "end"},
    # an uploaded file's contents: one of the formats the endpoint reads, which no schema of bytes
    # can say; an export's references by uuid and its rules by kind and measure
    "POST /import": {"file", "format", "version", "habits", "checkins", "reminders", "pauses"},
    **{f"POST /import/{kind}": {"file"} for kind in ("loop", "habitbull", "daylio", "file")},
    # a passkey's answer signed by its authenticator for a challenge of ours, here; a passkey
    # sign-up's email as a password sign-up's
    "POST /me/passkeys": {"credential"}, "POST /auth/register/passkey": {"credential"},
    "POST /auth/register/passkey/options": {"email"},
}
# An id in a body that is not one of the caller's is a 422 naming it (RULES.md "API rules beyond
# the shapes").
BODY_IDS = {"identity_id", "habit_id"}
ACCEPTED = {200, 201, 202, 204, 401, 403, 404, 409, 429}
# Signing out, a new password or deleting the account would leave the rest of the run with
# nobody signed in: these are fuzzed apart, each request by a user of its own.
LEAVE_OUT = {("POST", "/auth/logout"), ("DELETE", "/me"), ("POST", "/me/password")}


def signed_in_user(app):
    """A user with an identity and habits for generated ids to land on, and an API token."""
    client = ApiClient(app).register()
    identity = client.post("/identities", {"statement": "I show up"}).json
    for name in ("Walk", "Read"):
        make_habit(client, name=name, identity_id=identity["id"])
    return client


def fuzz(app, credentials, ending_sessions=False):
    """Every operation (or, with `ending_sessions`, those LEAVE_OUT leaves out), in both
    generation modes, signed in on every request by what `credentials()` gives ({"headers",
    "cookies"}); every operation's failures are reported together."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        left_out = (operation.method.upper(), operation.path) in LEAVE_OUT
        if left_out != ending_sessions or ONLY not in operation.path:
            continue
        modes = [schemathesis.GenerationMode.POSITIVE]
        if operation.body or any(True for _ in operation.iter_parameters()):
            modes.append(schemathesis.GenerationMode.NEGATIVE)  # nothing to break otherwise
        for mode in modes:
            failures.extend(fuzzed(operation, mode, credentials))
    assert not failures, "\n\n".join(failures)


def fuzzed(operation, mode, credentials, redirects=False):
    """Run an operation's generated cases in `mode`, each sent with `credentials()`: its failure
    as a line of text, or none (`redirects`: a 302 is an accepted answer too)."""
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        call_and_check(case, credentials(), redirects)

    try:
        run()
    except Unsatisfiable:
        return []  # no request breaks the schema (a path of any string)
    except (Exception, BaseExceptionGroup) as failure:  # each is reported by the caller
        return [f"{operation.label} ({mode}): {failure}"]
    return []


def call_and_check(case, sent, redirects=False):
    """Send the case signed in with `sent` ({"headers", "cookies"}): the answer passes CHECKS, and
    a schema-valid request is accepted (assert_accepted; with `redirects`, a 302 too)."""
    if sent.get("cookies"):
        # A generated Authorization header would be tried before the cookie: 401.
        case.headers = {k: v for k, v in (case.headers or {}).items()
                        if k.lower() != "authorization"}
    # Uncompressed answers: the WSGI test client does not undo flask-compress.
    # Cookies as cookies: the test client replaces a Cookie header with its own jar.
    response = case.call_and_validate(
        headers={"Accept-Encoding": "identity", **sent.get("headers", {})},
        cookies=sent.get("cookies"), checks=CHECKS)
    if case.meta.generation.mode.is_positive and not (redirects and response.status_code == 302):
        assert_accepted(case.operation.label, case, response)
    return response


def assert_accepted(label, case, response):
    """A schema-valid request is accepted, or refused by a rule the schema cannot state."""
    if response.status_code in ACCEPTED:
        return
    fields = set(response.json()["error"].get("fields", {})) if response.status_code == 422 else {}
    allowed = RULES_BEYOND_THE_SCHEMA.get(label, set()) | BODY_IDS
    assert fields and fields <= allowed, (
        f"{label}: a schema-valid request was refused with {response.status_code} "
        f"{response.text}\n{case.as_curl_command()}")


def test_fuzz_with_an_api_token(app):
    client = signed_in_user(app)
    token = client.post("/tokens", {"name": "fuzz"}).json["token"]
    fuzz(app, lambda: {"headers": {"Authorization": f"Bearer {token}"}})


def test_fuzz_with_the_session_cookie(app):
    client = signed_in_user(app)
    fuzz(app, lambda: session_of(client))


def test_fuzz_what_ends_a_session(app):
    # Each request signs out, or changes the password of, or deletes, a user of its own.
    fuzz(app, lambda: session_of(ApiClient(app).register()), ending_sessions=True)


def session_of(client):
    """The credentials of the client's signed-in session: its cookie and CSRF token."""
    return {"cookies": {"session": client.http.get_cookie("session").value},
            "headers": {"X-CSRF-Token": client.csrf}}
