"""Passkeys (issue 22): the accounts' WebAuthn credentials, the single-use challenges of the
ceremonies under way, and when a password last signed an account in."""
from peewee import (BigIntegerField, CharField, DateTimeField, ForeignKeyField, Model,
                    TextField)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        class Meta:
            table_name = "user"

    class Passkey(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        credential_id = CharField(max_length=1400, unique=True)
        public_key = TextField()
        sign_count = BigIntegerField(default=0)
        name = CharField(max_length=80)
        transports = TextField(null=True)
        created_at = DateTimeField()
        last_used_at = DateTimeField(null=True)

    class PasskeyChallenge(Base):
        challenge_hash = CharField(max_length=64, unique=True)
        purpose = CharField(max_length=8)
        user = ForeignKeyField(User, null=True, on_delete="CASCADE")
        data = TextField(null=True)
        created_at = DateTimeField()
        expires_at = DateTimeField(index=True)

    class SignInUse(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        way = CharField(max_length=16)
        last_used_at = DateTimeField()

        class Meta:
            indexes = ((("user", "way"), True),)

    db.create_tables([Passkey, PasskeyChallenge, SignInUse])
