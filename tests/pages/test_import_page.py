"""AppTest of the page Import: upload, mapping, preview with a known problem list, confirm, result."""

import sqlite3

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands import Actor
from models.db import make_engine
from models.schema import AuditEvent, Plan, StatusReport
from tests.pages.conftest import app, rendered
from tests.signed_in import sign_in

PAGE = "pages/import.py"
ADMIN = Actor(name="Büro Migration", role="admin")
# A project lead's own list: other headers than ours, Windows encoding, German dates, one HTML cell.
MESSY = ("Maßnahmen-Nr;Stichtag;Zustand;Prozent;Text;Bemerkung\n"
         "M1;01.09.2024;in Umsetzung;70;<b>Gut</b> besucht;intern\n"
         "M9;01.09.2024;in Umsetzung;10;Unbekannt;\n"
         "M2;1.9.2024;abgeschlossen;90;Fertig;\n"
         "M3;31.02.2024;ausgesetzt;30;Pause;\n")


def _open() -> object:
    at = app()
    sign_in(at, ADMIN)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _upload(at, name: str, text: str):
    at.file_uploader(key="import_upload").set_value((name, text.encode("cp1252"), "text/csv")).run()
    assert not at.exception
    return at


def _into_selected(at):
    """The mini plan is example data, so the page proposes a new plan; these tests choose it anyway."""
    at.radio(key="import_target").set_value("current").run()
    return at


def _box(at, label: str):
    return at.selectbox(key=next(box.key for box in at.selectbox if rendered(box.label) == label))


def _boxes(at) -> dict[str, str]:
    return {rendered(box.label): box.value for box in at.selectbox
            if box.key and box.key.startswith("import_col_")}


def _counts(url) -> tuple[int, int]:
    engine = make_engine(url)
    with Session(engine) as session:
        counts = (session.scalar(select(func.count(StatusReport.id))), session.scalar(select(func.count(AuditEvent.id))))
    engine.dispose()
    return counts


def test_upload_mapping_preview_with_problems_then_confirm(mini_app_url):
    at = _open()
    assert at.title[0].value == "Import"
    assert len(at.get("download_button")) == 2  # the Excel and CSV templates
    _into_selected(_upload(at, "sachstaende.csv", MESSY))
    at.selectbox(key="import_scope").set_value("status_reports").run()
    assert _boxes(at) == {"Spalte „Maßnahmen-Nr“": "measure", "Spalte „Stichtag“": "report_date",
                          "Spalte „Zustand“": "status", "Spalte „Prozent“": "progress", "Spalte „Text“": "summary",
                          "Spalte „Bemerkung“": ""}
    _box(at, "Spalte „Bemerkung“").set_value("obstacles").run()
    before = _counts(mini_app_url)
    at.button(key="import_preview_button").click().run()
    assert not at.exception
    problems = at.dataframe[1].value
    assert problems.to_dict("records") == [
        {"Blatt": "sachstaende", "Zeile": "3", "Spalte": "Maßnahmen-Nr",
         "Problem": "„M9“ gibt es weder in der Datei noch im Plan (gesucht in „Maßnahmen“)."},
        {"Blatt": "sachstaende", "Zeile": "4", "Spalte": "Prozent",
         "Problem": "„abgeschlossen“ bedeutet 100 % Fortschritt, hier stehen 90 %."},
        {"Blatt": "sachstaende", "Zeile": "5", "Spalte": "Stichtag",
         "Problem": "„31.02.2024“ ist kein gültiges Datum (TT.MM.JJJJ, z. B. 31.12.2019)."},
    ]
    assert "3 Problem(e)" in at.error[0].value
    assert not [button for button in at.button if button.key == "import_confirm"]
    assert _boxes(at)["Spalte „Bemerkung“"] == "obstacles"  # nothing the user chose is lost

    # A corrected file (another file: its mapping starts from the guesses again).
    fixed = MESSY.replace("M9;", "M3;").replace(";90;", ";100;").replace("31.02.2024", "28.02.2024")
    _upload(at, "sachstaende.csv", fixed)
    _box(at, "Spalte „Bemerkung“").set_value("obstacles").run()
    at.button(key="import_preview_button").click().run()
    counts = at.dataframe[0].value.to_dict("records")
    assert counts == [{"Ebene": "Sachstände", "neu": 4, "geändert": 0, "unverändert": 0}]
    assert _counts(mini_app_url) == before  # the preview wrote nothing

    at.button(key="import_confirm").click().run()
    assert not at.exception and not at.error
    assert at.success[0].value.startswith("Import gespeichert: 4 Zeile(n) neu oder geändert.")
    after = _counts(mini_app_url)
    assert after == (before[0] + 4, before[1] + 5)
    engine = make_engine(mini_app_url)
    with Session(engine) as session:
        report = session.scalar(select(StatusReport).where(StatusReport.summary == "Gut besucht"))
        assert (report.progress, report.obstacles) == (70, "intern")
    engine.dispose()


def test_a_stale_preview_asks_for_a_new_one(mini_app_url):
    at = _open()
    _into_selected(_upload(at, "Handlungsfelder.csv", "Code;Titel\nHF9;Neu\n"))
    at.button(key="import_preview_button").click().run()
    assert at.dataframe[0].value.to_dict("records") == [
        {"Ebene": "Handlungsfelder", "neu": 1, "geändert": 0, "unverändert": 0}]
    _box(at, "Spalte „Titel“").set_value("").run()
    assert "Vorschau bitte neu" in at.info[-1].value
    at.button(key="import_preview_button").click().run()
    assert "Pflichtspalte „Titel“ fehlt" in at.dataframe[0].value.iloc[0]["Problem"]
    # no empty table of counts (Streamlit would label it "empty"), but German words why there are none
    assert "Wegen der Probleme unten wird nichts gespeichert" in " ".join(caption.value for caption in at.caption)


def _count_parses(monkeypatch) -> list[bool]:
    """Wrap the parse the page calls; each call records whether the run held the run gate's slot."""
    import ui.plan_import.mapping
    from ui.shell import run_gate

    calls: list[bool] = []
    parse = ui.plan_import.mapping.read_file

    def counted(*args, **kwargs):
        calls.append(bool(getattr(run_gate._held, "slot", False)))
        return parse(*args, **kwargs)

    monkeypatch.setattr(ui.plan_import.mapping, "read_file", counted)
    return calls


def test_b7_upload_is_parsed_once_outside_the_run_gate_not_on_every_rerun(mini_app_url, monkeypatch):
    calls = _count_parses(monkeypatch)
    at = _open()
    _upload(at, "sachstaende.csv", MESSY)
    at.selectbox(key="import_scope").set_value("status_reports").run()
    at.button(key="import_preview_button").click().run()
    at.run()
    assert not at.exception and at.dataframe
    assert calls == [False]  # one parse for four runs, without the slot
    _upload(at, "sachstaende.csv", MESSY.replace("M9;", "M3;"))
    assert calls == [False, False]  # another file is parsed again


def test_b7_refused_upload_shows_the_german_limit_and_is_not_parsed_again(mini_app_url, monkeypatch):
    monkeypatch.setenv("IMPORT_MAX_ROWS", "3")
    calls = _count_parses(monkeypatch)
    at = _open()
    _upload(at, "sachstaende.csv", MESSY)
    assert at.error[0].value.startswith("Die Datei hat zu viele Zeilen: „sachstaende“ hat mehr als 3 Zeilen")
    at.run()
    assert at.error[0].value.startswith("Die Datei hat zu viele Zeilen")
    assert len(calls) == 1


def _new_plan_upload(at, name: str):
    _upload(at, "Handlungsfelder.csv", "Code;Titel\nHF9;Neu\n")
    at.radio(key="import_target").set_value("new").run()
    at.text_input(key="import_new_slug").input("neu").run()
    at.text_input(key="import_new_name").input(name).run()
    at.text_input(key="import_new_owner").input("Landkreis").run()
    at.button(key="import_preview_button").click().run()
    assert not at.exception
    return at


def _plan_slugs(url) -> list[str]:
    engine = make_engine(url)
    with Session(engine) as session:
        slugs = list(session.scalars(select(Plan.slug).order_by(Plan.slug)))
    engine.dispose()
    return slugs


def test_b14c_over_long_plan_name_is_a_problem_of_the_preview(mini_app_url):
    at = _new_plan_upload(_open(), "P" * 5_000)
    problems = at.dataframe[1].value.to_dict("records")
    assert problems == [{"Blatt": "Info", "Zeile": "–", "Spalte": "",
                         "Problem": "„Plan“: Der Text ist 5.000 Zeichen lang; erlaubt sind höchstens 200 Zeichen."}]
    assert not [button for button in at.button if button.key == "import_confirm"]
    assert _plan_slugs(mini_app_url) == ["mini"]


def test_b14c_database_error_while_importing_shows_german_message_and_saves_nothing(mini_app_url):
    at = _new_plan_upload(_open(), "Neuer Plan")
    # The database itself refuses the new plan (as PostgreSQL refuses a value too long for its column).
    database = sqlite3.connect(mini_app_url.removeprefix("sqlite:///"))
    database.execute("CREATE TRIGGER refuse_plans BEFORE INSERT ON plan BEGIN "
                     "SELECT RAISE(ABORT, 'value too long for type character varying(200)'); END")
    database.commit()
    database.close()
    before = _counts(mini_app_url)
    at.button(key="import_confirm").click().run()
    assert not at.exception
    assert at.error[0].value.startswith("Es wurde nichts gespeichert: Die Datenbank hat die Daten nicht angenommen.")
    assert "character varying" not in at.error[0].value
    assert _counts(mini_app_url) == before and _plan_slugs(mini_app_url) == ["mini"]


def test_an_example_plan_is_not_the_default_target(example_app_url):
    at = _open()
    _upload(at, "sachstaende.csv", MESSY)
    target = at.radio(key="import_target")
    assert target.value == "new", "an own file does not go into the example plan unless chosen"
    assert "(Beispieldaten)" in rendered(target.options[0])


def test_an_own_plan_is_the_default_target(mini_app_url):
    with sqlite3.connect(mini_app_url.removeprefix("sqlite:///")) as connection:
        connection.execute("UPDATE plan SET is_example = 0")
    at = _open()
    _upload(at, "sachstaende.csv", MESSY)
    assert at.radio(key="import_target").value == "current"



def test_the_changes_name_each_field_by_its_german_column(mini_app_url):
    at = _open()
    _into_selected(_upload(at, "Handlungsfelder.csv", "Code;Titel\nHF1;Sprache und Bildung\n"))
    at.button(key="import_preview_button").click().run()
    changes = next(frame.value for frame in at.dataframe if "Änderungen" in frame.value.columns)
    assert changes["Änderungen"].tolist()[0].startswith("Titel: ")
    assert "→ Sprache und Bildung" in changes["Änderungen"].tolist()[0]
