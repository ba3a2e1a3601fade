"""Today's log buttons are readable in every habit colour (#10, Lighthouse's colour-contrast
audit): the amount a tap adds ("+1", "20m") on its tinted button, and the white amount or check on
a done one, reach 4.5:1 in light and dark mode, for the editor's palette and the default green
(the colour of habits made through the API or an import without one)."""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import clock

SHOTS = Path("/tmp/shots")
COLORS = ["#e5484d", "#ef6a1f", "#c98a00", "#2b9a66", "#0e9384", "#2f6fed", "#6e56cf", "#d6409f",
          "#10b981"]

# The contrast of each log button's text (or icon) against what is behind it: the button's own
# background, composited over the card's (WCAG's relative luminance).
CONTRASTS = """() => {
  const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const rgba = (css) => {  // any CSS colour (color-mix() comes back as color(srgb ...)) as RGBA
    probe.clearRect(0, 0, 1, 1); probe.fillStyle = css; probe.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, below) => top.slice(0, 3).map((c, i) => c * top[3] + below[i] * (1 - top[3]));
  const lum = (rgb) => { const [r, g, b] = rgb.map((c) => { c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05); };
  return [...document.querySelectorAll('.habit-card')].map((card) => {
    const button = card.querySelector('.log-button');
    const face = button.querySelector('.log-short') || button;
    const behind = over(rgba(getComputedStyle(button).backgroundColor),
                        rgba(getComputedStyle(card).backgroundColor));
    const text = over(rgba(getComputedStyle(face).color), behind);
    return { name: card.querySelector('.habit-name').textContent, state: card.className,
             ratio: Math.round(ratio(text, behind) * 100) / 100 };
  });
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_log_buttons_read_at_4_5_to_1_in_every_colour(signed_up, call_api, scheme):
    page = signed_up
    today = clock.today().isoformat()
    for index, color in enumerate(COLORS):
        for done in (False, True):
            habit = call_api("return api.createHabit(arg)", {
                "name": f"{'Done' if done else 'To do'} {index}", "measure": "count",
                "unit": "pages", "target": 2, "color": color})
            if done:
                call_api("return api.putCheckin(arg[0], arg[1], { value: 2 })",
                         [habit["id"], today])
    page.emulate_media(color_scheme=scheme)
    page.reload()
    expect(page.locator(".habit-card")).to_have_count(2 * len(COLORS))
    expect(page.locator(".habit-card.state-done")).to_have_count(len(COLORS))
    found = page.evaluate(CONTRASTS)
    low = [f for f in found if f["ratio"] < 4.5]
    assert low == [], low
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"log-contrast-{scheme}.png"))
