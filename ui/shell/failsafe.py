"""Unexpected errors: a plain German message for the visitor, the traceback for the server log.

Streamlit's own box says "This app has encountered an error" in English. Its control flow (st.stop,
st.rerun, st.switch_page) raises subclasses of BaseException, which `except Exception` lets pass; an
error inside a fragment that Streamlit has already shown arrives as FragmentHandledException and is
passed on, too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from streamlit.errors import FragmentHandledException

from ui.shell.texts import t

log = logging.getLogger(__name__)


@contextmanager
def german_errors() -> Iterator[None]:
    try:
        yield
    except FragmentHandledException:
        raise
    except Exception:
        log.exception("Unexpected error in a page run")
        st.error(t("app.unexpected_error"), icon=":material/error:")
