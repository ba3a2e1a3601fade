"""The "Done" of a notification: its single-use action token claimed and the day logged, in one
transaction (server/notify/push.py signs the tokens when it sends)."""
from itsdangerous import BadSignature, URLSafeSerializer

from ..clock import utcnow
from ..db import database
from ..errors import ApiError
from ..models import ActionToken, Habit
from .checkins import put_checkin
from .habits import attach_rules


def claimed_action(secret_key, token):
    """The ActionToken a token names, claimed for this one use; None when forged, used or
    expired (claimed by one conditional statement, so two taps cannot both log). Call it in the
    transaction that writes the check-in, so a failed write gives the token back."""
    try:
        action_id, habit_uuid = URLSafeSerializer(secret_key, salt="action").loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(action_id, int) or not isinstance(habit_uuid, str):
        return None
    habit = Habit.shown(Habit.id).where(Habit.uuid == habit_uuid)
    claimed = ActionToken.update(used_at=utcnow()).where(
        ActionToken.id == action_id, ActionToken.habit.in_(habit), ActionToken.used_at.is_null(),
        ActionToken.expires_at > utcnow()).execute()
    return ActionToken.get_by_id(action_id) if claimed else None


def log_action(secret_key, token):
    """Log the day a notification's "Done" names, once (its target amount for count and minutes
    habits); 404 when the token is forged, used or expired."""
    with database.atomic():  # a write that fails gives the token back
        action = claimed_action(secret_key, token)
        if action is None:
            raise ApiError(404, "This action has been used, has expired or is not one of ours.")
        habit = attach_rules([action.habit])[0]
        done = {"status": "done"} | ({} if action.value is None else {"value": action.value})
        put_checkin(habit.user, habit, action.day, done)
