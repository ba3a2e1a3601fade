"""Schemathesis's coverage phase over every documented operation, in-process: each parameter's and
field's boundaries and just-past-boundaries (shortest and longest strings, each enum value, each
wrong type, a missing required field, an unknown property, an undocumented method), made as
schemathesis's coverage phase makes them (less its reuse of earlier answers' values, which puts
the error envelope's fields into request bodies it calls valid). Every answer is held to
test_fuzz's checks and rules: no 5xx; status, content type and body as documented; schema-valid
requests accepted, invalid ones refused. The phase was reported hanging on the document (issue
29, item 12): each operation has a time bound here, and the test a timeout, so a generator stuck
on a schema fails by name instead of holding CI."""
import time

import pytest
import schemathesis
from schemathesis import GenerationMode

from ..conftest import ApiClient
from .test_fuzz import LEAVE_OUT, call_and_check, session_of, signed_in_user

# Generating and sending one operation's cases takes at most about 2 s here (POST /import's 787,
# PATCH /me's 635: a case per time zone); past this, the generator is stuck on a schema.
OPERATION_SECONDS = 20
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]


@pytest.mark.timeout(300)  # the whole document; a stuck generator fails sooner, by name (above)
def test_the_coverage_phase_over_every_operation(app):
    app.config["APPRISE"] = True  # Apprise targets answer by their URL, not with a 404
    client = signed_in_user(app)
    token = client.post("/tokens", {"name": "coverage"}).json["token"]
    signed_in = {"headers": {"Authorization": f"Bearer {token}"}}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    if not hasattr(schema, "iter_coverage_cases"):  # requirements-dev.txt still allows 4.3
        pytest.fail("The coverage phase's cases need schemathesis 4.18 or later (4.25 or later "
                    "for its fixes of stalls on a pattern with a maxLength).")
    failures, slow, empty = [], [], []
    for result in schema.get_all_operations():
        operation = result.ok()
        # Signing out, a new password or deleting the account: each by a user of its own.
        ends_session = (operation.method.upper(), operation.path) in LEAVE_OUT
        print("coverage phase:", operation.label)  # the last one named is stuck, on a timeout
        started, sent = time.monotonic(), 0
        config = schema.config.generation_for(operation=operation, phase="coverage")
        for case in schema.iter_coverage_cases(operation, generation_modes=MODES,
                                               generation_config=config):
            sent += 1
            credentials = (session_of(ApiClient(app).register()) if ends_session
                           else signed_in)
            try:
                call_and_check(case, credentials)
            except (Exception, BaseExceptionGroup) as failure:  # each is reported below
                failures.append(f"{operation.label} ({case.meta.phase.data.description}): "
                                f"{failure}")
        elapsed = time.monotonic() - started
        if elapsed > OPERATION_SECONDS:
            slow.append(f"{operation.label}: {elapsed:.0f} s for {sent} cases")
        if not sent:
            empty.append(operation.label)
    assert not slow, "the coverage phase stalls on: " + "; ".join(slow)
    assert not empty, "no coverage cases for: " + ", ".join(empty)
    assert not failures, "\n\n".join(failures)
