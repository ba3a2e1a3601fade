"""The sentences a weekly summary carries (highlights, next small steps, mood links, the week's
question) are in the reader's language (issue 26): the account's, else the one the request's
browser asks for, as the app picks its own. Under the en-XA pseudo-locale (server/i18n_pseudo.py,
every msgid accented inside ⟦…⟧, no translator needed) each one is the catalogue's; English is
the source, unchanged; a German account gets what the German catalogue says. Both databases."""
import subprocess
import sys

import pytest

from server import i18n
from server.config import ROOT
from server.i18n import words_in

from ..conftest import make_habit
from .test_summaries import MON, ONE_DAY, days, log, moods_and_days, row

PSEUDO = {"Accept-Language": "en-XA,en;q=0.5"}


@pytest.fixture(scope="module", autouse=True)
def source_as_it_is(tmp_path_factory):
    """The pseudo-locale made from the source as it stands (make i18n's extraction into a file of
    the test's own), not from translations/messages.pot, which only `make i18n` writes."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
                    "--omit-header", "-o", str(pot), "."], cwd=ROOT, check=True,
                   capture_output=True)
    committed, i18n.POT = i18n.POT, pot
    i18n.compiled.cache_clear(), i18n.words_in.cache_clear()
    yield
    i18n.POT = committed
    i18n.compiled.cache_clear(), i18n.words_in.cache_clear()


def summary(client, headers=None):
    response = client.get(f"/summaries/weekly?date={MON.isoformat()}", headers=headers)
    assert response.status_code == 200, response.json
    return response.json


def a_rich_week(client):
    """A record, the most votes, a step to suggest and a mood link, in the week of the 12th."""
    identity = client.post("/identities", {"statement": "I move my body"}).json
    walk = make_habit(client, name="Walk", identity_id=identity["id"], start_date="2026-07-01")
    moods_and_days(client, walk, lambda i: (i % 2 == 0, 4 + (i % 4 == 0) if i % 2 == 0
                                            else 2 + (i % 3 == 0)))
    log(client, walk, days(MON - 2 * ONE_DAY, 8))  # Sat 10th to Sun 18th: a record
    paint = make_habit(client, name="Paint", measure="minutes", target=20, start_date="2026-10-01")
    log(client, paint, days(MON - 7 * ONE_DAY, 14), value=25)
    return walk, paint


def sentences(week):
    return [*week["highlights"], *(link["text"] for link in week["insights"]),
            *(r["suggestion"]["text"] for r in week["habits"] if r["suggestion"])]


def test_english_is_the_source(client):
    walk, paint = a_rich_week(client)
    week = summary(client)
    assert "New record: Walk, 9 days in a row." in week["highlights"]
    assert "Most votes: “I move my body” (6)." in week["highlights"]
    assert row(week, paint)["suggestion"]["text"] == (
        "You met Paint every day two weeks running — try 25 minutes?")
    [link] = week["insights"]
    assert link["text"].startswith("On days you did Walk, your mood averaged ")
    assert summary(client, {"Accept-Language": "en-GB,en"}) == week


def test_the_pseudo_locale_asked_for_by_the_browser_gets_the_catalogues_sentences(client):
    walk, paint = a_rich_week(client)
    week = summary(client, PSEUDO)
    said = sentences(week)
    assert len(said) >= 4 and all(text[0] + text[-1] == "⟦⟧" for text in said), said
    assert any("Walk" in text and "9" in text for text in week["highlights"])  # filled in
    assert "⟦Ýöû méţ Paint" in row(week, paint)["suggestion"]["text"]
    # Each language its own copy: English again is English, not the cached pseudo sentences.
    assert summary(client)["highlights"][0] == "New record: Walk, 9 days in a row."
    screen = client.get(f"/summaries/weekly/screen?date={MON.isoformat()}", headers=PSEUDO).json
    assert screen["summary"]["highlights"] == week["highlights"]
    assert screen["prompt"]["question"].startswith("⟦")
    answered = client.put(f"/summaries/weekly/answers/{MON.isoformat()}", {"answer": "Walked."},
                          headers=PSEUDO)
    assert answered.status_code == 201 and answered.json["question"].startswith("⟦")
    # The week keeps the question as the source wrote it: English for an English reader.
    english = client.get(f"/summaries/weekly/answers/{MON.isoformat()}").json
    assert not english["question"].startswith("⟦") and english["answer"] == "Walked."
    [kept] = client.get("/summaries/weekly/answers?weeks=104", headers=PSEUDO).json
    assert kept["question"] == answered.json["question"]


def test_a_german_account_gets_the_german_catalogues_sentences(client):
    walk, paint = a_rich_week(client)
    assert client.patch("/me", {"locale": "de"}).status_code == 200
    week = summary(client, {"Accept-Language": "en-US"})  # the account's choice wins
    german = words_in("de")
    streak = german.ngettext("{n} day", "{n} days", 9)
    assert german._("New record: {habit}, {streak} in a row.", habit="Walk", streak=streak) in (
        week["highlights"])
    assert row(week, paint)["suggestion"]["text"] == german._(
        "{met} — try {amount}?",
        met=german._("You met {habit} every day two weeks running", habit="Paint"),
        amount=german.ngettext("{n} minute", "{n} minutes", 25))
    [link] = week["insights"]
    assert link["text"].startswith(german.ngettext(
        "On days you did {habit}, your mood averaged {done}; on days you didn't, {not_done} "
        "(over {n} day). A link, not proof of cause.",
        "On days you did {habit}, your mood averaged {done}; on days you didn't, {not_done} "
        "(over {n} days). A link, not proof of cause.", 90,
        habit="Walk", done="", not_done="")[:12])
    assert german.decimal(4.0) == "4,0"  # German decimals
