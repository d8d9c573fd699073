"""B17: the whole dependency tree is pinned with hashes (requirements.lock, requirements-dev.lock), the locks agree
with the direct pins in requirements*.txt and with each other, both install commands use them, and the audit
script fails loudly when pip-audit could not look the packages up (the review's misleading "No known
vulnerabilities found")."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bench.common import ROOT

LOCKS = {"requirements.txt": "requirements.lock", "requirements-dev.txt": "requirements-dev.lock"}
VERDICT = ROOT / "scripts" / "audit_verdict.py"


def direct_pins(requirements: Path) -> dict[str, str]:
    """Name -> pinned version of requirements.txt-style lines, following -r includes."""
    pins: dict[str, str] = {}
    for line in requirements.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            pins.update(direct_pins(requirements.parent / line[3:].strip()))
        elif line:
            requirement = Requirement(line)
            (specifier,) = requirement.specifier
            assert specifier.operator == "==", f"{line}: pin it with =="
            pins[canonicalize_name(requirement.name)] = specifier.version
    return pins


def locked(lock: Path) -> dict[str, list[tuple[str, str, list[str]]]]:
    """Name -> [(version, marker, hashes)] of a hashed lock file (one name may have one entry per marker)."""
    entries: dict[str, list[tuple[str, str, list[str]]]] = {}
    text = re.sub(r"\\\n", " ", lock.read_text(encoding="utf-8"))
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement_text, *options = line.split(" --")
        requirement = Requirement(requirement_text)
        (specifier,) = requirement.specifier
        hashes = [option.split("=", 1)[1] for option in options if option.startswith("hash=")]
        entries.setdefault(canonicalize_name(requirement.name), []).append(
            (specifier.version, str(requirement.marker or ""), hashes))
    return entries


@pytest.mark.parametrize("requirements", LOCKS)
def test_b17_every_direct_pin_is_locked_with_the_same_version(requirements: str):
    lock = locked(ROOT / LOCKS[requirements])
    for name, version in direct_pins(ROOT / requirements).items():
        assert name in lock, f"{name} is not in {LOCKS[requirements]}: regenerate it (README: Abhängigkeiten prüfen)"
        assert {entry[0] for entry in lock[name]} == {version}, (name, version, lock[name])


@pytest.mark.parametrize("lock_file", LOCKS.values())
def test_b17_every_locked_package_has_an_exact_version_and_hashes(lock_file: str):
    lock = locked(ROOT / lock_file)
    assert len(lock) > len(direct_pins(ROOT / "requirements.txt"))  # the transitive packages too
    for name, entries in lock.items():
        for version, _, hashes in entries:
            assert version and hashes and all(h.startswith("sha256:") for h in hashes), name


def test_b17_app_and_dev_locks_pin_the_same_versions():
    """The tests run on the versions the app is installed with."""
    app, dev = (locked(ROOT / lock) for lock in LOCKS.values())
    assert set(app) <= set(dev)
    for name, entries in app.items():
        assert [entry[:2] for entry in entries] == [entry[:2] for entry in dev[name]], name


def test_b17_the_install_commands_use_the_locks():
    """The README's two commands are the two scripts; each installs its lock, with hashes required."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "```bash\nbash scripts/start.sh\n```" in readme and "```bash\nbash scripts/test.sh\n```" in readme
    scripts = ROOT / "scripts"
    assert "use_venv requirements.lock\n" in (scripts / "start.sh").read_text(encoding="utf-8")
    assert "use_venv requirements-dev.lock\n" in (scripts / "test.sh").read_text(encoding="utf-8")
    assert '-m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"' in (
        scripts / "venv.sh").read_text(encoding="utf-8")


def run_verdict(tmp_path: Path, result: dict | None) -> subprocess.CompletedProcess:
    path = tmp_path / "result.json"
    if result is not None:
        path.write_text(json.dumps(result), encoding="utf-8")
    return subprocess.run([sys.executable, str(VERDICT), str(path)], capture_output=True, text=True, timeout=60,
                          check=False)


def test_b17_audit_fails_when_pip_audit_skipped_the_packages(tmp_path):
    """What pip-audit 2.10.1 writes here (its per-version lookup answers 404), while its summary line reads
    "No known vulnerabilities found"."""
    skipped = {"dependencies": [
        {"name": "alembic", "skip_reason": "Dependency not found on PyPI and could not be audited: alembic (1.20.1)"},
        {"name": "pyyaml", "skip_reason": "Dependency not found on PyPI and could not be audited: pyyaml (6.0.4)"},
    ], "fixes": []}
    checked = run_verdict(tmp_path, skipped)
    assert checked.returncode == 2
    assert "2 von 2 Paketen" in checked.stderr and "NICHT geprüft" in checked.stderr and "alembic" in checked.stderr


def test_b17_audit_fails_when_one_package_of_many_was_skipped(tmp_path):
    partly = {"dependencies": [{"name": "alembic", "version": "1.20.1", "vulns": []},
                               {"name": "pyyaml", "skip_reason": "Dependency not found on PyPI"}], "fixes": []}
    assert run_verdict(tmp_path, partly).returncode == 2


def test_b17_audit_fails_when_pip_audit_gave_no_result(tmp_path):
    """-s osv from here: the service's host cannot be resolved, pip-audit ends with a traceback and no output."""
    for result in (None, {"dependencies": []}):
        checked = run_verdict(tmp_path, result)
        assert checked.returncode == 2 and "NICHT geprüft" in checked.stderr


def test_b17_audit_reports_vulnerabilities_and_passes_a_clean_tree(tmp_path):
    vulnerable = {"dependencies": [
        {"name": "authlib", "version": "1.9.9", "vulns": [{"id": "GHSA-xxxx", "fix_versions": ["1.9.10"]}]},
        {"name": "alembic", "version": "1.20.1", "vulns": []}], "fixes": []}
    checked = run_verdict(tmp_path, vulnerable)
    assert checked.returncode == 1 and "authlib 1.9.9: GHSA-xxxx (behoben in: 1.9.10)" in checked.stderr
    clean = {"dependencies": [{"name": "alembic", "version": "1.20.1", "vulns": []}], "fixes": []}
    checked = run_verdict(tmp_path, clean)
    assert checked.returncode == 0 and "alle 1 Pakete geprüft" in checked.stdout
