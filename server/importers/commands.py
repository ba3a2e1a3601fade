"""Flask commands for people moving to Orbit on the server: `flask --app server import
loop|habitbull|daylio|orbit|auto FILE --user EMAIL` and `flask --app server export --user EMAIL`."""
import json
from pathlib import Path

import click
from flask import current_app
from marshmallow import ValidationError

from ..db import database
from ..errors import ApiError
from ..models import User
from . import FORMATS, Limits, TooSlow, read_file
from .apply import STALE_AFTER, apply_plan
from .export import csv_zip_of, export_of

LIMIT = 32 * 1024 * 1024  # as the API takes them
NAMES = {"identities": ("identity", "identities"), "habits": ("habit", "habits"),
         "checkins": ("check-in", "check-ins"), "reflections": ("reflection", "reflections"),
         "reminders": ("reminder", "reminders"), "pauses": ("pause", "pauses")}


def account(email):
    user = User.get_or_none(User.email == email.strip().lower())
    if user is None:
        raise click.ClickException(f"There is no account for {email}.")
    return user


def register_import_commands(app):
    """Attach `import` and `export` to the app."""

    @app.cli.command("import")
    @click.argument("kind", type=click.Choice(FORMATS))
    @click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--user", "email", required=True, help="The account's email address.")
    def import_command(kind, path, email):
        """Import FILE into an account (auto: the format told from the contents)."""
        if path.stat().st_size > LIMIT:
            raise click.ClickException("The file is larger than 32 MiB.")
        with database.connection_context():
            user = account(email)
            try:
                plan = read_file(kind, path.read_bytes(), user, Limits.of(current_app.config))
                report = apply_plan(user, plan, current_app.config["APPRISE"])
            except ValidationError as err:
                raise click.ClickException(message_of(err.messages)) from None
            except (ApiError, TooSlow) as err:  # refused, as the API would refuse it
                raise click.ClickException(getattr(err, "description", str(err))) from None
        if report["archived"]:
            click.echo(f"Archived on arrival: {len(report['archived']):,} habits with no check-in "
                       f"in the last {STALE_AFTER.days} days (restore them in the app).")
        for label in ("created", "updated"):
            counts = ", ".join(f"{n:,} {NAMES[kind][n != 1]}" for kind, n in
                               report[label].items() if n)
            click.echo(f"{label.capitalize()}: {counts or 'nothing'}.")
        for warning in report["warnings"]:
            click.echo(f"Note: {warning}")

    @app.cli.command("export")
    @click.option("--user", "email", required=True, help="The account's email address.")
    @click.option("--format", "kind", type=click.Choice(["json", "csv"]), default="json",
                  show_default=True)
    @click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Where to write it (default: JSON to standard output).")
    def export_command(email, kind, output):
        """Export everything of an account: the Orbit format (JSON) or a zip of CSV files."""
        if kind == "csv" and output is None:
            raise click.UsageError("A zip needs --output FILE.")
        with database.connection_context():
            user = account(email)
            data = (csv_zip_of(user) if kind == "csv" else
                    json.dumps(export_of(user), ensure_ascii=False).encode())
        if output is None:
            click.echo(data.decode())
        else:
            output.write_bytes(data)
            click.echo(f"Wrote {output} ({len(data):,} bytes).", err=True)


def message_of(messages):
    """A refused file's messages as lines a person reads."""
    if isinstance(messages, dict):
        return "\n".join(f"{key}: {message_of(value)}" if key != "file" else message_of(value)
                         for key, value in messages.items())
    if isinstance(messages, list):
        return " ".join(message_of(m) for m in messages)
    return str(messages)
