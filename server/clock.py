"""The app's clock. Real time, unless the configuration sets `NOW` (a function returning an aware
instant): tests use it to run the whole app on a chosen day, hour and time zone."""
import datetime

from flask import current_app, has_app_context


def now():
    """The current instant, aware, in UTC."""
    fake = current_app.config.get("NOW") if has_app_context() else None
    instant = fake() if fake else datetime.datetime.now(datetime.timezone.utc)
    return instant.astimezone(datetime.timezone.utc)


def utcnow():
    """The current instant as naive UTC, the way every DateTimeField stores it."""
    return now().replace(tzinfo=None)
