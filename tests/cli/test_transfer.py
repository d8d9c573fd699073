"""`python -m cli export | backup | restore`: the main paths as subprocesses, the other answers in-process (same
code). Exit codes: 0 done, 1 restore refused, 2 bad input."""

from __future__ import annotations

import json
import zipfile

from openpyxl import load_workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cli.main import main
from models.db import make_engine
from models.schema import Plan
from tests.cli.test_main import cli


def test_cli_exports_excel_as_a_subprocess_and_explains_a_bad_date(example_sqlite_url, tmp_path, capsys):
    target = tmp_path / "plan.xlsx"
    result = cli("export", "--format", "xlsx", "--out", str(target), "--as-of", "2024-06-30", url=example_sqlite_url)
    assert result.returncode == 0, result.stderr
    assert "Stand 30.06.2024" in result.stdout and "Maßnahmen" in result.stdout
    assert load_workbook(target)["Maßnahmen"].max_row == 106
    bad = ["--database-url", example_sqlite_url, "export", "--format", "xlsx", "--out", str(target),
           "--as-of", "30.06.2024"]
    assert main(bad) == 2 and "JJJJ-MM-TT" in capsys.readouterr().err


def test_cli_exports_csv_and_a_plan_backup_and_names_the_plans_it_knows(example_sqlite_url, tmp_path, capsys):
    database = ["--database-url", example_sqlite_url]
    assert main([*database, "export", "--format", "csv", "--plan", "wetzlar", "--out", str(tmp_path / "p.zip")]) == 0
    assert "00-Info.csv" in zipfile.ZipFile(tmp_path / "p.zip").namelist()
    assert main([*database, "export", "--format", "json", "--plan", "wetzlar", "--out", str(tmp_path / "p.json")]) == 0
    document = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert document["scope"] == {"kind": "plan", "plan": "wetzlar"}
    assert main([*database, "export", "--format", "csv", "--plan", "gibtsnicht", "--out", str(tmp_path / "x")]) == 2
    assert "darmstadt-dieburg, wetzlar" in capsys.readouterr().err
    assert main([*database, "export", "--format", "xlsx", "--out", str(tmp_path / "nicht" / "da.xlsx")]) == 2
    assert "kann nicht geschrieben werden" in capsys.readouterr().err


def test_cli_restore_refuses_a_full_database_unless_told_to_replace(example_sqlite_url, tmp_path, capsys):
    backup_file = tmp_path / "sicherung.json"
    assert main(["--database-url", example_sqlite_url, "backup", "--out", str(backup_file)]) == 0
    assert "Sicherung der ganzen Datenbank" in capsys.readouterr().out
    target = f"sqlite:///{tmp_path / 'neu.db'}"
    first = cli("restore", str(backup_file), url=target)
    assert first.returncode == 0, first.stderr
    assert main(["--database-url", target, "restore", str(backup_file)]) == 1
    assert "--replace" in capsys.readouterr().err
    assert main(["--database-url", target, "restore", str(backup_file), "--replace"]) == 0
    engine = make_engine(target)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Plan)) == 2
    engine.dispose()
    broken = tmp_path / "kaputt.json"
    broken.write_text("{nicht json", encoding="utf-8")
    assert main(["--database-url", target, "restore", str(broken)]) == 2
    assert "keine JSON-Sicherung" in capsys.readouterr().err
    empty = f"sqlite:///{tmp_path / 'leer.db'}"
    assert main(["--database-url", empty, "backup", "--out", str(tmp_path / "x.json")]) == 2
