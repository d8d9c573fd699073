"""Another tool's JSON as tables of objects (issue 14, shape 9): read through the function the Import page
uses (parsing.read_file, and tree.read_tree_file on the tree path), then on the same way as a CSV."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import Actor
from models.rules import COMPLETED, DELAYED, IN_PROGRESS, PLANNED, SUSPENDED
from models.schema import GuidingGoal, Measure, StatusReport
from models.transfer import json_tables, statistics, tree
from models.transfer.cells import plain_text
from models.transfer.importer import Target
from models.transfer.parsing import Limits, UnreadableFile, read_file
from tests.conftest import FIXTURES

IMPORTS = FIXTURES / "imports"
TODAY = dt.date(2024, 6, 30)
ADMIN = Actor(name="Büro", role="admin")


def _tables(name: str, limits: Limits | None = None):
    return {table.name: table for table in read_file(name, (IMPORTS / name).read_bytes(), limits)}


def _rows(table) -> list[dict]:
    return [dict(zip(table.headers, row.cells)) for row in table.rows]


def test_a_list_of_objects_is_one_table_and_a_depth_gives_the_parent():
    table = _tables("fremde-liste.json")["fremde-liste"]
    assert table.headers == ["id", "path", "depth", "übergeordnet", "title"]
    rows = _rows(table)
    assert len(rows) == 17 and [row.number for row in table.rows] == list(range(1, 18))
    # depth 0, 1, 2, 0, 1, ...: the last entry before with a smaller depth is the parent
    assert [(row["id"], row["depth"], row["übergeordnet"]) for row in rows[:5]] == [
        (1, 0, None), (2, 1, 1), (3, 2, 2), (4, 0, None), (5, 1, 4)]
    assert any("„parent“ ist in allen Einträgen leer" in note for note in table.notes)
    assert any("aus „depth“ und der Reihenfolge abgeleitet" in note for note in table.notes)
    assert tree.looks_like_tree(table)
    mapping = tree.propose_tree(table, today=TODAY)
    assert (mapping.structure, mapping.id_column, mapping.parent_column) == (tree.BY_PARENT, "id", "übergeordnet")


def test_an_object_with_lists_is_one_table_per_list_nested_fields_flattened_nothing_dropped():
    tables = _tables("json-objekt-mit-listen.json")
    assert list(tables) == ["ziele", "quellen"]
    goals = tables["ziele"]
    assert goals.headers == ["goal", "state", "description", "sektor", "name", "mail", "links", "active"]
    rows = _rows(goals)
    assert rows[0]["sektor"] == "Verkehr" and rows[0]["name"] == "Amt 61"
    assert json.loads(rows[0]["mail"]) == {"x": 1}          # deeper nesting kept as JSON text
    assert json.loads(rows[2]["links"]) == [{"url": "http://example.com/a"}]
    assert rows[3]["active"] == "nein" and rows[3]["description"] is None and rows[3]["sektor"] is None
    assert plain_text(rows[2]["description"]) == "Wärmeplan\nin Arbeit"   # HTML as for a CSV's text cells
    notes = " ".join(goals.notes)
    assert "Nicht als Tabelle übernommen" in notes and all(
        f"„{key}“" in notes for key in ("einleitung", "name", "budget", "sets"))
    assert "„mail“, „links“ als JSON-Text übernommen" in notes
    # a clash keeps the full name: "title" and "meta.title"
    assert tables["quellen"].headers == ["name", "title", "meta.title"]


def test_a_django_export_is_one_table_per_model_with_pk_as_id_and_the_tree_from_its_path():
    tables = _tables("json-django-aufgaben.json")
    assert list(tables) == ["klima.stadt", "klima.aufgabe"]
    assert tables["klima.stadt"].headers == ["id", "name", "plz", "einleitung"]
    assert [row["id"] for row in _rows(tables["klima.stadt"])] == [1, 2]
    assert "Django-Datenexport" in tables["klima.stadt"].notes[0]
    tasks = tables["klima.aufgabe"]
    assert tasks.headers[:4] == ["id", "path", "depth", "übergeordnet"]
    rows = _rows(tasks)
    assert [(row["id"], row["übergeordnet"]) for row in rows] == [(11, None), (12, 11), (13, 11), (14, None),
                                                                  (15, 14)]
    assert rows[1]["tags"] == "rad; verkehr" and rows[0]["tags"] is None   # a list of values as text
    assert rows[1]["description"] == "## Vorhaben\n\n* breitere Radspuren\n* mehr Abstellanlagen"
    assert any("aus „path“ abgeleitet" in note for note in tasks.notes)
    assert not tree.looks_like_tree(tables["klima.stadt"]) and tree.looks_like_tree(tasks)


@pytest.mark.parametrize("content, found", [
    ("42", "ein einzelner Wert"),
    ("[1, 2, 3]", "eine Liste von 3 Einträgen ohne Felder"),
    ('{"name": "x", "werte": [1, 2]}', "ein Objekt mit den Feldern „name“, „werte“ (Liste mit 2 Einträgen)"),
    ('[{"a": 1}, 2]', "eine Liste von 2 Einträgen ohne Felder"),
])
def test_json_that_is_no_list_of_objects_is_refused_saying_what_was_found(content, found):
    with pytest.raises(UnreadableFile) as refused:
        read_file("fremd.json", content.encode())
    message = str(refused.value)
    assert "keine lesbare Form" in message and found in message
    assert "JSON-Planformat" in message and "Liste von Objekten" in message


def test_limits_are_checked_before_tables_are_built():
    deep = {"a": 1}
    for _ in range(json_tables.MAX_DEPTH):
        deep = {"x": deep}
    with pytest.raises(UnreadableFile, match="Ebenen tief verschachtelt; gelesen werden höchstens 12"):
        read_file("tief.json", json.dumps([deep]).encode())
    with pytest.raises(UnreadableFile, match="verschachtelt"):
        read_file("sehr-tief.json", b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(UnreadableFile, match="„fremde-liste“ hat 17 Einträge; erlaubt sind höchstens 10"):
        _tables("fremde-liste.json", Limits(rows=10))
    with pytest.raises(UnreadableFile, match="4 verschiedene Felder; gelesen werden höchstens 3"):
        read_file("breit.json", b'[{"a": 1, "b": 2, "c": 3, "d": 4}]', Limits(columns=3))


def test_a_list_of_figures_goes_the_statistics_way_like_a_csv():
    data = json.dumps([{"Jahr": 2021, "Wert": 5.5}, {"Jahr": 2022, "Wert": 6.0}, {"Jahr": 2023, "Wert": 7.25}])
    table = read_file("reihe.json", data.encode())[0]
    assert table.name == "reihe" and statistics.detect_shape(table) == statistics.SERIES


def test_a_django_task_tree_imports_as_measures_with_mapped_statuses(engine):
    found = tree.read_tree_file("json-django-aufgaben.json", (IMPORTS / "json-django-aufgaben.json").read_bytes())
    table = next(table for table in found.tables if table.name == "klima.aufgabe")
    shape = found.shapes.get(table.name)
    mapping = tree.propose_tree(table, shape, today=TODAY)
    assert (mapping.structure, mapping.id_column, mapping.parent_column) == (tree.BY_PARENT, "id", "übergeordnet")
    assert (mapping.title_column, mapping.text_column, mapping.status_column) == ("title", "description", "state")
    assert mapping.depths == {1: "guiding_goals", 2: "measures"}
    assert {"1", "5", "4"} <= set(tree.distinct_status_values(table, mapping))  # the measures' states
    assert tree.reshape(table, mapping, shape).problems  # numeric states only by the user's word
    mapping.status_values = {"0": PLANNED, "1": IN_PROGRESS, "4": COMPLETED, "5": SUSPENDED}
    reshaped = tree.reshape(table, mapping, shape)
    assert reshaped.problems == []
    with Session(engine) as session, session.begin():
        result = tree.apply(session, ADMIN, reshaped, Target(slug="klima", name="Klimaplan", owner="Stadt"),
                            today=TODAY, source="test")
    assert result.written
    with Session(engine) as session:
        assert session.scalars(select(GuidingGoal.title).order_by(GuidingGoal.title)).all() == [
            "Gebäude", "Mobilität"]
        measures = {measure.title: measure for measure in session.scalars(select(Measure))}
        assert set(measures) == {"Radwege ausbauen", "Busnetz verdichten", "Schulen sanieren"}
        assert measures["Busnetz verdichten"].description == "Takt & Linien\n\n- Linie 5\n- Linie 7"
        assert measures["Busnetz verdichten"].annual_goal.guiding_goal.title == "Mobilität"
        statuses = dict(session.execute(select(Measure.title, StatusReport.status).join(StatusReport.measure)).all())
    assert statuses == {"Radwege ausbauen": IN_PROGRESS, "Busnetz verdichten": SUSPENDED,
                        "Schulen sanieren": COMPLETED}
    assert DELAYED not in statuses.values()


def test_a_django_export_does_not_offer_accounts_sessions_or_logs():
    """No personal data: the exporting tool's users, sessions and admin log are not even offered as tables."""
    dump = [
        {"model": "auth.user", "pk": 1, "fields": {"username": "admin", "password": "pbkdf2_sha256$x"}},
        {"model": "sessions.session", "pk": "k", "fields": {"session_data": "x", "expire_date": "2024-01-01"}},
        {"model": "admin.logentry", "pk": 1, "fields": {"object_repr": "Verkehr", "action_flag": 1}},
        {"model": "klima.kontakt", "pk": 1, "fields": {"name": "Amt", "email": "amt@example.org"}},
        {"model": "klima.aufgabe", "pk": 11, "fields": {"title": "Radwege", "depth": 1}},
    ]
    tables = {table.name: table for table in read_file("export.json", json.dumps(dump).encode())}
    assert list(tables) == ["klima.aufgabe"]
    assert any("„auth.user“, „sessions.session“, „admin.logentry“, „klima.kontakt“" in note
               for note in tables["klima.aufgabe"].notes)
    with pytest.raises(UnreadableFile, match="nur Konten, Sitzungen oder Protokolle"):
        read_file("export.json", json.dumps(dump[:3]).encode())
