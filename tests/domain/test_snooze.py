"""When a snoozed reminder comes back (server/domain/snooze.py): 30 minutes, an hour, and "this
evening", 19:00 on the user's wall clock, or two hours on once 19:00 has passed."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from server.domain.snooze import later

BERLIN = ZoneInfo("Europe/Berlin")
UTC = timezone.utc


def at(text, zone=BERLIN):
    return datetime.fromisoformat(text).replace(tzinfo=zone)


def test_minutes_and_an_hour_count_from_now():
    now = at("2026-03-10 08:05")
    assert later("30m", now, BERLIN) == at("2026-03-10 08:35").astimezone(UTC)
    assert later("1h", now, BERLIN) == at("2026-03-10 09:05").astimezone(UTC)


@pytest.mark.parametrize("now, back", [
    ("2026-03-10 08:05", "2026-03-10 19:00"),  # the morning: tonight at seven
    ("2026-03-10 18:59", "2026-03-10 19:00"),  # a minute before: still seven
    ("2026-03-10 19:00", "2026-03-10 21:00"),  # seven itself has passed: two hours on
    ("2026-03-10 22:30", "2026-03-11 00:30"),  # late: past midnight, never tomorrow evening
])
def test_this_evening(now, back):
    assert later("evening", at(now), BERLIN) == at(back).astimezone(UTC)


def test_this_evening_is_the_wall_clock_on_the_day_the_clocks_change():
    # 29 March 2026: Berlin moves from CET to CEST at 02:00; 19:00 is 17:00 UTC, not 18:00.
    assert later("evening", at("2026-03-29 09:00"), BERLIN) == datetime(2026, 3, 29, 17, tzinfo=UTC)
    # Half an hour across the change is thirty real minutes.
    assert later("30m", at("2026-03-29 01:45"), BERLIN) - at("2026-03-29 01:45") == \
        timedelta(minutes=30)


def test_the_users_zone_not_the_servers():
    now = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)  # 21:00 in Berlin, 14:00 in Denver (MDT)
    assert later("evening", now, ZoneInfo("America/Denver")) == datetime(2026, 3, 11, 1, tzinfo=UTC)
    assert later("evening", now, BERLIN) == now + timedelta(hours=2)


def test_an_unknown_choice_is_refused():
    with pytest.raises(ValueError):
        later("tomorrow", at("2026-03-10 08:00"), BERLIN)
