"""The container files keep their promises (issue 21): the image (Containerfile) runs as a
non-root user, keeps its data on /data, answers a HEALTHCHECK on /healthz and serves as `make
run` does; compose.yaml runs the app behind Caddy with a dispatcher and PostgreSQL on a named
volume, and takes every secret from .env with no default. `make test-container` runs them."""
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SECRET = re.compile(r"PASSWORD|SECRET|PRIVATE_KEY|TOKEN")


def instructions(path):
    """A Containerfile's instructions, continuation lines joined, as (NAME, arguments)."""
    text = re.sub(r"\\\n", " ", path.read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1])
            for line in lines if line and not line.startswith("#")]


def final_stage(steps):
    """The instructions of the last stage (after the last FROM)."""
    last = max(i for i, (name, _) in enumerate(steps) if name == "FROM")
    return steps[last + 1:]


@pytest.fixture(scope="module")
def steps():
    return instructions(ROOT / "Containerfile")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_the_image_is_multi_stage_on_a_base_chosen_by_a_build_argument(steps):
    assert steps[0][0] == "ARG" and steps[0][1].startswith("BASE_IMAGE=python:")
    froms = [args for name, args in steps if name == "FROM"]
    assert len(froms) >= 2 and froms[0].startswith("${BASE_IMAGE}")
    # The final stage copies the built virtualenv, not the build's tools.
    final = final_stage(steps)
    assert any(name == "COPY" and args.startswith("--from=build") for name, args in final)
    assert not any(name == "RUN" and "pip install" in args for name, args in final)


def test_the_image_runs_as_a_user_who_is_not_root(steps):
    users = [args for name, args in final_stage(steps) if name == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")


def test_the_image_keeps_its_data_on_a_volume_and_checks_its_health(steps):
    final = dict((name, args) for name, args in final_stage(steps))
    assert final["VOLUME"] in ("/data", '["/data"]')
    env = " ".join(args for name, args in final_stage(steps) if name == "ENV")
    assert "ORBIT_INSTANCE_PATH=/data" in env and "ORBIT_BACKUP_DIR=/data/" in env
    assert "HOST=0.0.0.0" in env
    assert final["HEALTHCHECK"].startswith("--") and "/healthz" in final["HEALTHCHECK"]
    assert "CMD" in final["HEALTHCHECK"]


def test_the_image_serves_as_make_run_does_after_the_migrations(steps):
    final = dict((name, args) for name, args in final_stage(steps))
    make_run = (ROOT / "Makefile").read_text()
    assert "gunicorn -c python:server.gunicorn_conf 'server:create_app()'" in make_run
    assert final["CMD"] == '["gunicorn", "-c", "python:server.gunicorn_conf", "server:create_app()"]'
    entrypoint = (ROOT / "tools/container/entrypoint.sh").read_text()
    assert "flask --app server init-db" in entrypoint and 'exec "$@"' in entrypoint


def test_only_the_apps_files_go_into_the_build():
    for name in (".containerignore", ".dockerignore"):
        kept = [line for line in (ROOT / name).read_text().splitlines()
                if line and not line.startswith("#")]
        assert kept[0] == "*", name  # everything is left out, then the app's files let in
        assert {"!server/", "!web/", "!requirements.txt"} <= set(kept), name
        assert not any(line.startswith("!tests") or line == "!." for line in kept), name


def test_compose_runs_the_app_behind_caddy_with_a_dispatcher_and_postgres(compose):
    services = compose["services"]
    assert {"orbit", "dispatcher", "postgres", "caddy"} <= set(services)
    app = services["orbit"]["environment"]
    assert app["ORBIT_DISPATCHER"] == "off" and app["ORBIT_TRUSTED_PROXIES"] == "1"
    assert app["DATABASE_URL"].startswith("postgresql://") and "@postgres:" in app["DATABASE_URL"]
    assert services["dispatcher"]["command"] == ["flask", "--app", "server", "reminders", "run"]
    assert services["dispatcher"]["environment"] == app
    volume = services["postgres"]["volumes"][0].split(":")
    assert volume[1] == "/var/lib/postgresql/data" and volume[0] in compose["volumes"]
    caddy = services["caddy"]
    assert "./Caddyfile:/etc/caddy/Caddyfile:ro" in caddy["volumes"]
    assert any(v.split(":")[0] in compose["volumes"] and v.split(":")[1] == "/data"
               for v in caddy["volumes"])  # certificates and the internal CA survive
    assert {"80:80", "443:443"} <= set(caddy["ports"])
    assert "reverse_proxy {$ORBIT_UPSTREAM:orbit:8000}" in (ROOT / "Caddyfile").read_text()


def test_no_secret_has_a_usable_default(compose):
    secrets = {}
    for service in compose["services"].values():
        for name, value in (service.get("environment") or {}).items():
            secrets.update({m.group(1): m.group(2) for m in
                            re.finditer(r"\$\{(\w+)(:?[?\-=+]?)[^}]*\}", str(value))
                            if SECRET.search(m.group(1))})
            if SECRET.search(name) and "${" not in str(value):
                pytest.fail(f"{name} is written into compose.yaml")
    assert {"ORBIT_SECRET_KEY", "POSTGRES_PASSWORD"} <= set(secrets)
    required = {name for name, how in secrets.items() if how == ":?"}
    assert required >= {"ORBIT_SECRET_KEY", "POSTGRES_PASSWORD"}, secrets
    # The optional key (Web Push) may be empty: Orbit then makes one and keeps it.
    assert set(secrets) - required <= {"ORBIT_VAPID_PRIVATE_KEY"}, secrets
    example = dict(line.split("=", 1) for line in (ROOT / ".env.example").read_text()
                   .splitlines() if line and not line.startswith("#"))
    assert {"ORBIT_SECRET_KEY", "POSTGRES_PASSWORD", "ORBIT_DOMAIN"} <= set(example)
    assert not any(example[name].strip() for name in required), example
