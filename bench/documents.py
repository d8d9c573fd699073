"""Documents and start: time to build the Fachbeirat report as PDF and PPTX at the scale, and the
first start on an empty database (create, migrate, seed with the example plans), directly and as the
live app's first visit."""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib
import time
from collections.abc import Callable

from bench.common import ROOT, Report, Workspace, ms, print_table, running_server
from bench.protocol import LiveSession
from models.bootstrap import prepare_database
from models.db import make_engine

NAME = "documents"
NOT_AVAILABLE = "not available yet"


def _builder(module: str, function: str) -> Callable | None:
    try:
        return getattr(importlib.import_module(module), function)
    except (ImportError, AttributeError):
        return None


def _time_document(report: Report, rows: list, scale: float, label: str, url: str,
                   build: Callable | None) -> None:
    if build is None:
        report.add(f"{label} build", NOT_AVAILABLE, "", scale)
        rows.append([f"{label}-Bericht x{scale:g}", NOT_AVAILABLE, ""])
        return
    from models.documents.content import build_content

    engine = make_engine(url)
    try:
        started = time.perf_counter()
        content = build_content(engine, 1, dt.date.today())
        gathered = time.perf_counter()
        document = build(content)
        finished = time.perf_counter()
    finally:
        engine.dispose()
    report.add(f"{label} build", ms(finished - started), "ms", scale, content_ms=ms(gathered - started),
               layout_ms=ms(finished - gathered), bytes=len(document))
    rows.append([f"{label}-Bericht x{scale:g} (Inhalt + Satz)", ms(finished - started),
                 f"Inhalt {ms(gathered - started)} ms, Satz {ms(finished - gathered)} ms, {len(document):,} Bytes"])


def _first_start(report: Report, workspace: Workspace, rows: list) -> None:
    path = workspace.folder / "first-start.db"
    started = time.perf_counter()
    prepare_database(f"sqlite:///{path}").dispose()
    seconds = time.perf_counter() - started
    report.add("first start prepare_database (SQLite, examples)", ms(seconds), "ms", 1)
    rows.append(["Erster Start: anlegen, migrieren, Beispieldaten (SQLite)", ms(seconds), "prepare_database"])

    path = workspace.folder / "first-visit.db"
    launched = time.perf_counter()
    with running_server(ROOT / "dashboard.py", workspace.folder / "first-start.log", f"sqlite:///{path}") as app:
        healthy = time.perf_counter()
        first = asyncio.run(_first_run(app.ws_url))
        done = time.perf_counter()
    report.add("first start server healthy", ms(healthy - launched), "ms", 1)
    report.add("first start first run (empty database)", ms(first.seconds), "ms", 1, ok=first.ok)
    report.add("first start launch to first page", ms(done - launched), "ms", 1)
    rows.append(["Erster Start: Server bereit (streamlit run)", ms(healthy - launched), ""])
    rows.append(["Erster Start: erster Lauf auf leerer Datenbank", ms(first.seconds),
                 "ok" if first.ok else f"Fehler: {first.exceptions or first.finished}"])
    rows.append(["Erster Start: Start bis erste Seite", ms(done - launched), ""])


async def _first_run(ws_url: str):
    async with LiveSession(ws_url) as session:
        return await session.run()


def run(workspace: Workspace, scales: list[float]) -> Report:
    report = Report(NAME)
    rows: list = []
    for scale in scales:
        if scale in workspace.generate_seconds or scale == 1:
            workspace.database(scale)
            report.add("generate and bulk write", ms(workspace.generate_seconds[scale]), "ms", scale)
            rows.append([f"Synthetischen Plan x{scale:g} erzeugen und schreiben", ms(workspace.generate_seconds[scale]),
                         "bench/generator.py"])
    url = workspace.database(1)
    _time_document(report, rows, 1, "PDF", url, _builder("models.documents.pdf", "build_pdf"))
    _time_document(report, rows, 1, "PPTX", url, _builder("models.documents.pptx", "build_pptx"))
    _first_start(report, workspace, rows)
    print_table("Dokumente (x1) und erster Start", ["Messung", "ms", "Hinweis"], rows)
    report.save()
    return report
