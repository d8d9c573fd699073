"""Meine Maßnahmen on the mini plan (known answers): what an organisation owes in the round before the next
Fachbeirat meeting (2024-09-15; the window opened at the meeting of 2024-03-15, the deadline, 14 days before, is 2024-09-01), the
rules behind it, and the quick "unverändert" report."""

import datetime as dt

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.commands import SYSTEM, Actor, PermissionDenied, ValidationFailed, VersionConflict, report_unchanged
from models.my_measures import my_measures
from models.rules import COMPLETED, IN_PROGRESS, PLANNED, SUSPENDED, owes_report
from models.schema import AuditEvent, Measure, Meeting, Organisation, Plan, StatusReport
from tests.models.test_reporting import _add_report

ON = dt.date(2024, 6, 30)
LATE = dt.date(2024, 9, 10)  # after the deadline 2024-09-01, before the meeting 2024-09-15
SINCE, UNTIL = dt.date(2024, 3, 15), dt.date(2024, 9, 15)


def _organisation(engine, short_name):
    with Session(engine) as session:
        return session.scalar(select(Organisation.id).where(Organisation.short_name == short_name))


def _codes(frame):
    return frame["code"].tolist()


# --- the rules ---------------------------------------------------------------------------


@pytest.mark.parametrize("status, start, last, owes", [
    (IN_PROGRESS, dt.date(2024, 1, 1), dt.date(2024, 3, 15), True),   # the report on the opening day is old
    (IN_PROGRESS, dt.date(2024, 1, 1), dt.date(2024, 3, 16), False),  # reported in the round
    (IN_PROGRESS, dt.date(2024, 1, 1), None, True),                   # never reported
    (COMPLETED, dt.date(2024, 1, 1), None, False),
    (SUSPENDED, dt.date(2024, 1, 1), dt.date(2023, 1, 1), False),
    (IN_PROGRESS, dt.date(2024, 9, 16), None, False),                 # starts after the meeting
    (PLANNED, None, None, False),                                     # undated and not started
    (IN_PROGRESS, None, None, True),                                  # undated but running
])
def test_rule_owes_report_in_the_round(status, start, last, owes):
    assert owes_report(status, start, last, SINCE, UNTIL) is owes


# --- the read ------------------------------------------------------------------------------


def test_the_jobcenter_owes_m5_then_sees_its_other_measures_and_the_partner_one(engine, mini_plan):
    mine = my_measures(engine, mini_plan, _organisation(engine, "JC"), ON)
    assert (mine.window.since, mine.window.until, mine.deadline) == (SINCE, UNTIL, dt.date(2024, 9, 1))
    assert _codes(mine.owed) == ["M5"]
    row = mine.owed.iloc[0]
    assert (row["status"], row["progress"], row["last_report_date"], row["days_since"]) == (
        IN_PROGRESS, 60, dt.date(2023, 6, 1), 395)
    assert (row["due"], bool(row["overdue"]), bool(row["is_lead"])) == (dt.date(2024, 9, 1), False, True)
    assert _codes(mine.led) == ["M3", "M6"]  # suspended; starts 2025
    assert _codes(mine.partner) == ["M1"]
    assert _codes(mine.completed) == []
    # the reporting scope (models.rules.may_report_on) lets partners report too, so no row is read-only
    assert all(frame["may_report"].all() for frame in (mine.owed, mine.led, mine.partner))
    assert mine.partner["is_lead"].tolist() == [False]


def test_after_the_deadline_an_owed_report_is_overdue_and_comes_first(engine, mini_plan):
    _add_report(engine, "M6", dt.date(2024, 1, 10), 5)  # an early report; M6 starts 2025, so owes nothing
    mine = my_measures(engine, mini_plan, _organisation(engine, "JC"), LATE)
    assert _codes(mine.owed) == ["M5"]
    assert mine.owed["overdue"].tolist() == [True]
    assert mine.owed["days_since"].tolist() == [(LATE - dt.date(2023, 6, 1)).days]


def test_overdue_first_then_by_code(engine, mini_plan):
    with Session(engine) as session, session.begin():
        session.execute(delete(Meeting))  # no deadline: an owed report is overdue once the measure is stale
        session.execute(Measure.__table__.update().where(Measure.code == "M5").values(code="M10"))
        session.execute(Measure.__table__.update().where(Measure.code == "M6").values(start_date=dt.date(2024, 6, 1)))
    mine = my_measures(engine, mini_plan, _organisation(engine, "JC"), ON)
    # M10 (last report 2023-06-01) is stale, so overdue; M6 started a month ago without a report: owed, not late.
    assert _codes(mine.owed) == ["M10", "M6"]
    assert mine.owed["overdue"].tolist() == [True, False]
    assert mine.owed["days_since"].isna().tolist() == [False, True]


def test_completed_ones_are_folded_apart_and_a_round_settled_leaves_nothing_owed(engine, mini_plan):
    mine = my_measures(engine, mini_plan, _organisation(engine, "VHS"), ON)
    assert _codes(mine.owed) == []  # M1 and M2 were reported after 2024-03-15: "Alles gemeldet"
    assert _codes(mine.led) == ["M1", "M2"]
    assert _codes(mine.completed) == ["M4"]
    assert not mine.nothing


def test_without_a_planned_meeting_there_is_no_deadline_and_the_window_is_the_stale_period(engine, mini_plan):
    with Session(engine) as session, session.begin():
        session.execute(delete(Meeting))
    mine = my_measures(engine, mini_plan, _organisation(engine, "JC"), ON)
    assert mine.deadline is None and mine.owed["due"].isna().all()
    assert mine.window.since == ON - dt.timedelta(days=180)
    assert _codes(mine.owed) == ["M5"]


def test_an_organisation_without_measures_has_nothing(engine, mini_plan):
    with Session(engine) as session, session.begin():
        session.add(Organisation(name="Verein ohne Maßnahmen", short_name="VoM"))
    mine = my_measures(engine, mini_plan, _organisation(engine, "VoM"), ON)
    assert mine.nothing


# --- the quick report "unverändert" --------------------------------------------------------


def _measure(engine, code):
    with Session(engine) as session:
        return session.scalars(select(Measure).where(Measure.code == code)).one()


def _editor(engine, short_name):
    return Actor(name="Jana Beispiel", role="editor", organisation_id=_organisation(engine, short_name))


def _latest(engine, code):
    with Session(engine) as session:
        return session.scalars(select(StatusReport).join(Measure).where(Measure.code == code)
                               .order_by(StatusReport.id.desc())).first()


def test_an_unchanged_report_repeats_status_and_progress_with_todays_date_and_the_note(engine, mini_plan):
    measure = _measure(engine, "M5")
    with Session(engine) as session, session.begin():
        report_unchanged(session, _editor(engine, "JC"), measure.id, measure.version, note="  Läuft wie geplant. ",
                         today=ON)
    report = _latest(engine, "M5")
    assert (report.report_date, report.status, report.progress) == (ON, IN_PROGRESS, 60)
    assert report.summary == "Unverändert gegenüber dem Sachstand vom 01.06.2023.\nLäuft wie geplant."
    assert report.author_name == "Jana Beispiel" and report.released
    with Session(engine) as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.object_type == "status_report")
                                .order_by(AuditEvent.id.desc())).first()
        assert event.object_id == report.id and event.action == "create"
    assert my_measures(engine, mini_plan, _organisation(engine, "JC"), ON).owed.empty


def test_an_unchanged_report_follows_the_release_rule_and_needs_no_note(engine, mini_plan):
    with Session(engine) as session, session.begin():
        session.execute(Plan.__table__.update().values(release_required=True))
    measure = _measure(engine, "M1")
    with Session(engine) as session, session.begin():
        report_unchanged(session, _editor(engine, "JC"), measure.id, measure.version, today=ON)  # a partner
    report = _latest(engine, "M1")
    assert (report.status, report.progress, report.released) == (IN_PROGRESS, 50, False)
    assert report.summary == "Unverändert gegenüber dem Sachstand vom 01.06.2024."


def test_an_unchanged_report_is_refused_outside_the_scope_on_a_stale_version_and_without_a_report(
        engine, mini_plan):
    def count():
        with Session(engine) as session:
            return session.scalar(select(func.count()).select_from(StatusReport))

    before = count()
    m2, m6 = _measure(engine, "M2"), _measure(engine, "M6")
    with pytest.raises(PermissionDenied), Session(engine) as session, session.begin():
        report_unchanged(session, _editor(engine, "JC"), m2.id, m2.version, today=ON)  # VHS leads M2 alone
    with pytest.raises(PermissionDenied), Session(engine) as session, session.begin():
        report_unchanged(session, Actor(name="Gast", role="viewer"), m2.id, m2.version, today=ON)
    with pytest.raises(VersionConflict), Session(engine) as session, session.begin():
        report_unchanged(session, _editor(engine, "VHS"), m2.id, m2.version - 1, today=ON)
    with pytest.raises(ValidationFailed, match="noch keinen Sachstand"), Session(engine) as session, session.begin():
        report_unchanged(session, _editor(engine, "JC"), m6.id, m6.version, today=ON)
    with pytest.raises(ValidationFailed) as refused, Session(engine) as session, session.begin():
        report_unchanged(session, SYSTEM, m2.id, m2.version, note="x" * 5000, today=ON)
    assert "summary" in refused.value.field_errors
    assert count() == before
