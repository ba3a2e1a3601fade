"""The journal (issue 25): every note the user wrote, check-ins' and reflections', newest first,
narrowed by habit, identity or mood and searched in full text (store/note_search.py), a page at a
time. Always the user's own: each branch names the user, and a habit of an import still being
written is left out as every read leaves it out (Habit.shown)."""
import datetime
from dataclasses import dataclass

from marshmallow import ValidationError

from ..db import database
from ..domain.note_query import parse_query
from ..errors import FieldError
from ..models import Identity
from . import note_search
from .pauses import known_habit

EPOCH = datetime.date(1970, 1, 1)
ID_BITS = 31  # ids are below 2**31 (schemas.fields.MAX_ID)
RANKS = {"reflection": 1, "checkin": 0}  # within a day, the reflection comes first


@dataclass
class Entry:
    kind: str
    id: int
    day: datetime.date
    note: str
    habit: dict = None  # {"id", "name"} of a check-in's habit
    mood: int = None  # a reflection's
    snippet: list = None  # [{"text", "match"}] when searched

    @property
    def key(self):
        """Where the entry is in the journal's order, as one integer (the cursor)."""
        days = (self.day - EPOCH).days
        return (days << (ID_BITS + 1)) | (RANKS[self.kind] << ID_BITS) | self.id


def position(cursor):
    """(day, rank, id) of a cursor: every integer from 0 to 2**53 - 1 is a place."""
    day = EPOCH + datetime.timedelta(days=cursor >> (ID_BITS + 1))
    return day, (cursor >> ID_BITS) & 1, cursor & ((1 << ID_BITS) - 1)


def journal(user, q=None, habit_id=None, identity_id=None, mood=None, before=None, limit=50):
    """A page of the user's notes, newest first: (entries, the next page's cursor or None).
    Filters narrow together: a habit or identity keeps check-ins, a mood keeps reflections."""
    if habit_id is not None:
        known_habit(user, habit_id)
    if identity_id is not None:
        known_identity(user, identity_id)
    terms = parse_query(q)
    after = position(before) if before is not None else None
    branches = []
    if mood is None:
        branches.append(("checkin", checkin_branch(user, habit_id, identity_id)))
    if habit_id is None and identity_id is None:
        branches.append(("reflection", reflection_branch(user, mood)))
    entries = []
    for kind, (sql, params) in branches:
        sql, params = note_search.narrowed(kind, sql, params, user, terms)
        sql, params = paged(kind, sql, params, after, limit + 1)
        entries += [row_entry(kind, row) for row in database.execute_sql(sql, params)]
    entries.sort(key=lambda entry: entry.key, reverse=True)
    page, more = entries[:limit], len(entries) > limit
    if terms:
        note_search.add_snippets(page, terms)
    return page, (page[-1].key if more else None)


def known_identity(user, identity_id):
    """An identity id given in a query: one of the user's, or a 422 field error."""
    if not Identity.select().where(Identity.id == identity_id, Identity.user == user).exists():
        raise ValidationError({"identity_id": [FieldError("Unknown identity.", "not_found")]})


def checkin_branch(user, habit_id, identity_id):
    sql = ("SELECT c.id, c.day, c.note, h.id, h.name FROM checkin c "
           "JOIN habit h ON h.id = c.habit_id "
           "WHERE c.user_id = {p} AND c.note <> '' AND h.import_run_id IS NULL")
    params = [user.id]
    if habit_id is not None:
        sql += " AND c.habit_id = {p}"
        params.append(habit_id)
    if identity_id is not None:
        sql += " AND h.identity_id = {p}"
        params.append(identity_id)
    return sql, params


def reflection_branch(user, mood):
    sql = ("SELECT r.id, r.day, r.note, r.mood FROM reflection r "
           "WHERE r.user_id = {p} AND r.note <> ''")
    params = [user.id]
    if mood is not None:
        sql += " AND r.mood = {p}"
        params.append(mood)
    return sql, params


def paged(kind, sql, params, after, limit):
    """The branch after the cursor's place, newest first, at most `limit` rows. Within one
    branch the rank is fixed, so the cursor is a plain bound on (day, id) that the (user, day)
    index serves."""
    alias = kind[0]
    if after is not None:
        day, rank, entry_id = after
        if RANKS[kind] < rank:
            sql += f" AND {alias}.day <= {{p}}"
            params = [*params, day]
        elif RANKS[kind] > rank:
            sql += f" AND {alias}.day < {{p}}"
            params = [*params, day]
        else:
            sql += f" AND ({alias}.day < {{p}} OR ({alias}.day = {{p}} AND {alias}.id < {{p}}))"
            params = [*params, day, day, entry_id]
    sql += f" ORDER BY {alias}.day DESC, {alias}.id DESC LIMIT {{p}}"
    return sql.replace("{p}", database.obj.param), [*params, limit]


def row_entry(kind, row):
    day = row[1] if isinstance(row[1], datetime.date) else datetime.date.fromisoformat(row[1])
    if kind == "checkin":
        return Entry(kind, row[0], day, row[2], habit={"id": row[3], "name": row[4]})
    return Entry(kind, row[0], day, row[2], mood=row[3])
