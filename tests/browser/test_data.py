"""Import and export in Settings (issue #14): import a fixture file from the phone and see the
report (added, then "nothing new" the second time, and a bad file's message on the form);
download everything as JSON and as a zip of CSV files."""
import json
import zipfile
from pathlib import Path

from playwright.sync_api import expect

from tests.importers.builders import FIXTURES

SHOTS = Path("/tmp/shots")


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.wait_for_timeout(150)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def data_section(page):
    page.goto("/#/settings")
    section = page.get_by_role("region", name="Your data")
    section.scroll_into_view_if_needed()
    return section


def test_import_a_loop_backup_and_see_the_report(signed_up, call_api, console_errors):
    page = signed_up
    console_errors.allow("status of 422")  # the bad file, below
    section = data_section(page)
    section.get_by_label("File to import").set_input_files(str(FIXTURES / "databases" / "022.db"))
    section.get_by_role("button", name="Import", exact=True).click()
    report = section.get_by_role("status")
    expect(report).to_contain_text("Imported 022.db")
    expect(report).to_contain_text("Added: 2 habits, 1 check-in, 1 reminder")
    shot(page, "data-imported")
    habits = call_api("return await api.listHabits('all');")
    assert sorted(h["name"] for h in habits) == ["Test", "Work out"]

    # The same file again: nothing new.
    section.get_by_label("File to import").set_input_files(str(FIXTURES / "databases" / "022.db"))
    section.get_by_role("button", name="Import", exact=True).click()
    expect(report).to_contain_text("Nothing new: everything in this file is already here.")

    # A file of another kind: the server's message beside the field, nothing imported.
    section.get_by_label("File to import").set_input_files(
        files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"just a note"}])
    section.get_by_role("button", name="Import", exact=True).click()
    expect(section.locator(".field-error")).to_contain_text("Orbit cannot tell what this file is")
    shot(page, "data-refused")
    assert len(call_api("return await api.listHabits('all');")) == 2


def test_a_habitbull_file_shows_what_changed_in_the_move(signed_up):
    page = signed_up
    section = data_section(page)
    section.get_by_label("File to import").set_input_files(str(FIXTURES / "habitbull3.csv"))
    section.get_by_role("button", name="Import", exact=True).click()
    report = section.get_by_role("status")
    expect(report).to_contain_text("Added: 2 habits, 10 check-ins, 1 identity")
    expect(report.get_by_role("listitem").first).to_contain_text("“Pushups” has numbers above 1")
    shot(page, "data-warnings")
    page.emulate_media(color_scheme="dark")
    shot(page, "data-warnings-dark")
    page.emulate_media(color_scheme="light")
    # Its days are of 2016: it arrived archived, and comes back with one tap.
    report.get_by_role("button", name="Restore all 2").click()
    expect(report).to_contain_text("Restored: all 2 are on Today again.")
    page.goto("/#/today")
    # (Its name shows in its card's hints too, a smaller step after misses: the card's own name.)
    expect(page.locator(".screen-today .habit-name", has_text="Pushups")).to_be_visible()


def test_download_everything(signed_up, call_api, tmp_path):
    page = signed_up
    call_api("return await api.createHabit({ name: 'Secret walk', private: true });")
    section = data_section(page)
    shot(page, "data-section")
    with page.expect_download() as json_download:
        section.get_by_role("link", name="Download everything (JSON)").click()
    path = tmp_path / "export.json"
    json_download.value.save_as(path)
    assert json_download.value.suggested_filename.startswith("orbit-export-")
    export = json.loads(path.read_text())
    assert export["format"] == "orbit" and export["version"] == 1
    assert [h["name"] for h in export["habits"]] == ["Secret walk"]  # private: the user's own
    with page.expect_download() as zip_download:
        section.get_by_role("link", name="Spreadsheets (CSV zip)").click()
    archive = tmp_path / "export.zip"
    zip_download.value.save_as(archive)
    assert "habits.csv" in zipfile.ZipFile(archive).namelist()
