"""Schemathesis over the sign-in endpoints of issue 22 with OpenID Connect turned on, against the
real provider (tests/oidc_server.py): the rest of the document is fuzzed with it off, where these
answer 404 (tests/api/test_fuzz.py)."""
import schemathesis

from ..conftest import ApiClient
from .test_fuzz import fuzzed, session_of
from .test_oidc import provider, sso_app  # noqa: F401 (fixtures)

PATHS = {"/auth/methods", "/auth/oidc/start", "/auth/oidc/callback", "/auth/oidc/link",
         "/me/providers"}


def test_fuzz_the_sign_in_endpoints_with_a_provider(sso_app):  # noqa: F811
    sso_app.config.update(LOGIN_MAX_PER_ADDRESS=10_000)  # callbacks by the hundred, one address
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", sso_app)
    client = ApiClient(sso_app).register()
    token = client.post("/tokens", {"name": "fuzz"}).json["token"]
    ways = [lambda: session_of(client), lambda: {"headers": {"Authorization": f"Bearer {token}"}},
            lambda: {}]
    failures, seen = [], set()
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.path not in PATHS:
            continue
        seen.add(operation.path)
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            for credentials in ways:  # the start and the callback are documented 302s
                failures.extend(fuzzed(operation, mode, credentials, redirects=True))
    assert seen == PATHS
    assert not failures, "\n\n".join(failures)
