"""Break B14(c) of the security review: over-long values in an import. SQLite stored a 5,000-character plan
name in a String(200) column; PostgreSQL raised StringDataRightTruncation. Every text the importer writes
is now checked against its column's length in models/schema/ and reported as a German problem of the
preview, on both databases, and nothing is written."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands import Actor
from models.schema import Plan
from models.transfer import importer, layout
from models.transfer.import_values import MODELS, TEXT_LIMITS, _cell, schema_length
from models.transfer.importer import ImportRefused, Target
from models.transfer.parsing import read_csv, read_file

ADMIN = Actor(name="Büro", role="admin")
LONG_NAME = "P" * 5_000
FIELDS = "Handlungsfelder"


def _plans(engine) -> list[tuple[str, str]]:
    with Session(engine) as session:
        return list(session.execute(select(Plan.slug, func.length(Plan.name)).order_by(Plan.id)).all())


def _refused(engine, tables, target: Target) -> list[str]:
    with Session(engine) as session:
        preview = importer.preview(session, ADMIN, tables, importer.propose(tables), target)
    assert not preview.ok
    with Session(engine) as session, pytest.raises(ImportRefused) as refused, session.begin():
        importer.apply(session, ADMIN, tables, importer.propose(tables), target, source="test")
    assert refused.value.preview.messages() == preview.messages()
    return preview.messages()


def test_b14c_over_long_plan_name_refused_in_german_on_both_databases(engine, mini_plan):
    before = _plans(engine)
    tables = [read_csv(b"Code;Titel\nHF1;Sprache\n", FIELDS)]
    messages = _refused(engine, tables, Target(slug="neu", name=LONG_NAME, owner="Landkreis"))
    assert messages == ["Blatt „Info“: „Plan“: Der Text ist 5.000 Zeichen lang; erlaubt sind höchstens 200 Zeichen."]
    assert _plans(engine) == before


def test_b14c_over_long_name_and_owner_in_the_info_sheet_refused(engine, mini_plan):
    workbook = Workbook()
    info = workbook.active
    info.title = layout.INFO_SHEET
    for row in (["Plan-Kürzel", "neu"], ["Plan", LONG_NAME], ["Träger", "T" * 201]):
        info.append(row)
    workbook.create_sheet(FIELDS).append(["Code", "Titel"])
    workbook[FIELDS].append(["HF1", "Sprache"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    before = _plans(engine)
    messages = _refused(engine, read_file("plan.xlsx", buffer.getvalue()), Target())
    assert "Blatt „Info“: „Plan“: Der Text ist 5.000 Zeichen lang; erlaubt sind höchstens 200 Zeichen." in messages
    assert "Blatt „Info“: „Träger“: Der Text ist 201 Zeichen lang; erlaubt sind höchstens 200 Zeichen." in messages
    assert _plans(engine) == before


def test_b14c_over_long_title_refused_as_a_problem_of_its_cell(engine, mini_plan):
    before = _plans(engine)
    tables = [read_csv(f"Code;Titel\nHF9;{'T' * 201}\n".encode(), FIELDS)]
    assert _refused(engine, tables, Target(slug="mini")) == [
        "Datei „Handlungsfelder“, Zeile 2, Spalte „Titel“: Der Text ist 201 Zeichen lang; erlaubt sind höchstens "
        "200 Zeichen."]
    assert _plans(engine) == before


@pytest.mark.parametrize(("level_name", "attribute"), [key for key, limit in TEXT_LIMITS.items() if limit],
                         ids=[".".join(key) for key, limit in TEXT_LIMITS.items() if limit])
def test_b14c_every_limited_text_column_is_checked_against_its_schema_length(level_name, attribute):
    level = layout.level(level_name)
    column = level.column(attribute)
    limit = schema_length(MODELS[level_name], attribute)
    assert TEXT_LIMITS[level_name, attribute] == limit
    assert _cell(level, column, "x" * limit) == ("x" * limit, None)
    value, message = _cell(level, column, "x" * (limit + 1))
    assert value is None and message.endswith(f"erlaubt sind höchstens {limit:,} Zeichen.".replace(",", "."))

