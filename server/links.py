"""Absolute links the server hands out (calendar feed, invites, emails, push): every one is made
here, so they all point where the server is really reached."""
from flask import current_app


def base_url():
    """The address links start with, without a trailing slash."""
    return current_app.config["BASE_URL"]


def absolute(path):
    """`path` (starting with "/") as an absolute link."""
    return f"{base_url()}{path}"
