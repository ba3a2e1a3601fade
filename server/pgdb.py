"""PostgreSQL connections with fewer round trips: BEGIN travels with a transaction's first
statement, and a statement may go together with the one before it (server/prepared.py).

Peewee runs psycopg2 in autocommit mode and opens a transaction with a BEGIN of its own, one
round trip that does nothing else; a check-in PUT has 5 round trips with it folded in, 9 before.
Nothing changes for the transaction: the server runs BEGIN first, then the statement, and an
error in either leaves the transaction aborted until the ROLLBACK that follows, as before.
"""
from playhouse.pool import PooledPostgresqlDatabase


class PostgresDatabase(PooledPostgresqlDatabase):
    """Pooled PostgreSQL whose BEGIN waits for the transaction's first statement."""

    # A query string may hold several statements; each sees what was committed when it starts.
    multiple_statements = True

    def begin(self, isolation_level=None):
        if isolation_level is not None or self._isolation_level:
            return super().begin(isolation_level)
        if self.is_closed():  # connect now, as a BEGIN sent at once would (autoconnect)
            self.connect()
        self._state.begin_pending = True

    def execute_sql(self, sql, params=None):
        if self.take_pending_begin():
            sql = f"BEGIN; {sql}"
        return super().execute_sql(sql, params)

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

    def take_pending_begin(self):
        """True once if a BEGIN is waiting to be sent (it is then the caller's to send)."""
        pending = getattr(self._state, "begin_pending", False)
        self._state.begin_pending = False
        return pending
