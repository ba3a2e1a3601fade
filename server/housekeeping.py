"""Housekeeping: delete the rows that only grow and are past their use, once a day from the
dispatcher loop (`flask reminders run`) or by hand (`flask housekeeping`).

- sign-in attempts and sign-ups older than their throttle's window: they count for nothing
  (a device cookie's failures are sign-in attempts too: its lockout ends with the window);
- the action tokens of notifications' "Done", a day after they expired (used or not);
- what an import left behind when its process died (importers/runs.py: never shown, and
  removed batch by batch too);
- invites nobody can use any more (expired or withdrawn) 30 days after they ended, and used ones
  whose account has been deleted 30 days after their use. Used invites of existing accounts stay:
  `flask invite list` shows which account each made, and there is at most one per account.

Signed-in sessions past their lifetime are deleted at each sign-in (auth.start_session), which
needs no dispatcher. Nothing a user logged is touched. Rows go in batches, each its own short
transaction, so a large backlog never holds the (SQLite) write lock for long."""
import datetime

from .daily import OnceADay
from .db import database
from .importers import runs
from .models import ActionToken, ImportRun, Invite, LoginAttempt, SignUp

BATCH = 1000
ACTION_KEPT = datetime.timedelta(days=1)  # after expiry: the link can still say "expired"
INVITE_KEPT = datetime.timedelta(days=30)  # after it ended: `flask invite list` still shows it


def past_their_use(config, now):
    """(model, condition) of each table's rows past their use at the aware instant `now`."""
    now = now.astimezone(datetime.timezone.utc).replace(tzinfo=None)  # stored as naive UTC
    ended = now - INVITE_KEPT
    return [
        (LoginAttempt, LoginAttempt.created_at
         < now - datetime.timedelta(seconds=config["LOGIN_WINDOW_SECONDS"])),
        (SignUp, SignUp.created_at
         < now - datetime.timedelta(seconds=config["SIGN_UP_WINDOW_SECONDS"])),
        (ActionToken, ActionToken.expires_at < now - ACTION_KEPT),
        (Invite, (Invite.used_at.is_null() & ((Invite.expires_at < ended)
                                              | (Invite.revoked_at < ended)))
         | (Invite.used_by.is_null() & (Invite.used_at < ended))),
    ]


def delete_in_batches(model, condition, batch=BATCH):
    """Delete the rows of `model` matching `condition`, `batch` at a time, each batch its own
    transaction; how many were deleted."""
    deleted = 0
    while True:
        with database.atomic():
            ids = model.select(model.id).where(condition).order_by(model.id).limit(batch)
            count = model.delete().where(model.id.in_(ids)).execute()
        deleted += count
        if count < batch:
            return deleted


def housekeep(config, now, batch=BATCH):
    """One pass at the aware instant `now`: {table: rows deleted}."""
    deleted = {model._meta.table_name: delete_in_batches(model, condition, batch)
               for model, condition in past_their_use(config, now)}
    naive = now.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    deleted[ImportRun._meta.table_name] = runs.discard_stale(naive)
    return deleted


class DailyHousekeeping(OnceADay):
    """Housekeeping at the dispatcher loop's first pass of each (UTC) day."""
    name = "housekeeping"

    def __init__(self, config):
        super().__init__()
        self.config = config

    def run_once(self, now, day):
        with database.connection_context():
            return housekeep(self.config, now)
