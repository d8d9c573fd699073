"""`python -m cli import dump.json --tree`: another tool's JSON (a Django export) through the command line
takes the table holding the tree, like the page (issue 14, shape 9)."""

from __future__ import annotations

import datetime as dt

from cli.main import main
from models.rules import COMPLETED, IN_PROGRESS, PLANNED, SUSPENDED
from models.transfer import tree
from tests.conftest import FIXTURES


def test_command_line_imports_the_task_tree_of_a_django_export(tmp_path, capsys):
    source = FIXTURES / "imports" / "json-django-aufgaben.json"
    found = tree.read_tree_file(source.name, source.read_bytes())
    table = next(table for table in found.tables if table.name == "klima.aufgabe")
    mapping = tree.propose_tree(table, found.shapes.get(table.name), today=dt.date(2024, 6, 30))
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    args = ["--database-url", url, "import", str(source), "--plan", "klima", "--name", "Klima", "--owner", "Stadt"]
    assert main([*args, "--tree", "--dry-run"]) == 1  # the numeric states are the user's to map
    printed = capsys.readouterr()
    assert "Für den Statuswert „5“ ist kein Status gewählt." in printed.out
    assert "Hinweis: Django-Datenexport: je Modell eine Tabelle" in printed.err
    mapping.status_values = {"0": PLANNED, "1": IN_PROGRESS, "4": COMPLETED, "5": SUSPENDED}
    saved = tmp_path / "zuordnung.json"
    saved.write_text(mapping.to_json(), encoding="utf-8")
    assert main([*args, "--mapping", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "Import gespeichert" in out and "Status „5“ → ausgesetzt: 1 Zeile(n)" in out
