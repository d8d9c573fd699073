"""`python -m cli import FILE`: the preview, problems with sheet/row/column, and files too big (exit codes 0, 1, 2)."""

from __future__ import annotations

from cli.main import main
from tests import big_files


def test_command_line_import_prints_the_preview_and_fails_on_problems(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    good = tmp_path / "plan.csv"
    good.write_bytes("Code;Titel\nHF1;Sprache\n".encode("cp1252"))
    bad = tmp_path / "leitziele.csv"
    bad.write_bytes("Code;Handlungsfeld;Titel\nLZ1;HF7;Ziel\n".encode("cp1252"))
    assert main(["--database-url", url, "import", str(good), "--plan", "neu", "--level", "Handlungsfelder",
                 "--dry-run"]) == 0
    assert "Handlungsfelder          1         0            0" in capsys.readouterr().out
    assert main(["--database-url", url, "import", str(good), "--plan", "neu", "--level", "handlungsfelder"]) == 0
    assert "Import gespeichert: 1 Zeile(n) neu oder geändert." in capsys.readouterr().out
    assert main(["--database-url", url, "import", str(bad), "--plan", "neu"]) == 1
    out = capsys.readouterr().out
    assert ("Datei „leitziele“, Zeile 2, Spalte „Handlungsfeld“: „HF7“ gibt es weder in der Datei noch im Plan "
            "(gesucht in „Handlungsfelder“).") in out
    assert main(["--database-url", url, "import", str(bad), "--level", "Quatsch"]) == 2
    assert "Eine Ebene „Quatsch“ gibt es nicht" in capsys.readouterr().err


def test_b7_command_line_import_refuses_a_big_file_in_german(tmp_path, capsys):
    big = tmp_path / "sachstaende.csv"
    big.write_bytes(big_files.big_csv(21))
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database-url", url, "import", str(big), "--plan", "neu"]) == 2
    assert "Fehler: Die Datei ist zu groß: Sie hat 21,0 MB" in capsys.readouterr().err
    bomb = tmp_path / "bombe.zip"
    bomb.write_bytes(big_files.zip_bomb(100))
    assert main(["--database-url", url, "import", str(bomb), "--plan", "neu"]) == 2
    assert "Fehler: Die Datei ist zu groß: Entpackt hätte" in capsys.readouterr().err


def test_command_line_imports_a_tree_with_the_page_s_saved_mapping(tmp_path, capsys):
    """`import FILE --tree --mapping zuordnung.json`: the mapping the page saves; a second run changes nothing."""
    import datetime as dt

    from models.transfer import tree
    from tests.conftest import FIXTURES

    source = FIXTURES / "imports" / "tree-status.xlsx"
    found = tree.read_tree_file(source.name, source.read_bytes())
    table = found.tables[0]
    mapping = tree.propose_tree(table, found.shapes[table.name], today=dt.date(2024, 6, 30))
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    args = ["--database-url", url, "import", str(source), "--plan", "baum", "--name", "Baum", "--owner", "Kreis"]
    assert main([*args, "--tree", "--dry-run"]) == 1  # the proposal leaves the numbers 4 and 8 unmapped
    out = capsys.readouterr().out
    assert "Status „4“ → nicht zugeordnet: 1 Zeile(n)" in out
    assert "Zeile 12, Spalte „Ampel“: Für den Statuswert „4“ ist kein Status gewählt." in out
    mapping.status_values.update({"4": "in Umsetzung", "8": "abgeschlossen"})
    saved = tmp_path / "zuordnung.json"
    saved.write_text(mapping.to_json(), encoding="utf-8")
    assert main([*args, "--mapping", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "Status „#AE1B1B“ → gefährdet: 1 Zeile(n)" in out
    assert "Import gespeichert" in out
    assert main([*args, "--mapping", str(saved)]) == 0
    assert "Nichts zu ändern" in capsys.readouterr().out
    broken = tmp_path / "kaputt.json"
    broken.write_text("[1, 2]", encoding="utf-8")
    assert main([*args, "--mapping", str(broken)]) == 2
    assert "keine gültige Zuordnung" in capsys.readouterr().err


def test_tree_without_status_column_needs_default_status(tmp_path, capsys):
    """Rule "no status column is said": the dry run names it as a problem; --default-status confirms it."""
    from tests.models.test_import_tree_recognition import NO_STATUS
    path = tmp_path / "ohne-status.csv"
    path.write_text(NO_STATUS, encoding="utf-8")
    args = ["--database-url", f"sqlite:///{tmp_path / 'cli.db'}", "import", str(path), "--tree", "--plan", "baum",
            "--name", "Baum", "--owner", "Stadt", "--dry-run"]
    assert main(args) == 1
    out = capsys.readouterr().out
    assert "Keine Statusspalte gewählt: alle Sachstände erhielten „in Umsetzung“" in out
    assert "Spalte „priority“ wird nicht übernommen" in out
    assert main([*args, "--default-status", "geplant"]) == 0
    assert "Kein Status gewählt: alle Sachstände erhalten „geplant“." in capsys.readouterr().out


def test_tree_command_line_after_the_third_review(tmp_path, capsys):
    """(a) a mapping whose columns the file lacks names them all; (b) a file without report rows says nothing
    about a status; (c) a refused dry run prints no counts of what would be written; long titles are
    shortened by default (said in the dry run), and --no-shorten-titles refuses them instead."""
    from models.transfer import tree
    from tests.conftest import FIXTURES

    source = FIXTURES / "imports" / "aktionen-achsen.csv"
    args = ["--database-url", f"sqlite:///{tmp_path / 'cli.db'}", "import", str(source), "--plan", "achsen",
            "--name", "Achsen", "--owner", "Stadt", "--dry-run"]
    assert main([*args, "--tree"]) == 0
    out = capsys.readouterr().out
    assert "Kein Status" not in out and "Keine Statusspalte" not in out  # (b)
    assert "2 Titel sind länger als erlaubt: Sie werden an einer Wortgrenze mit „…“ gekürzt" in out
    assert "Plan (Info)              1         0            0" in out
    assert main([*args, "--tree", "--no-shorten-titles"]) == 1
    out = capsys.readouterr().out
    assert "Plan (Info)" not in out and "Maßnahmen               " not in out  # (c) no counts
    assert "Wegen der Probleme unten wird nichts gespeichert" in out
    assert "Es wurde nichts gespeichert." in out
    found = tree.read_tree_file(source.name, source.read_bytes())
    mapping = tree.propose_tree(found.tables[0])
    mapping.title_column, mapping.status_column = "title/en", "status/name/en"
    saved = tmp_path / "zuordnung.json"
    saved.write_text(mapping.to_json(), encoding="utf-8")
    assert main([*args, "--mapping", str(saved)]) == 1
    out = capsys.readouterr().out
    assert "Diese Spalten der Zuordnung gibt es in der Datei nicht: „title/en“, „status/name/en“." in out  # (a)


def test_without_a_shape_flag_the_command_line_takes_the_shape_the_page_proposes(tmp_path, capsys):
    """Issue 14 (fifth review): an export with id and parent/id is read as one tree in one table, as the page
    proposes, with the same counts as --tree; the shape taken is said on the first line."""
    from tests.conftest import FIXTURES

    args = ["--database-url", f"sqlite:///{tmp_path / 'cli.db'}", "import",
            str(FIXTURES / "imports" / "ergebnisse-export.csv"), "--plan", "export", "--dry-run"]
    assert main(args) == 0
    proposed = capsys.readouterr().out
    assert proposed.splitlines()[0] == "Form: Baum in einer Tabelle (erkannt; andere Form mit --level/--indicators)"
    assert "Handlungsfelder      18" not in proposed and "Maßnahmen: 5" in proposed
    assert main([*args, "--tree"]) == 0
    assert capsys.readouterr().out == proposed.split("\n", 1)[1]  # the same reading, without the line of the shape
    assert main([*args, "--level", "Handlungsfelder"]) in (0, 1)  # a flag names the shape: nothing proposed
    assert "Form:" not in capsys.readouterr().out
