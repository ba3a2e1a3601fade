"""The tests' clock: the day, hour and time zone the whole suite runs on.

`ORBIT_TEST_NOW` (an ISO 8601 instant with offset) starts the clock there; by default it starts
at noon of the real date in `ORBIT_TEST_TZ` (default UTC), so that no run, whatever the machine's
hour, crosses a midnight. From there it runs on in real time, for the server (the app's `NOW`
configuration), the tests' own date arithmetic and the browser (Playwright's clock, and the
context's time zone). `tests/dates.sh` runs the suite on a set of awkward days and zones.
"""
import datetime
import os
from zoneinfo import ZoneInfo

ZONE = os.environ.get("ORBIT_TEST_TZ", "UTC")
ZONE_INFO = ZoneInfo(ZONE)


def _start():
    if os.environ.get("ORBIT_TEST_NOW"):
        return datetime.datetime.fromisoformat(os.environ["ORBIT_TEST_NOW"])
    local = datetime.datetime.now(ZoneInfo(ZONE))
    return datetime.datetime.combine(local.date(), datetime.time(12), ZoneInfo(ZONE))


OFFSET = _start() - datetime.datetime.now(datetime.timezone.utc)


def now():
    """The tests' current instant, aware, in UTC."""
    return datetime.datetime.now(datetime.timezone.utc) + OFFSET


def today(tz=ZONE):
    """Today's date in the time zone `tz` (the test users' own by default)."""
    return now().astimezone(ZoneInfo(tz)).date()


def day(offset=0, tz=ZONE):
    """The ISO date `offset` days from today in `tz` (-1 is yesterday): the tests' one `day`."""
    return (today(tz) + datetime.timedelta(days=offset)).isoformat()
