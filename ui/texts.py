"""UI strings: one catalogue (models.texts), the language chosen for this session."""

from __future__ import annotations

from typing import Any

import streamlit as st

import ui.strings  # noqa: F401  (registers the UI strings)
from models.texts import text


def language() -> str:
    return st.session_state.get("language", "de")


def t(key: str, **params: Any) -> str:
    return text(key, language(), **params)
