"""One-time links to set a password: an admin issues one for an account instead of typing a password
("set", default 72 hours), or someone asks for one by e-mail ("Passwort vergessen", "reset", default 2 hours).

The token is random (secrets.token_urlsafe) and only its SHA-256 digest is stored. A link works once, until it
expires, and issuing a new link for an account ends its older ones (so an admin revokes a link by issuing
another). Using a link sets the password, ends the link and every sign-in session of the account.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from html import escape
from urllib.parse import urlencode

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.mail import compose
from models.schema import PasswordToken, User
from models.sign_in_sessions import whole_number_setting

SET_PASSWORD_PATH = "/passwort-setzen"
SET_HOURS = 72
RESET_HOURS = 2


@dataclass(frozen=True)
class LinkLifetimes:
    set: dt.timedelta
    reset: dt.timedelta

    def of(self, purpose: str) -> dt.timedelta:
        return self.reset if purpose == "reset" else self.set


def link_lifetimes(environ: Mapping[str, str] = os.environ) -> LinkLifetimes:
    """MPC_PASSWORD_LINK_HOURS (an admin's link, default 72) and MPC_PASSWORD_RESET_HOURS (a link asked for
    by e-mail, default 2). Raises SessionSettingInvalid (German) for a value out of range."""
    set_hours = whole_number_setting(environ, "MPC_PASSWORD_LINK_HOURS", SET_HOURS, 1, 24 * 30)
    reset_hours = whole_number_setting(environ, "MPC_PASSWORD_RESET_HOURS", RESET_HOURS, 1, 48)
    return LinkLifetimes(dt.timedelta(hours=set_hours), dt.timedelta(hours=reset_hours))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(session: Session, user_id: int, purpose: str, lifetime: dt.timedelta,
          now: dt.datetime | None = None) -> str:
    """A new link token for the account (returned once, stored only as its digest); older open links of the
    account end ("replaced")."""
    now = now or _now()
    session.execute(update(PasswordToken).where(PasswordToken.user_id == user_id, PasswordToken.ended_at.is_(None))
                    .values(ended_at=now, end_reason="replaced"))
    token = secrets.token_urlsafe(32)
    session.add(PasswordToken(token_hash=token_digest(token), user_id=user_id, purpose=purpose, created_at=now,
                              expires_at=now + lifetime))
    session.flush()
    return token


def open_link(session: Session, token: str, now: dt.datetime | None = None) -> tuple[PasswordToken, User] | None:
    """The link and its (active) account while the link works; None for an unknown, used, replaced or
    expired link, or a deactivated account."""
    if not token or len(token) > 200:
        return None
    found = session.execute(
        select(PasswordToken, User).join(User, User.id == PasswordToken.user_id)
        .where(PasswordToken.token_hash == token_digest(token))
    ).first()
    if found is None:
        return None
    link, user = found
    if link.ended_at is not None or link.expires_at <= (now or _now()) or not user.active:
        return None
    return link, user


def end_link(session: Session, link: PasswordToken, now: dt.datetime | None = None) -> bool:
    """Mark the link used; False when another request used it first (the update is conditional)."""
    ended = session.execute(update(PasswordToken).where(PasswordToken.id == link.id, PasswordToken.ended_at.is_(None))
                            .values(ended_at=now or _now(), end_reason="used")
                            .execution_options(synchronize_session=False))
    return ended.rowcount == 1


def link_url(base_url: str, token: str) -> str:
    """The address of the set-password page with this token, under BASE_URL (the cockpit's public address)."""
    return f"{base_url.rstrip('/')}{SET_PASSWORD_PATH}?{urlencode({'token': token})}"


def reset_message(email: str, name: str, link: str, lifetime: dt.timedelta, sender: str) -> EmailMessage:
    """The German "Passwort vergessen" mail: the link, how long it holds, what to do if nobody asked."""
    hours = int(lifetime.total_seconds() // 3600)
    duration = "eine Stunde" if hours == 1 else f"{hours} Stunden"
    text = (f"Guten Tag {name},\n\n"
            "für Ihr Konto im Masterplan-Cockpit wurde ein neues Passwort angefordert. Über diesen Link setzen Sie "
            f"es (er gilt {duration} und nur einmal):\n\n{link}\n\n"
            "Wenn Sie das nicht angefordert haben, können Sie diese E-Mail löschen: Ihr bisheriges Passwort bleibt "
            "gültig.\n\nMasterplan-Cockpit\n")
    html = (f"<p>Guten Tag {escape(name)},</p>"
            "<p>für Ihr Konto im Masterplan-Cockpit wurde ein neues Passwort angefordert. Über diesen Link setzen Sie "
            f"es (er gilt {duration} und nur einmal):</p>"
            f'<p><a href="{escape(link)}">Neues Passwort setzen</a></p>'
            f"<p>{escape(link)}</p>"
            "<p>Wenn Sie das nicht angefordert haben, können Sie diese E-Mail löschen: Ihr bisheriges Passwort bleibt "
            "gültig.</p><p>Masterplan-Cockpit</p>")
    return compose(email, "Masterplan-Cockpit: Passwort neu setzen", text, html, sender=sender, to_name=name)
