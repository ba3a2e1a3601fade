"""Full-text search of notes on each database (migration 0026_note_search): SQLite's FTS5
index, PostgreSQL's tsvector column under GIN, both given the same parsed terms
(domain/note_query.py), so the journal reads the same on either. The matched words come back
between two private-use characters and leave here as segments of text: the app draws them with
textContent, never as markup."""
from peewee import PostgresqlDatabase

from ..db import database
from ..domain.note_query import fts5_match

START, STOP = "\ue000", "\ue001"  # never typed: Unicode's private use area
SNIPPET_WORDS = 32
CONFIG = "'orbit_notes'::regconfig"
HEADLINE = (f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_WORDS}, MinWords=12, "
            "ShortWord=0, MaxFragments=2, FragmentDelimiter=\" … \"")


def on_postgres():
    return isinstance(database.obj, PostgresqlDatabase)


def narrowed(kind, sql, params, user, terms):
    """The branch's query kept to the notes that match the terms (unchanged without terms)."""
    if not terms:
        return sql, params
    alias = kind[0]
    if on_postgres():
        query, query_params = tsquery(terms)
        return (f"{sql} AND {alias}.note_search @@ {query}", [*params, *query_params])
    return (f"{sql} AND {alias}.id IN (SELECT rowid FROM {kind}_search "
            f"WHERE {kind}_search MATCH {{p}})", [*params, user_match(user, terms)])


def user_match(user, terms):
    """The FTS5 query: the user's own rows (their id is indexed as a column), then the terms."""
    return f'user_id : "{int(user.id)}" AND {fts5_match(terms)}'


def tsquery(terms):
    """A tsquery expression of the terms and its parameters: each term's text is a parameter of
    phraseto_tsquery (a phrase of the words it holds) or, for a prefix, a quoted lexeme of
    to_tsquery (only plain words may be prefixes: nothing in it is tsquery syntax)."""
    parts, params = [], []
    for term in terms:
        if term.prefix:
            part = f"to_tsquery({CONFIG}, {{p}})"
            params.append(f"'{term.text}':*")
        else:
            part = f"phraseto_tsquery({CONFIG}, {{p}})"
            params.append(term.text)
        parts.append(f"!!{part}" if term.negated else part)
    return "(" + " && ".join(parts) + ")", params


def add_snippets(entries, terms):
    """Set each entry's snippet: its note around the matches, the matches marked."""
    for kind in ("checkin", "reflection"):
        found = {entry.id: entry for entry in entries if entry.kind == kind}
        if not found:
            continue
        marks = ", ".join("{p}" for _ in found)
        if on_postgres():
            query, params = tsquery(terms)
            sql = (f"SELECT id, ts_headline({CONFIG}, replace(replace(note, {{p}}, ''), {{p}}, ''),"
                   f" {query}, {{p}}) FROM {kind} WHERE id IN ({marks})")
            params = [START, STOP, *params, HEADLINE, *found]
        else:
            sql = (f"SELECT rowid, snippet({kind}_search, 0, {{p}}, {{p}}, '…', {SNIPPET_WORDS}) "
                   f"FROM {kind}_search WHERE {kind}_search MATCH {{p}} AND rowid IN ({marks})")
            params = [START, STOP, fts5_match(terms), *found]
        sql = sql.replace("{p}", database.obj.param)
        for entry_id, marked in database.execute_sql(sql, params):
            found[entry_id].snippet = segments(marked or found[entry_id].note)


def segments(marked):
    """Marked text as [{"text", "match"}], in order; empty pieces left out."""
    pieces, match = [], False
    for part in marked.replace(STOP, START).split(START):
        if part:
            pieces.append({"text": part, "match": match})
        match = not match
    return pieces
