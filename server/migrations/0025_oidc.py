"""OpenID Connect (issue 22): each account's identities at a provider, (issuer, subject) unique."""
from peewee import CharField, DateTimeField, ForeignKeyField, Model


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        class Meta:
            table_name = "user"

    class OidcLink(Base):
        user = ForeignKeyField(User, on_delete="CASCADE", index=True)
        issuer = CharField(max_length=255)
        subject = CharField(max_length=255)
        email = CharField(max_length=254, default="")
        linked_at = DateTimeField()
        last_used_at = DateTimeField(null=True)

        class Meta:
            indexes = ((("issuer", "subject"), True),)

    db.create_tables([OidcLink])
