"""`python -m cli import FILE --indicators ...`: statistics files as context indicators from the command line,
the same counts, problems and notes as the page; the options file; no contradictory --level message."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from cli.main import main
from models.db import make_engine
from models.schema import Indicator, IndicatorValue
from tests.conftest import FIXTURES

IMPORTS = FIXTURES / "imports"


def _values(url) -> list[tuple]:
    engine = make_engine(url)
    with Session(engine) as session:
        rows = session.execute(select(Indicator.code, Indicator.kind, IndicatorValue.value_date, IndicatorValue.value)
                               .join(IndicatorValue.indicator).order_by(Indicator.code, IndicatorValue.value_date)).all()
    engine.dispose()
    return [tuple(row) for row in rows]


def test_official_table_rows_and_columns_from_the_command_line(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    arguments = ["--database-url", url, "import", str(IMPORTS / "regionalstatistik.csv"), "--plan", "stat",
                 "--indicators", "--rows", "06432,06434", "--columns", "Arbeitslose;Arbeitslosenquote",
                 "--stand", "31.12.2024", "--source", "Statistisches Landesamt (erfunden)"]
    assert main([*arguments, "--dry-run"]) == 0
    out = capsys.readouterr().out
    counts = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.startswith("Kennzahl")}
    assert counts == {"Kennzahlen": ["4", "0", "0"], "Kennzahlwerte": ["3", "0", "0"]}
    assert "Zeile 9, Spalte „Arbeitslosenquote“: kein Wert („…“): bleibt leer, nicht 0" in out
    assert "Spalte „Ausländer“: Spalte nicht übernommen" in out
    assert "Probelauf: Es wurde nichts gespeichert." in out
    assert main(arguments) == 0
    assert "Import gespeichert: 7 Zeile(n) neu oder geändert." in capsys.readouterr().out  # 4 + 3, and the plan
    assert ("06432-arbeitslose", "context", dt.date(2024, 12, 31), 9870.0) in _values(url)
    assert main(arguments) == 0  # the same file again changes nothing
    assert "Nichts zu ändern" in capsys.readouterr().out


def test_series_through_an_options_file_and_unknown_rows_refused(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    options = tmp_path / "wahl.json"
    options.write_text(json.dumps({"columns": ["Arbeitslose"], "source": "BA (erfunden)"}), encoding="utf-8")
    assert main(["--database-url", url, "import", str(IMPORTS / "zeitreihe.tsv"), "--plan", "stat",
                 "--options", str(options)]) == 0
    assert [row[2] for row in _values(url)] == [dt.date(2005, 1, 31), dt.date(2005, 2, 28), dt.date(2005, 3, 31),
                                                 dt.date(2005, 5, 31), dt.date(2006, 12, 31), dt.date(2015, 9, 30)]
    capsys.readouterr()
    assert main(["--database-url", url, "import", str(IMPORTS / "monatswerte-breit.csv"), "--plan", "stat",
                 "--indicators", "--rows", "Frankreich"]) == 2
    assert "Diese Zeilen gibt es in der Spalte „Land“ nicht: „Frankreich“" in capsys.readouterr().err
    assert main(["--database-url", url, "import", str(IMPORTS / "zeitreihe.tsv"), "--indicators"]) == 2
    assert "mit --plan" in capsys.readouterr().err


def test_named_level_is_never_answered_with_name_the_level(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    odd = tmp_path / "liste.csv"
    odd.write_bytes("foo;bar\n1;2\n".encode())
    assert main(["--database-url", url, "import", str(odd), "--plan", "neu", "--level", "Kennzahlwerte",
                 "--dry-run"]) == 1
    captured = capsys.readouterr()
    assert "--level" not in captured.err + captured.out
    assert "Pflichtspalte „Kennzahl“ fehlt" in captured.out
    assert main(["--database-url", url, "import", str(odd), "--plan", "neu"]) == 2
    assert "Nennen Sie die Ebene mit --level" in capsys.readouterr().err


def test_dry_run_shows_english_decimal_points_read_as_german_numbers(tmp_path, capsys):
    """Rule "decimal mark per file column" on the command line: the dry run shows 70,125, not 70.125 or 70125."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    arguments = ["--database-url", url, "import", str(IMPORTS / "sdg-dezimalpunkt.csv"), "--plan", "stat",
                 "--indicators", "--columns", "Value", "--dry-run"]
    assert main(arguments) == 0
    assert "Spalte „Value“ gelesen als: 70,125; 70,25; 71,333" in capsys.readouterr().out
    assert main([*arguments[:3], str(IMPORTS / "sdg-mehrdeutig.csv"), *arguments[4:]]) == 2
    assert "Spalte „Value“: Bei Zahlen wie „70.125“" in capsys.readouterr().err


def test_genesis_table_dry_run_prints_the_stands_of_the_year_column(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database-url", url, "import", str(IMPORTS / "genesis-baufertigstellung.csv"), "--plan", "stat",
                 "--indicators", "--rows", "06432,06433,06434", "--columns", "Wohnfläche – 1000 qm",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Stand der Werte: 31.12.2022, 31.12.2023" in out  # not the footnote's 01.01.1979, not 27.11.2024
    assert "keine Werte: 06433" in out


def test_bad_options_file_is_explained_in_german_with_its_line(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    options = tmp_path / "wahl.json"

    def refused(text: str) -> str:
        options.write_text(text, encoding="utf-8")
        assert main(["--database-url", url, "import", str(IMPORTS / "zeitreihe.tsv"), "--plan", "stat",
                     "--options", str(options)]) == 2
        return capsys.readouterr().err

    err = refused("rows: 06432\n")
    assert "kein gültiges JSON: Zeile 1, Zeichen 1: hier fehlt ein Wert" in err and "Expecting" not in err
    assert "Zeile 2, Zeichen 3: ein Schlüssel muss in doppelten Anführungszeichen" in refused('{\n  rows: []\n}')
    assert "Zeile 3: Den Schlüssel „rowz“ gibt es nicht" in refused('{\n "columns": ["Arbeitslose"],\n "rowz": []}')
    assert "Zeile 1: „columns“ muss eine Liste von Texten sein" in refused('{"columns": "Arbeitslose"}')
    assert "muss ein JSON-Objekt in geschweiften Klammern sein" in refused('["Arbeitslose"]')


def test_an_options_file_with_every_period_takes_the_new_year(tmp_path, capsys):
    """"periods": "all" (what a wide profile keeps when every period was picked): next year's column comes too."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    options = tmp_path / "breit.json"
    options.write_text(json.dumps({"rows": ["Hessen"], "periods": "all"}), encoding="utf-8")
    next_year = tmp_path / "breit-2024.csv"
    next_year.write_text("Land;2022;2023;2024\nHessen;11;12;13\nBayern;21;22;23\n", encoding="utf-8")
    assert main(["--database-url", url, "import", str(next_year), "--plan", "stat", "--options", str(options)]) == 0
    assert [(row[2].year, row[3]) for row in _values(url)] == [(2022, 11.0), (2023, 12.0), (2024, 13.0)]
    options.write_text(json.dumps({"rows": ["Hessen"], "periods": "alle"}), encoding="utf-8")
    assert main(["--database-url", url, "import", str(next_year), "--plan", "stat", "--options", str(options)]) == 2
    assert "„periods“ kennt nur den Wert \"all\"" in capsys.readouterr().err
def test_name_and_categories_flags_keep_two_open_sdg_files_apart(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    first = ["--database-url", url, "import", str(IMPORTS / "bezirk_indicator_11-2-1.csv"), "--plan", "stat",
             "--indicators", "--categories", "Ortsteil"]
    assert main(first) == 0  # the name proposed from the file name, as on the page
    second = ["--database-url", url, "import", str(IMPORTS / "bezirk_indicator_11-4-1.csv"), "--plan", "stat",
              "--indicators", "--categories", "Ortsteil"]
    capsys.readouterr()
    assert main([*second, "--name", "Indikator 11.2.1", "--dry-run"]) == 0  # a name already used: warned
    out = capsys.readouterr().out
    assert "Achtung: Dieser Import würde 2 Kennzahl(en) ändern" in out and "„ind11-2-1-altstadt“" in out
    assert main([*second, "--name", "Modal Split"]) == 0
    assert "Achtung" not in capsys.readouterr().out
    codes = {row[0] for row in _values(url)}
    assert codes == {"ind11-2-1-altstadt", "ind11-2-1-nordviertel", "modal-split-altstadt",
                     "modal-split-nordviertel"}
    grown = tmp_path / "bezirk_indicator_11-2-1.csv"
    grown.write_bytes((IMPORTS / "bezirk_indicator_11-2-1.csv").read_bytes()
                      + b"2025,Altstadt,Musterbezirk,re_ortsteil.0101,5\n")
    assert main([*first[:3], str(grown), *first[4:], "--dry-run"]) == 0
    assert "Wird aktualisiert: 1 vorhandene Kennzahl(en) dieses Plans (1 Wert(e) neu" in capsys.readouterr().out


def test_help_names_the_series_name_and_the_categories(capsys):
    try:
        main(["import", "--help"])
    except SystemExit:
        pass
    out = " ".join(capsys.readouterr().out.split())
    assert "--categories SPALTE[,SPALTE]" in out and "Kategorie-Spalten einer Zeitreihe" in out
    assert "die Bezeichnung der Reihe, die vor jedem Code und Titel steht" in out


def test_a_profile_whose_name_came_from_its_file_names_the_next_file_by_its_own(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    options = tmp_path / "ortsteile.json"
    options.write_text(json.dumps({"columns": ["Value"], "categories": ["Ortsteil"], "name": "Indikator 11.2.1",
                                   "name_from": "file"}), encoding="utf-8")
    assert main(["--database-url", url, "import", str(IMPORTS / "bezirk_indicator_11-4-1.csv"), "--plan", "stat",
                 "--options", str(options)]) == 0
    assert {code.split("-")[0] for code, *_ in _values(url)} == {"ind11"}
    assert all(code.startswith("ind11-4-1-") for code, *_ in _values(url))
def test_indicators_without_columns_take_the_columns_the_page_proposes(tmp_path, capsys):
    """Issue 14 (fifth review): a long SDG series (Year, Ortsteil, District, GeoCode, Value) with --indicators and
    no --columns reads the Value column per Ortsteil, as the page proposes; without any flag its shape is
    proposed too."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    arguments = ["--database-url", url, "import", str(IMPORTS / "bezirk_indicator_11-2-1.csv"), "--plan", "stat"]
    assert main([*arguments, "--indicators", "--dry-run"]) == 0
    out = capsys.readouterr().out
    counts = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.startswith("Kennzahl")}
    assert counts == {"Kennzahlen": ["2", "0", "0"], "Kennzahlwerte": ["4", "0", "0"]}
    assert "Spalte „District“: Spalte nicht übernommen" in out and "Spalte „Value“" in out
    assert main([*arguments, "--dry-run"]) == 0
    without_flag = capsys.readouterr().out
    assert without_flag == "Form: Zeitreihe (erkannt; andere Form mit --level/--tree)\n" + out
