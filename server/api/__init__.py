"""The JSON API under /api/v1: one blueprint per resource, authentication checked for all."""
from flask import Blueprint, current_app, request

from .. import forward_auth
from ..auth import check_access, load_caller
from . import (accounts, checkins, feeds, habits, identities, imports, meta, pauses, push,
               reflections, reminders, stats, summaries, templates)
from . import resets
from . import webhooks
from . import chapters, week_answers
from . import sso
from . import passkeys
from . import shares
from . import history
from . import wellbeing
from . import journal

api = Blueprint("api", __name__, url_prefix="/api/v1")

# Bodies may be at most 1 MiB (app config) except these (RULES.md "API rules beyond the shapes").
BODY_LIMITS = {"api.checkins.batch": 4 * 1024 * 1024,
               **{f"api.imports.{name}": 32 * 1024 * 1024 for name in (
                   "import_orbit", "import_loop", "import_habitbull", "import_daylio",
                   "import_any")}}


@api.before_request
def authenticate():
    """Who is calling, then whether they may: 401 before 403, every endpoint unless @public."""
    if request.endpoint in BODY_LIMITS:
        request.max_content_length = BODY_LIMITS[request.endpoint]
    load_caller()
    forward_auth.apply()  # a trusted proxy's header (ORBIT_TRUSTED_HEADER), if any
    view = current_app.view_functions.get(request.endpoint)
    check_access(getattr(view, "public", False))


for module in (accounts, identities, habits, checkins, reflections, stats, summaries, reminders,
               feeds, push, templates, imports, meta, pauses, resets, webhooks, chapters,
               week_answers):
    api.register_blueprint(module.bp)
api.register_blueprint(passkeys.bp)  # passkeys (issue 22)
api.register_blueprint(sso.bp)  # OpenID Connect and the ways in (issue 22)
api.register_blueprint(history.bp)  # the mood history (issue 25)
api.register_blueprint(wellbeing.bp)  # the WHO-5 wellbeing check (issue 25)
api.register_blueprint(journal.bp)  # the journal and its search (issue 25)
api.register_blueprint(shares.bp)  # shares with someone the user trusts (issue 25)
api.after_request(forward_auth.mark_signed_in)
