"""Configuration: defaults, overridden by the environment, overridden by create_app(config)."""
import ipaddress
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def from_environment():
    """Read ORBIT_* and DATABASE_URL into a Flask config dict."""
    instance = Path(os.environ.get("ORBIT_INSTANCE_PATH", ROOT / "instance")).resolve()
    config = {
        "INSTANCE_PATH": str(instance),
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{instance}/orbit.db"),
        # Absolute links (server/links.py): this when set, else where the server is reached.
        "BASE_URL": os.environ.get("ORBIT_BASE_URL", "").strip().rstrip("/"),
        "HOST": os.environ.get("HOST", "127.0.0.1").strip(),  # what `make run` binds
        "PORT": os.environ.get("PORT", "5000").strip(),
        # Production argon2 parameters (argon2-cffi's defaults); tests make them cheap.
        "ARGON2_TIME_COST": 3,
        "ARGON2_MEMORY_COST": 65536,
        "ARGON2_PARALLELISM": 4,
        "LOGIN_WINDOW_SECONDS": 15 * 60,
        "LOGIN_MAX_PER_EMAIL": 5,
        "LOGIN_MAX_PER_ADDRESS": 20,
        "SIGN_UP_WINDOW_SECONDS": 60 * 60,
        "SIGN_UP_MAX_PER_ADDRESS": 10,  # a household behind one address fits; a script does not
        # "Forgot password?" links asked for, per email typed and per address (store/resets.py)
        "RESET_WINDOW_SECONDS": 60 * 60,
        "RESET_MAX_PER_EMAIL": 3,
        "RESET_MAX_PER_ADDRESS": 10,
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "PERMANENT_SESSION_LIFETIME": 60 * 60 * 24 * 30,
        "JSON_SORT_KEYS": False,
    }
    config["TRUSTED_PROXIES"] = env_int("ORBIT_TRUSTED_PROXIES", 0, 0, 10)
    # One import (server/importers/plan.py Limits): habits a file may hold (a Daylio activity
    # is one), warnings listed (then one line counts the rest), seconds to read the file.
    config["IMPORT_MAX_HABITS"] = env_int("ORBIT_IMPORT_MAX_HABITS", 500, 1, 100_000)
    config["IMPORT_MAX_WARNINGS"] = env_int("ORBIT_IMPORT_MAX_WARNINGS", 100, 1, 10_000)
    config["IMPORT_SECONDS"] = env_int("ORBIT_IMPORT_SECONDS", 60, 1, 3600)
    config["SIGNUPS"] = os.environ.get("ORBIT_SIGNUPS", "open").strip().lower()
    if config["SIGNUPS"] not in SIGNUP_MODES:
        raise ValueError(f"ORBIT_SIGNUPS must be one of {', '.join(SIGNUP_MODES)}, "
                         f"not {config['SIGNUPS']!r}.")
    # Daily backups by the dispatcher process (server/backup.py), when a directory is given.
    config["BACKUP_DIR"] = os.environ.get("ORBIT_BACKUP_DIR") or None
    config["BACKUP_KEEP_DAYS"] = env_int("ORBIT_BACKUP_KEEP_DAYS", 14, 1, 3650)
    # PostgreSQL: prepare the hot path's statements (server/pgdb.py); 0 behind PgBouncer in
    # transaction mode, which moves a client's transactions between server connections.
    config["PG_PREPARE"] = os.environ.get("ORBIT_PG_PREPARE", "1").strip().lower() not in (
        "0", "false", "off", "no")
    # Passkeys (WebAuthn, server/store/passkeys.py): on unless the operator turns them off.
    config["PASSKEYS"] = on_or_off("ORBIT_PASSKEYS", True)
    # Apprise makes the server call out to URLs users give: off unless the operator allows it.
    config["APPRISE"] = os.environ.get("ORBIT_APPRISE") == "1"
    # ... and never to an address inside the server's network, unless this says so (an ntfy
    # next to it). Cloud metadata addresses stay refused either way (server/notify/outbound.py).
    config["APPRISE_PRIVATE"] = os.environ.get("ORBIT_APPRISE_PRIVATE") == "1"
    # Webhooks (issue 27) likewise reach only public https addresses, unless this allows ones
    # inside the network too, over https or http (a Home Assistant next to the server).
    config["WEBHOOK_PRIVATE"] = os.environ.get("ORBIT_WEBHOOK_PRIVATE") == "1"
    for key in ("SMTP_URL", "MAIL_FROM", "VAPID_PRIVATE_KEY"):  # email; Web Push (its PEM)
        if os.environ.get(f"ORBIT_{key}"):
            config[key] = os.environ[f"ORBIT_{key}"]
    sign_in_settings(config)
    if os.environ.get("ORBIT_SECRET_KEY"):
        config["SECRET_KEY"] = os.environ["ORBIT_SECRET_KEY"]
    return config


SIGNUP_MODES = ("open", "invite", "closed")  # who may create an account


def sign_in_settings(config):
    """The ways in besides a password (issue 22), each off unless set: OpenID Connect, and a
    reverse proxy's header naming the signed-in email, trusted only from the listed networks."""
    for key in ("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"):
        config[key] = os.environ.get(f"ORBIT_{key}", "").strip()
    config["OIDC_NAME"] = os.environ.get("ORBIT_OIDC_NAME", "").strip() or "single sign-on"
    config["PASSWORD_LOGIN"] = os.environ.get("ORBIT_PASSWORD_LOGIN", "on").strip().lower() not in (
        "0", "false", "off", "no")
    config["TRUSTED_HEADER"] = os.environ.get("ORBIT_TRUSTED_HEADER", "").strip()
    raw = os.environ.get("ORBIT_TRUSTED_HEADER_FROM", "")
    try:
        config["TRUSTED_HEADER_FROM"] = [ipaddress.ip_network(part.strip(), strict=False)
                                         for part in raw.split(",") if part.strip()]
    except ValueError as error:
        raise ValueError(f"ORBIT_TRUSTED_HEADER_FROM must be a comma-separated list of addresses "
                         f"or networks (CIDR), not {raw!r}: {error}") from error
    if config["TRUSTED_HEADER"] and not config["TRUSTED_HEADER_FROM"]:
        raise ValueError("ORBIT_TRUSTED_HEADER needs ORBIT_TRUSTED_HEADER_FROM: the proxy's "
                         "address, so that nobody else can send the header.")


def on_or_off(name, default):
    """A switch from the environment: on/off (also 1/0, true/false, yes/no); else refused."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw not in ("on", "off", "1", "0", "true", "false", "yes", "no"):
        raise ValueError(f"{name} must be on or off, not {raw!r}.")
    return raw in ("on", "1", "true", "yes")


def env_int(name, default, low, high):
    """An integer setting from the environment, refused at start-up when out of its range."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}, not {raw!r}.")
    return int(raw)


# Applied over the defaults when TESTING is set: argon2 at ~0.2 s a hash would dominate the suite.
TESTING_OVERRIDES = {"ARGON2_TIME_COST": 1, "ARGON2_MEMORY_COST": 64, "ARGON2_PARALLELISM": 1}
