"""Small helpers every store module uses: the user's local today and date ranges."""
import datetime
from zoneinfo import ZoneInfo

from marshmallow import ValidationError
from peewee import fn

from .. import clock
from ..errors import FieldError

EPOCH = datetime.date(1970, 1, 1)
MAX_SPAN_DAYS = 3660
DEFAULT_SPAN = datetime.timedelta(days=364)  # 365 days ending on `to`
MAX_POSITION = 1_000_000  # the largest position the API takes and documents (schemas)


def position_after_last(model, user):
    """The position of a new `model` row placed after the user's others: the largest plus one,
    but never past MAX_POSITION (rows sharing it sort by id, so the newest is still last), or an
    export would break its own schema and not import again."""
    last = model.select(fn.MAX(model.position)).where(model.user == user).scalar()
    return min((last or 0) + 1, MAX_POSITION)


def local_today(user):
    """The user's today: the date in their time zone, which turns at their day start."""
    return day_of(clock.now(), user)


def day_of(instant, user):
    """The user's date of an aware instant: with a day start of 04:00, 02:00 is still yesterday."""
    hours, minutes = map(int, (user.day_start or "00:00").split(":"))
    local = instant.astimezone(ZoneInfo(user.timezone))
    return (local - datetime.timedelta(hours=hours, minutes=minutes)).date()


def week_start_day(user):
    """The weekday weeks start on (Monday = 0, Sunday = 6)."""
    return 6 if user.week_start == "sun" else 0


def date_range(user, start=None, end=None):
    """`from`/`to` as RULES.md says: default the 365 days ending today, `to` clamped to today."""
    today = local_today(user)
    end = min(end or today, today)
    # Near the first representable date a full year back would overflow.
    start = start or end - min(DEFAULT_SPAN, end - datetime.date.min)
    if start > end:
        raise ValidationError({"from": [FieldError("Must not be after `to` (or after today).",
                                                   "out_of_order")]})
    if (end - start).days >= MAX_SPAN_DAYS:
        raise ValidationError({"from": [FieldError(
            f"A range spans at most {MAX_SPAN_DAYS} days.", "out_of_range")]})
    return start, end
