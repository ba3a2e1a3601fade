"""`make test-container`: the image and the compose stack, built and run for real with podman.

Builds the image (Containerfile), starts it with a volume on /data, waits for its HEALTHCHECK,
signs up, logs a check-in, restarts the container and finds the check-in still there; then brings
compose.yaml up (app, dispatcher, PostgreSQL, Caddy) and does the same over HTTPS through Caddy,
trusting its internal CA's root; then removes all it made. Where there is no registry (this
machine), the base image is a bare Debian made with debootstrap, and PostgreSQL and Caddy are
stand-ins built from it with Debian's packages (tools/container/*.Containerfile); pip inside a
build cannot reach PyPI here, so a wheelhouse (wheels/) is made on the host first. On the host's
network every service binds 127.0.0.1 on a port of its own (Caddy too: global options put before
the shipped Caddyfile), never 80 and 443.

Environment: ORBIT_BASE_IMAGE (default: the official python:3.12-slim-bookworm when podman has
it, else localhost/orbit-base:bookworm, made here), PODMAN (default: podman).
"""
import os
import shlex
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "orbit-test"
IMAGE = "localhost/orbit:test"
POSTGRES_IMAGE = "localhost/orbit-postgres:test"
CADDY_IMAGE = "localhost/orbit-caddy:test"
LOCAL_BASE = "localhost/orbit-base:bookworm"
WORK = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "orbit-test-container"


def say(text):
    """One line of progress."""
    print(f"test-container: {text}", flush=True)


def podman_env():
    """The settings podman needs on a machine with hybrid cgroups and fixed limits."""
    WORK.mkdir(parents=True, exist_ok=True)
    conf = WORK / "containers.conf"
    conf.write_text("[containers]\ndefault_ulimits = []\n")
    return {**os.environ, "CONTAINERS_CONF": str(conf)}


ENV = podman_env()
PODMAN = [os.environ.get("PODMAN", "podman"), "--runtime", "runc", "--cgroup-manager", "cgroupfs"]


def run(*args, check=True, capture=False, **kwargs):
    """Run a command; its output when `capture`."""
    result = subprocess.run(list(args), env=kwargs.pop("env", ENV), check=False, text=True,
                            capture_output=capture, **kwargs)
    if check and result.returncode:
        sys.exit(f"test-container: failed ({result.returncode}): {shlex.join(args)}\n"
                 f"{result.stdout or ''}{result.stderr or ''}")
    return result.stdout if capture else result


def podman(*args, **kwargs):
    """Run podman with this machine's settings."""
    return run(*PODMAN, *args, **kwargs)


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def has_image(name):
    """True when podman holds the image."""
    return podman("image", "exists", name, check=False).returncode == 0


def base_image():
    """The image to build on: ORBIT_BASE_IMAGE, the official slim Python, or a bare Debian."""
    chosen = os.environ.get("ORBIT_BASE_IMAGE")
    if chosen:
        return chosen
    if has_image("docker.io/library/python:3.12-slim-bookworm"):
        return "docker.io/library/python:3.12-slim-bookworm"
    if not has_image(LOCAL_BASE):
        say(f"no registry: making {LOCAL_BASE} with debootstrap (Debian's Python)")
        rootfs = WORK / "rootfs"
        run("rm", "-rf", str(rootfs))
        run("debootstrap", "--variant=minbase", "--include=python3,python3-venv", "bookworm",
            str(rootfs), capture=True)
        for junk in ("var/cache/apt/archives/*.deb", "var/lib/apt/lists/*", "usr/share/doc/*",
                     "usr/share/man/*", "usr/share/locale/*"):
            run("sh", "-c", f"rm -rf {rootfs}/{junk}")
        tar = subprocess.Popen(["tar", "-C", str(rootfs), "-c", "."], stdout=subprocess.PIPE)
        podman("import", "-", LOCAL_BASE, stdin=tar.stdout, capture=True)
        tar.wait()
        run("rm", "-rf", str(rootfs))
    return LOCAL_BASE


def build(base):
    """Build Orbit's image from a wheelhouse; the seconds it took and its size in MB."""
    say("making the wheelhouse (wheels/) for a build without PyPI")
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "-w", str(ROOT / "wheels"), "-r",
        str(ROOT / "requirements.txt"))
    say(f"building {IMAGE} on {base}")
    started = time.monotonic()
    try:
        podman("build", "--network", "host", "--format", "docker", "--build-arg",
               f"BASE_IMAGE={base}", "-t", IMAGE, "-f", "Containerfile", ".", cwd=ROOT,
               capture=True)
    finally:
        # Its wheels fit this machine's Python only: left in the checkout, a later build on
        # another base (the default python:3.12) would try them instead of PyPI.
        run("rm", "-rf", str(ROOT / "wheels"))
    seconds = time.monotonic() - started
    size = int(podman("image", "inspect", IMAGE, "--format", "{{.Size}}", capture=True)) / 1e6
    say(f"built {IMAGE} in {seconds:.0f} s: {size:.0f} MB")
    if not has_image(POSTGRES_IMAGE):
        say(f"building {POSTGRES_IMAGE} (no registry for postgres:16)")
        podman("build", "--network", "host", "--build-arg", f"BASE_IMAGE={base}", "-t",
               POSTGRES_IMAGE, "-f", "postgres.Containerfile", ".", cwd=ROOT / "tools/container",
               capture=True)
    if not has_image(CADDY_IMAGE):
        say(f"building {CADDY_IMAGE} (no registry for caddy:2): Debian's Caddy")
        podman("build", "--network", "host", "--build-arg", f"BASE_IMAGE={base}", "-t",
               CADDY_IMAGE, "-f", "caddy.Containerfile", ".", cwd=ROOT / "tools/container",
               capture=True)
    return seconds, size


def healthy(container):
    """Run the image's HEALTHCHECK in `container` now (podman's timers need systemd); True when
    it passes."""
    return subprocess.run([*PODMAN, "healthcheck", "run", container], env=ENV,
                          capture_output=True).returncode == 0


def wait_healthy(container, url, timeout=90):
    """Wait until the image's own HEALTHCHECK passes in `container` (and /healthz answers)."""
    deadline = time.monotonic() + timeout
    while not healthy(container):
        if time.monotonic() > deadline:
            logs = podman("logs", container, capture=True, check=False)
            sys.exit(f"test-container: {container} never became healthy:\n{logs}")
        time.sleep(1)
    assert requests.get(f"{url}/healthz", timeout=5).json() == {"status": "ok"}


def wait_answers(url, timeout=120, verify=True):
    """Wait until /healthz answers 200 at `url`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if requests.get(f"{url}/healthz", timeout=2, verify=verify).status_code == 200:
                return
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            sys.exit(f"test-container: {url} never answered")
        time.sleep(1)


def session(verify):
    """A requests session that checks certificates against `verify` (a CA file, or the default
    trust): REQUESTS_CA_BUNDLE in the environment would otherwise win over a session's own."""
    http = requests.Session()
    http.verify, http.trust_env = verify, verify is True
    return http


def sign_up_and_check_in(url, email, verify=True):
    """Sign up, add a habit and log today's check-in with a note; the habit's id and the day."""
    http = session(verify)
    signed = http.post(f"{url}/api/v1/auth/register", timeout=30,
                       json={"email": email, "password": "container-pass-1", "timezone": "UTC"})
    assert signed.status_code == 201, signed.text
    if url.startswith("https://"):  # behind Caddy, a trusted proxy: the app knows it is HTTPS
        assert signed.cookies and all(cookie.secure for cookie in signed.cookies), signed.cookies
    http.headers["X-CSRF-Token"] = signed.json()["csrf_token"]
    habit = http.post(f"{url}/api/v1/habits", json={"name": "Read"}, timeout=30)
    assert habit.status_code == 201, habit.text
    day = http.get(f"{url}/api/v1/today", timeout=30).json()["date"]  # the server's today
    checkin = http.put(f"{url}/api/v1/habits/{habit.json()['id']}/checkins/{day}",
                       json={"note": "from the container test"}, timeout=30)
    assert checkin.status_code == 201, checkin.text
    return habit.json()["id"], day


def find_check_in(url, email, habit_id, day, verify=True):
    """Sign in again and find the check-in that was logged."""
    http = session(verify)
    signed = http.post(f"{url}/api/v1/auth/login", timeout=30,
                       json={"email": email, "password": "container-pass-1"})
    assert signed.status_code == 200, signed.text
    found = http.get(f"{url}/api/v1/habits/{habit_id}/checkins",
                     params={"from": day, "to": day}, timeout=30)
    assert found.status_code == 200, found.text
    assert [(c["date"], c["note"]) for c in found.json()] == [(day, "from the container test")], \
        found.json()


def the_image_alone():
    """One container with a volume on /data: data kept across a restart."""
    name, volume, port = f"{PROJECT}-app", f"{PROJECT}-data", free_port()
    url = f"http://127.0.0.1:{port}"
    podman("rm", "-f", name, check=False, capture=True)
    podman("volume", "rm", "-f", volume, check=False, capture=True)
    try:
        podman("volume", "create", volume, capture=True)
        # Bound to 127.0.0.1 on the host's network: HOST and PORT from the environment.
        podman("run", "-d", "--name", name, "--network", "host", "-v", f"{volume}:/data",
               "-e", "HOST=127.0.0.1", "-e", f"PORT={port}", IMAGE, capture=True)
        wait_healthy(name, url)
        say(f"the image answers its health check at {url}")
        user = podman("exec", name, "id", "-un", capture=True).strip()
        assert user == "orbit", user
        habit_id, day = sign_up_and_check_in(url, "image@example.com")
        podman("restart", name, capture=True)
        wait_healthy(name, url)
        find_check_in(url, "image@example.com", habit_id, day)
        listing = podman("exec", name, "ls", "/data", capture=True).split()
        assert "orbit.db" in listing and "backups" in listing, listing
        say("signed up, checked in, restarted: the check-in is still there (SQLite on /data)")
    finally:
        podman("rm", "-f", "-v", name, check=False, capture=True)
        podman("volume", "rm", "-f", volume, check=False, capture=True)


def compose_override(port, pg_port, caddyfile):
    """compose.yaml as this machine runs it: the host's network (each service on 127.0.0.1 and
    a port of its own, so Caddy reaches the app at ORBIT_UPSTREAM) and the images built here."""
    database = f"postgresql://orbit:test-postgres-pw@127.0.0.1:{pg_port}/orbit"
    app_env = {"DATABASE_URL": database, "HOST": "127.0.0.1", "PORT": str(port)}
    return {"services": {
        "orbit": {"image": IMAGE, "network_mode": "host", "environment": app_env},
        "dispatcher": {"image": IMAGE, "network_mode": "host", "environment": app_env},
        "postgres": {"image": POSTGRES_IMAGE, "network_mode": "host",
                     "environment": {"PGPORT": str(pg_port), "PGHOST": "127.0.0.1"}},
        "caddy": {"image": CADDY_IMAGE, "network_mode": "host",
                  "environment": {"ORBIT_UPSTREAM": f"127.0.0.1:{port}"},
                  "volumes": [f"{caddyfile}:/etc/caddy/test.Caddyfile:ro"],
                  "command": ["caddy", "run", "--config", "/etc/caddy/test.Caddyfile",
                              "--adapter", "caddyfile"]},
    }}


def test_caddyfile(http_port, https_port):
    """The shipped Caddyfile with global options for a shared machine: ports of its own, bound
    to 127.0.0.1, and its root kept out of the machine's trust store."""
    caddyfile = WORK / "test.Caddyfile"
    caddyfile.write_text(f"{{\n\thttp_port {http_port}\n\thttps_port {https_port}\n"
                         f"\tdefault_bind 127.0.0.1\n\tskip_install_trust\n}}\n"
                         + (ROOT / "Caddyfile").read_text())
    return caddyfile


def caddy_root(container, timeout=60):
    """Caddy's internal CA root, copied out of its /data volume once Caddy has made it."""
    root = WORK / "caddy-root.crt"
    root.unlink(missing_ok=True)
    deadline = time.monotonic() + timeout
    while True:
        podman("cp", f"{container}:/data/caddy/pki/authorities/local/root.crt", str(root),
               check=False, capture=True)
        if root.exists():
            return str(root)
        if time.monotonic() > deadline:
            sys.exit("test-container: Caddy made no root certificate:\n"
                     + podman("logs", container, capture=True, check=False))
        time.sleep(1)


def the_compose_stack():
    """compose.yaml's app, dispatcher, PostgreSQL and Caddy: the same journey over HTTPS with
    Caddy's internal CA, kept across a restart of the app."""
    port, pg_port, http_port, https_port = free_port(), free_port(), free_port(), free_port()
    url, public = f"http://127.0.0.1:{port}", f"https://localhost:{https_port}"
    override = WORK / "compose.host.yaml"
    override.write_text(yaml.safe_dump(compose_override(
        port, pg_port, test_caddyfile(http_port, https_port))))
    env = {**ENV, "POSTGRES_PASSWORD": "test-postgres-pw", "ORBIT_SECRET_KEY": "test-secret",
           "ORBIT_DOMAIN": "localhost"}
    compose = [sys.executable, "-m", "podman_compose", "--podman-args", " ".join(PODMAN[1:]),
               "-p", PROJECT, "-f", str(ROOT / "compose.yaml"), "-f", str(override)]
    try:
        run(*compose, "up", "-d", "--no-build", env=env, cwd=ROOT, capture=True)
        wait_answers(url)
        say(f"compose: the app answers at {url} on PostgreSQL")
        root = caddy_root(f"{PROJECT}_caddy_1")
        wait_answers(public, verify=root)
        say(f"compose: Caddy answers at {public} with a certificate of its internal CA")
        habit_id, day = sign_up_and_check_in(public, "compose@example.com", verify=root)
        run(*compose, "restart", "orbit", env=env, cwd=ROOT, capture=True)
        wait_answers(url)
        find_check_in(public, "compose@example.com", habit_id, day, verify=root)
        say("compose: signed up, checked in, restarted the app: the check-in is still there")
        dispatcher = f"{PROJECT}_dispatcher_1"
        state = podman("inspect", dispatcher, "--format", "{{.State.Running}} {{.Config.Cmd}}",
                       capture=True).strip()
        assert state == "true [flask --app server reminders run]", (
            state, podman("logs", dispatcher, capture=True, check=False))
        say("compose: the dispatcher is running")
    finally:
        # Containers first with their anonymous volumes (the image's /data), then the rest.
        made = podman("ps", "-aq", "--filter", f"label=io.podman.compose.project={PROJECT}",
                      capture=True, check=False).split()
        if made:
            podman("rm", "-f", "-v", *made, capture=True, check=False)
        run(*compose, "down", "-v", env=env, cwd=ROOT, capture=True, check=False)


def main():
    """Build, run the image, run the stack, report the numbers."""
    seconds, size = build(base_image())
    the_image_alone()
    the_compose_stack()
    say(f"passed (image {size:.0f} MB, built in {seconds:.0f} s)")


if __name__ == "__main__":
    main()
