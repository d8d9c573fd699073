"""Keep a widget and its URL parameter in step, so every view can be shared as a link.

A value in the URL that differs from what this session last wrote there came from outside
(a shared link, the first load, a page switch): it is validated and put into the widget's state.
Otherwise the widget wins and its value is written back to the URL. Hints about unusable values
are collected and shown by the dashboard above the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.shell.texts import localised
from ui.shell.url_state import parse_choice
from ui.views.markdown import plain

_WRITTEN = "_url_written"
_HINTS = "_url_hints"
_NOTES = "_url_notes"


def adopt(param: str, key: str, parse: Callable[[str | None], tuple[Any, str | None]]) -> None:
    """Before the widget is drawn: take a new URL value into the widget's state (or note a hint)."""
    raw = st.query_params.get(param)
    written = st.session_state.setdefault(_WRITTEN, {})
    # A widget's state is dropped while another page is shown: coming back, take the URL again.
    if raw is None or (raw == written.get(param) and key in st.session_state):
        return
    value, hint = parse(raw)
    if hint:
        note(hint)
    if value is not None and value != []:
        st.session_state[key] = value
    elif hint:
        st.session_state.pop(key, None)


def select(place, param: str, key: str, label: str, options: dict, url_words: dict | None = None,
           default: Any = "") -> Any:
    """A select box in place bound to a validated URL parameter. options: value -> the name shown, in order;
    url_words: URL word -> value (without: the values are their own words); the default value means no
    choice and stays out of the URL."""
    words = url_words if url_words is not None else {value: value for value in options if value != default}
    adopt(param, key, lambda raw: parse_choice(raw, words, label))
    if st.session_state.get(key) not in options:
        st.session_state.pop(key, None)
    value = place.selectbox(label, list(options), format_func=options.__getitem__, key=key)
    publish(param, None if value == default else {value: word for word, value in words.items()}.get(value))
    return value


def note(hint: str) -> None:
    """A hint for the top of the page (shown by show_hints in this run)."""
    st.session_state.setdefault(_HINTS, []).append(hint)


def inform(message: Any) -> None:
    """A note (not a warning) for the top of the page about a link's value that was replaced by a sensible one."""
    st.session_state.setdefault(_NOTES, []).append(message)


def publish(param: str, raw: str | None) -> None:
    """After the widget is drawn: write its value to the URL (None removes the parameter)."""
    written = st.session_state.setdefault(_WRITTEN, {})
    if raw is None or raw == "":
        st.query_params.pop(param, None)
        written.pop(param, None)
    else:
        st.query_params[param] = raw
        written[param] = raw


def show_hints(place=None) -> None:
    """Show (once) every hint collected from unusable URL parameters in this run.

    The dashboard passes a container made above the page, and calls this after the page has run,
    so hints about the page's own parameters appear at the top in the same run."""
    for hint in st.session_state.pop(_HINTS, []):
        # A hint echoes text from the link: shown literally, never as Markdown.
        (place or st).warning(plain(localised(hint)), icon=":material/link_off:")
    for message in st.session_state.pop(_NOTES, []):
        (place or st).info(plain(localised(message)), icon=":material/info:")
