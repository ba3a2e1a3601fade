"""The yardstick of bench/checkins.py: a bare Flask + Peewee app doing one insert per request.

`PUT /items/<n>` takes a small JSON body and inserts one row inside a transaction, answering the
row as JSON with 201: the least a JSON write endpoint does. Peewee's own pooled databases with
Orbit's settings (pool size; on SQLite WAL, its pragmas and BEGIN IMMEDIATE), none of Orbit's
own work (server/pgdb.py's fewer round trips included), served with the same gunicorn
configuration (server/gunicorn_conf.py): the ratio measures what Orbit adds.
Served by: gunicorn -c python:server.gunicorn_conf 'bench.bare_app:create_app()'
"""
import datetime
import os

from flask import Flask, request
from peewee import DatabaseProxy, DateTimeField, DoubleField, IntegerField, Model, TextField

from playhouse.db_url import connect

from server.db import POOLED, SQLITE_PRAGMAS

database = DatabaseProxy()


class Item(Model):
    number = IntegerField()
    value = DoubleField(null=True)
    note = TextField(default="")
    created_at = DateTimeField()

    class Meta:
        database = database


def bare_database(url):
    """Peewee's pooled database for the URL, with Orbit's pool size and SQLite settings."""
    scheme, _, rest = url.partition("://")
    options = {"max_connections": 32, "stale_timeout": 300}
    if scheme == "sqlite":
        options.update(pragmas=SQLITE_PRAGMAS, check_same_thread=False, lock_type="IMMEDIATE")
    return connect(f"{POOLED.get(scheme, scheme)}://{rest}", **options)


def create_app():
    """The bare app on DATABASE_URL; creates its one table."""
    app = Flask(__name__)
    database.initialize(bare_database(os.environ["DATABASE_URL"]))
    with database.connection_context():
        database.create_tables([Item])

    @app.before_request
    def connect():
        database.connect(reuse_if_open=True)

    @app.teardown_request
    def close(exc):
        if not database.is_closed():
            database.close()

    @app.put("/items/<int:number>")
    def put_item(number):
        body = request.get_json()
        now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
        with database.atomic():
            item = Item.create(number=number, value=body.get("value"), note=body.get("note", ""),
                               created_at=now)
        return {"id": item.id, "number": item.number, "value": item.value, "note": item.note}, 201

    @app.get("/healthz")
    def healthz():
        return {"ok": True}

    return app
