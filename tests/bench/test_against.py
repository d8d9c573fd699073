"""`python3 -m bench rerun --against REF`: the comparison's table from given times, and one tiny real run against
HEAD (one counted round, a tiny plan) for the report's shape. No timing is asserted."""

from __future__ import annotations

import subprocess

import pytest

from bench import against
from bench.common import ROOT, Workspace
from bench.rerun import PageTimes

TINY = 0.02  # 16 measures


def test_the_rows_set_each_page_against_the_old_tree_and_each_tree_against_its_floor():
    new = PageTimes(seconds={"uebersicht": [0.2, 0.4, 0.3], "neu": [0.1]}, floor=[0.1, 0.1])
    old = PageTimes(seconds={"uebersicht": [0.6, 0.6]}, floor=[0.2])
    rows = against.comparison_rows(new, old)
    assert rows == [
        ["uebersicht", 300.0, 600.0, 0.5, 3.0, 3.0],
        ["neu", 100.0, None, None, 1.0, None],
        ["Boden (leere App)", 100.0, 200.0, 0.5, 1.0, 1.0],
        ["alle Seiten (Median neu/alt)", None, None, 0.5, None, None],
    ]


def test_an_unknown_ref_is_named_and_leaves_no_worktree():
    with pytest.raises(against.UnknownRef, match="gibt-es-nicht"):
        with against.checked_out("gibt-es-nicht"):
            pass


def _worktrees() -> set[str]:
    listing = subprocess.run(["git", "worktree", "list", "--porcelain"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout
    return {line.removeprefix("worktree ") for line in listing.splitlines() if line.startswith("worktree ")}


def test_one_round_against_head_reports_every_page_and_removes_the_worktree(monkeypatch, tmp_path):
    monkeypatch.setattr("bench.common.RESULTS", tmp_path)  # not into the repository's bench/results
    before = _worktrees()
    workspace = Workspace()
    try:
        report = against.run(workspace, [TINY], "HEAD", runs=1)
    finally:
        workspace.close()
    assert _worktrees() == before
    assert (tmp_path / "rerun_against.jsonl").exists()
    figures = {figure.name: figure for figure in report.figures}
    assert figures["errors"].value == 0, [f.value for f in report.figures if f.name == "note"]
    pages = [name.removesuffix(" neu/alt") for name in figures if name.endswith(" neu/alt")]
    assert {"uebersicht", "massnahmen", "Boden (leere App)", "alle Seiten (Median neu/alt)"} <= set(pages)
    for page in pages[:-1]:  # every page of HEAD is a page of HEAD: a ratio on each side
        figure = figures[f"{page} neu/alt"]
        assert figure.value > 0 and figure.extra["new_to_floor"] > 0 and figure.extra["old_to_floor"] > 0
        assert figure.scale == TINY and figure.extra["ref"] == "HEAD"
