"""Full-text search of notes (issue 25): check-in notes and reflections' notes, indexed by the
database itself so that a search over ten years of notes stays fast, and kept right by the
database on every write (the app's single writes, batch replays and imports alike).

- SQLite: one FTS5 index a table (`checkin_search`, `reflection_search`), external content read
  from a view of the rows with a note (so FTS5's own integrity check holds), tokenizer
  `unicode61 remove_diacritics 2` (café finds cafe and back). The note's `user_id` is indexed
  too, as a column of its own: a search names the user in the MATCH itself, so the index, not a
  join, keeps it to the user's notes. Triggers follow every insert, update and delete (deletes
  cascaded from a habit or an account fire them too).
- PostgreSQL: a stored generated tsvector column `note_search` on both tables under a GIN index
  of the rows with a note, in the text search configuration `orbit_notes`: `simple` (notes are
  in many languages: no stemming, no stop words) with `unaccent` first when the extension can
  be had. `unaccent` is a trusted extension (PostgreSQL 13+): the database's owner, or any role
  with CREATE on it, may install it; without it (not installed on the server, or no right),
  accents simply stay significant.

The statements are written here, not taken from the models, so that later changes never change
this migration."""
from peewee import PostgresqlDatabase

TABLES = ("checkin", "reflection")

SQLITE = """
CREATE VIEW {t}_note AS SELECT id, note, user_id FROM {t} WHERE note <> '';
CREATE VIRTUAL TABLE {t}_search USING fts5(note, user_id, content='{t}_note',
    content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO {t}_search (rowid, note, user_id) SELECT id, note, user_id FROM {t}_note;
CREATE TRIGGER {t}_search_insert AFTER INSERT ON {t} WHEN new.note <> '' BEGIN
    INSERT INTO {t}_search (rowid, note, user_id) VALUES (new.id, new.note, new.user_id);
END;
CREATE TRIGGER {t}_search_delete AFTER DELETE ON {t} WHEN old.note <> '' BEGIN
    INSERT INTO {t}_search ({t}_search, rowid, note, user_id)
        VALUES ('delete', old.id, old.note, old.user_id);
END;
CREATE TRIGGER {t}_search_update AFTER UPDATE OF note, user_id ON {t} BEGIN
    INSERT INTO {t}_search ({t}_search, rowid, note, user_id)
        SELECT 'delete', old.id, old.note, old.user_id WHERE old.note <> '';
    INSERT INTO {t}_search (rowid, note, user_id)
        SELECT new.id, new.note, new.user_id WHERE new.note <> '';
END;
"""

POSTGRES = """
ALTER TABLE {t} ADD COLUMN note_search tsvector
    GENERATED ALWAYS AS (to_tsvector('orbit_notes'::regconfig, note)) STORED;
CREATE INDEX {t}_note_search ON {t} USING gin (note_search) WHERE note <> '';
"""


def up(migrator, db):
    if isinstance(db, PostgresqlDatabase):
        accents_ignored = unaccent_installed(db)
        db.execute_sql("CREATE TEXT SEARCH CONFIGURATION orbit_notes (COPY = pg_catalog.simple)")
        if accents_ignored:
            db.execute_sql("ALTER TEXT SEARCH CONFIGURATION orbit_notes ALTER MAPPING FOR "
                           "hword, hword_part, word WITH unaccent, simple")
        script = POSTGRES
    else:
        script = SQLITE
    for table in TABLES:
        for statement in statements(script.format(t=table)):
            db.execute_sql(statement)


def unaccent_installed(db):
    """Whether the unaccent extension is there, installing it if this role may; a refusal is
    undone by its savepoint, and the migration goes on without it."""
    try:
        with db.atomic():  # a savepoint inside the migration's transaction
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    except Exception:  # not installed on the server, or no right to: search keeps accents
        return False
    return True


def statements(script):
    """The script's statements; a trigger's body keeps its own semicolons (up to END;)."""
    found, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        text = "\n".join(current).strip()
        inside_trigger = text.startswith("CREATE TRIGGER") and not text.endswith("END;")
        if text.endswith(";") and not inside_trigger:
            found.append(text)
            current = []
    return found
