"""Issue #9, items 9-10, and #8's password note: restoring an archived habit, a heatmap told by
shape as well as colour, young habits' charts, a heatmap day that opens its log, the first visit,
and a template that does not raise the keyboard."""
import re
from datetime import timedelta

from playwright.sync_api import expect

from tests import clock
from tests.clock import day

# The contrast of the most visible paint of each heatmap state against the card (WCAG ratio).
CONTRAST = """() => {
  const rgb = (text) => {
    const m = /rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?/.exec(text);
    if (m) return m[4] === '0' ? null : [m[1], m[2], m[3]].map(Number);
    const c = /color\\(srgb ([\\d.]+) ([\\d.]+) ([\\d.]+)(?: \\/ ([\\d.]+))?/.exec(text);
    return c ? (c[4] === '0' ? null : [c[1], c[2], c[3]].map((v) => Number(v) * 255)) : null;
  };
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const card = rgb(getComputedStyle(document.querySelector('.chart-card')).backgroundColor);
  const result = {};
  for (const state of ['done', 'partial', 'missed', 'skipped']) {
    const g = document.querySelector(`.chart-heatmap .hm-${state}`);
    if (!g) continue;
    const paints = [...g.querySelectorAll('rect, path, circle')].flatMap((el) => {
      const style = getComputedStyle(el);
      return [style.fill, style.stroke].map(rgb).filter(Boolean);
    });
    result[state] = { cue: g.dataset.cue, contrast: Math.max(...paints.map((p) => ratio(p, card))) };
  }
  return result;
}"""



def test_archived_restore_young_charts_and_days_that_open_their_log(signed_up, call_api, shoot):
    page = signed_up
    walk = call_api("return api.createHabit({ name: 'Walk outside', measure: 'minutes', target: 20, start_date: arg })", day(-9))
    call_api("for (const [ago, value] of [[9, 25], [7, 10], [2, 30]]) await api.putCheckin(arg.id, arg.days[ago], { value });",
             {"id": walk["id"], "days": [day(-n) for n in range(10)]})
    page.goto(f"/#/habit/{walk['id']}")
    expect(page.get_by_role("heading", level=1, name="Walk outside")).to_be_visible()

    # A young habit's charts start at its start date, not months before it.
    months = 1 if clock.today().month == (clock.today() - timedelta(days=9)).month else 2
    expect(page.locator(".chart-heatmap .chart-label")).to_have_count(months)
    assert page.locator(".chart-weekly li").count() <= 3
    expect(page.get_by_role("region", name="Strength since the start")).to_be_visible()
    first_day = page.evaluate("async (d) => (await import(new URL('dates.js', document.querySelector('script[type=module]').src).href)).shortDate(d)", day(-9))
    expect(page.locator(".chart-strength .chart-summary")).to_contain_text(f"on {first_day};")
    shoot(page, "80-young-habit-detail")

    # A tap on a day of the heatmap opens that day's log, to fix history.
    page.locator(f'.chart-heatmap [data-date="{day(-7)}"]').click()
    expect(page).to_have_url(re.compile(f"#/today/{day(-7)}$"))
    expect(page.locator(".habit-card", has_text="Walk outside")).to_contain_text("10 / 20 min")

    # Archived, then restored from its own screen.
    call_api("await api.updateHabit(arg, { archived: true })", walk["id"])
    page.goto(f"/#/habit/{walk['id']}")
    expect(page.get_by_role("note")).to_contain_text("Archived")
    page.get_by_role("button", name="Restore").click()
    expect(page.get_by_role("heading", level=1, name="Today")).to_be_visible()
    expect(page.locator(".habit-card", has_text="Walk outside")).to_be_visible()
    assert call_api("return (await api.getHabit(arg)).archived", walk["id"]) is False


def test_dark_heatmap_states_differ_by_shape_and_contrast(signed_up, call_api, shoot):
    page = signed_up
    walk = call_api("return api.createHabit({ name: 'Walk outside', measure: 'minutes', target: 20, start_date: arg,"
                    " color: '#6e56cf' })", day(-20))
    call_api("await api.putCheckin(arg.id, arg.done, { value: 25 });"
             "await api.putCheckin(arg.id, arg.partial, { value: 5 });"
             "await api.putCheckin(arg.id, arg.skipped, { status: 'skipped' });",
             {"id": walk["id"], "done": day(-3), "partial": day(-4), "skipped": day(-5)})
    page.emulate_media(color_scheme="dark")
    page.goto(f"/#/habit/{walk['id']}")
    expect(page.get_by_role("heading", level=1, name="Walk outside")).to_be_visible()
    states = page.evaluate(CONTRAST)
    assert set(states) == {"done", "partial", "missed", "skipped"}, states
    assert len({state["cue"] for state in states.values()}) == 4, states  # each its own shape
    for name, state in states.items():
        assert state["contrast"] >= 3, (name, state)
    page.get_by_role("region", name="Calendar").scroll_into_view_if_needed()
    shoot(page, "81-dark-heatmap")


def test_first_visit_signs_up_and_a_template_keeps_the_keyboard_down(app_page, email, shoot):
    page = app_page
    expect(page.get_by_role("heading", level=1, name="Create your account")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("button", name="New habit").click()
    page.get_by_role("button", name=re.compile(r"^Stretch,")).click()
    expect(page.get_by_label("Name")).to_have_value("Stretch")
    focused = page.evaluate("() => document.activeElement.tagName")
    assert focused not in ("INPUT", "TEXTAREA", "SELECT"), focused
    expect(page.get_by_role("button", name="Save")).to_be_in_viewport()
    shoot(page, "82-template-picked")


def test_settings_says_a_password_change_revokes_tokens(signed_up):
    page = signed_up
    page.get_by_role("link", name="Settings").click()
    password = page.get_by_role("region", name="Password")
    expect(password).to_contain_text("signs out every other device and revokes every API token")
