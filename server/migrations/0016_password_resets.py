"""Forgotten passwords (issue 21): each "Forgot password?" request, for the throttle, with the
hash of its single-use, expiring link when the account exists."""
from peewee import CharField, DateTimeField, ForeignKeyField, Model


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        class Meta:
            table_name = "user"

    class PasswordReset(Base):
        email = CharField(max_length=254, index=True)
        address = CharField(max_length=64, index=True)
        user = ForeignKeyField(User, null=True, on_delete="CASCADE")
        token_hash = CharField(max_length=64, unique=True)
        created_at = DateTimeField(index=True)
        expires_at = DateTimeField()
        used_at = DateTimeField(null=True)

    db.create_tables([PasswordReset])
