"""Which database is used, and how it is configured."""

import sqlite3

import pytest
from sqlalchemy import text

from models import db
from models.db import ConfigurationError, database_url, make_engine


def test_database_url_from_environment_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///from-env.db")
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('DATABASE_URL = "sqlite:///from-secrets.db"\n')
    assert database_url(secrets) == "sqlite:///from-env.db"


def test_database_url_from_secrets_file(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[connections.sql]\nurl = "postgresql+psycopg://u@h/db"\n')
    assert database_url(secrets) == "postgresql+psycopg://u@h/db"


def test_database_url_default_is_sqlite_file_in_data(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(db, "ROOT", tmp_path)
    assert database_url() == f"sqlite:///{db.DEFAULT_SQLITE_PATH}"
    assert str(db.DEFAULT_SQLITE_PATH).endswith("data/masterplan.db")


def test_broken_secrets_file_gives_german_message(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text("DATABASE_URL = \n")
    with pytest.raises(ConfigurationError, match="kein gültiges TOML"):
        database_url(secrets)


@pytest.mark.parametrize("url, message", [
    ("nonsense", "ist ungültig"),
    ("mysql://u@h/db", "wird nicht unterstützt"),
])
def test_bad_database_url_gives_german_message(url, message):
    with pytest.raises(ConfigurationError, match=message):
        make_engine(url)


def test_sqlite_runs_in_wal_mode_with_busy_timeout_and_foreign_keys(tmp_path):
    path = tmp_path / "sub" / "x.db"
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_plain_postgresql_url_uses_psycopg3():
    assert make_engine("postgresql://u@127.0.0.1:1/db").url.drivername == "postgresql+psycopg"
