"""Writes: one status report commit with its audit event (models.commands.add_status_report) at the
scale, on SQLite and PostgreSQL; then 10 parallel editors x 100 reports on one database."""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from bench.common import Report, Workspace, median, ms, percentile, print_table
from models.commands import Actor, VersionConflict, add_status_report, latest_version
from models.db import make_engine, migrate
from models.schema import Measure, StatusReport, User

NAME = "writes"
SINGLE_COMMITS = 60
EDITORS = 10
REPORTS_PER_EDITOR = 100
SHARED_MEASURES = 20  # the editors' measures overlap on purpose: that is where conflicts happen
MAX_ATTEMPTS = 20 * REPORTS_PER_EDITOR


def _editor_targets(engine: Engine, count: int) -> tuple[Actor, list[int]]:
    """The editor of the organisation leading the most measures, and `count` of its measures."""
    with Session(engine) as session:
        organisation_id = session.scalar(select(Measure.lead_organisation_id).group_by(Measure.lead_organisation_id)
                                         .order_by(func.count().desc()).limit(1))
        user = session.scalar(select(User).where(User.organisation_id == organisation_id))
        measures = list(session.scalars(select(Measure.id).where(Measure.lead_organisation_id == organisation_id)
                                        .order_by(Measure.id).limit(count)))
    return Actor(user.name, "editor", user.id, organisation_id), measures


def _one_report(engine: Engine, actor: Actor, measure_id: int, rng: random.Random) -> None:
    with Session(engine) as session, session.begin():
        version = latest_version(session, measure_id)
        add_status_report(session, actor, measure_id, version, report_date=dt.date.today(),
                          status="in Umsetzung", progress=rng.randint(1, 99),
                          summary="Sachstand aus der Leistungsmessung.",
                          progress_note="Neu eingeschätzt (Leistungsmessung).")


def single_commit_seconds(engine: Engine, commits: int = SINGLE_COMMITS) -> list[float]:
    actor, measures = _editor_targets(engine, commits)
    rng = random.Random(1)
    _one_report(engine, actor, measures[0], rng)  # connection pool and mappers warm
    seconds = []
    for index in range(commits):
        started = time.perf_counter()
        _one_report(engine, actor, measures[index % len(measures)], rng)
        seconds.append(time.perf_counter() - started)
    return seconds


@dataclass
class Editing:
    stored_by_command: int = 0
    conflicts: int = 0
    locked: int = 0
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _editor(engine: Engine, actor: Actor, measures: list[int], seed: int, editing: Editing) -> None:
    """Like a person at the form: read the version, write; on a conflict read again and save again."""
    rng = random.Random(seed)
    stored = attempts = 0
    while stored < REPORTS_PER_EDITOR and attempts < MAX_ATTEMPTS:
        attempts += 1
        measure_id = rng.choice(measures)
        with Session(engine) as session:
            version = latest_version(session, measure_id)
        try:
            with Session(engine) as session, session.begin():
                add_status_report(session, actor, measure_id, version, report_date=dt.date.today(),
                                  status="in Umsetzung", progress=rng.randint(1, 99),
                                  summary=f"{actor.name}, Bericht {stored + 1}",
                                  progress_note="Neu eingeschätzt (Leistungsmessung).")
            stored += 1
            with editing.lock:
                editing.stored_by_command += 1
        except VersionConflict:
            with editing.lock:
                editing.conflicts += 1
        except OperationalError as exc:
            with editing.lock:
                editing.locked += 1
                editing.failures.append(str(exc.orig)[:120])


def parallel_editors(engine: Engine) -> tuple[Editing, int, float]:
    actor, measures = _editor_targets(engine, SHARED_MEASURES)
    with Session(engine) as session:
        before = session.scalar(select(func.count()).select_from(StatusReport))
    editing = Editing()
    editors = [Actor(f"Redaktion {n}", "editor", actor.user_id, actor.organisation_id) for n in range(EDITORS)]
    threads = [threading.Thread(target=_editor, args=(engine, editor, measures, n, editing))
               for n, editor in enumerate(editors)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    wall = time.perf_counter() - started
    with Session(engine) as session:
        stored = session.scalar(select(func.count()).select_from(StatusReport)) - before
    return editing, stored, wall


def _postgres_url(report: Report):
    from tests.postgres import PostgresServer, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        report.note("PostgreSQL ist nicht installiert (apt-get install postgresql): PostgreSQL-Messung entfällt.")
        return None
    return PostgresServer(bin_dir).start()


def run(workspace: Workspace, scales: list[float]) -> Report:
    report = Report(NAME)
    server = _postgres_url(report)
    rows = []
    try:
        for scale in scales:
            backends = [("SQLite", workspace.copy_of(scale, "writes"))]
            if server is not None:
                backends.append(("PostgreSQL", _postgres_database(server.url, scale)))
            for backend, url in backends:
                rows.append(_measure_backend(report, scale, backend, url))
    finally:
        if server is not None:
            server.stop()
    print_table("Schreiben: ein Sachstand mit Audit-Eintrag (Median je Commit); 10 Bearbeitende x 100 Sachstände"
                " (Ziel: 1.000 gespeichert, 0 verloren, Konflikte gemeldet)",
                ["Maßstab", "Datenbank", "Commit Median ms", "p95 ms", "gespeichert", "Konflikte",
                 "gesperrt", "verloren", "Dauer s", "Ziel"], rows)
    report.save()
    return report


def _postgres_database(server_url: str, scale: float) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from bench.generator import write_plan

    name = f"bench_x{scale:g}".replace(".", "_")
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
    admin.dispose()
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate(engine)
    write_plan(engine, scale)
    engine.dispose()
    return url


def _measure_backend(report: Report, scale: float, backend: str, url: str) -> list:
    engine = make_engine(url)
    try:
        seconds = single_commit_seconds(engine)
        editing, stored, wall = parallel_editors(engine)
    finally:
        engine.dispose()
    expected = EDITORS * REPORTS_PER_EDITOR
    lost = editing.stored_by_command - stored
    met = stored == expected and lost == 0
    report.add(f"{backend} commit median", ms(median(seconds)), "ms", scale, commits=len(seconds))
    report.add(f"{backend} commit p95", ms(percentile(seconds, 0.95)), "ms", scale)
    report.add(f"{backend} parallel stored", stored, "", scale, target=f"= {expected}", met=stored == expected)
    report.add(f"{backend} parallel conflicts", editing.conflicts, "", scale)
    report.add(f"{backend} parallel locked", editing.locked, "", scale)
    report.add(f"{backend} parallel lost", lost, "", scale, target="0", met=lost == 0)
    report.add(f"{backend} parallel seconds", round(wall, 2), "s", scale)
    for failure in sorted(set(editing.failures))[:3]:
        report.note(f"{backend} x{scale:g}: {failure}")
    return [f"x{scale:g}", backend, ms(median(seconds)), ms(percentile(seconds, 0.95)), stored,
            editing.conflicts, editing.locked, lost, round(wall, 2), met]
