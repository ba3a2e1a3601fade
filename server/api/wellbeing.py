"""The wellbeing check (WHO-5, issue 25): off until the user turns it on; five questions every
two weeks, the score and its trend judged here, the app draws them."""
from flask import Blueprint

from ..schemas.wellbeing import (WellbeingCheckIn, WellbeingCheckOut, WellbeingOut,
                                 WellbeingSettingsIn, WellbeingSettingsOut)
from ..store import wellbeing
from .common import current_user, doc, request_json

bp = Blueprint("wellbeing", __name__)
OFF = {409: "The wellbeing check is off (turn it on with PUT /wellbeing/settings)"}


@bp.get("/wellbeing")
@doc("The wellbeing check: whether it is on and due, every check judged, the latest, the "
     "user's contacts, and the questions", response=WellbeingOut)
def get_wellbeing():
    return WellbeingOut().dump(wellbeing.overview(current_user()))


@bp.get("/wellbeing/settings")
@doc("Whether the wellbeing check is on (off by default), and the user's support contacts",
     response=WellbeingSettingsOut)
def get_settings():
    return WellbeingSettingsOut().dump(wellbeing.settings_of(current_user()))


@bp.put("/wellbeing/settings")
@doc("Turn the wellbeing check on or off, write the support contacts (fields not given are kept)",
     body=WellbeingSettingsIn, response=WellbeingSettingsOut)
def put_settings():
    data = WellbeingSettingsIn().load(request_json())
    return WellbeingSettingsOut().dump(wellbeing.put_settings(current_user(), data))


@bp.post("/wellbeing/checks")
@doc("Today's check: the five answers (a second check the same day replaces the first)",
     body=WellbeingCheckIn, response=WellbeingCheckOut, status=(201, 200), errors=OFF)
def post_check():
    user = current_user()
    check, created = wellbeing.record_check(user, WellbeingCheckIn().load(request_json()))
    return WellbeingCheckOut().dump(wellbeing.judged_check(user, check)), 201 if created else 200


@bp.delete("/wellbeing/checks/<day:date>")
@doc("Remove the check of a day (nothing to remove is no error)", status=204)
def delete_check(date):
    wellbeing.delete_check(current_user(), date)
    return "", 204


@bp.post("/wellbeing/set-aside")
@doc("Set Today's invitation aside for a week (the check stays due)", response=WellbeingOut)
def set_aside():
    return WellbeingOut().dump(wellbeing.set_aside(current_user()))
