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


def test_b8_unparsable_database_url_shows_no_password(caplog):
    url = "postgresql+psycopg//cockpit:GeheimesPasswort123@127.0.0.1:5432/masterplan"  # the ':' is missing
    with pytest.raises(ConfigurationError) as refused:
        make_engine(url)
    assert "ist ungültig" in str(refused.value)
    assert "GeheimesPasswort123" not in str(refused.value) and "cockpit" not in str(refused.value)
    assert "cockpit:***@127.0.0.1" in caplog.text and "GeheimesPasswort123" not in caplog.text


def test_b8_broken_secrets_file_does_not_show_its_server_path(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('DATABASE_URL = "postgresql://u:Geheim@h/db\n')
    with pytest.raises(ConfigurationError) as refused:
        database_url(secrets)
    assert str(tmp_path) not in str(refused.value) and "Geheim" not in str(refused.value)
    assert ".streamlit/secrets.toml" in str(refused.value)
