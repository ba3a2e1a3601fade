"""Orbit's export carries chapters and weekly answers (issue 24), in JSON and CSV, and reading it
back brings them to another account: export → import → export keeps them, and importing the
same file twice changes nothing."""
import datetime
import io
import zipfile

import pytest

from server.db import database
from server.importers import read_export
from server.importers.chapters import apply_chapters
from server.models import User

from ..conftest import ApiClient

UTC = datetime.timezone.utc


@pytest.fixture
def mine(app):
    app.config["NOW"] = lambda: datetime.datetime(2027, 3, 10, 12, tzinfo=UTC)
    client = ApiClient(app).register(timezone="UTC")
    client.post("/chapters", {"name": "Since the move", "start": "2026-03-10"})
    client.post("/chapters", {"name": "=After the course", "start": "2027-01-04"})
    client.put("/summaries/weekly/answers/2027-03-03", {"answer": "Walked to work twice."})
    client.put("/summaries/weekly/answers/2027-03-10", {"answer": "-Painted on Sunday."})
    return client


def kept(export):
    return ([(c["name"], c["start"]) for c in export["chapters"]],
            [(a["week_start"], a["prompt"], a["question"], a["answer"])
             for a in export["week_answers"]])


def imported(app, client, document):
    """The export read and its chapters written for `client`'s user (the last transaction's
    step of an import); the report's counts."""
    report = {"created": {}, "updated": {}}
    with app.app_context(), database.connection_context():
        user = User.get_by_id(client.user["id"])
        with database.atomic():
            apply_chapters(user, read_export(document, user), report)
    return report


def test_the_export_carries_chapters_and_answers(mine):
    export = mine.get("/export").json
    chapters, answers = kept(export)
    assert chapters == [("Since the move", "2026-03-10"), ("=After the course", "2027-01-04")]
    assert [(a[0], a[3]) for a in answers] == [("2027-03-01", "Walked to work twice."),
                                               ("2027-03-08", "-Painted on Sunday.")]
    archive = zipfile.ZipFile(io.BytesIO(mine.get("/export?format=csv").data))
    assert "'=After the course" in archive.read("chapters.csv").decode("utf-8-sig")
    assert "'-Painted on Sunday." in archive.read("week_answers.csv").decode("utf-8-sig")


def test_export_import_export_keeps_them(app, mine):
    export = mine.get("/export").json
    theirs = ApiClient(app).register(timezone="UTC")
    report = imported(app, theirs, export)
    assert (report["created"]["chapters"], report["created"]["week_answers"]) == (2, 2)
    assert kept(theirs.get("/export").json) == kept(export)
    again = imported(app, theirs, export)  # the same file again: nothing new
    assert (again["created"], again["updated"]) == (
        {"chapters": 0, "week_answers": 0}, {"chapters": 0, "week_answers": 0})
    assert kept(theirs.get("/export").json) == kept(export)
    assert [c["name"] for c in mine.get("/chapters").json] == ["Since the move",
                                                               "=After the course"]
    # Restored into the same account after removing one, it comes back with its uuid.
    [first, _] = mine.get("/chapters").json
    mine.delete(f"/chapters/{first['id']}")
    imported(app, mine, export)
    assert kept(mine.get("/export").json) == kept(export)
    assert mine.get("/export").json["chapters"][0]["uuid"] == export["chapters"][0]["uuid"]


def test_post_import_brings_them(app, mine):
    export = mine.get("/export").json
    theirs = ApiClient(app).register(timezone="UTC")
    assert theirs.post("/import", export).status_code == 200
    assert kept(theirs.get("/export").json) == kept(export)


def test_an_older_export_without_them_still_imports(app, mine):
    export = mine.get("/export").json
    del export["chapters"], export["week_answers"]
    theirs = ApiClient(app).register(timezone="UTC")
    assert theirs.post("/import", export).status_code == 200
    assert imported(app, theirs, export)["created"] == {"chapters": 0, "week_answers": 0}
