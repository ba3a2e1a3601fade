"""Build the OpenAPI 3 document from the routes and the marshmallow schemas they name (@doc)."""
import copy
import re

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from ..errors import CODES, FIELD_CODES
from ..schemas.fields import MAX_ID
from ..schemas.habits import schedule_json_schema

PATH_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")
TYPES = {"int": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
         "day": {"type": "string", "format": "date"}}
# The one error envelope (errors.py), strictly: clients may rely on every part of it.
ERROR = {"description": "An error: the one envelope", "content": {"application/json": {"schema": {
    "type": "object", "required": ["error"], "additionalProperties": False,
    "properties": {"error": {
        "type": "object", "required": ["code", "message"], "additionalProperties": False,
        "properties": {
            "code": {"type": "string", "enum": sorted(set(CODES.values()) | {"csrf_failed"})},
            "message": {"type": "string", "minLength": 1},
            "fields": {"type": "object", "description": "Validation errors only: messages by field",
                       "additionalProperties": {}},
            "codes": {"$ref": "#/components/schemas/FieldErrorCodes"}}}}}}}}
BOUND = {"anyOf": [{"type": "number"}, {"type": "string"}],
         "description": "A number, or a date or instant in ISO 8601"}
# `codes` mirrors `fields`: the same keys, each message as its code and parameters.
FIELD_ERROR_SCHEMAS = {
    "FieldErrorCode": {
        "type": "object", "required": ["code"], "additionalProperties": False,
        "description": "One field error, for an app to word: too_short/too_long carry the "
                       "length's min and/or max, out_of_range the range's min and/or max (a "
                       "date's in ISO 8601), not_one_of the choices (left out when too many to "
                       "list); the others (not_found, out_of_order, not_allowed, "
                       "wrong_password...) carry nothing (other: the message says it)",
        "properties": {"code": {"type": "string", "enum": list(FIELD_CODES)},
                       "min": BOUND, "max": BOUND, "choices": {"type": "array", "items": {}}}},
    "FieldErrorCodes": {
        "type": "object", "description": "Validation errors only: `fields` as codes, field by "
                                         "field (nested as `fields` is)",
        "additionalProperties": {"oneOf": [
            {"type": "array", "items": {"$ref": "#/components/schemas/FieldErrorCode"}},
            {"$ref": "#/components/schemas/FieldErrorCodes"}]}}}


def schema_name(schema):
    """Component names: the class name, with "Summary" for a projection (only=...) of it and
    "Patch" for its partial form (every field optional, as a PATCH takes it)."""
    if isinstance(schema, type):
        return schema.__name__
    return (type(schema).__name__ + ("Summary" if schema.only else "")
            + ("Patch" if schema.partial is True else ""))


def build_spec(app):
    """Every /api/v1 route that carries @doc notes, as an OpenAPI 3.0 document."""
    spec = APISpec(title="Orbit API", version="1", openapi_version="3.0.3",
                   plugins=[MarshmallowPlugin(schema_name_resolver=schema_name)],
                   servers=[{"url": "/api/v1"}],
                   info={"description": "Orbit, a self-hosted habit and identity-growth tracker."})
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    spec.components.security_scheme("session", {"type": "apiKey", "in": "cookie",
                                                "name": "session"})
    for name, schema in FIELD_ERROR_SCHEMAS.items():
        spec.components.schema(name, schema)
    spec.components.response("Error", ERROR)
    paths = {}
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        notes = getattr(view, "openapi", None)
        if notes is None or not rule.rule.startswith("/api/v1"):
            continue
        path = PATH_PARAM.sub(r"{\2}", rule.rule[len("/api/v1"):])
        params = [{"name": name, "in": "path", "required": True,
                   "schema": TYPES.get(conv or "", {"type": "string"})}
                  for conv, name in PATH_PARAM.findall(rule.rule)]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            paths.setdefault(path, {})[method.lower()] = operation(view, notes, params, method)
    for path, operations in paths.items():
        spec.path(path=path, operations=operations)
    document = spec.to_dict()
    document["components"]["schemas"]["ScheduleSchema"] = schedule_json_schema()
    return document


CSRF = {"name": "X-CSRF-Token", "in": "header", "required": False, "schema": {"type": "string"},
        "description": "Required with the session cookie (not with a Bearer token)."}


def operation(view, notes, params, method):
    statuses = notes["status"] if isinstance(notes["status"], tuple) else (notes["status"],)
    description = (view.__doc__ or notes["summary"]).strip().splitlines()[0]
    responses = {}
    for status in statuses:
        response = {"description": {201: "Created", 204: "No content"}.get(status, description)}
        if isinstance(notes["media"], dict):  # several types: a schema each, None for a file
            response["content"] = {media: {"schema": schema or {"type": "string",
                                                                "format": "binary"}}
                                   for media, schema in notes["media"].items()}
        elif notes["media"] is not None:
            response["content"] = {notes["media"]: {"schema": {"type": "string"}}}
        elif notes["response"] is not None and status != 204:
            schema = notes["response"]
            response["content"] = {"application/json": {"schema": (
                {"type": "array", "items": schema} if notes["many"] else schema)}}
        responses[str(status)] = response
    for status, when in notes["errors"].items():
        responses[str(status)] = {"description": when, "content": copy.deepcopy(ERROR["content"])}
    op = {"summary": notes["summary"], "operationId": view.__name__,
          "parameters": list(params), "responses": {**responses, "default": "Error"},
          "security": [] if getattr(view, "public", False) else [{"bearer": []}, {"session": []}]}
    if method != "GET" and not getattr(view, "public", False):
        op["parameters"].append(CSRF)
    if notes["query"] is not None:
        op["parameters"].append({"in": "query", "schema": notes["query"]})
    if notes["body"] is not None:
        # A body left out is read as {} (request_json): it is required only when its schema
        # requires a field, or it is a file. A PATCH without a body changes nothing, and every
        # field of it is optional.
        body = notes["body"]
        needs = not isinstance(body, type) or any(f.required for f in body().fields.values())
        if method == "PATCH" and needs and isinstance(body, type):
            body = body(partial=True)
        # A body of several types (a file upload) names a schema for each.
        content = ({media: {"schema": schema} for media, schema in body.items()}
                   if isinstance(body, dict) else {"application/json": {"schema": body}})
        op["requestBody"] = {"required": method != "PATCH" and needs, "content": content}
    return op
