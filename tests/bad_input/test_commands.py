"""Values that the form's widgets never send (text beyond max_chars, a date past max_value, unknown
choices, wrong types), sent to the write command directly as a forged request would: the command
refuses with a German message per field and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import TEXT_MAX, CommandError, ValidationFailed, add_status_report
from models.db import make_engine
from models.schema import Measure
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
