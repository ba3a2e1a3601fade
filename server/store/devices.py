"""A user's Web Push devices: subscribing, listing and removing them, each named for people by the
browser that subscribed it."""
from ua_parser import parse

from ..db import database
from ..errors import ApiError
from ..models import PushSubscription

UNKNOWN_DEVICE = "A browser"
# Device families that name no device a person would recognise: the OS says more. ("K" is what
# Chrome on Android has sent in place of the model since its reduced User-Agent.)
VAGUE_DEVICES = {"Other", "K", "Mac", "Generic Smartphone", "Generic Tablet",
                 "Generic Feature Phone"}


def device_label(user_agent):
    """A name for a device from its User-Agent: "Safari on iPhone", "Firefox on Windows"."""
    result = parse((user_agent or "")[:1000])  # a longer header names nothing more
    browser = result.user_agent.family if result.user_agent else None
    if not browser or browser == "Other":
        return UNKNOWN_DEVICE
    browser = browser.removeprefix("Mobile ").removesuffix(" Mobile")
    device = result.device.family if result.device else None
    place = device if device and device not in VAGUE_DEVICES else (
        result.os.family if result.os and result.os.family != "Other" else None)
    return f"{browser} on {place}"[:100] if place else browser[:100]


def devices_of(user):
    """The user's devices, newest first."""
    return list(PushSubscription.select().where(PushSubscription.user == user)
                .order_by(PushSubscription.created_at.desc(), PushSubscription.id.desc()))


def device_of(user, device_id):
    """One of the user's devices; 404 when it is not theirs."""
    device = PushSubscription.get_or_none(PushSubscription.id == device_id,
                                          PushSubscription.user == user)
    if device is None:
        raise ApiError(404, "There is no such device.")
    return device


def save_device(user, endpoint, keys, user_agent):
    """Subscribe a device, or renew the keys and label of one the user already has; the device.
    A device already known keeps its owner: only they can renew its keys (409 for anyone else)."""
    label = device_label(user_agent)
    with database.atomic():
        PushSubscription.insert(user=user, endpoint=endpoint, p256dh=keys["p256dh"],
                                auth=keys["auth"], label=label).on_conflict(
            conflict_target=[PushSubscription.endpoint],
            update={PushSubscription.p256dh: keys["p256dh"], PushSubscription.auth: keys["auth"],
                    PushSubscription.label: label},
            where=(PushSubscription.user == user.id)).execute()
        device = PushSubscription.get_or_none(PushSubscription.endpoint == endpoint,
                                              PushSubscription.user == user)
    if device is None:  # a browser shared by two accounts: its notifications stay the first's
        raise ApiError(409, "This browser gets notifications for another Orbit account. Turn "
                            "them off there first (sign in to it, Settings → Reminders).")
    return device


def remove_device_by_endpoint(user, endpoint):
    """This browser stops receiving notifications (nothing happens to another user's)."""
    PushSubscription.delete().where(PushSubscription.endpoint == endpoint,
                                    PushSubscription.user == user).execute()


def remove_device(device):
    """Forget a device found with device_of()."""
    PushSubscription.delete().where(PushSubscription.id == device.id).execute()
