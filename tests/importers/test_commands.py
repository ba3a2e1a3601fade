"""`flask --app server import KIND FILE --user EMAIL` and `flask --app server export --user
EMAIL`, for people moving to Orbit on the server."""
import json
import zipfile

from .builders import FIXTURES


def test_import_and_export_from_the_command_line(app, client, tmp_path):
    runner = app.test_cli_runner()
    email = client.user["email"]
    result = runner.invoke(args=["import", "auto", str(FIXTURES / "habitbull3.csv"),
                                 "--user", email])
    assert result.exit_code == 0, result.output
    assert "Created: 1 identity, 2 habits, 10 check-ins." in result.output
    assert "Pushups" in result.output  # the warning on its count habit
    assert "Archived on arrival: 2 habits with no check-in in the last 60 days" in result.output
    again = runner.invoke(args=["import", "habitbull", str(FIXTURES / "habitbull3.csv"),
                                "--user", email])
    assert "Created: nothing." in again.output and "Updated: nothing." in again.output
    assert sorted(h["name"] for h in client.get("/habits?archived=all").json) == [
        "Pushups", "run"]

    result = runner.invoke(args=["export", "--user", email])
    assert result.exit_code == 0, result.output
    export = json.loads(result.output)
    assert export["format"] == "orbit" and len(export["checkins"]) == 10
    target = tmp_path / "orbit.zip"
    result = runner.invoke(args=["export", "--user", email, "--format", "csv", "--output",
                                 str(target)])
    assert result.exit_code == 0, result.output
    assert "habits.csv" in zipfile.ZipFile(target).namelist()

    path = tmp_path / "orbit.json"
    path.write_text(json.dumps(export))
    result = runner.invoke(args=["import", "orbit", str(path), "--user", email])
    assert "Created: nothing." in result.output


def test_a_bad_file_or_an_unknown_account_is_refused(app, client):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import", "loop", str(FIXTURES / "habitbull.csv"),
                                 "--user", client.user["email"]])
    assert result.exit_code == 1 and "not a SQLite database" in result.output
    result = runner.invoke(args=["export", "--user", "nobody@example.org"])
    assert result.exit_code == 1 and "no account" in result.output
    assert client.get("/habits").json == []


def test_the_command_keeps_the_servers_limits(app, client):
    app.config["IMPORT_MAX_HABITS"] = 1  # the file makes two
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import", "auto", str(FIXTURES / "habitbull3.csv"),
                                 "--user", client.user["email"]])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "1 habit" in result.output, result.output
    assert client.get("/habits").json == []
