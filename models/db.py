"""Engine and sessions: which database, how to connect, and bringing it up to date.

DATABASE_URL (environment) or `DATABASE_URL` / `[connections.sql] url` in .streamlit/secrets.toml
selects the database; without either, a SQLite file in data/ is used.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from models.wording import say

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = ROOT / "data" / "masterplan.db"
SECRETS_PATH = Path(".streamlit") / "secrets.toml"
# user:password@ in an address SQLAlchemy cannot parse (and so cannot mask either)
_PASSWORD_PART = re.compile(r"(?<=:)[^:/@]*(?=@)")

log = logging.getLogger(__name__)


class ConfigurationError(Exception):
    """The database configuration is unusable; the message (models.wording) is meant for users, so it never
    carries a password or a server path (the details go to the server log)."""


def database_url(secrets_path: Path | None = None) -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    for path in (secrets_path,) if secrets_path else (Path.cwd() / SECRETS_PATH, ROOT / SECRETS_PATH):
        url = _url_from_secrets(path)
        if url:
            return url
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def _url_from_secrets(path: Path) -> str | None:
    if not path.is_file():
        return None
    try:
        secrets = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        log.error("%s is not valid TOML: %s", path, exc)
        raise ConfigurationError(say("db.secrets", path=SECRETS_PATH.as_posix())) from exc
    if isinstance(secrets.get("DATABASE_URL"), str):
        return secrets["DATABASE_URL"]
    url = secrets.get("connections", {}).get("sql", {}).get("url")
    return url if isinstance(url, str) else None


def make_engine(url: str) -> Engine:
    """One engine per process. SQLite gets WAL, a busy timeout and enforced foreign keys."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        log.error("DATABASE_URL cannot be parsed: %r", _PASSWORD_PART.sub("***", url))
        raise ConfigurationError(say("db.url")) from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_pre_ping=True)
    raise ConfigurationError(say("db.backend", backend=repr(parsed.get_backend_name())))


def _sqlite_engine(parsed) -> Engine:
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed together, or not at all."""
    with session_factory(engine).begin() as session:
        yield session


def alembic_config(url: str):
    from alembic.config import Config

    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (creates it on an empty database)."""
    from alembic import command

    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def has_tables(engine: Engine) -> bool:
    return inspect(engine).has_table("plan")
