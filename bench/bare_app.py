"""The yardstick of bench/checkins.py: a bare Flask + Peewee app doing one insert per request.

`PUT /items/<n>` takes a small JSON body and inserts one row inside a transaction, answering the
row as JSON with 201: the least a JSON write endpoint does. Same database settings as Orbit
(server/db.py: the pooled connection, WAL and its pragmas on SQLite, a pool on PostgreSQL), same
gunicorn configuration (server/gunicorn_conf.py), so the ratio measures Orbit's own work.
Served by: gunicorn -c python:server.gunicorn_conf 'bench.bare_app:create_app()'
"""
import datetime
import os

from flask import Flask, request
from peewee import DatabaseProxy, DateTimeField, DoubleField, IntegerField, Model, TextField

from server.db import database_from_url

database = DatabaseProxy()


class Item(Model):
    number = IntegerField()
    value = DoubleField(null=True)
    note = TextField(default="")
    created_at = DateTimeField()

    class Meta:
        database = database


def create_app():
    """The bare app on DATABASE_URL; creates its one table."""
    app = Flask(__name__)
    database.initialize(database_from_url(os.environ["DATABASE_URL"]))
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
