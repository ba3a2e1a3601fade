"""Renders the app's PNG icons from web/icons/icon.svg with Debian's Chromium (Playwright):
192 and 512 (any), a maskable 512 (full-bleed background, the mark inside the safe circle) and
the 180 px apple-touch-icon (opaque), each reduced to a palette of COLORS colours (Pillow, with
dithering: the gradient shows no bands) and saved optimized, a tenth of the size of the full-colour
screenshots (the 512 px icon: 124 KB -> 9 KB). Run: .venv/bin/python tools/make_icons.py"""
import base64
import io
import re
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parent.parent / "web" / "icons"
CHROMIUM = "/usr/bin/chromium"
BACKGROUND = "#4f48c8"  # the gradient's middle, behind the corners iOS and masks would cut
COLORS = 128  # 64 still looks right, 256 is 5% bigger; fast octree keeps the alpha of the edges


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
    image = Image.open(io.BytesIO(page.screenshot(omit_background=not opaque)))
    image = image.convert("RGBA" if not opaque else "RGB")
    image.quantize(colors=COLORS, method=Image.Quantize.FASTOCTREE,
                   dither=Image.Dither.FLOYDSTEINBERG).save(path, optimize=True)
    written = path.relative_to(ICONS.parent.parent)
    print(f"wrote {written} ({size}x{size}, {path.stat().st_size:,} bytes)")


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
