"""Web benchmark: API requests per interaction, and a tap's time to its updated row, in a browser.

Starts gunicorn on a fresh SQLite database with the user and history of bench/lighthouse.py, signs
in, and drives Debian's Chromium (Playwright) at 390x844: open Today, one tap on Today, open a
habit, open Week. Each interaction's API requests (/api/v1/...) are counted as the page sends them,
until the network is idle. Then, with 150 ms added to every round trip (Chromium's DevTools
Network.emulateNetworkConditions), the time from a tap on a habit's log button to its row drawn
in its new state, the median of TAPS taps (done, then cleared, in turn).
Run: python -m bench.round_trips [--readme] [--label before|after]
"""
import argparse
import os
import statistics
import sys
import tempfile

from playwright.sync_api import sync_playwright

from .lighthouse import CHROMIUM, EMAIL, PASSWORD, free_port, seed, start_server
from .stats import write_readme

LATENCY_MS = 150
TAPS = 7
TAP_HABIT = 3  # "Sketchbook page": a check habit, one tap done and one tap cleared
README_KEY = "round-trips"

# Waits, in the page, for the row of habit `id` to be drawn with `state`; the ms since `t0`.
ROW_DRAWN = """([id, state, t0]) => new Promise((resolve) => {
  const check = () => {
    if (document.querySelector(`[data-habit-id="${id}"].state-${state}`)) resolve(performance.now() - t0);
    else requestAnimationFrame(check);
  };
  check();
})"""


def api_requests(page, action):
    """How many API requests `action()` makes until the network is idle."""
    sent = []
    listener = lambda request: sent.append(request.url) if "/api/v1/" in request.url else None
    page.on("request", listener)
    action()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # a request sent after a last answer (a screen drawn, then more)
    page.remove_listener("request", listener)
    return sent


def tap_times(page, habit_id):
    """Tap-to-row times (ms) of TAPS taps on the habit's log button, network throttled."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": LATENCY_MS,
                                                  "downloadThroughput": -1,
                                                  "uploadThroughput": -1})
    times = []
    for _ in range(TAPS):
        card = page.locator(f'[data-habit-id="{habit_id}"]')
        state = "todo" if "state-done" in card.get_attribute("class") else "done"
        t0 = page.evaluate("performance.now()")
        card.locator(".log-button").click()
        times.append(page.evaluate(ROW_DRAWN, [habit_id, state, t0]))
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1500)  # the undo toast and any reload settle before the next tap
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0,
                                                  "downloadThroughput": -1,
                                                  "uploadThroughput": -1})
    return times


def measure(base, habit_ids):
    """{interaction: request count}, the request paths, and the tap times."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                      has_touch=True, service_workers="block")
        context.request.post(f"{base}/api/v1/auth/login",
                             data={"email": EMAIL, "password": PASSWORD})
        context.add_init_script("localStorage.setItem('orbit.session', '1');")
        page = context.new_page()
        page.set_default_timeout(20_000)
        counts, paths = {}, {}
        habit = habit_ids[TAP_HABIT]

        def open_today():
            page.goto(f"{base}/#/today")
            page.locator(f'[data-habit-id="{habit}"]').wait_for()

        def tap():
            card = page.locator(f'[data-habit-id="{habit}"]')
            state = "todo" if "state-done" in card.get_attribute("class") else "done"
            card.locator(".log-button").click()
            page.locator(f'[data-habit-id="{habit}"].state-{state}').wait_for()

        def open_habit():
            page.evaluate("(h) => { location.hash = h; }", f"#/habit/{habit_ids[0]}")
            page.locator(".screen-habit h1, .screen h1").first.wait_for()

        def open_week():
            page.evaluate("() => { location.hash = '#/week'; }")
            page.locator(".screen-week h1").first.wait_for()

        for name, action in [("open Today", open_today), ("one tap on Today", tap),
                             ("open a habit", open_habit), ("open Week", open_week)]:
            sent = api_requests(page, action)
            counts[name], paths[name] = len(sent), sent
        open_today()
        page.wait_for_load_state("networkidle")
        times = tap_times(page, habit)
        browser.close()
    return counts, paths, times


def table(counts, times, label):
    """The Markdown the README shows for one run (before or after)."""
    lines = [f"| interaction ({label}) | API requests |", "|---|---|"]
    lines += [f"| {name} | {count} |" for name, count in counts.items()]
    lines.append("")
    lines.append(f"Tap to updated row, {LATENCY_MS} ms round trips ({label}): median "
                 f"{statistics.median(times):.0f} ms, slowest {max(times):.0f} ms of {len(times)} "
                 f"taps (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores).")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--readme", action="store_true", help="write the table to the README")
    parser.add_argument("--label", default="now", help="names the run in the table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        port = free_port()
        server = start_server(port, directory)
        try:
            habit_ids = seed(port)
            counts, paths, times = measure(f"http://127.0.0.1:{port}", habit_ids)
        finally:
            server.terminate()
            server.wait()
    for name, sent in paths.items():
        print(name, [url.split("/api/v1", 1)[1] for url in sent], file=sys.stderr)
    print(f"tap times (ms): {[round(t) for t in times]}", file=sys.stderr)
    text = table(counts, times, args.label)
    print(text)
    if args.readme:
        write_readme(text, f"{README_KEY}-{args.label}")


if __name__ == "__main__":
    main()
