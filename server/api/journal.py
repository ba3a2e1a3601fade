"""The journal (issue 25): every note, newest first, filtered and searched."""
from flask import Blueprint, request

from ..schemas.journal import JournalOut, JournalQuery
from ..store import journal as store
from .common import current_user, doc

bp = Blueprint("journal", __name__)
QUERY = JournalQuery()
OUT = JournalOut()


@bp.get("/journal")
@doc("Every note (check-ins' and reflections'), newest first, a page at a time; with `q`, only "
     "those that match, each with its snippet", query=JournalQuery, response=JournalOut,
     errors={422: "`habit_id` or `identity_id` is not one of the user's"})
def get_journal():
    entries, cursor = store.journal(current_user(), **QUERY.load(request.args))
    return OUT.dump({"entries": entries, "next_cursor": cursor})
