"""The bad-input corpus: a guarded database per case and the checks every case makes.

Each case works on its own copy of one SQLite file (the mini plan, an admin and an editor of the VHS).
"Unchanged" is checked twice: a dump of every row of every table (sorted), and the file's bytes after a
WAL checkpoint (TRUNCATE), which folds every committed write into the main file.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import MetaData, select
from sqlalchemy.orm import Session

from models.auth import actor_of
from models.commands.accounts import create_user
from models.commands import SYSTEM, Actor
from models.db import make_engine, migrate
from models.schema import Organisation
from models.seed import insert_plan_document, read_document
from tests.conftest import FIXTURES, checkpoint
from tests.signed_in import open_session, sign_in


@dataclass(frozen=True)
class Guarded:
    path: Path
    admin: Actor
    editor: Actor
    # Sign-in sessions opened before the case's snapshot, so that signing in changes nothing in it.
    tokens: dict[int, str]

    def sign_in(self, at, actor: Actor) -> None:
        sign_in(at, actor, token=self.tokens[actor.user_id])

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"


def file_digest(path: Path) -> str:
    checkpoint(path)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sqlite_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: the content, whatever the file's page layout."""
    connection = sqlite3.connect(path)
    try:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in tables}
    finally:
        connection.close()


def sqlalchemy_rows(engine) -> dict[str, list[tuple]]:
    """Every row of every table through SQLAlchemy (for PostgreSQL)."""
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        return {name: sorted((tuple(row) for row in connection.execute(select(table))), key=repr)
                for name, table in sorted(metadata.tables.items())}


@pytest.fixture(scope="session")
def bad_input_template(tmp_path_factory) -> tuple[Path, Actor, Actor]:
    path = tmp_path_factory.mktemp("bad-input") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with Session(engine) as session, session.begin():
        insert_plan_document(session, read_document(FIXTURES / "mini-plan.yaml"))
    with Session(engine) as session, session.begin():
        admin = actor_of(create_user(session, SYSTEM, name="Anna Admin", email="anna@kreis.example", role="admin",
                                     password="ein-sicheres-Passwort"))
        vhs = session.scalar(select(Organisation.id).where(Organisation.short_name == "VHS"))
        editor = actor_of(create_user(session, SYSTEM, name="Vera Beispiel", email="vera@vhs.example",
                                      role="editor", organisation_id=vhs))
    engine.dispose()
    checkpoint(path)
    return path, admin, editor


@pytest.fixture
def guarded(bad_input_template, tmp_path, monkeypatch) -> Guarded:
    """A fresh copy of the template database, selected for the app by DATABASE_URL."""
    template, admin, editor = bad_input_template
    path = tmp_path / "guarded.db"
    shutil.copyfile(template, path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    # Fresh sessions (before the snapshot): a case's runs do not even touch their last_seen_at.
    tokens = {actor.user_id: open_session(f"sqlite:///{path}", actor)[1] for actor in (admin, editor)}
    return Guarded(path, admin, editor, tokens)


class Snapshot:
    """The database's rows and bytes before a case; unchanged() compares them afterwards."""

    def __init__(self, path: Path):
        self.path = path
        self.rows = sqlite_rows(path)
        self.digest = file_digest(path)

    def assert_unchanged(self) -> None:
        rows = sqlite_rows(self.path)
        changed = [name for name in self.rows if rows.get(name) != self.rows[name]]
        assert not changed and rows.keys() == self.rows.keys(), f"rows changed in {changed}"
        assert file_digest(self.path) == self.digest, "the database file's bytes changed"


@pytest.fixture
def snapshot(guarded) -> Snapshot:
    return Snapshot(guarded.path)


def german(text: str) -> bool:
    """A message in German: umlauts, ß, or common German words; never an English error text."""
    words = {"der", "die", "das", "nicht", "bitte", "ist", "ein", "eine", "wurde", "kein", "keine", "und", "oder",
             "mit", "für", "ungültig", "unbekannt", "wählen", "geben", "Sie"}
    tokens = {token.strip(".,:;„“()!?").lower() for token in text.split()}
    return bool(tokens & {w.lower() for w in words})
