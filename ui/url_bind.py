"""Keep a widget and its URL parameter in step, so every view can be shared as a link.

A value in the URL that differs from what this session last wrote there came from outside
(a shared link, the first load, a page switch): it is validated and put into the widget's state.
Otherwise the widget wins and its value is written back to the URL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

_WRITTEN = "_url_written"
_HINTS = "_url_hints"


def adopt(param: str, key: str, parse: Callable[[str | None], tuple[Any, str | None]]) -> None:
    """Before the widget is drawn: take a new URL value into the widget's state (or note a hint)."""
    raw = st.query_params.get(param)
    written = st.session_state.setdefault(_WRITTEN, {})
    if raw is None or raw == written.get(param):
        return
    value, hint = parse(raw)
    if hint:
        st.session_state.setdefault(_HINTS, []).append(hint)
    if value is not None and value != []:
        st.session_state[key] = value
    elif hint:
        st.session_state.pop(key, None)


def publish(param: str, raw: str | None) -> None:
    """After the widget is drawn: write its value to the URL (None removes the parameter)."""
    written = st.session_state.setdefault(_WRITTEN, {})
    if raw is None or raw == "":
        st.query_params.pop(param, None)
        written.pop(param, None)
    else:
        st.query_params[param] = raw
        written[param] = raw


def show_hints() -> None:
    """Show (once) every hint collected from unusable URL parameters in this run."""
    for hint in st.session_state.pop(_HINTS, []):
        st.warning(hint, icon=":material/link_off:")
