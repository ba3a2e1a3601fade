"""Outgoing webhooks (issue 27): the user's signed webhook URLs, the outbox of their messages,
which the dispatcher claims and sends, and on each user the events their webhooks ask for."""
from peewee import (BooleanField, CharField, DateField, DateTimeField, ForeignKeyField,
                    IntegerField, Model, SmallIntegerField, TextField, UUIDField)
from playhouse.migrate import migrate


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        class Meta:
            table_name = "user"

    class Webhook(Base):
        uuid = UUIDField(unique=True)
        user = ForeignKeyField(User, on_delete="CASCADE")
        url = TextField()
        events = TextField()
        include_private = BooleanField(default=False)
        secret = CharField(max_length=100)
        created_at = DateTimeField()
        summary_week = DateField(null=True)
        last_status = CharField(max_length=10, null=True)
        last_detail = TextField(default="")
        last_at = DateTimeField(null=True)

    class WebhookMessage(Base):
        webhook = ForeignKeyField(Webhook, on_delete="CASCADE")
        msg_id = CharField(max_length=40, unique=True)
        event = CharField(max_length=24)
        data = TextField()
        once_key = CharField(max_length=60, null=True)
        created_at = DateTimeField()
        status = CharField(max_length=10, default="pending")
        attempts = IntegerField(default=0)
        next_at = DateTimeField(index=True)
        updated_at = DateTimeField(index=True)
        response_status = SmallIntegerField(null=True)
        detail = TextField(default="")

        class Meta:
            indexes = ((("webhook", "once_key"), True),)

    db.create_tables([Webhook, WebhookMessage])
    migrate(migrator.add_column("user", "webhook_events", TextField(null=True)))
