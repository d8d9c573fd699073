"""No update is lost when separate OS processes (like several app servers) write on one database.

Each process reads the measure's version, waits at a barrier for the others, then appends a status
report with that version (optimistic locking). Per round exactly one write lands; every other write
gets the German conflict error, none is lost silently. Runs on a SQLite file and on PostgreSQL
(the `engine` fixture's backends). The worker processes are started once (spawn) for both backends.

The processes found a race now fixed in add_status_report: a report saved between the version check
and the reading of the reports made the slower write fail with a field error ("progress sinks")
instead of the conflict; the last test here replays that order deterministically.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import queries
from models.commands import SYSTEM, Actor, VersionConflict, add_status_report
from models.db import make_engine
from models.schema import AuditEvent, Measure, Organisation, StatusReport

TODAY = dt.date(2024, 7, 1)
PROCESSES = 3
ROUNDS = 4
RESULT_TIMEOUT_S = 120
CONFLICT_TEXT = "inzwischen von jemand anderem geändert"

_barrier = None  # each worker process's handle on the shared barrier (set by _join_race)


def _join_race(barrier) -> None:
    global _barrier
    _barrier = barrier


def _write_reports(url: str, measure_id: int, organisation_id: int, worker: int) -> list[tuple]:
    """One editor in its own process: ROUNDS attempts, each started together with the other processes.
    Returns per attempt ("landed", worker, round, report id) or ("conflict", worker, round, message);
    any other failure is returned as ("error", ...) rather than hidden."""
    engine = make_engine(url)
    actor = Actor(name=f"Prozess {worker}", role="editor", organisation_id=organisation_id)
    outcomes = []
    try:
        for round_ in range(ROUNDS):
            with Session(engine) as session:
                version = session.scalar(select(Measure.version).where(Measure.id == measure_id))
            progress = 50 + round_ * PROCESSES + worker  # M1 stands at 50 %; grows each round: no reason needed
            _barrier.wait(timeout=RESULT_TIMEOUT_S)
            try:
                with Session(engine) as session, session.begin():
                    report = add_status_report(
                        session, actor, measure_id, version, report_date=TODAY, status="in Umsetzung",
                        progress=progress, summary=f"Prozess {worker}, Runde {round_}", today=TODAY,
                    )
                    outcomes.append(("landed", worker, round_, report.id))
            except VersionConflict as conflict:
                outcomes.append(("conflict", worker, round_, str(conflict)))
            except Exception as error:  # noqa: BLE001 - any other failure is a lost write: report it
                outcomes.append(("error", worker, round_, repr(error)))
    finally:
        engine.dispose()
    return outcomes


@pytest.fixture(scope="module")
def editors():
    """PROCESSES worker processes (fresh interpreters: no engine or lock inherited), shared by the
    backends; each waits for the others at one barrier before every write."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(PROCESSES, initializer=_join_race, initargs=(context.Barrier(PROCESSES),)) as pool:
        yield pool


def _race(pool, url: str, measure_id: int, organisation_id: int) -> list[tuple]:
    # One task per process: a worker blocked at the barrier cannot take a second task.
    pending = [pool.apply_async(_write_reports, (url, measure_id, organisation_id, worker))
               for worker in range(PROCESSES)]
    return [outcome for result in pending for outcome in result.get(timeout=RESULT_TIMEOUT_S)]


def _count(session: Session, model, *conditions) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*conditions))


def test_processes_writing_one_measure_lose_no_update(engine, mini_plan, editors):
    with Session(engine) as session:
        measure = session.scalars(select(Measure).where(Measure.code == "M1")).one()
        organisation_id = session.scalar(select(Organisation.id).where(Organisation.short_name == "VHS"))
        reports_before = _count(session, StatusReport, StatusReport.measure_id == measure.id)
        audits_before = _count(session, AuditEvent)
    counter_before = queries.change_counter(engine, mini_plan)

    outcomes = _race(editors, engine.url.render_as_string(hide_password=False), measure.id, organisation_id)

    assert [outcome for outcome in outcomes if outcome[0] == "error"] == []
    landed = [outcome for outcome in outcomes if outcome[0] == "landed"]
    conflicts = [outcome for outcome in outcomes if outcome[0] == "conflict"]
    assert len(landed) + len(conflicts) == PROCESSES * ROUNDS
    assert sorted(round_ for _, _, round_, _ in landed) == list(range(ROUNDS))  # one write lands per round
    assert all(CONFLICT_TEXT in message for _, _, _, message in conflicts)
    with Session(engine) as session:
        stored = session.scalars(
            select(StatusReport).where(StatusReport.measure_id == measure.id)
        ).all()
        assert len(stored) == reports_before + len(landed)
        assert {report.id for report in stored} >= {report_id for _, _, _, report_id in landed}
        written = {report.summary for report in stored}
        assert written >= {f"Prozess {worker}, Runde {round_}" for _, worker, round_, _ in landed}
        assert not written & {f"Prozess {worker}, Runde {round_}" for _, worker, round_, _ in conflicts}
        assert session.get(Measure, measure.id).version == measure.version + len(landed)
        assert _count(session, AuditEvent) == audits_before + len(landed)
    assert queries.change_counter(engine, mini_plan) == counter_before + len(landed)


def test_a_report_saved_after_the_version_check_is_a_conflict_not_a_field_error(engine, mini_plan):
    """The race the processes above can hit, made deterministic: the slower session read the measure
    (version) before the faster one saved, and reads the reports only after. Its lower progress then
    contradicts the newer report; the answer must be the conflict (what changed), not a field error."""
    with Session(engine) as slower:
        measure = slower.scalars(select(Measure).where(Measure.code == "M1")).one()
        measure_id, version = measure.id, measure.version
        with Session(engine) as faster, faster.begin():
            add_status_report(faster, SYSTEM, measure_id, version, report_date=TODAY, status="in Umsetzung",
                              progress=80, summary="Schneller", today=TODAY)
        with pytest.raises(VersionConflict) as conflict:
            add_status_report(slower, SYSTEM, measure_id, version, report_date=TODAY, status="in Umsetzung",
                              progress=70, summary="Langsamer", today=TODAY)
        slower.rollback()
    assert conflict.value.current["progress"] == 80
    with Session(engine) as session:
        summaries = session.scalars(select(StatusReport.summary).where(StatusReport.measure_id == measure_id)).all()
    assert "Schneller" in summaries and "Langsamer" not in summaries
