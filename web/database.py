"""The engine of the HTTP routes beside the app: one per database URL and process, its own connection pool
(not the Streamlit sessions' cached connection)."""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from models.db import database_url, make_engine

_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()


def app_engine() -> Engine:
    """The engine of the database DATABASE_URL (or the secrets) names."""
    url = database_url()
    with _LOCK:
        if url not in _ENGINES:
            _ENGINES[url] = make_engine(url)
        return _ENGINES[url]
