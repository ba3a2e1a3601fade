"""RULES.md "Days and the day start" with a day start of 04:00, in Europe/Berlin and
America/New_York on both of their 2026 daylight-saving days: /today's date, the latest date a check-in may have and the day a
night reminder belongs to, each checked at instants on either side of the boundary (the server's
clock fixed by the app's configuration)."""
import datetime
from zoneinfo import ZoneInfo

import pytest

from server.notify.dispatcher import dispatch

from ..conftest import make_habit
from .helpers import field_errors

DAY = datetime.timedelta(days=1)
SECOND = datetime.timedelta(seconds=1)
HOUR = datetime.timedelta(hours=1)
DAYLIGHT_SAVING_DAYS = [("Europe/Berlin", "2026-03-29"), ("Europe/Berlin", "2026-10-25"),
                        ("America/New_York", "2026-03-08"), ("America/New_York", "2026-11-01")]


def at(app, instant):
    app.config["NOW"] = lambda: instant


@pytest.fixture
def night_owl(client):
    """A user whose days run from 04:00 to 04:00."""
    def settle(zone):
        client.patch("/me", {"timezone": zone, "day_start": "04:00"})
    return settle


@pytest.mark.parametrize("zone, date", DAYLIGHT_SAVING_DAYS)
def test_today_and_the_latest_loggable_date_turn_at_four(app, client, night_owl, zone, date):
    tz, day = ZoneInfo(zone), datetime.date.fromisoformat(date)
    night_owl(zone)
    habit = make_habit(client, start_date=(day - 10 * DAY).isoformat())
    four = datetime.datetime.combine(day, datetime.time(4), tz)
    # The clocks changed in the night, before 04:00: the hours since midnight are not four.
    midnight = datetime.datetime.combine(day, datetime.time(0), tz)
    assert four.astimezone(datetime.UTC) - midnight.astimezone(datetime.UTC) != 4 * HOUR

    at(app, four - SECOND)
    assert client.get("/today").json["date"] == (day - DAY).isoformat()
    field_errors(client.put(f"/habits/{habit['id']}/checkins/{date}", {}), "date")
    assert client.put(f"/habits/{habit['id']}/checkins/{day - DAY}", {}).status_code == 201

    at(app, four)
    assert client.get("/today").json["date"] == date
    assert client.put(f"/habits/{habit['id']}/checkins/{date}", {}).status_code == 201
    field_errors(client.put(f"/habits/{habit['id']}/checkins/{day + DAY}", {}), "date")


@pytest.mark.parametrize("done_the_day_before", [True, False])
@pytest.mark.parametrize("zone, date", DAYLIGHT_SAVING_DAYS)
def test_a_one_oclock_reminder_belongs_to_the_day_before(app, client, night_owl, smtp, zone, date,
                                                         done_the_day_before):
    """At 01:00 of a daylight-saving morning the night owl's day is still the day before: the
    reminder fires then for that day, and skip-if-done looks at that day."""
    inbox, url = smtp
    app.config.update(SMTP_URL=url, MAIL_FROM="Orbit <orbit@example.org>")
    tz, day = ZoneInfo(zone), datetime.date.fromisoformat(date)
    night_owl(zone)
    eve = day - DAY
    at(app, datetime.datetime.combine(eve, datetime.time(12), tz))
    habit = make_habit(client, start_date=(day - 10 * DAY).isoformat())
    reminder = client.post("/reminders", {"target": "habit", "habit_id": habit["id"],
                                          "time": "01:00", "channels": ["email"]}).json
    fire = datetime.datetime.fromisoformat(reminder["next_fire_at"])
    # The night after `eve`; in New York's autumn night 01:00 comes twice, and the first counts.
    assert fire == datetime.datetime.combine(day, datetime.time(1), tz).astimezone(datetime.UTC)
    if done_the_day_before:
        assert client.put(f"/habits/{habit['id']}/checkins/{eve}", {}).status_code == 201

    with app.app_context():
        assert dispatch(app.config, fire - SECOND) == {}
        outcome = dispatch(app.config, fire + SECOND)
    assert outcome == ({"skipped": 1} if done_the_day_before else {"sent": 1})
    assert len(inbox.messages) == (not done_the_day_before)
