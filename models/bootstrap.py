"""First start: create, migrate and fill the database, with no extra command."""

from __future__ import annotations

import threading

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from models.db import database_url, has_tables, make_engine, migrate
from models.schema import Plan
from models.seed import load_example_plans

# Any constant: serialises concurrent first starts of several app processes on PostgreSQL.
_PREPARE_LOCK = 7_402_030
# Serialises the preparations of one process: the pages' first run and the HTTP routes' first request may
# come at the same moment on a new database.
_PREPARING = threading.Lock()


def prepare_database(url: str | None = None, with_examples: bool = True, *, add_examples: bool = False) -> Engine:
    """Engine for url (default: the configured database), migrated to head. The example plans are
    loaded only into a database this call creates: one set up without them (`cli init --no-examples`)
    or emptied by its users stays without them, unless ADD_EXAMPLES asks for those not in it yet
    (`cli init --examples`). Idempotent."""
    engine = make_engine(url or database_url())
    with _PREPARING:
        created = not has_tables(engine)
        migrate(engine)
        if (with_examples and created) or add_examples:
            with Session(engine) as session, session.begin():
                if engine.dialect.name == "postgresql":
                    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PREPARE_LOCK})
                if add_examples or session.scalar(select(Plan.id).limit(1)) is None:
                    load_example_plans(session)
    return engine
