"""What every view needs: the JSON body, loading with a schema, OpenAPI notes."""
import datetime

from flask import g, request
from werkzeug.routing import BaseConverter, IntegerConverter

from ..errors import ApiError
from ..schemas.fields import MAX_ID


def request_json():
    """The JSON object of the request body: 415 when it is not JSON, 400 when malformed."""
    if not request.content_length and not request.data:
        return {}
    if not request.is_json:
        raise ApiError(415)
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # nested deeper than the parser goes: not a body anyone means
        data = None
    if data is None:
        raise ApiError(400, "The body is not valid JSON.")
    if not isinstance(data, dict):
        raise ApiError(400, "The body must be a JSON object.")
    return data


def current_user():
    return g.user


class IdConverter(IntegerConverter):
    """`<int:...>` in a path, bounded: an id beyond the database's integers is a 404, not a 500."""

    def __init__(self, url_map, *args, **kwargs):
        super().__init__(url_map, min=1, max=MAX_ID)


class DayConverter(BaseConverter):
    """`<day:date>` in a path: YYYY-MM-DD; an impossible date is a 422, not a 404."""
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ApiError(422, "date: Not a valid date.", fields={"date": ["Not a valid date."]})

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


def doc(summary, body=None, response=None, status=200, query=None, many=False):
    """Describe a view for the generated OpenAPI document (see api/openapi.py)."""
    def decorate(view):
        view.openapi = {"summary": summary, "body": body, "response": response,
                        "status": status, "query": query, "many": many}
        return view
    return decorate
