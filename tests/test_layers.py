"""The layers, checked by import-linter with the contracts in .importlinter: models imports no Streamlit, no ui, no
screens, no command line, no bench and no tests; ui imports no screens; the command line and the HTTP routes (web)
import no Streamlit, no ui and no screens; no import cycle inside ui, models or one of their sub-packages (imports
inside functions count too)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.common import ROOT

CONFIG = ROOT / ".importlinter"
CONTRACTS = 5


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    """lint-imports (of this interpreter) with the repository's contracts on the packages found in cwd."""
    command = [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
               "--config", str(CONFIG), "--no-cache", "--no-logo"]
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["COLUMNS"] = "200"  # one line per contract in the report
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_the_code_keeps_every_layer_contract():
    checked = lint_imports(ROOT)
    report = checked.stdout + checked.stderr
    assert checked.returncode == 0, report
    assert f"Contracts: {CONTRACTS} kept, 0 broken." in report, report


def write(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")


def test_each_contract_catches_its_violation(tmp_path):
    """The same contracts on a small tree that breaks each of them: not a check that passes on anything."""
    write(tmp_path, {
        "models/__init__.py": "",
        "models/leak.py": "import streamlit\nfrom ui import shell\n",
        "models/transfer/__init__.py": "",
        "models/transfer/parsing.py": "from models.transfer import importer\n",
        "models/transfer/importer.py": "def run():\n    from models.transfer import parsing\n",
        "cli/__init__.py": "",
        "cli/leak.py": "import streamlit\nfrom ui import widgets\nfrom models import leak\n",
        "web/__init__.py": "",
        "web/leak.py": "import streamlit\nfrom ui import widgets\n",
        "ui/__init__.py": "",
        "ui/shell.py": "import dashboard\nfrom ui import widgets\n",
        "ui/widgets.py": "import pages.massnahmen\n\n\ndef header():\n    from ui import shell\n",
    })
    checked = lint_imports(tmp_path)
    report = checked.stdout + checked.stderr
    assert checked.returncode == 1, report
    assert f"Contracts: 0 kept, {CONTRACTS} broken." in report, report
    for violation in ("models.leak -> streamlit", "models.leak -> ui.shell", "ui.shell -> dashboard",
                      "ui.widgets -> pages", "cli.leak -> streamlit",
                      "cli.leak -> ui.widgets", "web.leak -> streamlit", "web.leak -> ui.widgets",
                      "No cycles are allowed in ui.",
                      "No cycles are allowed in models.transfer."):
        assert violation in report, (violation, report)
