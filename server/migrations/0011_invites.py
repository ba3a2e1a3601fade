"""Invitations to sign up (ORBIT_SIGNUPS=invite): single-use, expiring, stored as hashes."""
from peewee import CharField, DateTimeField, ForeignKeyField, Model


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        class Meta:
            table_name = "user"

    class Invite(Base):
        token_hash = CharField(max_length=64, unique=True)
        created_at = DateTimeField()
        expires_at = DateTimeField()
        used_at = DateTimeField(null=True)
        used_by = ForeignKeyField(User, null=True, on_delete="SET NULL")
        revoked_at = DateTimeField(null=True)

    db.create_tables([Invite])
