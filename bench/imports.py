"""Import of a big tree file (issue 14): a 10,000-row workbook at x1 laid out as districts keep their plans
(codes whose prefix names the parent, report rows with labels under each measure), read, proposed, reshaped,
previewed and written through the functions the Import page uses, on a fresh SQLite file. Each run is a
child process of its own, so its peak RSS is the import's and nothing else's.

Goals (issue 14): the preview (read + propose + reshape + preview) within 5 s, peak RSS below 500 MB."""

from __future__ import annotations

import datetime as dt
import io
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from openpyxl import Workbook

from bench.common import ROOT, Report, Workspace, print_table

NAME = "imports"
ROWS = 10_000
LABELS = ("geplant", "Sachstand 2023", "Sachstand 2024", "Sachstand 2024 / 2025")
STATUSES = ("in Umsetzung", "verzögert", "geplant", "abgeschlossen", "gefährdet")
PREVIEW_GOAL_S = 5.0
RSS_GOAL_MIB = 500.0
TODAY = dt.date(2026, 6, 30)


def tree_workbook(rows: int) -> bytes:
    """About `rows` data rows: 8 Handlungsfelder, 6 Leitziele each, then measures with one row per label."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Maßnahmenplan")
    sheet.append(["Integrationsplan Benchstadt – Stand 30.06.2026"])
    sheet.append([])
    sheet.append(["Nr.", "Bezeichnung", "Beschreibung", "Federführung", "Status"])
    fields, goals = 8, 6
    measures, extra = divmod(max(fields * goals, (rows - fields * (goals + 1)) // (1 + len(LABELS))),
                             fields * goals)
    for f in range(1, fields + 1):
        sheet.append([f"H{f}", f"Handlungsfeld {f}", None, None, None])
        for g in range(1, goals + 1):
            sheet.append([f"H{f}.{g}", f"Leitziel {f}.{g}: Teilhabe stärken", None, None, None])
            for m in range(1, measures + (1 if (f - 1) * goals + g <= extra else 0) + 1):
                code = f"H{f}.{g}.{m}"
                sheet.append([code, f"Maßnahme {code} mit einem Titel mittlerer Länge",
                              "Beschreibung <p>mit <b>HTML</b></p> und Umlauten äöü", f"Träger {m % 23 + 1}",
                              STATUSES[m % len(STATUSES)]])
                for label in LABELS:
                    sheet.append([None, label, f"Bericht „{label}“ zu {code}: Kurse laufen, 12 von 15 Gemeinden.",
                                  None, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _child(path: str, database_url: str) -> dict:
    """One import in this process: the phases' seconds and the peak RSS."""
    from sqlalchemy.orm import Session

    from models.commands import Actor
    from models.db import make_engine, migrate
    from models.transfer import tree
    from models.transfer.importer import Target

    actor = Actor(name="Bench", role="admin")
    target = Target(slug="bench", name="Integrationsplan Benchstadt", owner="Benchstadt")
    times: dict[str, float] = {}
    cpu: dict[str, float] = {}
    engine = make_engine(database_url)
    migrate(engine)
    data = Path(path).read_bytes()

    def phase(name: str, work):
        wall, processor = time.perf_counter(), time.process_time()
        result = work()
        times[name], cpu[name] = time.perf_counter() - wall, time.process_time() - processor
        return result

    found = phase("read", lambda: tree.read_tree_file(Path(path).name, data))
    table = found.tables[0]
    shape = found.shapes[table.name]
    reshaped = phase("propose_reshape",
                     lambda: tree.reshape(table, tree.propose_tree(table, shape, today=TODAY), shape))

    def check():
        with Session(engine) as session:
            return tree.preview(session, actor, reshaped, target, today=TODAY)

    def write():
        with Session(engine) as session, session.begin():
            return tree.apply(session, actor, reshaped, target, today=TODAY, source="bench")

    preview = phase("preview", check)
    written = phase("write", write)
    engine.dispose()
    return {"rows": len(table.rows), "problems": len(preview.problems), "written": bool(written.written),
            "times": times, "cpu": cpu, "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run(workspace: Workspace, scales: list[float]) -> Report:
    report = Report(NAME)
    rows = []
    for scale in scales:
        count = int(ROWS * scale)
        path = workspace.folder / f"baum-{count}.xlsx"
        path.write_bytes(tree_workbook(count))
        database = workspace.folder / f"import-{count}.db"
        done = subprocess.run([sys.executable, "-m", "bench.imports", str(path), f"sqlite:///{database}"],
                              cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            report.note(f"x{scale:g}: Import fehlgeschlagen: {done.stderr.strip().splitlines()[-1:]}")
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        times, cpu = result["times"], result["cpu"]
        until_preview = times["read"] + times["propose_reshape"] + times["preview"]
        cpu_until_preview = cpu["read"] + cpu["propose_reshape"] + cpu["preview"]
        report.add("tree preview (read, propose, reshape, check)", round(until_preview, 2), "s", scale,
                   f"<= {PREVIEW_GOAL_S:g} s", until_preview <= PREVIEW_GOAL_S, rows=result["rows"],
                   file_bytes=path.stat().st_size, cpu_s=round(cpu_until_preview, 2),
                   **{k: round(v, 2) for k, v in times.items()})
        report.add("tree write (all or nothing)", round(times["write"], 2), "s", scale, cpu_s=round(cpu["write"], 2))
        report.add("tree import peak RSS", round(result["peak_rss_mib"]), "MiB", scale, f"< {RSS_GOAL_MIB:g} MiB",
                   result["peak_rss_mib"] < RSS_GOAL_MIB)
        rows.append([f"x{scale:g}", f"{result['rows']:,}".replace(",", "."), f"{times['read']:.2f}",
                     f"{times['propose_reshape']:.2f}", f"{times['preview']:.2f}", f"{until_preview:.2f} (CPU {cpu_until_preview:.2f})",
                     f"{times['write']:.2f} (CPU {cpu['write']:.2f})", f"{result['peak_rss_mib']:.0f}",
                     "ja" if result["written"] and not result["problems"] else f"nein ({result['problems']} Probleme)"])
    print_table("Import eines Baums mit Berichtszeilen (Sekunden, MiB)",
                ["Maßstab", "Zeilen", "Lesen", "Zuordnen", "Prüfen", "bis Vorschau", "Schreiben", "RSS", "geschrieben"],
                rows)
    report.save()
    return report


if __name__ == "__main__":
    print(json.dumps(_child(sys.argv[1], sys.argv[2])))
