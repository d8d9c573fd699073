"""The README's set-up commands (scripts/start.sh, scripts/test.sh) run in a virtual environment .venv that
scripts/venv.sh creates with the python3 found, reuses, and fills from a lock only when the lock changed; where the
venv module is missing (Debian's python3 without python3-venv) they stop with a German and English hint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.common import ROOT

VENV_SH = ROOT / "scripts" / "venv.sh"


def use_venv(folder: Path, python: str, path: str | None = None) -> subprocess.CompletedProcess:
    """`use_venv test.lock` in `folder` as the scripts call it (with `set -euo pipefail`)."""
    env = {**os.environ, "PYTHON": python, "PATH": path or os.environ["PATH"]}
    env.pop("VIRTUAL_ENV", None)
    script = f'set -euo pipefail; . "{VENV_SH}"; use_venv test.lock; echo "python=$VENV_PYTHON"; command -v python'
    return subprocess.run(["bash", "-c", script], cwd=folder, env=env, capture_output=True, text=True, timeout=300,
                          check=False)


def test_the_environment_is_created_reused_and_filled_only_when_the_lock_changed(tmp_path):
    (tmp_path / "test.lock").write_text("# no packages\n", encoding="utf-8")
    first = use_venv(tmp_path, sys.executable)
    assert first.returncode == 0, first.stderr
    venv_python = tmp_path / ".venv" / "bin" / "python"
    assert f"python={venv_python}" in first.stdout
    assert first.stdout.strip().endswith(str(venv_python))  # its console scripts come first on PATH
    assert "Creating .venv" in first.stderr and "Installing test.lock" in first.stderr

    again = use_venv(tmp_path, sys.executable)
    assert again.returncode == 0, again.stderr
    assert "Creating" not in again.stderr and "Installing" not in again.stderr

    (tmp_path / "test.lock").write_text("# no packages, changed\n", encoding="utf-8")
    changed = use_venv(tmp_path, sys.executable)
    assert changed.returncode == 0, changed.stderr
    assert "Creating" not in changed.stderr and "Installing test.lock" in changed.stderr


def test_a_broken_environment_is_replaced(tmp_path):
    (tmp_path / "test.lock").write_text("# no packages\n", encoding="utf-8")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").symlink_to(tmp_path / "removed-python")
    result = use_venv(tmp_path, sys.executable)
    assert result.returncode == 0, result.stderr
    assert "Replacing the unusable .venv" in result.stderr and "Creating .venv" in result.stderr


def test_a_python_without_the_venv_module_gets_a_german_and_english_hint(tmp_path):
    """Debian's python3 without python3-venv: as root the script tries apt-get (here a stand-in that fails)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    python = bin_dir / "python3"
    python.write_text(f'#!/bin/sh\n[ "$2" = "import ensurepip, venv" ] && exit 1\nexec "{sys.executable}" "$@"\n',
                      encoding="utf-8")
    apt_log = tmp_path / "apt.log"
    (bin_dir / "apt-get").write_text(f'#!/bin/sh\necho "$@" >>"{apt_log}"\nexit 100\n', encoding="utf-8")
    for tool in (python, bin_dir / "apt-get"):
        tool.chmod(0o755)
    (tmp_path / "test.lock").write_text("# no packages\n", encoding="utf-8")
    result = use_venv(tmp_path, str(python), path=f"{bin_dir}:{os.environ['PATH']}")
    version = "%d.%d" % sys.version_info[:2]
    assert result.returncode == 1
    assert "kann keine virtuelle Umgebung anlegen" in result.stderr
    assert "cannot create a virtual environment" in result.stderr
    assert f"sudo apt-get install python{version}-venv" in result.stderr
    assert not (tmp_path / ".venv").exists()
    if os.geteuid() == 0:
        assert f"install -y -qq python{version}-venv" in apt_log.read_text(encoding="utf-8")


def test_a_missing_or_too_old_python_is_named(tmp_path):
    old_python = tmp_path / "python3.10"
    old_python.write_text('#!/bin/sh\necho "Python 3.10.12"\nexit 1\n', encoding="utf-8")
    old_python.chmod(0o755)
    for python, message in (("no-such-python3", "no-such-python3 wurde nicht gefunden"),
                            (str(old_python), "Python 3.10.12 ist zu alt")):
        result = use_venv(tmp_path, python)
        assert result.returncode == 1 and message in result.stderr, result.stderr
        assert not (tmp_path / ".venv").exists()
