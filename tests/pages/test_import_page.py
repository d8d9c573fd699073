"""AppTest of the page Import: upload, mapping, preview with a known problem list, confirm, result."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands import Actor
from models.db import make_engine
from models.schema import AuditEvent, StatusReport
from tests.pages.conftest import app, rendered

PAGE = "app_pages/import_page.py"
ADMIN = Actor(name="Büro Migration", role="admin")
# A project lead's own list: other headers than ours, Windows encoding, German dates, one HTML cell.
MESSY = ("Maßnahmen-Nr;Stichtag;Zustand;Prozent;Text;Bemerkung\n"
         "M1;01.09.2024;in Umsetzung;70;<b>Gut</b> besucht;intern\n"
         "M9;01.09.2024;in Umsetzung;10;Unbekannt;\n"
         "M2;1.9.2024;abgeschlossen;90;Fertig;\n"
         "M3;31.02.2024;ausgesetzt;30;Pause;\n")


def _open() -> object:
    at = app()
    at.session_state["actor"] = ADMIN
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _upload(at, name: str, text: str):
    at.file_uploader(key="import_upload").set_value((name, text.encode("cp1252"), "text/csv")).run()
    assert not at.exception
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
    _upload(at, "sachstaende.csv", MESSY)
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
        {"Blatt": "sachstaende", "Zeile": 3, "Spalte": "Maßnahmen-Nr",
         "Problem": "„M9“ gibt es weder in der Datei noch im Plan (gesucht in „Maßnahmen“)."},
        {"Blatt": "sachstaende", "Zeile": 4, "Spalte": "Prozent",
         "Problem": "„abgeschlossen“ bedeutet 100 % Fortschritt, hier stehen 90 %."},
        {"Blatt": "sachstaende", "Zeile": 5, "Spalte": "Stichtag",
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
    _upload(at, "Handlungsfelder.csv", "Code;Titel\nHF9;Neu\n")
    at.button(key="import_preview_button").click().run()
    assert at.dataframe[0].value.to_dict("records") == [
        {"Ebene": "Handlungsfelder", "neu": 1, "geändert": 0, "unverändert": 0}]
    _box(at, "Spalte „Titel“").set_value("").run()
    assert "Vorschau bitte neu" in at.info[-1].value
    at.button(key="import_preview_button").click().run()
    assert "Pflichtspalte „Titel“ fehlt" in at.dataframe[1].value.iloc[0]["Problem"]
