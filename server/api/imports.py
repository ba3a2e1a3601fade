"""Import and export: an Orbit export, a Loop Habit Tracker backup, a HabitBull or Daylio CSV, or
any of those (and Rewire and Tickmate databases) told apart by their contents; everything out as
JSON or a zip of CSV files."""
from flask import Blueprint, Response, current_app, request

from .. import clock
from ..errors import ApiError
from ..importers import Limits, TooSlow, read_export, read_file, size_of
from ..importers.apply import apply_plan
from ..importers.export import csv_zip_of, export_of
from ..importers.plan import refuse
from ..schemas.exports import ExportQuery, ImportReportOut, OrbitExport
from ..store.common import local_today
from .common import current_user, doc, request_json

bp = Blueprint("imports", __name__)

UPLOAD = {"type": "object", "required": ["file"], "additionalProperties": False,
          "properties": {"file": {"type": "string", "format": "binary"}}}
MULTIPART = {"multipart/form-data": UPLOAD}
IMPORT_ERRORS = {409: "Another import into the account was still being written after 30 s",
                 413: "The file is larger than 32 MiB",
                 422: "The file is not what this endpoint reads, or makes more habits than one "
                      "import may (nothing was changed)",
                 503: "Reading the file took longer than an import may (Retry-After)"}
RETRY_SECONDS = 60  # after an import that ran out of time: when the server may be less busy


def uploaded():
    """The multipart `file`, as werkzeug keeps it (on disk past 500 KiB): readers take it from
    there, never whole into memory. 415 when the body is not multipart, 422 without a file
    (werkzeug refuses a body over the request's limit with 413)."""
    if request.mimetype != "multipart/form-data":
        raise ApiError(415, "Send the file as multipart/form-data, in the field `file`.")
    file = request.files.get("file")
    if file is None:
        refuse("Choose a file to import.")
    if not size_of(file.stream):
        refuse("The file is empty.")
    return file.stream


def planned(reader, *args):
    """The Plan `reader` makes of a file for the caller, within this server's limits of an
    import: 422 past its habits, 503 past its seconds (nothing is changed either way)."""
    try:
        return reader(*args, current_user(), Limits.of(current_app.config))
    except TooSlow as slow:
        raise ApiError(503, f"Reading this file took longer than the {slow.seconds:g} seconds "
                            "an import may take, so nothing was changed. Try again later, or "
                            "import a smaller file.",
                       headers={"Retry-After": str(RETRY_SECONDS)}) from None


def imported(plan):
    """Apply a file's plan to the caller's account; the report."""
    report = apply_plan(current_user(), plan, current_app.config["APPRISE"])
    return ImportReportOut().dump(report)


@bp.post("/import")
@doc("Import an Orbit export (the JSON body, or a multipart `file`): objects matched by uuid",
     body={"application/json": OrbitExport, **MULTIPART}, response=ImportReportOut,
     errors=IMPORT_ERRORS)
def import_orbit():
    if request.mimetype == "multipart/form-data":
        return imported(planned(read_file, "orbit", uploaded()))
    return imported(planned(read_export, request_json()))


@bp.post("/import/loop")
@doc("Import a Loop Habit Tracker backup (multipart `file`: Loop's database, any version)",
     body=MULTIPART, response=ImportReportOut, errors=IMPORT_ERRORS)
def import_loop():
    return imported(planned(read_file, "loop", uploaded()))


@bp.post("/import/habitbull")
@doc("Import a HabitBull CSV export (multipart `file`)", body=MULTIPART,
     response=ImportReportOut, errors=IMPORT_ERRORS)
def import_habitbull():
    return imported(planned(read_file, "habitbull", uploaded()))


@bp.post("/import/daylio")
@doc("Import a Daylio CSV export (multipart `file`): moods as reflections, activities as habits",
     body=MULTIPART, response=ImportReportOut, errors=IMPORT_ERRORS)
def import_daylio():
    return imported(planned(read_file, "daylio", uploaded()))


@bp.post("/import/file")
@doc("Import any supported file (Orbit, Loop, Rewire, Tickmate, HabitBull, Daylio), its format "
     "told from its contents", body=MULTIPART, response=ImportReportOut, errors=IMPORT_ERRORS)
def import_any():
    return imported(planned(read_file, "auto", uploaded()))


@bp.get("/export")
@doc("Everything of yours: the Orbit format (JSON), or with format=csv a zip of CSV files",
     query=ExportQuery, response=OrbitExport,
     media={"application/json": OrbitExport, "application/zip": None})
def export():
    user = current_user()
    kind = ExportQuery().load(request.args)["format"]
    name = f"orbit-export-{local_today(user).isoformat()}"
    if kind == "csv":
        body, mimetype, name = csv_zip_of(user), "application/zip", f"{name}.zip"
    else:
        body = current_app.json.dumps(export_of(user))
        mimetype, name = "application/json", f"{name}.json"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Last-Modified"] = clock.now().strftime("%a, %d %b %Y %H:%M:%S GMT")
    return response
