"""A large import killed with SIGKILL in the middle of writing leaves the SQLite database as it was."""

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from models.db import make_engine, migrate
from models.seed import insert_plan_document, read_document
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
ROWS = 3000


def _snapshot(path: Path) -> tuple:
    with sqlite3.connect(path) as connection:
        return tuple(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("indicator_value", "audit_event", "status_report")) + (
            connection.execute("SELECT change_counter FROM plan").fetchall(),)


def test_kill_during_a_large_import_leaves_the_database_unchanged(tmp_path):
    database = tmp_path / "kill.db"
    engine = make_engine(f"sqlite:///{database}")
    migrate(engine)
    with Session(engine) as session, session.begin():
        insert_plan_document(session, read_document(FIXTURES / "mini-plan.yaml"))
    engine.dispose()
    days = (dt.date(1990, 1, 1) + dt.timedelta(days=offset) for offset in range(ROWS))
    csv = tmp_path / "werte.csv"
    csv.write_text("Kennzahl;Datum;Wert\n" + "\n".join(f"K1;{day:%d.%m.%Y};{i},5" for i, day in enumerate(days)),
                   encoding="utf-8")
    before = _snapshot(database)
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "--database-url", f"sqlite:///{database}", "import", str(csv),
         "--plan", "mini"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    seen = []
    for line in process.stderr:
        seen.append(line)
        if " von " in line:  # a first batch of rows has been written (uncommitted)
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, seen
    assert _snapshot(database) == before
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
