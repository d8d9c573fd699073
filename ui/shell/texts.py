"""UI strings: one catalogue (models.texts), the language chosen for this session."""

from __future__ import annotations

import threading
from typing import Any

import streamlit as st

import ui.strings  # noqa: F401  (registers the UI strings)
from models.texts import render, text


# The session's language, pinned for the rest of a script run by ui.shell.context.select_language: t() is
# called a hundred times per run, and each read of st.session_state goes through locks and proxies.
# Streamlit runs a session's script in its own thread; the dashboard unpins at the end of every run.
_run = threading.local()


def language() -> str:
    pinned = getattr(_run, "language", None)
    return pinned if pinned is not None else st.session_state.get("language", "de")


def pin_language(lang: str | None) -> None:
    """Use lang for every t() until the end of this run (None: read the session again)."""
    _run.language = lang


def t(key: str, **params: Any) -> str:
    return text(key, language(), **params)


def localised(message: Any) -> str:
    """A message from the core (a models.texts.Message, or a refusal raised with one) in this session's
    language; plain text stays as it is. Every refusal shown on a screen goes through here."""
    return render(message, language())
