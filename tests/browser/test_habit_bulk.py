"""Several habits archived or restored at once (issue 24): from the Identities screen, and the
import report's "Restore all" for another app's habits that arrived archived."""
from playwright.sync_api import expect

from tests.importers.builders import FIXTURES


def names(call_api, archived):
    return sorted(h["name"] for h in call_api(f"return await api.listHabits('{archived}');"))


def test_archive_two_then_restore_one(signed_up, call_api, shoot, console_errors):
    page = signed_up
    for name in ("Walk", "Read", "Swim"):
        call_api("return await api.createHabit({name: arg});", name)
    page.goto("/#/identities")
    card = page.get_by_role("region", name="Archive or restore several")
    card.scroll_into_view_if_needed()
    on_today = card.get_by_role("group", name="On Today")
    on_today.get_by_label("Walk").check()
    on_today.get_by_label("Swim").check()
    shoot(page, "habit-bulk-chosen")
    on_today.get_by_role("button", name="Archive chosen").click()
    expect(page.get_by_text("2 habits archived")).to_be_visible()
    assert names(call_api, "false") == ["Read"]
    archived = page.get_by_role("region", name="Archive or restore several").get_by_role(
        "group", name="Archived")
    archived.get_by_label("Swim").check()
    archived.get_by_role("button", name="Restore chosen").click()
    expect(page.get_by_text("1 habit restored")).to_be_visible()
    assert names(call_api, "true") == ["Walk"]
    # Nothing chosen: it says so and changes nothing.
    page.get_by_role("region", name="Archive or restore several").get_by_role(
        "button", name="Archive chosen").click()
    expect(page.get_by_text("Choose one or more habits first.")).to_be_visible()
    assert names(call_api, "true") == ["Walk"]
    page.emulate_media(color_scheme="dark")
    shoot(page, "habit-bulk-dark")


def test_an_old_backup_arrives_archived_and_comes_back_with_one_tap(signed_up, call_api, shoot):
    page = signed_up
    page.goto("/#/settings")
    section = page.get_by_role("region", name="Your data")
    section.scroll_into_view_if_needed()
    section.get_by_label("File to import").set_input_files(str(FIXTURES / "loop.db"))
    section.get_by_role("button", name="Import", exact=True).click()
    report = section.get_by_role("status")
    expect(report).to_contain_text("9 habits had no check-in in the last two months")
    shoot(page, "import-archived")
    assert names(call_api, "false") == [] and len(names(call_api, "true")) == 9
    report.get_by_role("button", name="Restore all 9").click()
    expect(report).to_contain_text("Restored: all 9 are on Today again.")
    assert len(names(call_api, "false")) == 9
