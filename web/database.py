"""The engine of the HTTP routes beside the app: one per database URL and process, its own connection pool
(not the Streamlit sessions' cached connection), prepared like the pages' (created, migrated, the example plans
on first start), so that a request before any page's first run finds the tables."""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from models.bootstrap import prepare_database
from models.db import database_url

_ENGINES: dict[str, Engine] = {}
_LOCK = threading.Lock()


def app_engine() -> Engine:
    """The prepared engine of the database DATABASE_URL (or the secrets) names."""
    url = database_url()
    with _LOCK:
        if url not in _ENGINES:
            _ENGINES[url] = prepare_database(url)
        return _ENGINES[url]
