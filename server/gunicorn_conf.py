"""How `make run` serves Orbit (`gunicorn -c python:server.gunicorn_conf 'server:create_app()'`).

gunicorn's master runs WORKERS processes; each serves with waitress (server/waitress_worker.py),
whose event loop reads every request whole before one of the process's THREADS threads runs it:
idle and slow clients (a phone on a bad network, 300 silent connections, headers sent a byte at a
time) hold a socket each, never a thread, and /healthz and check-ins go on answering. Each worker
takes up to `worker_connections` connections. HOST, PORT, WORKERS and THREADS come from the
environment.

The master also runs the reminder dispatcher (`flask --app server reminders run`) as a child it
supervises (started again if it dies) and stops when the server stops, so that `make run` alone
delivers reminders; ORBIT_DISPATCHER=off leaves that to a separate `flask --app server reminders
run`. Several dispatchers at once are safe (server/notify/dispatcher.py).
"""
import os

from server.supervisor import ServerDispatcher, print_readiness

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
worker_class = "server.waitress_worker.WaitressWorker"
workers = int(os.environ.get("WORKERS", "2"))
threads = int(os.environ.get("THREADS", "8"))
worker_connections = 1000

dispatcher = ServerDispatcher()


def when_ready(server):
    """The master listens: say where to open it and what is ready, then start the dispatcher."""
    print_readiness(bind, dispatcher.wanted())
    dispatcher.start(server.log)


def on_exit(server):
    """The master stops (SIGTERM, Ctrl-C): the dispatcher stops with it."""
    dispatcher.stop()
