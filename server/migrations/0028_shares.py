"""Shares with someone the user trusts (issue 25): a read-only link (only its token's hash is
kept) naming what it shows and until when, and every view of it (when, from which browser)."""
from peewee import (BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, Model,
                    TextField)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        class Meta:
            table_name = "user"

    class Share(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        name = CharField(max_length=80)
        token_hash = CharField(max_length=64, unique=True)
        habit_ids = TextField()  # JSON lists of ids
        identity_ids = TextField()
        summaries = BooleanField()
        mood = BooleanField()
        notes = BooleanField()
        wellbeing = BooleanField()
        weeks = IntegerField()
        expires_at = DateTimeField()
        revoked_at = DateTimeField(null=True)
        created_at = DateTimeField()

    class ShareView(Base):
        share = ForeignKeyField(Share, on_delete="CASCADE")
        at = DateTimeField()
        browser = CharField(max_length=100)

        class Meta:
            indexes = ((("share", "at"), False),)

    db.create_tables([Share, ShareView])
