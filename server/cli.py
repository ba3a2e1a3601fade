"""Flask commands: `flask --app server init-db`, `summary send`, `reminders run|dispatch`; the
operator's `invite`, `backup`, `restore` and `housekeeping` are in cli_ops.py; `import` and
`export` in importers/commands.py."""
import datetime
import logging
import os
import signal
import threading
import time

import click
from flask import current_app

from . import links
from .auth import ensure_secret_key
from .cli_ops import register_ops
from .db import database, init_db
from .importers.commands import register_import_commands


def register(app):
    """Attach the commands to the app."""
    register_ops(app)  # invite, backup, restore, housekeeping
    register_import_commands(app)  # import, export

    @app.cli.command("init-db")
    def init_db_command():
        """Create the database schema, or upgrade it with the pending migrations."""
        applied = init_db()
        click.echo(f"Applied {len(applied)} migration(s): {', '.join(applied) or 'none pending'}.")

    @app.cli.group("summary")
    def summary_group():
        """Weekly summaries."""

    @summary_group.command("send")
    @click.option("--user", "email", required=True, help="The account's email address.")
    @click.option("--week", type=click.DateTime(["%Y-%m-%d"]), default=None,
                  help="A day of the week to send (default: the last complete week).")
    def send_summary_command(email, week):
        """Send a user's weekly summary by email now."""
        from .models import User
        from .notify.email import MailNotConfigured, send_summary
        from .store import weekly
        with database.connection_context():
            user = User.get_or_none(User.email == email.strip().lower())
            if user is None:
                raise click.ClickException(f"There is no account for {email}.")
            day = week.date() if week else weekly.last_complete_week(user)
            summary = weekly.summary_of_week(user, day, hide_private=True)
            try:
                send_summary(current_app.config, user, summary,
                             links.base_url(current_app.config, user))
            except MailNotConfigured as error:
                raise click.ClickException(str(error)) from None
        click.echo(f"Sent the week of {summary['week_start']} to {user.email}.")

    @app.cli.group("reminders")
    def reminders_group():
        """The reminder dispatcher."""

    @reminders_group.command("dispatch")
    @click.option("--now", "now", default=None,
                  help="The instant of the pass (ISO 8601 with offset); default the clock's now.")
    def dispatch_command(now):
        """One pass: send what is due, exactly once."""
        from .clock import now as clock_now
        from .notify.dispatcher import dispatch
        instant = datetime.datetime.fromisoformat(now) if now else clock_now()
        if instant.tzinfo is None:
            raise click.BadParameter("give the instant with its offset, e.g. 2026-12-02T08:00Z")
        with database.connection_context():
            ensure_secret_key(current_app)  # signs the unsubscribe and "Done" links
            counts = dispatch(current_app.config, instant)
        done = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        click.echo(done or "nothing due")

    @reminders_group.command("run")
    def run_command():
        """Dispatch every minute until SIGTERM or SIGINT, then stop cleanly; once a day also
        housekeeping and, with ORBIT_BACKUP_DIR set, a backup of the database."""
        from .backup import DailyBackups
        from .clock import now as clock_now
        from .daily import run_daily
        from .housekeeping import DailyHousekeeping
        from .notify.dispatcher import dispatch
        daily_jobs = [DailyBackups.from_config(current_app.config),
                      DailyHousekeeping(current_app.config)]
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        if os.environ.get("ORBIT_DISPATCHER_PARENT"):  # started by gunicorn (server/supervisor.py)
            threading.Thread(target=stop_when_orphaned, daemon=True,
                             args=(int(os.environ["ORBIT_DISPATCHER_PARENT"]), stop)).start()
        click.echo("Dispatching reminders every minute; SIGTERM stops.")
        while not stop.is_set():
            try:
                with database.connection_context():
                    ensure_secret_key(current_app)  # signs the unsubscribe and "Done" links
                    dispatch(current_app.config, clock_now())
            except Exception:  # noqa: BLE001 - the database away a moment: try next minute
                logging.getLogger(__name__).exception("a dispatch pass failed")
            run_daily(daily_jobs, clock_now())
            stop.wait(60 - clock_now().second)  # wake at the top of each minute
        click.echo("Stopped.")


def stop_when_orphaned(parent, stop):
    """Stop the loop when the server that started it is gone (killed without a chance to stop
    its dispatcher): no dispatcher outlives its `make run`."""
    while not stop.is_set():
        if os.getppid() != parent:
            stop.set()
        time.sleep(1)
