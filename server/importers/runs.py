"""An import's run (ImportRun): what lets a big import be written in short transactions and
still be all or nothing. Its new habits and their check-ins are written batch by batch, each
batch committed at once (SQLite's write lock is held for a batch, never for the whole import),
marked with the run so that no read shows them (Habit.shown); the import's last transaction
reveals them all with its other changes. A run that fails is removed, batch by batch too, and
housekeeping removes what a crashed process left behind.

One run a user at a time: a second import waits for the first to end, then reads what the first
wrote (so importing the same file twice at once still makes each habit once)."""
import contextlib
import datetime
import time

from peewee import IntegrityError

from ..clock import utcnow
from ..db import database
from ..errors import ApiError
from ..models import Checkin, Habit, ImportRun

BATCH = 5000  # rows a transaction: about 50 ms of SQLite's write lock here
# A run not touched for this long belongs to a process that died: a live one touches it at
# each batch, and its longest step without a write (reading a decade of days) takes seconds.
STALE = datetime.timedelta(minutes=2)
WAIT_SECONDS = 30  # for the user's other import to end
POLL_SECONDS = 0.25


@contextlib.contextmanager
def running(user):
    """The user's new run, removed with everything it wrote if the block fails. The block's last
    transaction ends it (reveal)."""
    run = claim(user, WAIT_SECONDS)
    try:
        yield run
    except BaseException:
        discard(run.id)
        raise


def claim(user, wait_seconds):
    """A new run for `user`, once their other one (if any) has ended; 409 after `wait_seconds`."""
    deadline = time.monotonic() + wait_seconds
    while True:
        for stale in ImportRun.select(ImportRun.id).where(
                ImportRun.user == user, ImportRun.touched_at < utcnow() - STALE):
            discard(stale.id)  # its process died: what it wrote was never shown
        try:
            with database.atomic():
                return ImportRun.create(user=user)
        except IntegrityError:  # another import of theirs is being written
            if time.monotonic() > deadline:
                raise ApiError(409, "Another import into your account is still being written. "
                                    "Try again when it has finished.") from None
            time.sleep(POLL_SECONDS)


def touch(run):
    """Say the run is alive (inside each of its transactions)."""
    ImportRun.update(touched_at=utcnow()).where(ImportRun.id == run.id).execute()


def hidden(run, habit):
    """Mark a habit the run created: no read shows it until the run is revealed."""
    Habit.update(import_run=run.id).where(Habit.id == habit.id).execute()


def reveal(run):
    """Show the run's habits and end it: run inside the import's last transaction."""
    Habit.update(import_run=None).where(Habit.import_run == run.id).execute()
    ImportRun.delete().where(ImportRun.id == run.id).execute()


def discard(run_id, batch=BATCH):
    """Remove a run and what it wrote: its check-ins `batch` at a time, then its habits (with
    their rules and links) and the run, each step its own short transaction."""
    habits = Habit.select(Habit.id).where(Habit.import_run == run_id)
    while True:
        with database.atomic():
            ids = Checkin.select(Checkin.id).where(Checkin.habit.in_(habits)).limit(batch)
            if not Checkin.delete().where(Checkin.id.in_(ids)).execute():
                break
    with database.atomic():
        Habit.delete().where(Habit.import_run == run_id).execute()
        ImportRun.delete().where(ImportRun.id == run_id).execute()


def discard_stale(now=None):
    """Remove every run untouched for STALE (housekeeping); how many."""
    now = now or utcnow()
    stale = [run.id for run in ImportRun.select(ImportRun.id).where(
        ImportRun.touched_at < now - STALE)]
    for run_id in stale:
        discard(run_id)
    return len(stale)
