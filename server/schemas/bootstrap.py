"""The app's first read: who is signed in, the session's CSRF token, and their Today."""
from . import fields
from .accounts import UserOut
from .fields import Schema
from .stats import TodayOut


class BootstrapOut(Schema):
    user = fields.Nested(UserOut)
    csrf_token = fields.String()
    today = fields.Nested(TodayOut, metadata={"description": "GET /today of the user's today"})
