"""`python -m cli` on a real database, as a subprocess (no Streamlit imported)."""

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.db import make_engine
from models.schema import AuditEvent, Measure, Plan, StatusReport

ROOT = Path(__file__).resolve().parents[2]


def cli(*args, url=None, **env):
    environment = {**os.environ, **env}
    if url:
        environment["DATABASE_URL"] = url
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], cwd=ROOT, env=environment,
        capture_output=True, text=True, timeout=300,
    )


def _snapshot(url):
    engine = make_engine(url)
    with Session(engine) as session:
        counts = tuple(session.scalar(select(func.count()).select_from(m)) for m in (Plan, Measure, StatusReport, AuditEvent))
        counters = tuple(session.scalars(select(Plan.change_counter).order_by(Plan.id)))
    engine.dispose()
    return counts, counters


def test_init_creates_and_fills_an_empty_database_and_twice_changes_nothing(empty_url):
    first = cli("init", url=empty_url)
    assert first.returncode == 0, first.stderr
    assert "Beispieldaten" in first.stdout and "Maßnahmen" in first.stdout
    snapshot = _snapshot(empty_url)
    assert snapshot[0][0] >= 2 and snapshot[0][1] >= 80
    second = cli("init", url=empty_url)
    assert second.returncode == 0, second.stderr
    assert _snapshot(empty_url) == snapshot


def test_info_lists_plans_with_counts(empty_url):
    cli("init", url=empty_url)
    result = cli("info", url=empty_url)
    assert result.returncode == 0
    assert "Masterplan" in result.stdout and "Leitziele" in result.stdout


def test_info_on_an_empty_database_says_how_to_create_it(tmp_path):
    result = cli("info", url=f"sqlite:///{tmp_path / 'leer.db'}")
    assert result.returncode == 1
    assert "python -m cli init" in result.stdout


def test_bad_database_url_gives_a_german_message_not_a_traceback():
    result = cli("info", url="kein-gueltiger-wert")
    assert result.returncode == 2
    assert "Die Datenbank-Adresse (DATABASE_URL) ist ungültig" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_postgresql_gives_a_german_message():
    result = cli("info", url="postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert result.returncode == 2
    assert "nicht erreichbar" in result.stderr and "Traceback" not in result.stderr


def test_cli_does_not_import_streamlit():
    code = "import sys, cli.main, models.queries, models.seed; print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_create_admin_reads_the_password_and_never_prints_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'admin.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "cli", "create-admin", "--email", "buero@kreis.example",
         "--name", "Büro", "--password-stdin"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": url}, input="ein-sehr-langes-passwort\n",
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Admin-Konto angelegt: buero@kreis.example" in result.stdout
    assert "ein-sehr-langes-passwort" not in result.stdout + result.stderr


def test_create_admin_refuses_a_short_password_in_german(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "cli", "create-admin", "--email", "a@b.example", "--name", "A",
         "--password-stdin"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}, input="kurz\n",
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 2
    assert "mindestens 12 Zeichen" in result.stderr


def test_init_points_to_the_first_admin_and_create_admin_prints_a_one_time_link(tmp_path):
    import re

    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from models.auth import authenticate
    from models.commands.passwords import set_password_with_link
    from models.db import make_engine
    from models.schema import Plan

    url = f"sqlite:///{tmp_path / 'first.db'}"
    environment = {**os.environ, "DATABASE_URL": url, "MPC_PUBLIC_URL": "https://cockpit.example.org"}

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "cli", *args], cwd=ROOT, env=environment, capture_output=True,
                              text=True, timeout=300)

    first = cli("init", "--no-examples")
    assert first.returncode == 0 and "noch kein Admin-Konto" in first.stdout and "--link" in first.stdout
    created = cli("create-admin", "--email", "buero@kreis.example", "--name", "Büro", "--link")
    assert created.returncode == 0, created.stderr
    found = re.search(r"https://cockpit\.example\.org/passwort-setzen\?token=([\w-]+)", created.stdout)
    assert found and "72 Stunden" in created.stdout
    assert "noch kein Admin-Konto" not in cli("init", "--no-examples").stdout
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        set_password_with_link(session, found.group(1), new_password="Ein Büro am Marktplatz 3",
                               repeat="Ein Büro am Marktplatz 3")
    assert authenticate(engine, "buero@kreis.example", "Ein Büro am Marktplatz 3").role == "admin"
    with Session(engine) as session:
        assert session.scalar(select(func.count(Plan.id))) == 0, "init --no-examples keeps the examples out"
    engine.dispose()
    added = cli("init", "--examples")  # the welcome page's way to the example data, asked for explicitly
    assert added.returncode == 0, added.stderr
    assert "Beispieldaten" in added.stdout
    assert cli("init", "--examples").stdout == added.stdout, "twice adds nothing"
