"""Where the server may connect when a user chose the address (a push endpoint, an Apprise
target): never inside its own network unless the operator says so.

Two checks. When the address is given, it is refused if it names an internal host. When it is
used, every socket the send opens is checked against the address it really connects to (an
audit hook on `socket.connect`), so a name that resolves inside, a redirect, a decimal IP form or
a second DNS answer cannot reach one either. The hook does nothing outside `guarded()`.
"""
import contextlib
import ipaddress
import socket
import sys
import threading


class Refused(PermissionError):
    """An outbound connection to an address the server must not call."""


# Addresses no user may make the server call, even where private ones are allowed: the cloud
# metadata services (AWS, GCP, Azure, OpenStack; Alibaba; AWS over IPv6).
METADATA = (ipaddress.ip_network("169.254.0.0/16"), ipaddress.ip_network("100.100.100.200/32"),
            ipaddress.ip_network("fd00:ec2::254/128"))

_state = threading.local()


def address_allowed(address, allow_private=False):
    """Whether an IP address (text) may be called: a public unicast one, or with
    `allow_private` one inside this network too (loopback, RFC 1918, unique local)."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_multicast or ip.is_unspecified or ip.is_link_local or \
            (ip.is_reserved and not ip.is_loopback) or any(ip in net for net in METADATA):
        return False
    return ip.is_global or (allow_private and (ip.is_private or ip.is_loopback))


def host_allowed(host, allow_private=False):
    """Whether every address a host name (or an IP literal in any form) resolves to may be
    called; a name that does not resolve is not refused here (its send fails on its own)."""
    addresses = addresses_of(host.strip("[]"))  # an IPv6 literal as a URL writes it
    return addresses is None or all(address_allowed(a, allow_private) for a in addresses)


def addresses_of(host):
    """The addresses a name or IP literal resolves to; None when it does not resolve."""
    try:
        return {answer[4][0] for answer in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)}
    except (socket.gaierror, UnicodeError, ValueError, TypeError):
        return None


@contextlib.contextmanager
def guarded(allow_private=False):
    """Within this block, this thread's sockets connect only to allowed addresses: any other
    connection raises Refused where the socket would have connected."""
    previous = getattr(_state, "policy", None)
    _state.policy = allow_private
    try:
        yield
    finally:
        _state.policy = previous


def _audit(event, args):
    if event != "socket.connect":
        return
    allow_private = getattr(_state, "policy", None)
    if allow_private is None:
        return
    address = args[1]  # (host, port[, flow, scope]) for IP; a path for a Unix socket
    addresses = addresses_of(address[0]) if isinstance(address, tuple) else None
    if not addresses or not all(address_allowed(a, allow_private) for a in addresses):
        raise Refused("this address is inside the server's network")


sys.addaudithook(_audit)  # once per process, at import; inert outside guarded()


# The Apprise services a user may add (README "Reminders"): each talks HTTPS or HTTP to its
# service. Others (syslog://, mailto://, a local program …) would reach where no user should.
APPRISE_SCHEMES = ("ntfy", "ntfys", "gotify", "gotifys", "tgram", "matrix", "matrixs", "discord",
                   "slack", "mmost", "mmosts", "pover", "rocket", "rockets", "signal", "signals",
                   "json", "jsons", "form", "forms", "apprise", "apprises")


def apprise_problem(service, url, allow_private=False):
    """Why an Apprise target (its URL and the service Apprise made of it) may not be added, or
    None. The host is judged only for services that take one (ntfy's own server, a JSON
    webhook…); Telegram's, Discord's and the like are fixed public hosts."""
    if service is None:
        return "Apprise cannot use this URL; see its list of services."
    scheme = url.split("://", 1)[0].lower()
    if scheme not in APPRISE_SCHEMES:
        return f"Orbit sends only to {', '.join(APPRISE_SCHEMES)} targets."
    if service.protocol and service.host and not host_allowed(service.host, allow_private):
        return "This address is inside the server's own network."
    return None
