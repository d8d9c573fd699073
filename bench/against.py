"""`python3 -m bench rerun --against REF`: the rerun benchmark of the current tree and of a git ref, in one run.

REF is checked out into a temporary git worktree (removed afterwards). Both apps and the floor (Streamlit's empty
app) run side by side and are measured interleaved (bench.rerun.measure: every page in both apps in turn, the order
swapped every round, each run followed by a floor run), so the machine's noise hits both alike. Each tree runs on a
database its own code generated (the same seed), so a migration between them is no obstacle. Per page it prints
new/old next to each one's ratio to the floor.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.common import ROOT, Report, Workspace, floor_app, median, ms, print_table, running_server
from bench.rerun import RUNS_PER_PAGE, PageTimes, measure

NAME = "rerun_against"
# Run inside the other tree: the synthetic plan as that tree's code writes it.
GENERATE = ("import sys; from bench.generator import write_plan; from models.bootstrap import prepare_database; "
            "engine = prepare_database(sys.argv[1], with_examples=False); write_plan(engine, float(sys.argv[2])); "
            "engine.dispose()")


class UnknownRef(ValueError):
    """git could not check the ref out; the message says why."""


@contextmanager
def checked_out(ref: str) -> Iterator[Path]:
    """A detached git worktree of `ref` in a temporary folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="mpc-bench-ref-"))
    tree = folder / "tree"
    added = subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(tree), ref], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    try:
        if added.returncode != 0:
            raise UnknownRef(f"git worktree add {ref}: {added.stderr.strip()}")
        yield tree
    finally:
        if added.returncode == 0:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True,
                           check=False)
        shutil.rmtree(folder, ignore_errors=True)


def database_of(tree: Path, path: Path, scale: float) -> str:
    """URL of a new SQLite file at `path` holding the synthetic plan at `scale`, written by the code in `tree`."""
    url = f"sqlite:///{path}"
    subprocess.run([sys.executable, "-c", GENERATE, url, str(scale)], cwd=tree, check=True,
                   env={**os.environ, "PYTHONPATH": str(tree)})
    return url


def run(workspace: Workspace, scales: list[float], ref: str, runs: int = RUNS_PER_PAGE) -> Report:
    report = Report(NAME)
    floor_script = floor_app(workspace.folder)
    with checked_out(ref) as old_tree, running_server(floor_script, workspace.folder / "floor.log") as floor:
        for scale in scales:
            old_url = database_of(old_tree, workspace.folder / f"old-x{scale:g}.db", scale)
            with running_server(ROOT / "dashboard.py", workspace.folder / f"new-x{scale:g}.log",
                                workspace.database(scale)) as new, \
                    running_server(old_tree / "dashboard.py", workspace.folder / f"old-x{scale:g}.log", old_url,
                                   root=old_tree) as old:
                new_times, old_times = asyncio.run(measure([new.ws_url, old.ws_url], floor.ws_url, runs,
                                                           back_to_back=False))
            _report_scale(report, scale, ref, new_times, old_times)
    report.save()
    return report


def comparison_rows(new: PageTimes, old: PageTimes) -> list[list]:
    """Per page: median new and old (ms), new/old, new/floor, old/floor; then the floor itself and, last, the
    median of the pages' new/old."""
    new_floor, old_floor = median(new.floor), median(old.floor)
    rows, ratios = [], []
    for page, seconds in new.seconds.items():
        new_median = median(seconds)
        if not old.seconds.get(page):  # a page the old tree does not have
            rows.append([page, ms(new_median), None, None, round(new_median / new_floor, 2), None])
            continue
        old_median = median(old.seconds[page])
        ratios.append(round(new_median / old_median, 2))
        rows.append([page, ms(new_median), ms(old_median), ratios[-1], round(new_median / new_floor, 2),
                     round(old_median / old_floor, 2)])
    rows.append(["Boden (leere App)", ms(new_floor), ms(old_floor), round(new_floor / old_floor, 2), 1.0, 1.0])
    rows.append(["alle Seiten (Median neu/alt)", None, None, round(median(ratios), 2) if ratios else None, None, None])
    return rows


def _report_scale(report: Report, scale: float, ref: str, new: PageTimes, old: PageTimes) -> None:
    rows = comparison_rows(new, old)
    for page, new_ms, old_ms, ratio, new_to_floor, old_to_floor in rows:
        report.add(f"{page} neu/alt", ratio, "x", scale, new_ms=new_ms, old_ms=old_ms, new_to_floor=new_to_floor,
                   old_to_floor=old_to_floor, ref=ref)
    for side, times in (("neu", new), ("alt", old)):
        for error in times.errors:
            report.note(f"x{scale:g} {side}: Fehler: {error}")
    report.add("errors", len(new.errors) + len(old.errors), "", scale, target="0",
               met=not (new.errors or old.errors))
    print_table(f"Rerun-Kosten je Seite, aktueller Stand (neu) gegen {ref} (alt), im Wechsel gemessen, Maßstab "
                f"x{scale:g}", ["Seite", "neu ms", "alt ms", "neu/alt", "neu/Boden", "alt/Boden"], rows)
