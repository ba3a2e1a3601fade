"""Fuzzing every documented endpoint with a token limited to logging check-ins (issue 27): no 5xx,
answers as documented, and nothing but the check-in writes of its habits accepted (a 403 is the
answer everywhere else, which test_token_scopes.py proves endpoint by endpoint)."""
from .test_fuzz import fuzz, signed_in_user


def test_fuzz_with_a_scoped_token(app):
    client = signed_in_user(app)
    habit_ids = [h["id"] for h in client.get("/habits").json]
    token = client.post("/tokens", {"name": "fuzz", "scope": "checkins",
                                    "habit_ids": habit_ids}).json["token"]
    fuzz(app, lambda: {"headers": {"Authorization": f"Bearer {token}"}})
