"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd): what it receives, and the settings that reach it."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


class Inbox:
    """Every message the server accepted: (recipients, parsed message)."""

    def __init__(self) -> None:
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


def arrived(inbox: Inbox, count: int, within_seconds: float = 20) -> list:
    """The inbox's messages once COUNT have arrived (mail sent in the background arrives after the answer)."""
    deadline = time.monotonic() + within_seconds
    while len(inbox.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return inbox.messages


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_server() -> Iterator[tuple[Inbox, dict[str, str]]]:
    """A running server and the environment (models.mail settings) that sends to it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield inbox, {"MPC_SMTP_HOST": "127.0.0.1", "MPC_SMTP_PORT": str(controller.port),
                      "MPC_SMTP_SECURITY": "none", "MPC_MAIL_FROM": "cockpit@example.org"}
    finally:
        controller.stop()
