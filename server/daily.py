"""Jobs the dispatcher loop (`flask reminders run`) runs once a day beside the reminders: the
daily backup (backup.py) and housekeeping (housekeeping.py)."""
import datetime
import logging

log = logging.getLogger(__name__)
RETRY_AFTER = datetime.timedelta(hours=1)  # a failed run (disk full?) is tried again, not sooner


class OnceADay:
    """Runs `run_once(now, day)` at most once a (UTC) day, from a loop that asks every minute;
    a run that raised is tried again an hour later. Subclasses name themselves for the log."""
    name = "job"

    def __init__(self):
        self.done_on = None
        self.failed_at = None

    def run(self, now):
        """run_once's result, or None when today's run is done or a failure is too recent."""
        day = now.astimezone(datetime.timezone.utc).date()
        if self.done_on == day:
            return None
        if self.failed_at is not None and now - self.failed_at < RETRY_AFTER:
            return None
        try:
            result = self.run_once(now, day)
        except Exception:
            self.failed_at = now
            raise
        self.failed_at, self.done_on = None, day
        return result

    def run_once(self, now, day):
        raise NotImplementedError


def run_daily(jobs, now):
    """Run each job that is due; a failure is logged and leaves the others (and the reminders)
    going."""
    for job in jobs:
        try:
            job.run(now)
        except Exception:  # noqa: BLE001 - a full disk must not stop the reminders
            log.exception("the daily %s failed", job.name)
