"""The release's files (/r/<release>/…, server/precompressed.py): compressed once at brotli's
strongest level (gzip for browsers without it), answered 304 when already held, and lean:
scripts and style sheets carry nosniff and the Referrer-Policy but not the document-only headers;
anything that could be opened as a document (the SVG icon) carries them all."""
import gzip

import brotli
import pytest

from server.security import CONTENT_SECURITY_POLICY
from server.web import WEB, files_of_release

DOCUMENT_ONLY = ["Content-Security-Policy", "Permissions-Policy", "X-Frame-Options",
                 "Cross-Origin-Opener-Policy"]
LEAN_NOT = ["Content-Disposition", "Expires", "Accept-Ranges"]


@pytest.fixture
def release():
    return files_of_release()[1]


@pytest.mark.parametrize("path", ["style.css", "app.js", "screens/today.js"])
def test_scripts_and_styles_come_in_brotli_at_its_strongest(anon, release, path):
    raw = (WEB / path).read_bytes()
    response = anon.http.get(f"/r/{release}/{path}", headers={"Accept-Encoding": "gzip, br, zstd"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "br"
    assert brotli.decompress(response.data) == raw
    assert len(response.data) <= len(brotli.compress(raw, quality=11)) + 4
    assert response.headers["Content-Length"] == str(len(response.data))  # not chunked
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Vary"] == "Accept-Encoding"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    for name in DOCUMENT_ONLY + LEAN_NOT:
        assert name not in response.headers, name


def test_gzip_without_brotli_and_the_file_itself_without_either(anon, release):
    raw = (WEB / "style.css").read_bytes()
    url = f"/r/{release}/style.css"
    zipped = anon.http.get(url, headers={"Accept-Encoding": "gzip, deflate"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.data) == raw
    plain = anon.http.get(url, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers and plain.data == raw
    assert plain.mimetype == "text/css"
    # Each encoding has a validator of its own, so a cache never mixes them up.
    assert len({zipped.headers["ETag"], plain.headers["ETag"]}) == 2


def test_a_file_already_held_is_answered_304(anon, release):
    url = f"/r/{release}/app.js"
    first = anon.http.get(url, headers={"Accept-Encoding": "br"})
    again = anon.http.get(url, headers={"Accept-Encoding": "br",
                                        "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    other = anon.http.get(url, headers={"Accept-Encoding": "gzip",
                                        "If-None-Match": first.headers["ETag"]})
    assert other.status_code == 200 and other.headers["Content-Encoding"] == "gzip"


def test_a_drawing_keeps_every_header(anon, release):
    svg = anon.http.get(f"/r/{release}/icons/icon.svg", headers={"Accept-Encoding": "br"})
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    # Opened on its own, an SVG is a document that could run script: the full policy.
    assert svg.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    for name in DOCUMENT_ONLY:
        assert name in svg.headers, name
    assert brotli.decompress(svg.data) == (WEB / "icons/icon.svg").read_bytes()


@pytest.mark.parametrize("path", ["../server/config.py", "nothing.js", "icons/../../README.md"])
def test_nothing_outside_the_release(anon, release, path):
    response = anon.http.get(f"/r/{release}/{path}")
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
