"""What every view needs: the JSON body, loading with a schema, OpenAPI notes."""
import datetime
import json

from flask import g, request
from werkzeug.routing import BaseConverter

from ..errors import ApiError, FieldError
from ..schemas.fields import MAX_ID


def request_json():
    """The JSON object of the request body: 415 when it is not JSON, 400 when malformed."""
    body = request_body()
    if not body:
        return {}
    if not request.is_json:
        raise ApiError(415)
    try:
        data = json.loads(body)
    except ValueError:  # not JSON, or not UTF-8
        raise ApiError(400, "The body is not valid JSON.") from None
    except RecursionError:  # nested deeper than the parser goes: not a body anyone means
        raise ApiError(400, "The body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise ApiError(400, "The body must be a JSON object.")
    return data


def request_body():
    """The raw body, refused with 413 past the request's limit. A chunked body has no length to
    check up front, and werkzeug's limited stream would cut it silently: read one byte more."""
    limit = request.max_content_length
    environ = request.environ
    if request.content_length is not None or "wsgi.input_terminated" not in environ:
        return request.get_data(cache=True)  # werkzeug refuses a Content-Length over the limit
    body = environ["wsgi.input"].read(limit + 1)
    if len(body) > limit:
        raise ApiError(413)
    return body


def current_user():
    return g.user


class IdConverter(BaseConverter):
    """`<int:...>` in a path. An id beyond the database's integers cannot exist: it becomes 0,
    which no row has, so the view answers 404 as for any unknown id (refusing it here made
    werkzeug answer other methods with a 405 and a misleading Allow)."""
    regex = r"\d+"

    def to_python(self, value):
        number = int(value)
        return number if 1 <= number <= MAX_ID else 0

    def to_url(self, value):
        return str(value)


class DayConverter(BaseConverter):
    """`<day:date>` in a path: YYYY-MM-DD; an impossible date is a 422, not a 404."""
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ApiError(422, "date: Not a valid date.",
                           fields={"date": [FieldError("Not a valid date.", "invalid_date")]})

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


def doc(summary, body=None, response=None, status=200, query=None, many=False, media=None,
        errors=None):
    """Describe a view for the generated OpenAPI document (see api/openapi.py); `status` is the
    success status, or a tuple of them (201 when created, 200 when updated); `media`, the type of
    a body that is not JSON (an HTML page, a calendar); `errors`, the refusals a client should
    know of, {status: when}, each in the one error envelope (every other is the default)."""
    def decorate(view):
        view.openapi = {"summary": summary, "body": body, "response": response,
                        "status": status, "query": query, "many": many, "media": media,
                        "errors": errors or {}}
        return view
    return decorate
