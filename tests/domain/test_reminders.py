"""Fire times (RULES.md "Reminders"): local wall-clock times, RFC 5545 on daylight-saving days."""
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from server.domain.reminders import asks_on, fire_instant, is_late, next_fire, upcoming

from .builders import habit as make_habit
from .builders import schedule

UTC = timezone.utc
NY, BERLIN = ZoneInfo("America/New_York"), ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize("zone, day, at, expected_utc", [
    (NY, date(2027, 3, 14), time(2, 30), datetime(2027, 3, 14, 7, 30, tzinfo=UTC)),  # gap: 03:30
    (NY, date(2026, 11, 1), time(1, 30), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),  # first 01:30
    (BERLIN, date(2027, 3, 28), time(2, 30), datetime(2027, 3, 28, 1, 30, tzinfo=UTC)),  # 03:30
    (BERLIN, date(2026, 10, 25), time(2, 30), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),  # CEST
    (NY, date(2027, 3, 14), time(8, 0), datetime(2027, 3, 14, 12, 0, tzinfo=UTC)),
    (ZoneInfo("Pacific/Kiritimati"), date(2026, 12, 2), time(7, 0),
     datetime(2026, 12, 1, 17, 0, tzinfo=UTC)),
    (ZoneInfo("Pacific/Pago_Pago"), date(2026, 12, 2), time(21, 0),
     datetime(2026, 12, 3, 8, 0, tzinfo=UTC)),
])
def test_fire_instants(zone, day, at, expected_utc):
    assert fire_instant(day, at, zone) == expected_utc


def test_a_gap_time_fires_at_the_shifted_local_time():
    assert fire_instant(date(2027, 3, 14), time(2, 30), NY).astimezone(NY).hour == 3


def test_next_fire_keeps_to_the_weekdays_and_is_strictly_after():
    monday_8 = datetime(2026, 11, 30, 13, 0, tzinfo=UTC)  # Monday 08:00 in New York
    assert next_fire(monday_8 - timedelta(seconds=1), time(8), (0, 2), NY) == monday_8
    assert next_fire(monday_8, time(8), (0, 2), NY) == monday_8 + timedelta(days=2)  # Wednesday


def test_a_weekdays_habit_is_reminded_on_its_days_only():
    read = make_habit(schedule("weekdays", days=[4]), start=date(2026, 1, 1))
    assert not asks_on(read, date(2026, 11, 30)) and asks_on(read, date(2026, 12, 4))
    fire = next_fire(datetime(2026, 11, 30, tzinfo=UTC), time(18), tuple(range(7)), BERLIN, read)
    assert fire.astimezone(BERLIN).date() == date(2026, 12, 4)


def test_upcoming_across_the_spring_change():
    start = datetime(2027, 3, 13, 12, 0, tzinfo=UTC)
    fires = upcoming(start, start + timedelta(days=2), time(2, 30), tuple(range(7)), NY)
    assert [(d.isoformat(), i.astimezone(NY).strftime("%H:%M")) for d, i in fires] == [
        ("2027-03-14", "03:30"), ("2027-03-15", "02:30")]


def test_late_means_more_than_thirty_minutes():
    fire = datetime(2026, 12, 2, 8, tzinfo=UTC)
    assert not is_late(fire, fire + timedelta(minutes=30))
    assert is_late(fire, fire + timedelta(minutes=31))


def test_with_a_late_day_start_a_night_reminder_belongs_to_the_day_before():
    """Day start 04:00: a Monday 01:00 reminder fires in the night after Monday."""
    read = make_habit(schedule("weekdays", days=[0]), start=date(2026, 1, 1))
    monday_noon = datetime(2026, 11, 30, 12, tzinfo=BERLIN)
    fire = next_fire(monday_noon, time(1), (0,), BERLIN, read, timedelta(hours=4))
    assert fire.astimezone(BERLIN) == datetime(2026, 12, 1, 1, 0, tzinfo=BERLIN)  # Tuesday 01:00
    assert next_fire(monday_noon, time(1), (0,), BERLIN, read).astimezone(BERLIN).date() == \
        date(2026, 12, 7)  # midnight days: next Monday's 01:00
