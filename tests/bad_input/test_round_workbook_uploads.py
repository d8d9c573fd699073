"""Bad uploads for the Excel round (models.transfer.round_workbook.read, as Meine Maßnahmen and Berichtsrunde call
it): empty, binary junk, a zip that is no workbook, a million rows, a zip bomb, a workbook with broken details, an
ordinary workbook. Each is refused with a German message (before any row is read) and the database stays
row-identical, on SQLite and PostgreSQL (the engine fixture runs both)."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from sqlalchemy.orm import Session

from models.commands.rounds import open_round
from models.actors import Actor
from models.transfer import round_workbook
from models.transfer.parsing import UnreadableFile
from tests import big_files
from tests.bad_input.conftest import german, sqlalchemy_rows

TODAY = dt.date(2024, 8, 20)


def _workbook(meta: dict | None, sheets: tuple[str, ...] = ("Tabelle1",)) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active.title = sheets[0]
    for name in sheets[1:]:
        workbook.create_sheet(name)
    if meta is not None:
        info = workbook.create_sheet(round_workbook.META_SHEET)
        for key, value in meta.items():
            info.append([key, value])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


CASES = [
    ("empty-file", "leer.xlsx", lambda: b""),
    ("binary-junk-as-xlsx", "vorlage.xlsx", lambda: bytes(range(256)) * 40),
    ("zip-magic-but-junk", "vorlage.xlsx", lambda: b"PK\x03\x04" + b"\x00\xff" * 500),
    ("a-csv", "vorlage.csv", lambda: big_files.REPORT_HEADER.encode() + big_files.REPORT_LINE.encode()),
    ("a-million-rows", "vorlage.xlsx", lambda: big_files.workbook(1_000_000)),
    ("zip-bomb", "vorlage.xlsx", lambda: big_files.zip_bomb(200)),
    ("an-ordinary-workbook", "liste.xlsx", lambda: _workbook(None)),
    ("details-broken", "vorlage.xlsx", lambda: _workbook(
        {"format": round_workbook.FORMAT, "plan_id": "eins", "round_id": 1, "organisation_id": 1},
        (round_workbook.SHEET,))),
    ("round-unknown", "vorlage.xlsx", lambda: _workbook(
        {"format": round_workbook.FORMAT, "plan_id": 1, "round_id": 999, "organisation_id": 1, "measures": "1"},
        (round_workbook.SHEET,))),
    ("columns-moved", "vorlage.xlsx", lambda: _workbook(
        {"format": round_workbook.FORMAT, "plan_id": 1, "round_id": 1, "organisation_id": 1, "measures": "1"},
        (round_workbook.SHEET,))),
]


@pytest.mark.parametrize(("name", "build"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_bad_round_workbook_is_refused_in_german_and_writes_nothing(name, build, engine, mini_plan):
    with Session(engine) as session, session.begin():
        open_round(session, Actor(name="Büro", role="admin"), mini_plan, dt.date(2024, 9, 15), dt.date(2024, 6, 15),
                   dt.date(2024, 8, 1))
    before = sqlalchemy_rows(engine)
    with pytest.raises(UnreadableFile) as refused:
        round_workbook.read(engine, name, build(), mini_plan, TODAY)
    message = str(refused.value)
    assert german(message) and "Traceback" not in message, message
    assert sqlalchemy_rows(engine) == before
