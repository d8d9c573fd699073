"""Sending e-mail over SMTP: the settings, a message with a plain-text and an HTML part, and sending it.

Settings (environment; the app also reads them from the `[mail]` section of .streamlit/secrets.toml, whose keys
are the lower-case names without the prefix: host, port, security, user, password, sender):
MPC_SMTP_HOST (no host: no mail is sent, and pages say so), MPC_SMTP_PORT (default 587 for STARTTLS, 465 for
TLS, 25 without), MPC_SMTP_SECURITY ("starttls", the default; "tls"; "none" only for a relay on this machine),
MPC_SMTP_USER and MPC_SMTP_PASSWORD (both or neither), MPC_MAIL_FROM (the sender, required with a host).
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import make_msgid

SECURITY = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
TIMEOUT_SECONDS = 20
_PREFIX = "MPC_SMTP_"


class MailSettingInvalid(ValueError):
    """A mail setting is missing or wrong; the message is German."""


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    security: str
    sender: str
    user: str | None = None
    password: str | None = None


def _values(environ: Mapping[str, str], secrets: Mapping[str, object] | None) -> dict[str, str]:
    names = ("host", "port", "security", "user", "password")
    values = {name: str(environ.get(_PREFIX + name.upper(), "") or "").strip() for name in names}
    values["sender"] = str(environ.get("MPC_MAIL_FROM", "") or "").strip()
    for name, value in (secrets or {}).items():
        if name in values and str(value).strip():
            values[name] = str(value).strip()
    return values


def mail_settings(environ: Mapping[str, str] = os.environ,
                  secrets: Mapping[str, object] | None = None) -> MailSettings | None:
    """The SMTP settings (SECRETS, the [mail] section, before the environment); None when no host is set.
    Raises MailSettingInvalid (German) for an incomplete or wrong setting."""
    values = _values(environ, secrets)
    if not values["host"]:
        return None
    security = values["security"].lower() or "starttls"
    if security not in SECURITY:
        raise MailSettingInvalid("Die Einstellung MPC_SMTP_SECURITY muss starttls, tls oder none sein.")
    port = values["port"] or str(DEFAULT_PORTS[security])
    if not port.isdigit() or not 1 <= int(port) <= 65535:
        raise MailSettingInvalid("Die Einstellung MPC_SMTP_PORT muss eine Portnummer von 1 bis 65535 sein.")
    if not values["sender"] or "@" not in values["sender"]:
        raise MailSettingInvalid("Bitte geben Sie in MPC_MAIL_FROM die Absenderadresse an.")
    if bool(values["user"]) != bool(values["password"]):
        raise MailSettingInvalid("MPC_SMTP_USER und MPC_SMTP_PASSWORD gehören zusammen: beide oder keines.")
    return MailSettings(values["host"], int(port), security, values["sender"], values["user"] or None,
                        values["password"] or None)


def mail_configured(environ: Mapping[str, str] = os.environ, secrets: Mapping[str, object] | None = None) -> bool:
    """True when mail can be sent (a host and valid settings)."""
    try:
        return mail_settings(environ, secrets) is not None
    except MailSettingInvalid:
        return False


def display_name(name: str | None) -> str:
    """A recipient's name as the To header can carry it: without quotes, angle brackets, backslashes and line
    breaks, and short. Python's header folding writes a long name with quotes in it unquoted, and the address
    part of `Name <img src=x onerror="…"> <a@b.de>` then reads as the wrong address."""
    cleaned = " ".join("".join(" " if char in '"<>\\' or not char.isprintable() else char
                               for char in name or "").split())
    return cleaned if len(cleaned) <= 60 else cleaned[:59].rstrip() + "…"


def compose(to: str, subject: str, text: str, html: str | None = None, *, sender: str,
            to_name: str | None = None, attachments: Sequence[tuple[str, bytes, str]] = ()) -> EmailMessage:
    """A message with a plain-text part and, when given, an HTML alternative (escape what goes into HTML), and
    ATTACHMENTS as (file name, content, MIME type)."""
    message = EmailMessage()
    message["From"] = sender
    shown = display_name(to_name)
    # An Address object, not "Name <addr>" text: the text is parsed again, and a name with "(…), …: …;" in it
    # (organisations' names have them) became two recipients.
    message["To"] = Address(display_name=shown, addr_spec=to) if shown else to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1].strip("> ") or None)
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for name, content, mime in attachments:
        maintype, _, subtype = mime.partition("/")
        message.add_attachment(content, maintype=maintype, subtype=subtype or "octet-stream", filename=name)
    return message


def send(message: EmailMessage, settings: MailSettings | None = None) -> None:
    """Send MESSAGE over SMTP (settings from the environment by default). Raises smtplib.SMTPException or
    OSError when the server refuses or cannot be reached, MailSettingInvalid when mail is not configured."""
    settings = settings or mail_settings()
    if settings is None:
        raise MailSettingInvalid("Es ist kein Mailserver eingerichtet (MPC_SMTP_HOST).")
    if settings.security == "tls":
        client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT_SECONDS,
                                                context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
    with client:
        if settings.security == "starttls":
            client.starttls(context=ssl.create_default_context())
        if settings.user:
            client.login(settings.user, settings.password or "")
        client.send_message(message)


_BACKGROUND = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mail")


def send_later(message: EmailMessage, settings: MailSettings, failed: Callable[[Exception], None]) -> Future:
    """Send MESSAGE in a background thread, so that the visitor's answer does not wait for the mail server:
    how long "Passwort vergessen" takes must not tell whether the address has an account. FAILED gets the
    refusal (smtplib.SMTPException or OSError)."""
    def deliver() -> None:
        try:
            send(message, settings)
        except (smtplib.SMTPException, OSError) as refused:
            failed(refused)

    return _BACKGROUND.submit(deliver)
