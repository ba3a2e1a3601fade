"""The wellbeing check (WHO-5, issue 25): on the user, the opt-in (off), their own support
contacts and the day Today's invitation was last set aside; one row per check and day with the
five answers."""
from peewee import (BooleanField, DateField, DateTimeField, ForeignKeyField, Model,
                    SmallIntegerField, TextField)
from playhouse.migrate import migrate


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class User(Base):
        class Meta:
            table_name = "user"

    class WellbeingCheck(Base):
        user = ForeignKeyField(User, on_delete="CASCADE")
        day = DateField()
        cheerful = SmallIntegerField()
        calm = SmallIntegerField()
        active = SmallIntegerField()
        rested = SmallIntegerField()
        interested = SmallIntegerField()
        acted_at = DateTimeField()

        class Meta:
            indexes = ((("user", "day"), True),)

    db.create_tables([WellbeingCheck])
    # Null columns without defaults, as 0022's: an insert through an older migration's model
    # names none of them (null is off, and no contacts).
    migrate(migrator.add_column("user", "wellbeing_enabled", BooleanField(null=True)),
            migrator.add_column("user", "wellbeing_contacts", TextField(null=True)),
            migrator.add_column("user", "wellbeing_set_aside", DateField(null=True)))
