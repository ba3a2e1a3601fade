"""The release's files, compressed once at the strongest level, as nginx's brotli_static does.

A release file never changes under its address, so it is worth compressing as hard as possible
once (brotli quality 11: the release's scripts and style sheet came to 89 KB instead of the 109 KB
of flask-compress's per-response zstd level 3) and serving the same bytes to every phone after.
The answer is lean too: no Content-Disposition, Expires or Accept-Ranges, which say nothing to a
browser that loads a script by a year-long immutable address. Measured with make bench-web.
"""
import gzip
import hashlib
from functools import lru_cache

import brotli
from flask import current_app, request

# What the browser accepts, best first; anything else gets the file as it is.
ENCODINGS = ("br", "gzip")
MIN_SIZE = 500  # below this the encoding's own overhead eats the gain


@lru_cache(maxsize=256)
def encoded(path, mtime_ns, size):
    """{encoding: bytes} for one file (keyed by its stat, so an edited file is read again)."""
    raw = path.read_bytes()
    versions = {"identity": raw}
    if size >= MIN_SIZE:
        versions["br"] = brotli.compress(raw, quality=11)
        versions["gzip"] = gzip.compress(raw, compresslevel=9, mtime=0)
    tag = hashlib.sha256(raw).hexdigest()[:16]
    return versions, tag


def send_precompressed(path, mimetype, cache_control):
    """A response with the file at path in the best encoding the request accepts; 304 when the
    request already holds it (the service worker's revalidating install)."""
    stat = path.stat()
    versions, tag = encoded(path, stat.st_mtime_ns, stat.st_size)
    encoding = request.accept_encodings.best_match([e for e in ENCODINGS if e in versions])
    encoding = encoding or "identity"
    response = current_app.response_class(versions[encoding], mimetype=mimetype)
    response.headers["Cache-Control"] = cache_control
    response.headers["Vary"] = "Accept-Encoding"
    if encoding != "identity":
        response.headers["Content-Encoding"] = encoding
    response.set_etag(f"{tag}-{encoding}")
    return response.make_conditional(request)
