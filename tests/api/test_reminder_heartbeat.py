"""The dispatcher's heartbeat (issue 21): each pass records it, GET /reminders/channels says
whether reminders are being sent, and five minutes without a pass is "not running"."""
import datetime

from server.notify.dispatcher import dispatch

from .. import clock

MINUTE = datetime.timedelta(minutes=1)


def channels_at(app, client, instant):
    app.config["NOW"] = lambda: instant
    return client.get("/reminders/channels").json


def test_the_heartbeat_goes_stale_five_minutes_after_the_last_pass(app, client):
    start = clock.now()
    assert channels_at(app, client, start)["dispatcher"] == {"running": False, "last_pass": None}
    with app.app_context():
        assert dispatch(app.config, start) == {}  # nothing due, still a pass
    state = channels_at(app, client, start + 4 * MINUTE)["dispatcher"]
    assert state["running"] is True
    assert datetime.datetime.fromisoformat(state["last_pass"].replace("Z", "+00:00")) == \
        start.replace(microsecond=start.microsecond)
    state = channels_at(app, client, start + 5 * MINUTE + datetime.timedelta(seconds=1))
    assert state["dispatcher"]["running"] is False and state["dispatcher"]["last_pass"]
    with app.app_context():  # a second dispatcher's pass (or the same one's) beats again
        dispatch(app.config, start + 6 * MINUTE)
    assert channels_at(app, client, start + 7 * MINUTE)["dispatcher"]["running"] is True
