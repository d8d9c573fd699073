"""The import benchmark's file and child run: a small tree workbook imports whole, with its reports."""

from __future__ import annotations

import json
import subprocess
import sys

from bench.imports import LABELS, tree_workbook
from bench.common import ROOT


def test_the_generated_tree_imports_without_problems_and_reports_its_figures(tmp_path):
    path = tmp_path / "baum.xlsx"
    path.write_bytes(tree_workbook(600))
    done = subprocess.run([sys.executable, "-m", "bench.imports", str(path), f"sqlite:///{tmp_path / 'b.db'}"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["problems"] == 0 and result["written"]
    assert 560 <= result["rows"] <= 600  # 56 structure rows, then measures with one row per report label
    assert (result["rows"] - 8 * 7) % (1 + len(LABELS)) == 0
    assert set(result["times"]) == set(result["cpu"]) == {"read", "propose_reshape", "preview", "write"}
    assert result["peak_rss_mib"] > 0
