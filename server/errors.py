"""The one JSON error envelope, and the handlers that turn every failure into it."""
import logging

from flask import jsonify
from marshmallow import ValidationError
from peewee import IntegrityError, OperationalError
from werkzeug.exceptions import HTTPException

from .db import transient

log = logging.getLogger(__name__)

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 409: "conflict", 413: "too_large",
         415: "unsupported_media_type", 422: "validation_error", 429: "rate_limited",
         500: "internal_error", 503: "unavailable"}

MESSAGES = {400: "The request could not be understood.",
            401: "Please sign in first.",
            403: "You are not allowed to do this.",
            404: "Nothing was found at this address.",
            405: "This method is not allowed here.",
            409: "This conflicts with something that already exists.",
            413: "The request body is too large.",
            415: "Send the body as JSON (Content-Type: application/json).",
            422: "Some fields are not valid; see `fields`.",
            429: "Too many attempts; please wait and try again.",
            500: "Something went wrong on our side; please try again.",
            503: "The server is busy with another write; nothing was changed. Try again in a "
                 "moment."}

# What a field error's `codes` entry can say (with its parameters): the app words errors from these.
FIELD_CODES = ("required", "null", "too_short", "too_long", "out_of_range", "not_one_of",
               "not_unique", "not_allowed", "unknown_field", "invalid_type", "invalid_number",
               "invalid_date", "invalid_email", "invalid_format", "locked_after_checkins",
               "not_found", "out_of_order", "wrong_password", "other")


class FieldError(str):
    """A field's message (its words stay in `fields`) that also carries a machine code and its
    parameters, for `codes`. A str, so marshmallow and every reader of `fields` see the text."""

    def __new__(cls, text, code, **params):
        if code not in FIELD_CODES:
            raise ValueError(f"unknown field error code {code!r}")
        error = super().__new__(cls, text)
        error.code, error.params = code, params
        return error

    def __getnewargs__(self):  # copy and pickle (apispec deep-copies the schemas' messages)
        return str(self), self.code


def codes_of(messages):
    """The `codes` twin of a `fields` tree: each message as {"code": ..., **params}; a message
    raised as plain text (no code) is "other"."""
    if isinstance(messages, dict):
        return {key: codes_of(value) for key, value in messages.items()}
    if isinstance(messages, (list, tuple)):
        return [codes_of(m) if isinstance(m, (dict, list, tuple)) else code_of(m)
                for m in messages]
    return [code_of(messages)]


def code_of(message):
    return {"code": getattr(message, "code", "other"), **getattr(message, "params", {})}


BUSY_RETRY_SECONDS = 2  # Retry-After of a write that could not get its turn


class ApiError(HTTPException):
    """An error a view raises; an HTTPException so it also works from URL converters."""

    def __init__(self, status, message=None, code=None, fields=None, headers=None):
        super().__init__(message or MESSAGES.get(status))
        self.code = status
        self.error_code = code or CODES[status]
        self.fields = fields
        self.extra_headers = headers or {}


def envelope(status, code, message, fields=None, headers=None):
    """The JSON body and status of an error response."""
    error = {"code": code, "message": message}
    if fields is not None:
        error["fields"] = fields
        error["codes"] = codes_of(fields)
    response = jsonify({"error": error})
    response.status_code = status
    response.headers.update(headers or {})
    return response


def handle_api_error(err):
    return envelope(err.code, err.error_code, err.description, err.fields, err.extra_headers)


def handle_http_exception(err):
    status = err.code or 500
    headers = {k: v for k, v in err.get_headers() if k.lower() == "allow"}
    return envelope(status, CODES.get(status, "error"), MESSAGES.get(status, err.name), None,
                    headers)


def validation_error_body(err):
    """The `error` object of a marshmallow ValidationError (also used per batch item)."""
    fields = err.messages if isinstance(err.messages, dict) else {"_schema": err.messages}
    return {"code": "validation_error", "message": first_message(fields), "fields": fields,
            "codes": codes_of(fields)}


def handle_validation_error(err):
    body = validation_error_body(err)
    return envelope(422, body["code"], body["message"], body["fields"])


def handle_integrity_error(err):
    return envelope(409, "conflict", MESSAGES[409])


def handle_operational_error(err):
    """A write that could not get its turn (SQLite's lock past its timeout, PostgreSQL's deadlock
    or lock timeout) is a 503 to try again, rolled back whole; any other database failure a 500."""
    if not transient(err):
        return handle_unexpected(err)
    log.warning("a write gave up waiting for its turn: %s", err)
    return envelope(503, "unavailable", MESSAGES[503], None,
                    {"Retry-After": str(BUSY_RETRY_SECONDS)})


def handle_unexpected(err):
    log.exception("Unhandled error")
    return envelope(500, "internal_error", MESSAGES[500])


def first_message(fields):
    """A one-sentence summary of a marshmallow error dict, naming the first bad field."""
    name, messages = next(iter(fields.items()), ("_schema", ["Invalid input."]))
    while isinstance(messages, dict):
        name, messages = next(iter(messages.items()))
    text = messages[0] if isinstance(messages, list) and messages else str(messages)
    if name == "_schema":
        return text
    return f"{str(name).replace('_', ' ').capitalize()}: {text}"


def register_error_handlers(app):
    """Every error, from every endpoint, is the one envelope."""
    app.register_error_handler(ApiError, handle_api_error)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(ValidationError, handle_validation_error)
    app.register_error_handler(IntegrityError, handle_integrity_error)
    app.register_error_handler(OperationalError, handle_operational_error)
    app.register_error_handler(Exception, handle_unexpected)
