"""PostgreSQL connections with fewer round trips and less planning: BEGIN travels with a
transaction's first statement, a statement may go together with the one before it
(server/prepared.py), a connection handed back to the pool within the last second is taken again
without a ping, and the hot path's statements are prepared once per connection.

Peewee runs psycopg2 in autocommit mode and opens a transaction with a BEGIN of its own, one
round trip that does nothing else; a check-in PUT has 5 round trips with it folded in, 9 before.
Nothing changes for the transaction: the server runs BEGIN first, then the statement, and an
error in either leaves the transaction aborted until the ROLLBACK that follows, as before.

Planning is most of what PostgreSQL spends on a check-in: the PUT's statements cost the server
0.64 ms of CPU sent as text, 0.34 ms as EXECUTEs of statements prepared beforehand. A
connection PREPAREs each statement of server/prepared.py the first time it runs it, in a round
trip of its own (a prepared statement outlives a rollback, so it is known to exist once that
trip succeeds), then EXECUTEs it. Prepared statements belong to a server connection: behind
PgBouncer in transaction mode, whose transactions move between server connections, turn them off
(ORBIT_PG_PREPARE=0, `prepare=False`).
"""
import hashlib
import logging
import re
import time

from peewee import DatabaseError
from peewee import __exception_wrapper__ as peewee_errors
from playhouse.pool import PooledPostgresqlDatabase
from psycopg2.extensions import TRANSACTION_STATUS_IDLE, connection

# Peewee's pool sends "SELECT 1" each time it hands out a connection, one round trip of a
# request's four. One back from a request this recently is trusted without it: if the server
# dropped it in that second, the request's first statement fails (answered as an error, nothing
# written) and the pool discards the connection, as when a connection dies mid-request.
TRUSTED_FOR = 1.0
PLACEHOLDER = re.compile(r"%[s%]")  # psycopg2's: %s a parameter, %% a percent sign
logger = logging.getLogger("peewee")  # where Peewee logs the statements it sends
log = logging.getLogger(__name__)
# What the server answers when its prepared statements and a connection's record of them differ:
# one is missing (DISCARD ALL, or a pooler that moved the client to another server connection),
# already there, or planned for columns a migration has changed since.
PREPARED_LOST = {"26000", "42P05", "0A000"}


class Connection(connection):
    """A psycopg2 connection that knows which statements it has prepared."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared = set()
        self.discard = False  # its prepared statements are not what it thinks: replace it


class PostgresDatabase(PooledPostgresqlDatabase):
    """Pooled PostgreSQL whose BEGIN waits for the transaction's first statement, and whose
    connections prepare the statements of server/prepared.py."""

    # A query string may hold several statements; each sees what was committed when it starts.
    multiple_statements = True

    def __init__(self, *args, prepare=True, **kwargs):
        super().__init__(*args, connection_factory=Connection, **kwargs)
        self.prepare = prepare
        self.names = {}  # SQL text -> the name it is prepared under, the same on every connection
        self.returned_at = {}  # connection key -> when it was last handed back to the pool

    def statement(self, sql, count):
        """What to send for `sql` (with `count` parameters): an EXECUTE of it, prepared on this
        connection first if it is not yet, or `sql` itself when preparing is off."""
        if not self.prepare:
            return sql
        name = self.names.get(sql)
        if name is None:
            name = self.names[sql] = "orbit_" + hashlib.sha1(sql.encode()).hexdigest()[:16]
        conn = self.connection()
        if name not in conn.prepared:
            numbers = iter(range(1, count + 1))
            text = PLACEHOLDER.sub(lambda m: "%" if m[0] == "%%" else f"${next(numbers)}", sql)
            prepare = f"PREPARE {name} AS {text}"
            logger.debug((prepare, None))
            try:
                with peewee_errors:  # failures raised as Peewee's, as for any other statement
                    conn.cursor().execute(prepare)  # on its own, before any BEGIN still pending
            except DatabaseError as error:
                self.check_prepared(conn, error)
                raise
            conn.prepared.add(name)
        return f"EXECUTE {name}({', '.join(['%s'] * count)})" if count else f"EXECUTE {name}"

    def begin(self, isolation_level=None):
        if isolation_level is not None or self._isolation_level:
            return super().begin(isolation_level)
        if self.is_closed():  # connect now as a BEGIN sent at once would, or refuse (autoconnect)
            super().cursor()
        self._state.begin_pending = True

    def execute_sql(self, sql, params=None):
        if self.take_pending_begin():
            sql = f"BEGIN; {sql}"
        try:
            return super().execute_sql(sql, params)
        except DatabaseError as error:
            self.check_prepared(self._state.conn, error)
            raise

    def check_prepared(self, conn, error):
        """After `error`: when it says the connection's prepared statements are not what it
        recorded, the pool replaces the connection (the request fails once), and the operator
        is told why."""
        original = getattr(error, "orig", None)  # psycopg2's error, which Peewee's wraps
        if conn is None or getattr(original, "pgcode", None) not in PREPARED_LOST:
            return
        conn.discard = True
        log.warning("PostgreSQL: a connection's prepared statements were lost or changed (%s); "
                    "it is replaced. Behind a pooler in transaction mode (PgBouncer), set "
                    "ORBIT_PG_PREPARE=0.", str(original).strip())

    def cursor(self, named_cursor=None):
        # Whoever takes a cursor of their own (the importers' execute_values) gets the
        # transaction started before their statement.
        cursor = super().cursor(named_cursor)
        if self.take_pending_begin():
            cursor.execute("BEGIN")
        return cursor

    def commit(self):
        if not self.take_pending_begin():  # else nothing ran: there is no transaction to end
            super().commit()

    def rollback(self):
        if not self.take_pending_begin():
            super().rollback()

    def close(self):
        self._state.begin_pending = False
        return super().close()

    def _close(self, conn, close_conn=False):
        if not close_conn:
            self.returned_at[self.conn_key(conn)] = time.monotonic()
        return super()._close(conn, close_conn)

    def _is_closed(self, conn):
        if conn.discard:
            return True
        returned = self.returned_at.pop(self.conn_key(conn), None)
        if (returned is not None and time.monotonic() - returned < TRUSTED_FOR
                and not conn.closed
                and conn.get_transaction_status() == TRANSACTION_STATUS_IDLE):
            return False
        return super()._is_closed(conn)

    def take_pending_begin(self):
        """True once if a BEGIN is waiting to be sent (it is then the caller's to send)."""
        pending = getattr(self._state, "begin_pending", False)
        self._state.begin_pending = False
        return pending
