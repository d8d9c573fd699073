"""`python -m cli import FILE --profile NAME|FILE` and `python -m cli import-profile list|export` (issue 14,
"Mappings are remembered"): the next quarter's file imports with the profile saved on the page; what the
profile does not know is named and, without --confirm-new, refused (nothing written)."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cli.main import main
from models.commands.import_profiles import save_import_profile
from models.db import make_engine
from models.schema import Plan, StatusReport
from models.transfer import profiles
from tests.conftest import FIXTURES
from tests.models.test_import_profiles import ADMIN, confirmed_first_quarter

FIRST = FIXTURES / "imports" / "tree-reports.xlsx"
NEXT = FIXTURES / "imports" / "tree-reports-next.xlsx"


def _saved_profile(url: str) -> None:
    table, _, mapping = confirmed_first_quarter()
    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        plan_id = session.scalar(select(Plan.id).where(Plan.slug == "baum"))
        save_import_profile(session, ADMIN, plan_id, "Quartal", "tree", profiles.signature(table.headers),
                            json.loads(mapping.to_json()))
    engine.dispose()


def _reports(url: str) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        count = session.scalar(select(func.count(StatusReport.id)))
    engine.dispose()
    return count


def test_the_next_quarter_imports_with_the_saved_profile(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    table, _, mapping = confirmed_first_quarter()
    first = tmp_path / "zuordnung.json"
    first.write_text(mapping.to_json(), encoding="utf-8")
    assert main(["--database-url", url, "import", str(FIRST), "--plan", "baum", "--name", "Baum", "--owner", "Kreis",
                 "--profile", str(first)]) == 0  # the page's mapping download is a profile file
    capsys.readouterr()
    _saved_profile(url)
    before = _reports(url)

    base = ["--database-url", url, "import", str(NEXT), "--profile", "Quartal"]
    assert main([*base, "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "Baum im Blatt „Maßnahmenplan“, Importprofil „Quartal“" in out
    assert "Neu in dieser Datei, vom Profil nicht erfasst: bitte bestätigen" in out
    assert "Bezeichnung „Sachstand 2017“: Vorschlag 31.12.2017" in out
    assert "Für die Bezeichnung „Sachstand 2017“ ist kein Datum angegeben." in out
    assert "Es wurde nichts gespeichert." in out
    assert main(base) == 1
    capsys.readouterr()
    assert _reports(url) == before

    assert main([*base, "--confirm-new", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Sachstände „Sachstand 2017“ (31.12.2017): 2" in out
    assert "Probelauf: Es wurde nichts gespeichert." in out
    assert main([*base, "--confirm-new"]) == 0
    assert "Import gespeichert" in capsys.readouterr().out
    assert _reports(url) == before + 2
    assert main([*base, "--confirm-new"]) == 0
    assert "Nichts zu ändern" in capsys.readouterr().out


def test_list_and_export_a_profile_and_import_with_the_file(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database-url", url, "import-profile", "list"]) == 0
    assert "Es sind keine Importprofile gespeichert." in capsys.readouterr().out
    assert main(["--database-url", url, "import", str(FIRST), "--tree", "--plan", "baum", "--name", "Baum",
                 "--owner", "Kreis", "--dry-run"]) in (0, 1)
    capsys.readouterr()
    table, _, mapping = confirmed_first_quarter()
    first = tmp_path / "zuordnung.json"
    first.write_text(mapping.to_json(), encoding="utf-8")
    assert main(["--database-url", url, "import", str(FIRST), "--plan", "baum", "--name", "Baum", "--owner", "Kreis",
                 "--mapping", str(first)]) == 0
    _saved_profile(url)
    capsys.readouterr()
    assert main(["--database-url", url, "import-profile", "list"]) == 0
    assert "baum: „Quartal“ (tree), zuletzt gespeichert am" in capsys.readouterr().out
    exported = tmp_path / "profil.json"
    assert main(["--database-url", url, "import-profile", "export", "Quartal", "--output", str(exported)]) == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert (data["profile"], data["shape"], data["label_dates"]["geplant"]) == ("Quartal", "tree", "2012-09-01")
    capsys.readouterr()
    assert main(["--database-url", url, "import", str(NEXT), "--plan", "baum", "--profile", str(exported),
                 "--confirm-new"]) == 0
    assert "Import gespeichert" in capsys.readouterr().out


def test_an_unknown_profile_is_refused_in_german(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database-url", url, "import", str(NEXT), "--plan", "baum", "--profile", "Gibtsnicht"]) == 2
    assert "Fehler: Ein Importprofil „Gibtsnicht“ gibt es im Plan „baum“ nicht. Vorhanden: keines." in (
        capsys.readouterr().err)
    assert main(["--database-url", url, "import", str(NEXT), "--plan", "baum",
                 "--profile", str(tmp_path / "fehlt.json")]) == 2
    assert "Die Profildatei" in capsys.readouterr().err
    assert main(["--database-url", url, "import-profile", "export", "Gibtsnicht"]) == 2
    bad = tmp_path / "kaputt.json"
    bad.write_text('{"shape": "kreis"}', encoding="utf-8")
    assert main(["--database-url", url, "import", str(NEXT), "--plan", "baum", "--profile", str(bad)]) == 2
    assert "Die Form „kreis“ kennt der Import nicht." in capsys.readouterr().err


def test_a_statistics_profile_file_picks_rows_and_columns(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    profile = tmp_path / "kreise.json"
    profile.write_text(json.dumps({"profile": "Kreise", "shape": "official", "signature": [],
                                   "rows": ["06432", "06434"], "columns": ["Arbeitslose", "Arbeitslosenquote"],
                                   "key_column": "Spalte 1", "unit": ""}), encoding="utf-8")
    source = FIXTURES / "imports" / "regionalstatistik.csv"
    assert main(["--database-url", url, "import", str(source), "--plan", "stat", "--profile", str(profile),
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    counts = {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.startswith("Kennzahl")}
    assert counts == {"Kennzahlen": ["4", "0", "0"], "Kennzahlwerte": ["3", "0", "0"]}  # as with --rows/--columns
    assert "Spalte „Ausländer“: Spalte nicht übernommen" in out


def test_a_level_mapping_profile_maps_columns_the_guess_would_not(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    data = tmp_path / "felder-q3.csv"
    data.write_bytes("Schlüssel X;Wortlaut;Notiz\nHF1;Sprache;intern\n".encode("cp1252"))
    profile = tmp_path / "felder.json"
    profile.write_text(json.dumps({"profile": "Felder", "shape": "plan", "signature": [], "scope": "action_fields",
                                   "sheets": [{"sheet": "felder-q2", "level": "action_fields",
                                               "columns": {"Schlüssel X": "code", "Wortlaut": "title"}}]}),
                       encoding="utf-8")
    assert main(["--database-url", url, "import", str(data), "--plan", "neu", "--profile", str(profile)]) == 0
    captured = capsys.readouterr()
    assert "Import gespeichert: 1 Zeile(n) neu oder geändert." in captured.out
    assert "Hinweis: Die Spalte „Notiz“ (Blatt „felder-q3“) kennt das Profil nicht; sie wird nicht übernommen." in (
        captured.err)
