"""The limits of one import through the API (issue 29, items 4 and 11), on SQLite and
PostgreSQL: a file past the habits limit is a 422 told at once, warnings past theirs are
counted in one line, a file that takes too long to read is a 503, each changing nothing; and a
big upload, kept on disk by werkzeug, is read from there."""
import time

from tests.importers.builders import upload
from tests.importers.test_limits import big_loop, daylio_activities, habitbull_file

from ..conftest import make_habit
from .helpers import error_of
from .test_imports import everything, rich_account


def post_file(client, path, data, name="file.csv"):
    return client.post(path, data=upload(data, name), content_type="multipart/form-data")


def test_a_daylio_file_of_20000_activities_is_refused_at_once(client):
    make_habit(client, name="Mine")
    before = everything(client)
    started = time.perf_counter()
    response = post_file(client, "/import/daylio", daylio_activities(20_000))
    assert time.perf_counter() - started < 5  # 5,000 activities took 31.6 s, 20,000: 105.7 s
    error = error_of(response, 422, "validation_error")
    assert "more than 500 activities" in error["message"]
    assert "nothing was changed" in error["fields"]["file"][0]
    assert everything(client) == before


def test_the_habits_limit_is_the_servers_for_every_format(app, client):
    rich_account(client)  # four habits
    export = client.get("/export").json
    app.config["IMPORT_MAX_HABITS"] = 3
    error = error_of(client.post("/import", export), 422, "validation_error")
    assert "more than 3 habits" in error["message"]
    before = everything(client)
    error = error_of(post_file(client, "/import/file", daylio_activities(4)), 422,
                     "validation_error")
    assert "more than 3 activities" in error["message"]
    assert everything(client) == before
    app.config["IMPORT_MAX_HABITS"] = 4
    assert client.post("/import", export).status_code == 200


def test_warnings_past_the_limit_are_counted_in_one_line(app, client):
    app.config["IMPORT_MAX_WARNINGS"] = 5
    response = post_file(client, "/import/daylio", daylio_activities(12, per_row=4))
    assert response.status_code == 200, response.json
    assert response.json["created"]["habits"] == 12
    warnings = response.json["warnings"]  # one a habit: "… is a habit now, … a week"
    assert len(warnings) == 6 and all("is a habit now" in w for w in warnings[:5])
    assert warnings[5] == "… and 7 more warnings."


def test_a_file_that_takes_too_long_to_read_is_503_and_changes_nothing(app, client, tmp_path):
    path = tmp_path / "habitbull.csv"
    habitbull_file(path, 50_000)
    app.config["IMPORT_SECONDS"] = 0.001  # 4,096 rows, the first look at the clock, take longer
    before = everything(client)
    response = post_file(client, "/import/file", path.read_bytes())
    error = error_of(response, 503, "unavailable")
    assert response.headers["Retry-After"] == "60"
    assert "took longer than the 0.001 seconds an import may take" in error["message"]
    assert everything(client) == before


def test_a_big_upload_is_read_from_disk(client, tmp_path):
    """Past 500 KiB werkzeug keeps an upload in a temporary file: the CSV is read from it."""
    path = tmp_path / "habitbull.csv"
    done = habitbull_file(path, 20_000, habits=10)
    assert path.stat().st_size > 512 * 1024
    response = post_file(client, "/import/habitbull", path.read_bytes())
    assert response.status_code == 200, response.json
    assert response.json["created"]["habits"] == 10
    assert response.json["created"]["checkins"] == done


def test_a_big_backup_is_read_from_disk(client, tmp_path):
    """A SQLite backup past a mebibyte is mapped from werkzeug's temporary file."""
    path = tmp_path / "loop.db"
    big_loop(path)
    response = post_file(client, "/import/file", path.read_bytes(), "loop.db")
    assert response.status_code == 200, response.json
    assert response.json["created"]["checkins"] == 2 * 19_000 + 1  # and "Work out" once
