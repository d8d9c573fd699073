"""Bad configuration: an unusable DATABASE_URL, an unsupported database, an unreachable PostgreSQL port,
a broken secrets.toml, a read-only data folder. The command line says so in German on stderr (no
traceback, exit code 2) and creates no database; the app shows a German error instead of a page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bad_input.conftest import german
from tests.pages.conftest import ROOT, app

# Root (CI) writes anywhere; without these capabilities a folder's missing write permission counts.
WITHOUT_ROOT_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free again once closed: nothing listens there


def _cli(tmp_path: Path, *, url: str | None, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["PYTHONPATH"] = str(ROOT)
    if url is not None:
        env["DATABASE_URL"] = url
    return subprocess.run([*(prefix or []), sys.executable, "-m", "cli", "init", "--no-examples"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)


def _files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


CLI_CASES = [
    ("database-url-garbage", "kein-url", "ungültig"),
    ("database-url-unsupported-scheme", "mysql://nutzer@localhost/plan", "nicht unterstützt"),
    ("postgresql-port-unreachable", "postgresql+psycopg://postgres@127.0.0.1:{port}/postgres",
     "Der Datenbankserver antwortet nicht"),
]


@pytest.mark.parametrize(("url", "message"), [case[1:] for case in CLI_CASES], ids=[case[0] for case in CLI_CASES])
def test_cli_refuses_bad_database_url_in_german(url, message, tmp_path):
    before = _files(tmp_path)
    done = _cli(tmp_path, url=url.format(port=_closed_port()))
    assert done.returncode == 2, done
    assert "Traceback" not in done.stderr and message in done.stderr and german(done.stderr), done.stderr
    assert _files(tmp_path) == before  # no database file was created


def test_cli_refuses_broken_secrets_toml_in_german(tmp_path):
    secrets = tmp_path / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir()
    secrets.write_text('DATABASE_URL = "sqlite:///x.db\n[auth\n', encoding="utf-8")
    before = _files(tmp_path)
    done = _cli(tmp_path, url=None)
    assert done.returncode == 2, done
    assert "Traceback" not in done.stderr and "kein gültiges TOML" in done.stderr, done.stderr
    assert _files(tmp_path) == before


def test_cli_refuses_read_only_data_folder_in_german(tmp_path):
    folder = tmp_path / "daten"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        done = _cli(tmp_path, url=f"sqlite:///{folder / 'masterplan.db'}", prefix=WITHOUT_ROOT_OVERRIDE)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2, done
    assert "Traceback" not in done.stderr and "Ordner existiert und beschreibbar" in done.stderr, done.stderr
    assert not any(folder.iterdir())


APP_CASES = [
    ("app-database-url-garbage", "kein-url"),
    ("app-database-url-unsupported-scheme", "mysql://nutzer@localhost/plan"),
    ("app-postgresql-port-unreachable", "postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"),
]


@pytest.mark.parametrize("url", [case[1] for case in APP_CASES], ids=[case[0] for case in APP_CASES])
def test_app_shows_a_german_error_for_a_bad_database_url(url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", url.format(port=_closed_port()))
    at = app()
    at.run()
    assert not at.exception, at.exception[0].message
    errors = [error.value for error in at.error]
    assert errors and all(german(error) for error in errors), errors
    assert not any("Traceback" in error for error in errors)
