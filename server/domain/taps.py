"""What one tap on Today records for a habit's day, so that the app copies it (also offline,
from the last answer) instead of deciding it (docs/RULES.md, "One tap")."""

QUIT_MINUTES_STEP = 5  # a tap on a quit habit counted in minutes adds this many


def tap_of(kind, measure, target, checkin, done, before_start=False):
    """{status, value, clears, step} of one tap on the day, from the day's check-in now
    (`checkin`: (status, value) or None) and whether the day is done by its target:
    - status, value: what the tap writes (value None: a check, nothing to count);
    - clears: the tap deletes the day's check-in instead (tapping a done day again);
    - step: what each further tap adds to value; None when a further tap puts the day back."""
    status, value = checkin if checkin is not None else (None, None)
    value = value or 0
    if kind == "quit":
        step = QUIT_MINUTES_STEP if measure == "minutes" else 1
        if before_start and checkin is None:  # tracked from this day, kept
            return tap("slip", 0, False, None if measure == "check" else step)
        if measure == "check":
            return tap("slip", 1, checkin is not None and value > 0, None)
        return tap("slip", value + step, False, step)
    if measure == "check":
        return tap("done", None, status == "done", None)
    if measure == "minutes":
        return tap("done", target, status == "done" and done, None)
    return tap("done", (value if status == "done" else 0) + 1, False, 1)


def tap(status, value, clears, step):
    """The answer of tap_of, as the API sends it."""
    return {"status": status, "value": value, "clears": clears, "step": step}
