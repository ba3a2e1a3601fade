"""Renders the app's PNG icons from web/icons/icon.svg with Debian's Chromium (Playwright):
192 and 512 (any), a maskable 512 (full-bleed background, the mark inside the safe circle) and
the 180 px apple-touch-icon (opaque). Run: .venv/bin/python tools/make_icons.py"""
import base64
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parent.parent / "web" / "icons"
CHROMIUM = "/usr/bin/chromium"
BACKGROUND = "#4f48c8"  # the gradient's middle, behind the corners iOS and masks would cut


def maskable(svg):
    """The icon without its rounded corners, its mark scaled into the central 80% (safe zone)."""
    svg = svg.replace('rx="15" ', "")
    body = re.search(r"</defs>\s*(<rect[^>]*/>)(.*)</svg>", svg, re.S)
    mark = body.group(2)
    return svg.replace(body.group(2), f'<g transform="translate(32 32) scale(0.78) translate(-32 -32)">{mark}</g>\n')


def render(page, svg, size, path, opaque=False):
    data = base64.b64encode(svg.encode()).decode()
    background = BACKGROUND if opaque else "transparent"
    page.set_viewport_size({"width": size, "height": size})
    page.set_content(f'<html><body style="margin:0;background:{background}">'
                     f'<img src="data:image/svg+xml;base64,{data}" width="{size}" height="{size}" style="display:block"></body></html>')
    page.wait_for_function("document.images[0].complete")
    page.screenshot(path=str(path), omit_background=not opaque)
    print(f"wrote {path.relative_to(ICONS.parent.parent)} ({size}x{size})")


def main():
    svg = (ICONS / "icon.svg").read_text()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page(device_scale_factor=1)
        render(page, svg, 192, ICONS / "icon-192.png")
        render(page, svg, 512, ICONS / "icon-512.png")
        render(page, maskable(svg), 512, ICONS / "icon-maskable-512.png", opaque=True)
        render(page, maskable(svg), 180, ICONS / "apple-touch-icon.png", opaque=True)
        browser.close()


if __name__ == "__main__":
    main()
