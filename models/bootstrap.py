"""First start: create, migrate and fill the database, with no extra command."""

from __future__ import annotations

import threading

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from models.db import database_url, make_engine, migrate
from models.schema import Plan
from models.seed import load_example_plans

# Any constant: serialises concurrent first starts of several app processes on PostgreSQL.
_PREPARE_LOCK = 7_402_030
# Serialises the preparations of one process: the pages' first run and the HTTP routes' first request may
# come at the same moment on a new database.
_PREPARING = threading.Lock()


def prepare_database(url: str | None = None, with_examples: bool = True) -> Engine:
    """Engine for url (default: the configured database), migrated to head, example plans loaded
    when the database holds no plan yet. Idempotent."""
    engine = make_engine(url or database_url())
    with _PREPARING:
        migrate(engine)
        if with_examples:
            with Session(engine) as session, session.begin():
                if engine.dialect.name == "postgresql":
                    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PREPARE_LOCK})
                if session.scalar(select(Plan.id).limit(1)) is None:
                    load_example_plans(session)
    return engine
