"""Peewee models: fields, indexes and tiny helpers only, one module per part of the record.
Times are naive UTC. Everything is imported from here (`from server.models import Habit`)."""
from .accounts import (ApiToken, Invite, LoginAttempt, LoginSession, PasswordReset, Setting,
                       SignUp, User)
from .address import ServerAddress
from .chapters import Chapter, WeekAnswer
from .base import BaseModel, JSONField  # noqa: F401 (for the modules that define models)
from .notify import (ActionToken, CalendarFeed, Delivery, DispatcherHeartbeat, NotifyTarget,
                     PushSubscription, Reminder)
from .records import (Checkin, CheckinTombstone, Habit, HabitRule, HabitSummary, Identity,
                      ImportRun, ImportedObject, Pause, Reflection, ReflectionTombstone,
                      WeeklyCache)
from .webhooks import Webhook, WebhookMessage
from .sso import OidcLink
from .passkeys import Passkey, PasskeyChallenge, SignInUse
from .snooze import Snooze
from .shares import Share, ShareView
from .wellbeing import WellbeingCheck

MODELS = [Setting, User, ApiToken, LoginSession, LoginAttempt, SignUp, Identity, ImportRun, Habit,
          HabitRule, Checkin, Reflection, HabitSummary, WeeklyCache, Reminder, Delivery,
          NotifyTarget, CalendarFeed, CheckinTombstone, ReflectionTombstone, PushSubscription, ActionToken,
          ImportedObject, Invite, Pause, DispatcherHeartbeat, PasswordReset,
          ServerAddress, Webhook, WebhookMessage,
          Passkey, PasskeyChallenge, SignInUse, OidcLink, Chapter, WeekAnswer, Snooze,
          WellbeingCheck, Share, ShareView]
