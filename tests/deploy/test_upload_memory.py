"""Break B7 of the security review: the review's three oversized uploads (a 50 MB CSV, a workbook with a
million rows, a zip bomb of 1 GB) drove the server to 1.3-2.8 GB, or to a MemoryError. Each is now refused
with a German message; the import's parse (read_file, as the page and the command line call it) runs in a
process of its own here, and its peak memory (VmHWM, read from /proc) stays far below 600 MB."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests import big_files

ROOT = Path(__file__).resolve().parents[2]
PEAK_LIMIT_KB = 600 * 1024
FILES = {
    "sachstaende.csv": (lambda: big_files.big_csv(50), "Die Datei ist zu groß"),
    "sachstaende.xlsx": (lambda: big_files.workbook(1_000_000), "Die Datei hat zu viele Zeilen"),
    "bombe.zip": (lambda: big_files.zip_bomb(1024), "Die Datei ist zu groß"),
    # Within the size limit, refused at its 100,001st row while the rows stream in.
    "grenzfall.csv": (lambda: big_files.big_csv(19), "Die Datei hat zu viele Zeilen"),
}
# Reads the file, parses it as the import does, then reports the message and its own peak memory.
PARSE = """
import json, sys
from pathlib import Path
from models.transfer.parsing import UnreadableFile, read_file
path = Path(sys.argv[1])
try:
    read_file(path.name, path.read_bytes())
    message = ""
except UnreadableFile as refused:
    message = str(refused)
status = Path("/proc/self/status").read_text()
peak = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
print(json.dumps({"message": message, "peak_kb": peak}))
"""


@pytest.mark.parametrize("name", list(FILES))
def test_b7_oversized_upload_refused_under_600_mb_peak(name, tmp_path):
    build, start = FILES[name]
    path = tmp_path / name
    path.write_bytes(build())
    done = subprocess.run([sys.executable, "-c", PARSE, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["message"].startswith(start)
    assert report["peak_kb"] < PEAK_LIMIT_KB, report
