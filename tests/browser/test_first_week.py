"""What a new user saw wrong in their first days, on a phone: a habit's title broken inside its
words at 360 px, a heatmap too small to tap, a young habit's chart naming a day twice, and the
password rule said twice on sign-up."""
from datetime import timedelta

from playwright.sync_api import expect

from tests import clock
from tests.clock import day

# The words of an element's text that the browser split over two lines (a Range per word).
BROKEN_WORDS = """(el) => {
  const text = el.firstChild;
  const broken = [];
  for (const match of text.data.matchAll(/\\S+/g)) {
    const range = document.createRange();
    range.setStart(text, match.index);
    range.setEnd(text, match.index + match[0].length);
    if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(match[0]);
  }
  return broken;
}"""



def test_a_young_habit_screen_on_a_small_phone(signed_up, call_api, shoot):
    page = signed_up
    page.set_viewport_size({"width": 360, "height": 740})
    habit = call_api("return api.createHabit({ name: 'Strength training', start_date: arg })", day(-1))
    for ago in (1, 0):
        call_api("await api.putCheckin(arg.id, arg.day, {})", {"id": habit["id"], "day": day(-ago)})
    page.goto(f"/#/habit/{habit['id']}")
    title = page.get_by_role("heading", level=1, name="Strength training")
    expect(title).to_be_visible()

    # Whole words in the title: Pause and Edit move below it rather than squeeze it.
    assert title.evaluate(BROKEN_WORDS) == []
    assert title.bounding_box()["width"] > 200
    edit = page.get_by_role("link", name="Edit Strength training").bounding_box()
    assert edit["x"] + edit["width"] <= 360

    # One or two months fill the card: days big enough for a thumb.
    months = 1 if clock.today().month == (clock.today() - timedelta(days=1)).month else 2
    expect(page.locator(".chart-heatmap .chart-label")).to_have_count(months)
    cell = page.locator(f'.chart-heatmap [data-date="{day()}"] rect').bounding_box()
    assert cell["width"] >= (32 if months == 1 else 18), cell  # 11 px when they took a third
    label = page.locator(".chart-heatmap .chart-label").first.bounding_box()
    assert 10 <= label["height"] <= 20, label  # the month's name keeps its size

    # The strength chart names each of its two days once.
    labels = page.locator(".chart-strength text.chart-label").evaluate_all("els => els.map((el) => el.textContent)")
    dates = [text for text in labels if not text.endswith("%")]
    assert len(dates) == len(set(dates)) == 2, labels
    shoot(page, "90-young-habit-360")


def test_a_heatmap_of_many_months_keeps_three_a_row(signed_up, call_api):
    page = signed_up
    habit = call_api("return api.createHabit({ name: 'Read', start_date: arg })", day(-150))
    page.goto(f"/#/habit/{habit['id']}")
    expect(page.locator(".chart-heatmap .chart-label").first).to_be_visible()
    tops = {round(box["y"]) for box in (el.bounding_box() for el in page.locator(".chart-heatmap .chart-label").all())}
    count = page.locator(".chart-heatmap .chart-label").count()
    assert count >= 5 and len(tops) == -(-count // 3), (count, tops)


def test_sign_up_says_the_password_rule_once(app_page, shoot):
    page = app_page
    expect(page.get_by_role("heading", level=1, name="Create your account")).to_be_visible()
    expect(page.get_by_text("At least 8 characters.", exact=True)).to_be_visible()
    page.get_by_label("Email").fill("short@example.com")
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.locator('[data-field="password"] .field-error')).to_have_text("Use at least 8 characters.")
    expect(page.get_by_text("At least 8 characters.", exact=True)).to_be_hidden()
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()


def test_a_starter_already_added_says_so(signed_up, call_api):
    page = signed_up
    name = call_api("return (await api.getTemplates()).habits[0].name")
    call_api("await api.createHabit({ name: arg })", name)
    page.get_by_role("button", name="New habit").click()
    page.get_by_text("Browse starter habits").click()
    added = page.locator(".template-card.added")
    expect(added).to_have_count(1)
    expect(added).to_contain_text(name)
    expect(added).to_contain_text("Already one of your habits")
    assert page.locator(".template-card").count() > 1


def test_a_toast_gives_way_to_the_form_it_would_cover(signed_up, call_api):
    page = signed_up
    call_api("await api.createHabit({ name: 'Walk' }); await api.createHabit({ name: 'Stretch' })")
    page.reload()
    page.get_by_role("button", name="Mark Walk done").click()
    toast = page.locator("#toast")
    expect(toast).to_contain_text("Undo")
    page.get_by_role("button", name="More for Stretch").click()  # the log panel, over which it sat
    page.get_by_label("Note").first.focus()
    expect(toast).to_be_hidden()


def test_the_week_says_moods_to_one_decimal(signed_up, call_api):
    page = signed_up
    monday = clock.today() - timedelta(days=clock.today().weekday())  # weeks start on Monday
    last, before = monday - timedelta(days=7), monday - timedelta(days=14)
    moods = [((before + timedelta(days=i)).isoformat(), 2 if i == 6 else 3) for i in range(7)]
    moods += [((last + timedelta(days=i)).isoformat(), 4) for i in range(3)]
    call_api("for (const [day, mood] of arg) await api.putReflection(day, { mood });", moods)
    call_api("await api.createHabit({ name: 'Walk', start_date: arg })", before.isoformat())
    page.goto(f"/#/week/{last.isoformat()}")
    mood = page.locator(".week-mood")
    expect(mood).to_contain_text("4 of 5, over 3 days")
    expect(mood).to_contain_text("Up 1.1 on the week before (2.9).")  # 2.857..., said as 2.9


def test_a_rule_changed_mid_week_counts_from_the_next_week_on_today(signed_up, call_api):
    page = signed_up
    monday = clock.today() - timedelta(days=clock.today().weekday())
    habit = call_api("return api.createHabit({ name: 'Run', schedule: { type: 'per_week', times: 3 },"
                     " start_date: arg })", (monday - timedelta(days=14)).isoformat())
    call_api("await api.updateHabit(arg, { schedule: { type: 'per_week', times: 4 } })", habit["id"])
    page.reload()
    times = 3 if clock.today() > monday else 4  # on a Monday the new rule starts with the week
    expect(page.locator(".habit-card", has_text="Run")).to_contain_text(f"0 of {times} this week")


def test_a_long_identity_statement_keeps_its_quotes_with_its_words(signed_up, call_api):
    page = signed_up
    call_api("await api.createIdentity({ statement: 'I am someone who moves every single day' })")
    page.goto("/#/identities")
    link = page.locator(".statement-link").first
    expect(link).to_be_visible()
    quotes = link.evaluate("""(el) => [getComputedStyle(el, '::before').content,
      getComputedStyle(el, '::after').content, getComputedStyle(el.parentElement, '::before').content]""")
    assert quotes == ['"\u201c"', '"\u201d"', "none"], quotes  # inside the link, none outside it
    assert link.bounding_box()["height"] > 44  # it does wrap at 390 px
