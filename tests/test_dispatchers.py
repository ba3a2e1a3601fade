"""Three dispatcher processes started together on the same due reminders, against one database
(SQLite or PostgreSQL): each reminder's message arrives exactly once."""
import datetime
import os
import subprocess
import sys
from pathlib import Path

from server.db import database
from server.models import Delivery, Reminder

from . import clock
from .conftest import ApiClient

ROOT = Path(__file__).resolve().parent.parent


def test_three_dispatchers_send_each_reminder_once(app, database_url, smtp):
    inbox, url = smtp
    count = 12
    for i in range(count):
        client = ApiClient(app).register(email=f"d{i}@example.org")
        assert client.post("/reminders", {"target": "reflection", "time": "08:00",
                                          "channels": ["email"]}).status_code == 201
    fire = (clock.now() - datetime.timedelta(minutes=2)).replace(tzinfo=None)
    with app.app_context():
        Reminder.update(next_fire_at=fire).execute()
    database.close_all()  # the processes below take the database's writers
    now = clock.now().isoformat()
    env = {**os.environ, "DATABASE_URL": database_url, "ORBIT_SMTP_URL": url,
           "ORBIT_MAIL_FROM": "orbit@example.org", "ORBIT_SECRET_KEY": "dispatch-test"}
    processes = [subprocess.Popen([sys.executable, "-m", "flask", "--app", "server", "reminders",
                                   "dispatch", "--now", now], env=env, cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(3)]
    outputs = [process.communicate(timeout=120) for process in processes]
    errors = "\n".join(error[-3000:] for _, error in outputs)
    assert all(process.returncode == 0 for process in processes), errors
    recipients = sorted(message["To"] for message in inbox.messages)
    assert recipients == sorted(f"d{i}@example.org" for i in range(count))
    with app.app_context():
        assert Delivery.select().where(Delivery.status == "sent").count() == count
