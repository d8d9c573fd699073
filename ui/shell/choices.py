"""Select widgets against forged values.

A selectbox, radio or multiselect hands back whatever string a client sends for it (Streamlit keeps
a value that matches no option as the raw string). Only a forged widget message can send one, but a
stored raw string would break every later run of that session. So the state of such a widget is
checked against its options before it is drawn, and callbacks store only values of the right kind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

import streamlit as st

from ui.shell import url_bind
from ui.shell.texts import t


def keep_offered(key: str, options: Collection, label: str | None) -> None:
    """Before the widget is drawn: a value (or, for a multiselect, any item) that is not among the
    options is dropped, so the widget shows its default. A text that is no option can only be forged
    where the options are dates or numbers, and then gets a German hint naming the widget's label; an
    option left over from other options (another plan's meetings, say) goes silently, as does
    everything when label is None (options of text that change with the plan)."""
    if key not in st.session_state:
        return
    value = st.session_state[key]
    strangers = [item for item in (value if isinstance(value, list) else [value])
                 if item is not None and not _among(item, options)]
    if not strangers:
        return
    del st.session_state[key]
    if label is not None and any(isinstance(item, str) for item in strangers):
        url_bind.note(t("app.invalid_choice", label=label))


def _among(item: object, options: Collection) -> bool:
    try:
        return item in options
    except TypeError:  # an unhashable forged value against a dict or set of options
        return False


def date_within(value: object, earliest: dt.date, latest: dt.date) -> dt.date | None:
    """The value when it is a date in [earliest, latest]; None otherwise (for callbacks)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime) and earliest <= value <= latest:
        return value
    return None


def shown_as_held(key: str) -> None:
    """Before a widget is drawn that may come back after runs without it (a field of another structure): its
    value is set again, so the browser draws what the widget holds. Streamlit keeps the value of a widget left
    out of a run that ended early, but draws it anew at its default, and the next click would send that."""
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]
