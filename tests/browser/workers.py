"""The app's service worker in browser tests: waiting for it by polling (one evaluate awaiting a
worker's promise can wait forever when the worker never takes over), with its state in the
failure message."""

STATE = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return { controller: navigator.serviceWorker.controller?.scriptURL || null, caches: await caches.keys(),
    installing: registration?.installing?.state, waiting: registration?.waiting?.state,
    active: registration?.active?.state };
}"""
ACTIVE = """async () => (await navigator.serviceWorker.getRegistration())?.active?.state
  === "activated" """
CONTROLLED = "() => Boolean(navigator.serviceWorker.controller)"


def wait_until(page, script, what, seconds=30):
    """Polls `script` in the page until it is true; fails with the worker's state."""
    for _ in range(seconds * 10):
        if page.evaluate(script):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{what} after {seconds} s: {page.evaluate(STATE)}")


def worker_in_control(page, controlling=True):
    """Whether the worker is active (its install keeps the whole shell first, which takes
    seconds on a busy machine) and, with `controlling`, controls the page."""
    return page.evaluate(ACTIVE) and (not controlling or page.evaluate(CONTROLLED))


def wait_for_worker(page, controlling=True, seconds=30):
    """Until the worker is active and, with `controlling`, controls the page (so the shell is
    cached). A page loaded while the first worker installed can stay uncontrolled (the worker
    claimed the tabs before that page was one): it is loaded again, as a person's next start
    would be."""
    wait_until(page, ACTIVE, "no active service worker", seconds)
    if controlling and not page.evaluate(CONTROLLED):
        page.reload()
    if controlling:
        wait_until(page, CONTROLLED, "no service worker in control", seconds)
