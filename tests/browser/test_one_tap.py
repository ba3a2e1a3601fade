"""Issue #9, items 1-5: logging in one tap, an Undo that restores the exact record, no "Slipped"
before a quit habit's start, double taps that count once, and week/month/window habits shown by
their period."""
import re
from datetime import timedelta

from playwright.sync_api import expect

from tests import clock
from tests.clock import day

TAP_GAP_MS = 450  # longer than the 400 ms in which taps on one control count once



def checkin(call_api, habit_id, date):
    return call_api("return (await api.listCheckins(arg[0], arg[1], arg[1]))[0] || null", [habit_id, date])


def habit(call_api, habit_id):
    return call_api("return api.getHabit(arg)", habit_id)


def undo(page):
    page.locator("#toast").get_by_role("button", name="Undo").click()
    expect(page.locator("#toast")).to_contain_text("Undone")


def test_undo_restores_the_exact_record_it_replaced(signed_up, call_api, shoot):
    page = signed_up
    read = call_api("return api.createHabit({ name: 'Read', measure: 'count', unit: 'pages', target: 10 })")
    walk = call_api("return api.createHabit({ name: 'Walk' })")
    today = day()
    call_api("await api.putCheckin(arg[0], arg[2], { value: 3, note: 'Chapter one' });"
             "await api.putCheckin(arg[1], arg[2], { status: 'skipped', note: 'Rain all day' });",
             [read["id"], walk["id"], today])
    page.reload()

    # A tap that replaced a skip (with its note), then Undo: the skip and the note are back.
    page.get_by_role("button", name="Mark Walk done").click()
    expect(page.get_by_role("button", name="Mark Walk done")).to_have_attribute("aria-pressed", "true")
    undo(page)
    expect(page.locator(".habit-card", has_text="Walk")).to_contain_text("Skipped")
    stored = checkin(call_api, walk["id"], today)
    assert (stored["status"], stored["note"]) == ("skipped", "Rain all day")

    # Two taps of "one more page", then two Undos: back to 3 pages and the note, exactly.
    add = page.get_by_role("button", name="Add 1 page to Read")
    add.click()
    expect(page.locator(".habit-card", has_text="Read")).to_contain_text("4 / 10 pages")
    page.wait_for_timeout(TAP_GAP_MS)
    add.click()
    expect(page.locator(".habit-card", has_text="Read")).to_contain_text("5 / 10 pages")
    assert checkin(call_api, read["id"], today)["note"] == "Chapter one"
    undo(page)
    expect(page.locator(".habit-card", has_text="Read")).to_contain_text("4 / 10 pages")
    undo(page)
    expect(page.locator(".habit-card", has_text="Read")).to_contain_text("3 / 10 pages")
    stored = checkin(call_api, read["id"], today)
    assert (stored["status"], stored["value"], stored["note"]) == ("done", 3, "Chapter one")
    shoot(page, "60-undo-exact")


def test_undo_moves_a_start_date_back_where_it_was(signed_up, call_api):
    """Needs the server's derived start date (the earlier of the set date and the earliest
    check-in): a DELETE of the check-in that moved it back moves it forward again."""
    page = signed_up
    stretch = call_api("return api.createHabit({ name: 'Stretch' })")
    calm = call_api("return api.createHabit({ name: 'No reactive messages', kind: 'quit' })")
    page.goto(f"/#/today/{day(-4)}")
    later = page.get_by_role("region", name="Before their start date")
    later.get_by_role("button", name="Mark Stretch done").click()
    expect(page.get_by_role("region", name="Due").get_by_role("button", name="Mark Stretch done")).to_have_attribute(
        "aria-pressed", "true")
    assert habit(call_api, stretch["id"])["start_date"] == day(-4)
    undo(page)
    expect(page.get_by_role("region", name="Before their start date")).to_contain_text("Stretch")
    assert habit(call_api, stretch["id"])["start_date"] == day()
    assert checkin(call_api, stretch["id"], day(-4)) is None

    # A slip knowingly logged on an earlier day of a quit habit, then Undo: no kept days appear.
    page.get_by_role("button", name="More for No reactive messages").click()
    page.get_by_role("button", name="Save note").click()  # a kept day with a note: tracking starts here
    expect(page.locator("#toast")).to_contain_text("Note saved")  # the write has been answered
    assert habit(call_api, calm["id"])["start_date"] == day(-4)
    undo(page)
    assert habit(call_api, calm["id"])["start_date"] == day()
    stats = call_api("return api.getStats(arg)", calm["id"])
    assert stats["total_done"] <= 1  # today only: no kept days the user never claimed


def test_quit_habit_days_before_its_start_are_not_tracked_yet(signed_up, call_api, shoot):
    page = signed_up
    calm = call_api("return api.createHabit({ name: 'No reactive messages', kind: 'quit' })")
    page.goto(f"/#/today/{day(-3)}")
    card = page.locator(".habit-card", has_text="No reactive messages")
    expect(card).to_contain_text("Not tracked yet")
    expect(card).not_to_contain_text("Slipped")
    expect(card).not_to_have_class(re.compile("state-slipped"))
    button = card.locator(".log-button")
    expect(button).not_to_have_attribute("aria-pressed", "true")
    expect(button).to_have_accessible_name("Start tracking No reactive messages on this day, kept")
    shoot(page, "61-quit-before-start")

    # Tracking starts there only when asked: a tap logs a kept day (a slip of 0), not a slip.
    button.click()
    expect(page.get_by_role("region", name="Due").locator(".habit-card", has_text="No reactive messages")).to_have_class(
        re.compile("state-kept"))
    stored = checkin(call_api, calm["id"], day(-3))
    assert (stored["status"], stored["value"], stored["done"]) == ("slip", 0, True)


def test_count_and_minutes_habits_log_in_one_tap(signed_up, call_api, shoot):
    page = signed_up
    walk = call_api("return api.createHabit({ name: 'Walk outside', measure: 'minutes', target: 20 })")
    read = call_api("return api.createHabit({ name: 'Read', measure: 'count', unit: 'pages', target: 10 })")
    page.reload()
    walk_button = page.get_by_role("button", name="Log 20 min of Walk outside")
    read_button = page.get_by_role("button", name="Add 1 page to Read")
    # The control says what a tap does.
    expect(walk_button).to_have_text("20m")
    expect(read_button).to_have_text("+1")
    # One ring per row: today's progress, on the log button (the strength ring is gone).
    expect(page.locator(".habit-card .strength")).to_have_count(0)

    walk_button.click()
    expect(walk_button).to_have_attribute("aria-pressed", "true")
    assert checkin(call_api, walk["id"], day())["value"] == 20
    read_button.click()
    expect(page.locator(".habit-card", has_text="Read")).to_contain_text("1 / 10 pages")
    page.wait_for_timeout(TAP_GAP_MS)
    read_button.click()  # tapping again adds more
    expect(page.locator(".habit-card", has_text="Read")).to_contain_text("2 / 10 pages")
    expect(page.locator(".habit-card", has_text="Read").locator(".progress-ring")).to_have_count(1)
    assert checkin(call_api, read["id"], day())["value"] == 2

    # A long press opens the exact amount instead of logging.
    box = read_button.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.wait_for_timeout(700)
    page.mouse.up()
    amount = page.get_by_role("spinbutton", name="Pages done")
    expect(amount).to_be_focused()
    expect(amount).to_have_value("2")
    assert checkin(call_api, read["id"], day())["value"] == 2
    shoot(page, "62-one-tap-amounts")


def test_double_taps_count_once(signed_up, call_api):
    page = signed_up
    stretch = call_api("return api.createHabit({ name: 'Stretch' })")
    for name in ("Walk", "Read", "Paint", "Journal", "Call a friend"):
        call_api("await api.createHabit({ name: arg })", name)
    page.reload()
    log = page.get_by_role("button", name="Mark Stretch done")
    log.click()
    expect(log).to_have_attribute("aria-pressed", "true")
    log.click()  # a second tap, a moment (well under 400 ms) after the first was answered
    page.wait_for_timeout(TAP_GAP_MS)
    page.wait_for_load_state("networkidle")
    expect(log).to_have_attribute("aria-pressed", "true")
    assert checkin(call_api, stretch["id"], day())["status"] == "done"

    # A double tap on Save: the second tap lands on Today, which ignores it for a moment.
    page.get_by_role("button", name="New habit").click()
    page.get_by_label("Name").fill("Meditate")
    page.wait_for_function("() => !document.querySelector('.screen.settling')")
    box = page.get_by_role("button", name="Save").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    page.wait_for_function("() => location.hash === '#/today' && document.querySelector('.screen-today')")
    page.mouse.click(x, y)
    page.wait_for_timeout(TAP_GAP_MS)
    assert page.evaluate("location.hash") == "#/today"
    assert [h["name"] for h in call_api("return api.listHabits()")].count("Meditate") == 1


def test_week_month_and_window_habits_show_their_period(signed_up, call_api, shoot):
    page = signed_up
    gym = call_api("return api.createHabit({ name: 'Strength training', start_date: arg,"
                   " schedule: { type: 'per_week', times: 3 } })", day(-40))
    call_api("await api.createHabit({ name: 'Try something new', start_date: arg, schedule: { type: 'per_month', times: 4 } })",
             day(-70))
    call_api("await api.createHabit({ name: 'Spanish', start_date: arg, schedule: { type: 'every_n_days', n: 3 } })", day(-10))
    today = clock.today()
    week_start = today - timedelta(days=today.weekday())  # the user's weeks start on Monday
    met_week = week_start - timedelta(days=7)  # three sessions: met
    missed_week = week_start - timedelta(days=14)  # one session: missed
    dates = [(met_week + timedelta(days=n)).isoformat() for n in (0, 2, 4)] + [missed_week.isoformat(), day()]
    call_api("for (const date of arg[1]) await api.putCheckin(arg[0], date, {});", [gym["id"], dates])
    names = call_api("return (await api.listHabits()).map((h) => [h.name, h.id])")
    for name, habit_id in names:
        if name != "Strength training":
            call_api("await api.putCheckin(arg[0], arg[1], {})", [habit_id, day()])
    page.reload()

    expect(page.locator(".habit-card", has_text="Strength training")).to_contain_text("1 of 3 this week")
    expect(page.locator(".habit-card", has_text="Try something new")).to_contain_text("1 of 4 this month")
    expect(page.locator(".habit-card", has_text="Spanish")).to_contain_text("Done for these 3 days")
    shoot(page, "63-period-progress")

    page.get_by_role("link", name=re.compile("^Strength training")).click()
    expect(page.get_by_role("heading", level=1, name="Strength training")).to_be_visible()
    bars = page.locator(".chart-weekly")
    # Bars are done over the week's requirement: this week 1 of 3, the met week 3 of 3.
    expect(bars.locator("li").last).to_have_text(re.compile(r": 1 of 3 done$"))
    expect(bars.locator("li").nth(-2)).to_have_text(re.compile(r": 3 of 3 done$"))
    # The heatmap: a rest day of a met week is part of a met period, never "missed".
    rest_day = (met_week + timedelta(days=1)).isoformat()
    cell = page.locator(f'.chart-heatmap [data-date="{rest_day}"]')
    expect(cell).to_have_attribute("data-cue", "met")
    expect(cell.locator("title")).to_have_text(re.compile("In a met period"))
    missed_day = (missed_week + timedelta(days=1)).isoformat()
    expect(page.locator(f'.chart-heatmap [data-date="{missed_day}"] title')).to_have_text(re.compile("In a missed period"))
    shoot(page, "64-period-habit-detail")
