"""The public view: anonymous visitors see released reports only and protected small counts;
signed-in staff see everything."""

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models.auth import actor_of
from models.commands.accounts import create_user
from models.commands import SYSTEM
from models.db import make_engine
from models.schema import Measure, Plan, StatusReport
from tests.pages.conftest import metrics, run_as

HALF_TIME = dt.date(2024, 6, 1)  # M1's report "Halbzeit", 50 %


def _hold_back_half_time(url):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        report = session.scalars(select(StatusReport).join(Measure)
                                 .where(Measure.code == "M1", StatusReport.report_date == HALF_TIME)).one()
        report.released = False
    engine.dispose()


def _viewer(url):
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        actor = actor_of(create_user(session, SYSTEM, name="Herr Beirat", email="beirat@kreis.example",
                                     role="viewer"))
    engine.dispose()
    return actor


def _values(at) -> list[str]:
    """The "Wert" column of the chosen indicator's table of values."""
    return next(frame.value["Wert"].tolist() for frame in at.dataframe if "Wert" in frame.value.columns)


def _tables_text(at) -> str:
    return "\n".join(frame.value.to_string() for frame in at.dataframe)


def _markdown(at) -> str:
    return "\n".join(md.value for md in at.markdown)


def test_overview_shows_anonymous_visitors_released_reports_only(mini_app_url):
    _hold_back_half_time(mini_app_url)
    public = run_as(stand="2024-06-30")
    staff = run_as(_viewer(mini_app_url), stand="2024-06-30")
    # M1 at 30.06.2024: 50 % is on schedule (green); the public sees the released 20 % (yellow)
    assert (metrics(staff)["Grün – im Plan"], metrics(staff)["Gelb – Verzug"]) == ("2 (33\xa0%)", "1 (17\xa0%)")
    assert (metrics(public)["Grün – im Plan"], metrics(public)["Gelb – Verzug"]) == ("1 (17\xa0%)", "2 (33\xa0%)")
    # since the meeting of 15.03.2024: the waiting report is not among the public's new reports
    assert metrics(staff)["Neue Sachstände"] == "3" and metrics(public)["Neue Sachstände"] == "2"
    assert "Halbzeit" in _tables_text(staff) and "Halbzeit" not in _tables_text(public)


def test_a_measures_history_shows_the_public_released_reports_only(mini_app_url):
    _hold_back_half_time(mini_app_url)
    public = run_as(page="pages/massnahmen.py", massnahme="M1", stand="2024-06-30")
    staff = run_as(_viewer(mini_app_url), page="pages/massnahmen.py", massnahme="M1", stand="2024-06-30")
    assert "**Sachstand:** Halbzeit" in _markdown(staff)
    assert "Halbzeit" not in _markdown(public) and "**Sachstand:** Start" in _markdown(public)
    assert [metric.value for metric in public.metric] == ["in Umsetzung", "20\xa0%"]
    assert [metric.value for metric in staff.metric] == ["in Umsetzung", "50\xa0%"]


def test_small_counts_are_hidden_from_the_public_by_the_plans_threshold(mini_app_url):
    engine = make_engine(mini_app_url)
    with engine.begin() as connection:  # K1 counts people: 100 (baseline), 150, 180
        connection.execute(update(Plan).values(confidentiality_threshold=160))
    engine.dispose()
    public = run_as(page="pages/kennzahlen.py", kennzahl="K1")
    staff = run_as(_viewer(mini_app_url), page="pages/kennzahlen.py", kennzahl="K1")
    assert _values(public) == ["180", "< 160"]
    assert _values(staff) == ["180", "150"]
    assert "Ausgangswert: < 160" in _markdown(public) and "Ausgangswert: 100\xa0Personen" in _markdown(staff)
    assert any("„< 160“" in caption.value for caption in public.caption)
    assert not any("„< " in caption.value for caption in staff.caption)
