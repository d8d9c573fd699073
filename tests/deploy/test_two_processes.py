"""Two app processes on one database (the deployment behind a reverse proxy): a status report
written while both processes hold warm caches is seen by the next run in either process at once,
because every cached read is keyed by the plan's change counter (DESIGN.md), which a write
increments and each run reads fresh.

The processes are the real server (`streamlit run dashboard.py`, project config) driven over
Streamlit's websocket protocol (bench/protocol.py); the write comes from a third process's engine
through the same command the report form uses."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select
from sqlalchemy.orm import Session

from bench.common import ROOT, running_server
from bench.protocol import LiveSession, Page
from bench.two_processes import parallel_servers
from models.commands import SYSTEM, add_status_report
from models.db import make_engine, migrate
from models.rules import IN_PROGRESS
from models.schema import Measure
from models.seed import insert_plan_document, read_document
from tests.conftest import FIXTURES

MEASURES_PAGE = "massnahmen"
MEASURE = "M1"
QUERY = f"plan=mini&massnahme={MEASURE}"


class ReadingSession(LiveSession):
    """A live session that also keeps the markdown texts of its last run (what a visitor reads)."""

    texts: list[str]

    def _check_exception(self, forward, result) -> None:
        super()._check_exception(forward, result)
        delta = forward.delta
        if delta.WhichOneof("type") == "new_element" and delta.new_element.WhichOneof("type") == "markdown":
            self.texts.append(delta.new_element.markdown.body)

    async def read(self, page: Page | None, query_string: str = QUERY) -> str:
        self.texts = []
        result = await self.run(page, query_string)
        assert result.ok, (result.finished, result.exceptions)
        return "\n".join(self.texts)

    async def read_measure(self) -> str:
        if not self.pages:
            # A first visit opens the Übersicht (a process answers deep links only after its first run).
            await self.read(None)
        return await self.read(self.page(MEASURES_PAGE))


def _plan_database(url: str) -> None:
    engine = make_engine(url)
    migrate(engine)
    with Session(engine) as session, session.begin():
        insert_plan_document(session, read_document(FIXTURES / "mini-plan.yaml"))
    engine.dispose()


def _write_report(url: str, summary: str) -> None:
    """A status report through models.commands (validation, audit event, change counter)."""
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == MEASURE)).one()
        add_status_report(session, SYSTEM, measure.id, measure.version, report_date=dt.date.today(),
                          status=IN_PROGRESS, progress=60, summary=summary)
    engine.dispose()


async def _write_seen_at_once(ws_a: str, ws_b: str, url: str) -> None:
    summary = f"Sachstand aus dem anderen Prozess {uuid.uuid4().hex[:10]}"
    async with ReadingSession(ws_a) as in_a, ReadingSession(ws_b) as in_b:
        # Both processes have read (and cached) the measure before the write.
        for before in await asyncio.gather(in_a.read_measure(), in_b.read_measure()):
            assert "Halbzeit" in before and summary not in before
        _write_report(url, summary)
        for session in (in_b, in_a):  # the very next run, no waiting
            assert summary in await session.read_measure()


def test_write_is_seen_at_once_in_the_other_process(empty_url, tmp_path):
    _plan_database(empty_url)
    logs = [tmp_path / f"app-{name}.log" for name in "ab"]
    with parallel_servers([running_server(ROOT / "dashboard.py", log, empty_url) for log in logs]) as servers:
        _run_in_own_thread(_write_seen_at_once(servers[0].ws_url, servers[1].ws_url, empty_url))


def _run_in_own_thread(coroutine) -> None:
    """asyncio.run in a fresh thread: under pytest-xdist this worker may also hold Playwright's sync API, whose
    event loop counts as running in the main thread."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()
