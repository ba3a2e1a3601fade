"""Flask commands for the operator: `invite create|list|revoke`, `user reset-link`, `backup PATH`,
`restore PATH`, `housekeeping`."""
import click
from flask import current_app

from . import backup as backups
from .clock import now, utcnow
from .db import database, init_db


def register_ops(app):
    """Attach the operator's commands to the app."""

    @app.cli.group("invite")
    def invite_group():
        """Invitations to sign up (with ORBIT_SIGNUPS=invite)."""

    @invite_group.command("create")
    @click.option("--days", type=click.IntRange(1, 365), default=7, show_default=True,
                  help="How long the link stays good.")
    def create_command(days):
        """Print a new single-use invite link."""
        from .store import invites
        with database.connection_context():
            invite = invites.create_invite(days)
        click.echo(invites.invite_link(invite.token, current_app.config))
        until = f"{invite.expires_at:%Y-%m-%d %H:%M}"
        click.echo(f"Invite {invite.id}: one account, until {until} UTC.", err=True)
        mode = current_app.config["SIGNUPS"]
        if mode != "invite":
            click.echo(f"Note: ORBIT_SIGNUPS is {mode}, so sign-ups do not ask for this link; "
                       "set ORBIT_SIGNUPS=invite.", err=True)

    @invite_group.command("list")
    def list_command():
        """List the invites: id, created, expires, status, the account made with it (ended ones
        go 30 days on, by housekeeping)."""
        from .store import invites
        with database.connection_context():
            rows, now = invites.all_invites(), utcnow()
        if not rows:
            click.echo("No invites.")
        for invite in rows:
            used_by = getattr(invite, "email", None) or ""
            click.echo(f"{invite.id:>5}  created {invite.created_at:%Y-%m-%d %H:%M}  "
                       f"expires {invite.expires_at:%Y-%m-%d %H:%M}  "
                       f"{invites.status_of(invite, now):<9} {used_by}".rstrip())

    @invite_group.command("revoke")
    @click.argument("invite_id", type=click.IntRange(1, 2**31 - 1))
    def revoke_command(invite_id):
        """Withdraw an unused invite: its link stops working."""
        from .store import invites
        with database.connection_context():
            if not invites.revoke_invite(invite_id):
                raise click.ClickException(f"There is no unused invite {invite_id}.")
        click.echo(f"Invite {invite_id} withdrawn.")

    @app.cli.group("user")
    def user_group():
        """Accounts, for the operator."""

    @user_group.command("reset-link")
    @click.argument("email")
    def reset_link_command(email):
        """Print a single-use link (good for an hour) that lets EMAIL's owner choose a new
        password: for a server without mail, or a person who cannot get it."""
        from . import links
        from .models import User
        from .store import resets
        from .store.accounts import normalise_email
        with database.connection_context():
            user = User.get_or_none(User.email == normalise_email(email))
            if user is None:
                raise click.ClickException(f"There is no account for {email}.")
            token = resets.operator_link(user)
        click.echo(links.absolute(resets.reset_path(token), user=user))
        click.echo(f"Good once, for {user.email}, for an hour. Setting a new password signs "
                   "them out everywhere and revokes their API tokens.", err=True)

    @app.cli.command("backup")
    @click.argument("path", type=click.Path(dir_okay=True, writable=True))
    def backup_command(path):
        """Back the database up to PATH (a file, or a directory to put a dated file in), while
        the app runs. SQLite only; for PostgreSQL it says how to use pg_dump."""
        try:
            written = backups.backup_to(path, now())
        except backups.BackupError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"Backed up to {written}.")

    @app.cli.command("restore")
    @click.argument("path", type=click.Path(exists=True, dir_okay=False, readable=True))
    @click.option("--yes", is_flag=True, help="Replace a database that holds accounts already.")
    def restore_command(path, yes):
        """Replace the database with the backup at PATH, then apply pending migrations. Stop the
        app and the dispatcher first."""
        try:
            backups.sqlite_path()  # PostgreSQL: pg_restore's job, said first
            backups.check_backup(path)
            users = backups.accounts_in_database()
            if users and not yes:
                click.confirm(f"The database holds {users} account(s) now; replace it with "
                              f"{path}?", abort=True)
            backups.restore_from(path)
        except backups.BackupError as error:
            raise click.ClickException(str(error)) from None
        applied = init_db()
        click.echo(f"Restored from {path}" + (f"; applied {', '.join(applied)}." if applied
                                               else "."))

    @app.cli.command("housekeeping")
    def housekeeping_command():
        """Delete what is past its use now (old sign-in attempts and sign-ups, expired action
        tokens and invites), as the dispatcher does once a day; print how many of each."""
        from .housekeeping import housekeep
        with database.connection_context():
            counts = housekeep(current_app.config, now())
        click.echo(", ".join(f"{table} {n}" for table, n in counts.items()))
