"""`python -m cli import FILE --indicators --rows ...` with rows whose values hold a comma (Eurostat:
"CNMIGRAT,DE71"), and the refusals for rows that are not in the file or not chosen at all (issue 14)."""

from __future__ import annotations

from cli.main import main
from tests.cli.test_import_statistics import IMPORTS, _values

EUROSTAT = str(IMPORTS / "eurostat-wanderung.tsv")


def test_repeated_rows_keep_a_comma_inside_a_value_and_flags_are_named(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database-url", url, "import", EUROSTAT, "--plan", "stat", "--indicators",
                 "--rows", "CNMIGRAT,DE71", "--rows", "CNMIGRAT,DE711", "--name", "Wanderung"]) == 0
    out = capsys.readouterr().out
    assert "2 Wert(e) mit Kennzeichen e (geschätzt): CNMIGRAT,DE71 2020, CNMIGRAT,DE71 2019" in out
    assert "Zeile 3, Spalte „2021“: kein Wert („:“): bleibt leer, nicht 0" in out
    values = _values(url)
    assert {code for code, *_ in values} == {"wanderung-cnmigrat-de71", "wanderung-cnmigrat-de711"}
    assert len(values) == 6  # 2021 is ":" in both rows: no value, never 0


def test_comma_list_of_rows_still_works_where_no_value_holds_a_comma(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database-url", url, "import", EUROSTAT, "--plan", "stat", "--indicators",
                 "--key-column", "geo", "--rows", "DE711,DE712", "--dry-run"]) == 0
    counts = {line.split()[0]: line.split()[1:] for line in capsys.readouterr().out.splitlines()
              if line.startswith("Kennzahl")}
    assert counts == {"Kennzahlen": ["2", "0", "0"], "Kennzahlwerte": ["5", "0", "0"]}


def test_unknown_row_names_the_column_searched_and_the_key_column_option(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database-url", url, "import", EUROSTAT, "--plan", "stat", "--indicators",
                 "--rows", "DE71"]) == 2
    err = capsys.readouterr().err
    assert "Diese Zeilen gibt es in der Spalte „indic_de,geo“ nicht: „DE71“." in err
    assert "dort gibt es z. B. „CNMIGRAT,DE7“, „CNMIGRAT,DE71“" in err
    assert "--key-column, möglich sind: „indic_de“, „geo“." in err


def test_no_row_chosen_says_which_rows_exist_and_how_to_pick_them(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database-url", url, "import", EUROSTAT, "--plan", "stat", "--indicators"]) == 2
    err = capsys.readouterr().err
    assert "Bitte wählen Sie mindestens eine Zeile. In der Spalte „indic_de,geo“ gibt es z. B. „CNMIGRAT,DE7“" in err
    assert "auf der Kommandozeile mit --rows" in err
    transposed = str(IMPORTS / "eurostat-quer.tsv")  # without --columns: the region columns, as the page proposes
    assert main(["--database-url", url, "import", transposed, "--plan", "stat", "--indicators", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert all(f"Spalte „{region}“ gelesen als" in out for region in ("DE7", "DE71", "DE711"))
    official = str(IMPORTS / "regionalstatistik.csv")  # an official table proposes no columns: the user picks them
    assert main(["--database-url", url, "import", official, "--plan", "stat", "--indicators", "--rows", "06432"]) == 2
    err = capsys.readouterr().err
    assert "Bitte wählen Sie mindestens eine Spalte. Die Datei hat diese Wertespalten: " in err
    assert "„Ausländer“, „Arbeitslose“" in err and "--columns" in err
