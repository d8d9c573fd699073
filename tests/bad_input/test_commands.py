"""Values that the form's widgets never send (text beyond max_chars, a date past max_value, unknown
choices, wrong types), sent to the write command directly as a forged request would: the command
refuses with a German message per field and writes nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import TEXT_MAX, CommandError, ValidationFailed, add_status_report
from models.db import make_engine
from models.schema import Measure
from models.transfer.export import collect, excel_bytes
from tests.bad_input.conftest import german

TODAY = dt.date.today()
LONG = "x" * (TEXT_MAX + 1)
GOOD = dict(report_date=TODAY, status="in Umsetzung", progress=20, summary="Kurs läuft.")

CASES = [
    ("summary-too-long", dict(summary=LONG), "summary"),
    ("obstacles-too-long", dict(obstacles=LONG), "obstacles"),
    ("next-steps-too-long", dict(next_steps=LONG), "next_steps"),
    ("progress-note-too-long", dict(progress_note=LONG), "progress_note"),
    ("summary-10000-chars", dict(summary="y" * 10_000), "summary"),
    ("b6-summary-only-control-characters", dict(summary="\u0000\u000b\u001f\ufffe\r\n"), "summary"),
    ("date-after-tomorrow", dict(report_date=TODAY + dt.timedelta(days=2)), "report_date"),  # future also past midnight
    ("date-in-2100", dict(report_date=dt.date(2100, 1, 1)), "report_date"),
    ("date-as-text", dict(report_date="morgen"), "report_date"),
    ("status-unknown", dict(status="erledigt"), "status"),
    ("status-sql-fragment", dict(status="' OR 1=1--"), "status"),
    ("progress-150", dict(progress=150), "progress"),
    ("progress-negative", dict(progress=-5), "progress"),
    ("progress-as-text", dict(progress="viel"), "progress"),
    ("completed-without-100", dict(status="abgeschlossen", progress=90), "progress"),
]


@pytest.mark.parametrize(("values", "field"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_command_refuses_forged_report_values(values, field, guarded, snapshot):
    engine = make_engine(guarded.url)
    try:
        with Session(engine) as session:
            with session.begin():
                measure_id, version = session.execute(select(Measure.id, Measure.version)
                                                      .where(Measure.code == "M2")).one()
            with pytest.raises(CommandError) as refused, session.begin():
                add_status_report(session, guarded.editor, measure_id, version, **{**GOOD, **values})
    finally:
        engine.dispose()
    assert isinstance(refused.value, ValidationFailed), refused.value
    message = refused.value.field_errors.get(field, "")
    assert message and german(message), (str(refused.value), refused.value.field_errors)
    snapshot.assert_unchanged()


CONTROL_CASES = [  # (typed, stored): cleaned, not refused; the Excel export keeps working
    ("Folie 3: Kurse laufen\u000bTeilnahme 80 %", "Folie 3: Kurse laufen\nTeilnahme 80 %"),
    ("Seite 1\u000cSeite 2\r\nSeite 3\rEnde", "Seite 1\nSeite 2\nSeite 3\nEnde"),
    ("NUL\u0000 ESC\u001b BS\u0008 US\u001f", "NUL ESC BS US"),
    ("keine Zeichen\ufffe\uffff", "keine Zeichen"),
    ("halbes \ud83d Paar", "halbes  Paar"),
]


@pytest.mark.parametrize("field", ["summary", "obstacles", "next_steps", "progress_note"])
@pytest.mark.parametrize(("typed", "stored"), CONTROL_CASES, ids=[f"b6-{n}" for n in range(len(CONTROL_CASES))])
def test_b6_control_characters_in_report_texts_are_cleaned_and_the_excel_export_works(field, typed, stored,
                                                                                       guarded):
    engine = make_engine(guarded.url)
    try:
        with Session(engine) as session, session.begin():
            measure_id, version = session.execute(select(Measure.id, Measure.version)
                                                  .where(Measure.code == "M2")).one()
            report = add_status_report(session, guarded.editor, measure_id, version, **{**GOOD, field: typed})
            assert getattr(report, field) == stored
        with Session(engine) as session:
            plan_id = session.scalar(select(Measure.plan_id).where(Measure.id == measure_id))
        book = load_workbook(io.BytesIO(excel_bytes(collect(engine, plan_id))))
    finally:
        engine.dispose()
    assert any(stored in row for row in book["Sachstände"].iter_rows(values_only=True))

