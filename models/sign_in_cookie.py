"""What the browser keeps of a local sign-in: a signed cookie holding the session token, the one-time
hand-over ticket that brings a sign-in made in the app to that cookie, and where to go afterwards.

The cookie is only a carrier: the server-side session (models/sign_in_sessions.py) decides whether the
sign-in holds. The signature (HMAC-SHA-256 with the server's cookie secret) keeps forged or truncated values
from reaching the database. A ticket names a session by its digest (never its token), lives a minute, and
can be used once, because handing over ends the session it names.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from urllib.parse import urlsplit

COOKIE_NAME = "mpc_sitzung"
# The HTTP routes of web/sign_in.py, and the app's sign-in page.
HAND_OVER_PATH = "/anmelden/sitzung"
SIGN_OUT_PATH = "/abmelden"
SIGN_IN_PAGE = "/anmelden"
TICKET_SECONDS = 60
_COOKIE_PURPOSE = "cookie"
_TICKET_PURPOSE = "ticket"
# A return target: a path of this site with its query, nothing that could lead elsewhere.
MAX_TARGET_CHARS = 2000


def _signature(secret: str, purpose: str, payload: str) -> str:
    mac = hmac.new(secret.encode(), f"{purpose}\n{payload}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def _signed(secret: str, purpose: str, payload: str) -> str:
    return f"{payload}.{_signature(secret, purpose, payload)}"


def _verified(secret: str, purpose: str, value: str | None) -> str | None:
    if not secret or not value or "." not in value:
        return None
    payload, signature = value.rsplit(".", 1)
    return payload if payload and hmac.compare_digest(signature, _signature(secret, purpose, payload)) else None


def cookie_value(token: str, secret: str) -> str:
    return _signed(secret, _COOKIE_PURPOSE, token)


def token_from_cookie(value: str | None, secret: str) -> str | None:
    """The session token of a cookie whose signature holds, else None."""
    return _verified(secret, _COOKIE_PURPOSE, value)


def ticket(session_digest: str, secret: str, now: float | None = None) -> str:
    expires = int((now if now is not None else time.time()) + TICKET_SECONDS)
    return _signed(secret, _TICKET_PURPOSE, f"{session_digest}~{expires}")


def digest_from_ticket(value: str | None, secret: str, now: float | None = None) -> str | None:
    """The session digest a ticket names, while it is signed and not expired; else None."""
    payload = _verified(secret, _TICKET_PURPOSE, value)
    if payload is None or "~" not in payload:
        return None
    digest, expires = payload.rsplit("~", 1)
    if not expires.isdigit() or int(expires) < (now if now is not None else time.time()):
        return None
    return digest


def return_target(raw: str | None) -> str:
    """A same-site relative path (with query) to go back to, or "/" for anything else: no scheme, no host,
    no "//" or "/\\" (browsers read both as another host), no control characters."""
    if not raw or len(raw) > MAX_TARGET_CHARS or not raw.startswith("/") or raw.startswith(("//", "/\\")):
        return "/"
    if any(ord(char) < 32 or char == "\\" for char in raw):
        return "/"
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc:
        return "/"
    return raw
