"""Which of the user's objects an imported object is: found by the source's own id, through what
an earlier import remembered (ImportedObject), or for an Orbit export by its uuid. Every lookup is
scoped to the user: a file naming another user's uuid gets an object of the importer's own."""
import hashlib
import uuid

from ..models import Habit, ImportedObject

MODEL_NAMES = {"Habit": "habit", "Identity": "identity", "Reminder": "reminder", "Pause": "pause"}


class Matcher:
    """Finds and remembers the objects one source's imports made for one user."""

    def __init__(self, user, source):
        self.user = user
        self.source = source

    def find(self, model, key):
        """The user's object that `key` of the source became, or None."""
        shown = model.shown() if model is Habit else model.select()  # not an unfinished import's
        if self.source == "orbit":
            own = shown.where(model.uuid == as_uuid(key), model.user == self.user).first()
            if own is not None:
                return own
        row = self.row(model, key)
        if row is None:
            return None
        return shown.where(model.uuid == row.object_uuid, model.user == self.user).first()

    def created(self, model, key, obj):
        """Remember that `key` became `obj`. An Orbit object keeps its uuid when no object has it
        yet (a restore into the same server); otherwise, as for other sources, the link is kept."""
        if self.source == "orbit":
            wanted = as_uuid(key)
            if not model.select().where(model.uuid == wanted).exists():
                model.update(uuid=wanted).where(model.id == obj.id).execute()
                obj.uuid = wanted
                return
        row = self.row(model, key)
        if row is None:
            ImportedObject.create(user=self.user, source=self.source, key=stored_key(key),
                                  model=MODEL_NAMES[model.__name__], object_uuid=obj.uuid)
        else:  # what it became earlier was deleted since
            ImportedObject.update(object_uuid=obj.uuid).where(
                ImportedObject.id == row.id).execute()

    def row(self, model, key):
        return ImportedObject.get_or_none(
            ImportedObject.user == self.user, ImportedObject.source == self.source,
            ImportedObject.model == MODEL_NAMES[model.__name__],
            ImportedObject.key == stored_key(key))


def as_uuid(key):
    return key if isinstance(key, uuid.UUID) else uuid.UUID(str(key))


def stored_key(key):
    """A key that fits its column: a long one (a long habit name) keeps a digest of the rest."""
    key = str(key)
    if len(key) <= 200:
        return key
    return key[:150] + "#" + hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:40]
