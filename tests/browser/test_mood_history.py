"""The mood history in the app (issue 25): the History bar, last month's moods as a year in
pixels, mood by weekday and the month's list with notes; a day tapped (in the calendar or the
list) opens that day on Today; the months either side; the ways in from Settings and the
Week. Screens at 390x844 and 360x740, light and dark, none scrolling sideways.

The moods are on the 3rd, 10th and 12th of last month: whatever today is, they are in the past,
in one month and one year, and the 3rd and the 10th share a weekday."""
import datetime

from playwright.sync_api import expect

from tests import clock

SIZES = (((390, 844), "390"), ((360, 740), "360"))


def last_month():
    """The first day of the month before today's."""
    return (clock.today().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)


def shots(page, shoot, name):
    """The screen at both sizes, light and dark; nothing may be wider than the phone."""
    for (width, height), size in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            shoot(page, f"{name}-{size}-{scheme}")
            assert page.evaluate("document.scrollingElement.scrollWidth") <= width, (size, scheme)
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 390, "height": 844})


def test_the_mood_history_draws_last_months_moods_and_opens_a_day(signed_up, call_api, shoot):
    page = signed_up
    month = last_month()
    third, tenth, twelfth = (month.replace(day=day).isoformat() for day in (3, 10, 12))
    for date, mood, note in ((third, 4, "First run in weeks"), (tenth, 2, ""),
                             (twelfth, 5, "Sea swim with Ana, cold and bright")):
        call_api("await api.putReflection(arg.date, { mood: arg.mood, note: arg.note })",
                 {"date": date, "mood": mood, "note": note})
    page.goto(f"/#/history?month={month:%Y-%m}")
    screen = page.locator(".screen-history")
    expect(screen.get_by_role("heading", name="Mood history", level=1)).to_be_visible()
    # The History bar joins the three looking-back screens, this one marked as the page.
    bar = screen.get_by_role("navigation", name="History")
    expect(bar.get_by_role("link")).to_have_text(["Mood", "Journal", "Wellbeing"])
    expect(bar.get_by_role("link", name="Mood")).to_have_attribute("aria-current", "page")
    expect(bar.get_by_role("link", name="Journal")).to_have_attribute("href", "#/journal")
    expect(bar.get_by_role("link", name="Wellbeing")).to_have_attribute("href", "#/wellbeing")
    # The calendar: a cell a day of the month's year, these three with their moods.
    cells = screen.locator(".pixels-svg rect[data-date]")
    expect(cells).to_have_count(366 if month.year % 4 == 0 and (month.year % 100 or month.year % 400 == 0) else 365)
    assert screen.locator(".pixels-svg rect[data-mood]").evaluate_all(
        "(els) => els.map((el) => [el.dataset.date, el.dataset.mood])") == [
            [third, "4"], [tenth, "2"], [twelfth, "5"]]
    expect(screen.locator(".chart-pixels figcaption")).to_have_text(
        f"3 days with a mood in {month.year}, 3.7 of 5 on average.")
    # Its text equivalent: a table of the months (Great to Rough, then the average).
    row = screen.locator(".chart-pixels table tbody tr").nth(month.month - 1)
    expect(row.locator("td")).to_have_text(["1", "1", "0", "1", "0", "3.7 of 5"])
    # Mood by weekday, in words: the 3rd and the 10th share a weekday (4 and 2: 3 on average).
    weekday = month.replace(day=3).strftime("%A")
    expect(screen.locator(".chart-weekday-mood li").filter(has_text=weekday)).to_have_text(
        f"{weekday}: 3 of 5 on average, over 2 days")
    # The month's list: newest first, with the notes.
    entries = screen.locator(".history-entries li")
    expect(entries).to_have_count(3)
    expect(entries.first).to_contain_text("Great")
    expect(entries.first).to_contain_text("Sea swim with Ana, cold and bright")
    expect(entries.nth(1)).to_contain_text("No note")
    expect(screen.get_by_role("link", name="Previous month", exact=False)).to_have_count(0)
    shots(page, shoot, "mood-history")

    # A day tapped in the calendar opens that day: its mood and note.
    screen.locator(f'.pixels-svg rect[data-date="{twelfth}"]').tap()
    expect(page).to_have_url(f"{page.url.split('#')[0]}#/today/{twelfth}")
    today_screen = page.locator(".screen-today")
    expect(today_screen.locator(".mood-summary")).to_have_text("Felt great")
    page.go_back()
    screen = page.locator(".screen-history")
    # An entry of the list opens its day too.
    screen.locator(f'.history-entry[data-date="{third}"]').click()
    expect(page.locator(".screen-today .mood-summary")).to_have_text("Felt good")
    page.go_back()

    # The next month (it has begun: last month's next is this one) has no mood yet.
    page.locator(".screen-history").get_by_role("link", name="Next month", exact=False).click()
    screen = page.locator(".screen-history")
    expect(screen.locator(".history-empty")).to_have_text(
        "No mood logged this month. A one-tap check on Today is enough.")
    expect(screen.get_by_role("link", name="Previous month", exact=False)).to_be_visible()
    expect(screen.get_by_role("link", name="Next month", exact=False)).to_have_count(0)


def test_the_years_with_moods_lead_to_their_calendars(signed_up, call_api, shoot):
    page = signed_up
    a_year_back = last_month().replace(year=last_month().year - 1, day=5)
    call_api("await api.putReflection(arg, { mood: 1, note: 'Hard week' })", a_year_back.isoformat())
    call_api("await api.putReflection(arg, { mood: 4, note: '' })", clock.day())
    page.goto("/#/history")
    screen = page.locator(".screen-history")
    years = screen.get_by_role("navigation", name="Choose a year").get_by_role("link")
    shown = clock.today().year
    expect(years).to_have_text([str(year) for year in sorted({a_year_back.year, shown})])
    expect(years.filter(has_text=str(shown))).to_have_attribute("aria-current", "page")
    shoot(page, "mood-history-years")
    # A year before last month is always an earlier year: it opens on its December.
    years.filter(has_text=str(a_year_back.year)).click()
    screen = page.locator(".screen-history")
    expect(screen.locator(".history-month h2")).to_have_text(f"December {a_year_back.year}")
    expect(screen.locator(".pixels-svg rect[data-mood]")).to_have_attribute("data-date", a_year_back.isoformat())


def test_settings_and_the_week_lead_to_the_mood_history(signed_up, call_api, shoot):
    page = signed_up
    call_api("await api.putReflection(arg, { mood: 3, note: '' })", clock.day())
    call_api("await api.createHabit({ name: 'Walk', start_date: arg })", clock.day())  # a Week to show
    page.goto("/#/settings")
    link = page.locator(".screen-settings").get_by_role("link", name="Mood history", exact=False)
    link.scroll_into_view_if_needed()
    shoot(page, "mood-history-settings-row")
    link.click()
    expect(page.locator(".screen-history .history-entries li")).to_have_count(1)
    page.goto("/#/week")
    link = page.locator(".screen-week .week-mood").get_by_role("link", name="Mood history")
    link.scroll_into_view_if_needed()
    shoot(page, "mood-history-week-link")
    link.click()
    screen = page.locator(".screen-history")
    expect(screen.locator(".history-entries li")).to_have_count(1)
    expect(screen.locator(f'.pixels-svg rect[data-date="{clock.day()}"]')).to_have_attribute("data-mood", "3")
