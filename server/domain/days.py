"""Which days a screen offers: the strip of seven days Today moves between."""
from __future__ import annotations

from datetime import date, timedelta

STRIP_DAYS = 7


def day_strip(day: date, today: date, length: int = STRIP_DAYS) -> list[date]:
    """The days of Today's strip, oldest first: the chosen day in the middle once it can be
    (three days after it, never past today), so that the first chip always leads further back."""
    end = min(day + timedelta(days=length // 2), today)
    return [end - timedelta(days=length - 1 - i) for i in range(length)]
