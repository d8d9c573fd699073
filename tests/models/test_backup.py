"""JSON backup and restore (models/transfer/backup.py) on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands.accounts import create_admin
from models.db import make_engine
from models.schema import Base, Measure, Organisation, Plan, StatusReport, User
from models.transfer import backup as backups
from models.transfer.export import ExportOptions, collect
from tests.conftest import _fresh_postgres_database

FIXED = dt.datetime(2024, 7, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def filled(engine, mini_plan):
    """The mini plan plus a staff account (password hash, audit event) and a measure carried over
    from a measure with a higher id (a reference forward within one table)."""
    with Session(engine) as session, session.begin():
        create_admin(session, "Anna Admin", "anna@example.org", "ein langes Passwort 123")
        first = session.scalar(select(Measure).where(Measure.code == "M1"))
        last = session.scalar(select(Measure).order_by(Measure.id.desc()))
        first.carried_over_from_id, first.carry_over_reason = last.id, "fortgeführt"
    return engine


@pytest.fixture
def second_url(empty_url, tmp_path, request):
    """Another empty database on the same backend as `engine`."""
    if empty_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'second.db'}"
    return _fresh_postgres_database(request.getfixturevalue("postgres_url"))


def _without_time(document):
    return {key: value for key, value in document.items() if key != "created_at"}


def test_backup_restore_backup_is_identical_apart_from_the_timestamp(filled, second_url):
    first = json.loads(backups.dumps(backups.backup(filled, now=FIXED)))
    assert first["format_version"] == backups.FORMAT_VERSION and first["created_at"] == "2024-07-01T12:00:00+00:00"
    assert set(first["tables"]) == {table.name for table in Base.metadata.sorted_tables}
    users = first["tables"]["app_user"]
    assert users["rows"][0][users["columns"].index("password_hash")].startswith("$argon2")
    assert first["tables"]["audit_event"]["rows"] and first["tables"]["status_report"]["rows"]

    target = make_engine(second_url)
    assert backups.is_empty(target)
    counts = backups.restore(target, first)
    assert counts["measure"] == 6 and counts["app_user"] == 1
    again = backups.backup(target)
    assert again["created_at"] != first["created_at"]
    assert backups.dumps(_without_time(again)) == backups.dumps(_without_time(first))

    with Session(target) as session, session.begin():  # ids continue behind the restored ones
        measure = session.scalar(select(Measure).where(Measure.code == "M1"))
        session.add(StatusReport(measure_id=measure.id, report_date=dt.date(2024, 7, 1), status="in Umsetzung",
                                 progress=70))
        session.add(Organisation(name="Neue Organisation"))
    target.dispose()


def test_restore_refuses_a_database_with_data_and_replaces_it_when_told(filled, second_url):
    document = backups.backup(filled)
    target = make_engine(second_url)
    backups.restore(target, document)
    with Session(target) as session, session.begin():
        session.add(Plan(slug="anderer", name="Anderer Plan", owner="Irgendwer"))
    with pytest.raises(backups.RestoreRefused, match="--replace"):
        backups.restore(target, document)
    with Session(target) as session:
        assert session.scalar(select(func.count()).select_from(Plan)) == 2  # unchanged
    backups.restore(target, document, replace=True)
    with Session(target) as session:
        assert list(session.scalars(select(Plan.slug))) == ["mini"]
    target.dispose()


def test_a_restore_that_fails_halfway_changes_nothing(filled):
    document = backups.backup(filled)
    broken = copy.deepcopy(document)
    reports = broken["tables"]["status_report"]
    reports["rows"][-1][reports["columns"].index("progress")] = 150  # violates a check constraint
    before = backups.dumps(_without_time(document))
    with pytest.raises(backups.BackupError, match="nichts wurde geändert"):
        backups.restore(filled, broken, replace=True)
    assert backups.dumps(_without_time(backups.backup(filled))) == before


@pytest.mark.parametrize("empty_url", ["sqlite"], indirect=True)
def test_a_plan_backup_holds_that_plan_the_shared_tables_and_no_password_hashes(filled):
    with Session(filled) as session, session.begin():
        other = Plan(slug="anderer", name="Anderer Plan", owner="Irgendwer")
        session.add(other)
    plan_id = filled.connect().execute(select(Plan.id).where(Plan.slug == "mini")).scalar()
    document = backups.backup(filled, plan_id=plan_id)
    assert document["scope"] == {"kind": "plan", "plan": "mini"}
    tables = document["tables"]
    assert len(tables["plan"]["rows"]) == 1 and len(tables["measure"]["rows"]) == 6
    assert len(tables["status_report"]["rows"]) == len(backups.backup(filled)["tables"]["status_report"]["rows"])
    users = tables["app_user"]
    assert users["rows"] and all(row[users["columns"].index("password_hash")] is None for row in users["rows"])


@pytest.mark.parametrize("document, message", [
    ({"format": "etwas anderes"}, "keine Sicherung"),
    ({"format": backups.FORMAT, "format_version": 99, "tables": {}}, "Format 99"),
    ({"format": backups.FORMAT, "format_version": 1, "tables": {"gibtsnicht": {"columns": [], "rows": []}}},
     "unbekannte Tabelle"),
    ({"format": backups.FORMAT, "format_version": 1, "tables": {"plan": {"columns": ["id", "farbe"], "rows": []}}},
     "unbekannte Spalten: farbe"),
    ({"format": backups.FORMAT, "format_version": 1, "tables": {"plan": {"columns": ["id"], "rows": [[1, 2]]}}},
     "falscher Spaltenzahl"),
])
def test_unusable_files_get_a_german_message(document, message):
    with pytest.raises(backups.BackupError, match=message):
        backups.check(document)


def test_read_backup_explains_missing_and_non_json_files(tmp_path):
    with pytest.raises(backups.BackupError, match="gibt es nicht"):
        backups.read_backup(tmp_path / "fehlt.json")
    (tmp_path / "text.json").write_text("kein json", encoding="utf-8")
    with pytest.raises(backups.BackupError, match="keine JSON-Sicherung"):
        backups.read_backup(tmp_path / "text.json")


def test_the_example_database_survives_backup_and_restore_and_exports_the_same(example_sqlite_url, tmp_path):
    source = make_engine(example_sqlite_url)
    first = backups.backup(source)
    path = tmp_path / "sicherung.json"
    path.write_text(backups.dumps(first), encoding="utf-8")
    target = make_engine(f"sqlite:///{tmp_path / 'neu.db'}")
    backups.restore(target, backups.read_backup(path))
    assert backups.dumps(_without_time(backups.backup(target))) == backups.dumps(_without_time(first))
    counts = backups.row_counts(first)
    assert counts["plan"] == 2 and counts["status_report"] >= 357 and counts["measure_partner"] > 0
    with Session(target) as session:
        assert session.scalar(select(func.count()).select_from(User)) == counts["app_user"]
    options = ExportOptions(as_of=dt.date(2025, 1, 1))
    for plan_id in (1, 2):  # the restored database gives the same export again
        before, after = (collect(engine, plan_id, options, now=FIXED) for engine in (source, target))
        assert (before.rows, before.derived, before.info) == (after.rows, after.derived, after.info)
    source.dispose()
    target.dispose()
