"""Flask commands: `flask --app server init-db`."""
import click

from .db import init_db


def register(app):
    """Attach the commands to the app."""

    @app.cli.command("init-db")
    def init_db_command():
        """Create the database schema, or upgrade it with the pending migrations."""
        applied = init_db()
        click.echo(f"Applied {len(applied)} migration(s): {', '.join(applied) or 'none pending'}.")
