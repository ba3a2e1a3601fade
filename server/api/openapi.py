"""Build the OpenAPI 3 document from the routes and the marshmallow schemas they name (@doc)."""
import re

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

PATH_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")
TYPES = {"int": {"type": "integer"}, "day": {"type": "string", "format": "date"}}
ERROR = {"description": "An error", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"error": {"type": "object", "properties": {
        "code": {"type": "string"}, "message": {"type": "string"},
        "fields": {"type": "object"}}}}}}}}


def schema_name(schema):
    """Component names: the class name, with "Summary" for a projection (only=...) of it."""
    if isinstance(schema, type):
        return schema.__name__
    return type(schema).__name__ + ("Summary" if schema.only else "")


def build_spec(app):
    """Every /api/v1 route that carries @doc notes, as an OpenAPI 3.0 document."""
    spec = APISpec(title="Orbit API", version="1", openapi_version="3.0.3",
                   plugins=[MarshmallowPlugin(schema_name_resolver=schema_name)], servers=[{"url": "/api/v1"}],
                   info={"description": "Orbit, a self-hosted habit and identity-growth tracker."})
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    spec.components.security_scheme("session", {"type": "apiKey", "in": "cookie",
                                                "name": "session"})
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
    return spec.to_dict()


CSRF = {"name": "X-CSRF-Token", "in": "header", "required": False, "schema": {"type": "string"},
        "description": "Required with the session cookie (not with a Bearer token)."}


def operation(view, notes, params, method):
    status = str(notes["status"])
    response = {"description": (view.__doc__ or notes["summary"]).strip().splitlines()[0]}
    if notes["response"] is not None:
        schema = notes["response"]
        response["content"] = {"application/json": {"schema": (
            {"type": "array", "items": schema} if notes["many"] else schema)}}
    op = {"summary": notes["summary"], "operationId": view.__name__,
          "parameters": list(params), "responses": {status: response, "default": "Error"},
          "security": [] if getattr(view, "public", False) else [{"bearer": []}, {"session": []}]}
    if method != "GET" and not getattr(view, "public", False):
        op["parameters"].append(CSRF)
    if notes["query"] is not None:
        op["parameters"].append({"in": "query", "schema": notes["query"]})
    if notes["body"] is not None:
        op["requestBody"] = {"required": True,
                             "content": {"application/json": {"schema": notes["body"]}}}
    return op
