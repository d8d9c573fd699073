"""AppTest of the Import page's tree path (issue 14): a whole plan as one tree in one sheet, with report rows
below its measures, previewed with counts per level, reports per label and date, and imported into a new
plan all or nothing."""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import Actor
from models.db import make_engine
from models.schema import Measure, Plan, StatusReport
from tests.conftest import FIXTURES
from tests.pages.conftest import app, rendered
from tests.signed_in import sign_in

PAGE = "pages/import.py"
ADMIN = Actor(name="Büro Migration", role="admin")
FILE = FIXTURES / "imports" / "tree-reports.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _open_with_tree() -> object:
    at = app()
    sign_in(at, ADMIN)
    at.run()
    at.switch_page(PAGE).run()
    at.file_uploader(key="import_upload").set_value(("plan.xlsx", FILE.read_bytes(), XLSX)).run()
    shape = next(radio.key for radio in at.radio if radio.key and radio.key.startswith("import_shape_"))
    at.radio(key=shape).set_value("tree").run()
    assert not at.exception
    return at


def _open_with(name: str, file: str) -> object:
    """The Import page, signed in as admin, with an invented file of tests/fixtures/imports uploaded."""
    at = app()
    sign_in(at, ADMIN)
    at.run()
    at.switch_page(PAGE).run()
    content = (FIXTURES / "imports" / file).read_bytes()
    at.file_uploader(key="import_upload").set_value((name, content, "text/csv")).run()
    assert not at.exception
    return at


def _reports(url) -> list[tuple]:
    engine = make_engine(url)
    with Session(engine) as session:
        rows = session.execute(select(Measure.code, StatusReport.report_date, StatusReport.status)
                               .join(StatusReport.measure).join(Plan, Plan.id == Measure.plan_id)
                               .where(Plan.slug == "baum").order_by(Measure.code, StatusReport.report_date)).all()
    engine.dispose()
    return [tuple(row) for row in rows]


def test_tree_file_with_report_rows_imports_as_dated_reports(mini_app_url):
    at = _open_with_tree()
    assert not [box for box in at.selectbox if box.key == "import_scope"]  # no level choice for a tree
    depth_boxes = {rendered(box.label): box.value for box in at.selectbox if "_depth_" in (box.key or "")}
    assert depth_boxes == {
        "Tiefe 1 (1 Zeilen, z. B. „Ankommen“)": "action_fields",
        "Tiefe 2 (1 Zeilen, z. B. „Erstorientierung für alle“)": "guiding_goals",
        "Tiefe 3 (2 Zeilen, z. B. „Willkommensmappe“)": "measures",
        "Tiefe 4 (6 Zeilen, z. B. „geplant“)": "report"}
    saved = next(button for button in at.get("download_button") if "Zuordnung speichern" in str(button.proto.label))
    assert saved is not None
    at.radio(key="import_target").set_value("new").run()
    at.text_input(key="import_new_slug").input("baum").run()
    at.text_input(key="import_new_name").input("Plan aus dem Baum").run()
    at.text_input(key="import_new_owner").input("Landkreis Musterstadt").run()
    frames = {tuple(frame.value.columns): frame.value.to_dict("records") for frame in at.dataframe}
    assert frames[("label", "date")][0] == {"label": "geplant", "date": dt.date(2013, 1, 1)}  # the date editor
    assert {"Ebene": "Sachstände", "aus der Datei": 6, "erzeugt": 0} in frames[("Ebene", "aus der Datei", "erzeugt")]
    assert {"Ebene": "Jahresziele", "aus der Datei": 0, "erzeugt": 1} in frames[("Ebene", "aus der Datei", "erzeugt")]
    assert frames[("Bezeichnung", "Datum", "Sachstände")][:2] == [{"Bezeichnung": "geplant", "Datum": "01.01.2013", "Sachstände": 2},
                              {"Bezeichnung": "Sachstand 2013", "Datum": "31.12.2013", "Sachstände": 1}]
    assert any("Übersprungene Zeilen: 1" in caption.value for caption in at.caption)
    at.button(key="import_preview_button").click().run()
    assert not at.exception and not at.error
    assert _reports(mini_app_url) == []  # the preview wrote nothing
    at.button(key="import_confirm").click().run()
    assert not at.exception and not at.error
    assert at.success[0].value.startswith("Import gespeichert")
    assert [(code, date) for code, date, _ in _reports(mini_app_url)] == [
        ("A1.1", dt.date(2013, 1, 1)), ("A1.1", dt.date(2013, 12, 31)), ("A1.1", dt.date(2014, 12, 31)),
        ("A1.1", dt.date(2016, 12, 31)), ("A1.2", dt.date(2013, 1, 1)), ("A1.2", dt.date(2016, 12, 31))]



def test_tree_csv_is_proposed_as_a_tree_and_no_status_column_needs_a_tick(mini_app_url):
    """Rules "a tree file is recognised" and "no status column is said" on the page (outside review)."""
    from tests.models.test_import_tree_recognition import NO_STATUS
    at = app()
    sign_in(at, ADMIN)
    at.run()
    at.switch_page(PAGE).run()
    at.file_uploader(key="import_upload").set_value(("ohne-status.csv", NO_STATUS.encode(), "text/csv")).run()
    shape = next(radio for radio in at.radio if radio.key and radio.key.startswith("import_shape_"))
    assert shape.value == "tree"
    assert any("Kein Status gewählt: alle Sachstände erhalten „in Umsetzung“" in box.value for box in at.warning)
    assert any("Spalte „priority“ wird nicht übernommen" in block.value for block in at.markdown)
    at.radio(key="import_target").set_value("new").run()
    at.text_input(key="import_new_slug").input("baum").run()
    at.text_input(key="import_new_name").input("Plan aus dem Baum").run()
    at.text_input(key="import_new_owner").input("Landkreis Musterstadt").run()
    at.button(key="import_preview_button").click().run()
    assert not at.exception and not at.error
    assert not [button for button in at.button if button.key == "import_confirm"]  # waits for the tick
    tick = next(box for box in at.checkbox if (box.key or "").startswith("import_tree_default_status_"))
    tick.check().run()
    at.button(key="import_confirm").click().run()
    assert not at.exception and not at.error
    assert [(code, status) for code, _, status in _reports(mini_app_url)] == [("A1", "in Umsetzung")]


def test_many_columns_not_imported_are_listed_folded(mini_app_url):
    """An export with many unused columns (Decidim layout): each is named, in a folded list below the counts."""
    at = _open_with("ergebnisse.csv", "ergebnisse-export.csv")
    shape = next(radio.key for radio in at.radio if radio.key and radio.key.startswith("import_shape_"))
    at.radio(key=shape).set_value("tree").run()
    assert not at.exception
    folded = [expander for expander in at.expander if rendered(expander.label).startswith("Nicht übernommen (")]
    assert len(folded) == 1
    lines = rendered(folded[0].markdown[0].value)
    assert "Spalte „category/name/en“ wird nicht übernommen" in lines and lines.count("\n- ") >= 6


def _upload(name: str, data: bytes):
    at = app()
    sign_in(at, ADMIN)
    at.run()
    at.switch_page(PAGE).run()
    at.file_uploader(key="import_upload").set_value((name, data, "text/csv")).run()
    assert not at.exception
    return at


def _depths(at) -> dict[str, str]:
    return {rendered(box.label).split(" (")[0]: box.value for box in at.selectbox if "_depth_" in (box.key or "")}


def _missing(at) -> dict[str, str]:
    return {box.key.rsplit("_missing_", 1)[1]: box.value for box in at.selectbox if "_missing_" in (box.key or "")}


def test_a_grouped_list_is_a_tree_whose_levels_follow_the_chosen_structure(mini_app_url):
    """Fifth review: a flat list grouped by axisId is proposed as a tree by its axisId; another structure
    proposes its depths again, and levels it lacks keep a rule to make them up (never "– bitte wählen –")."""
    at = _upload("aktionen.csv", (FIXTURES / "imports" / "aktionen-achsen.csv").read_bytes())
    shape = next(radio for radio in at.radio if radio.key and radio.key.startswith("import_shape_"))
    assert shape.value == "tree"
    levels = next(box for box in at.multiselect if (box.key or "").endswith("_levels"))
    assert levels.value == ["axisId"]
    assert _depths(at) == {"Tiefe 1": "guiding_goals", "Tiefe 2": "measures"}
    assert _missing(at) == {"action_fields": "placeholder", "annual_goals": "per_year"}
    depth_1 = next(box for box in at.selectbox if (box.key or "").endswith("_depth_1"))
    depth_1.set_value("action_fields").run()  # the review's choice: Leitziele now missing, made up by default
    assert _missing(at) == {"guiding_goals": "placeholder", "annual_goals": "per_year"}
    structure = next(radio for radio in at.radio if (radio.key or "").endswith("_structure"))
    structure.set_value("code").run()  # codes 1..5 that do not nest: one depth, the measures
    assert not at.exception
    assert _depths(at) == {"Tiefe 1": "measures"}
    assert _missing(at) == {"action_fields": "placeholder", "guiding_goals": "placeholder",
                            "annual_goals": "per_year"}


def test_a_status_value_without_proposal_shows_a_german_choice_never_none(mini_app_url):
    data = "id;parent;Titel;Status\n1;;Feld;\n2;1;Maßnahme A;unbekannt\n3;1;Maßnahme B;erledigt\n".encode()
    at = _upload("status.csv", data)
    frames = {tuple(frame.value.columns): frame.value.to_dict("records") for frame in at.dataframe}
    assert frames[("value", "status")] == [{"value": "unbekannt", "status": "– bitte wählen –"},
                                           {"value": "erledigt", "status": "abgeschlossen"}]
    assert any("unbekannt" in str(frame.value.to_dict("records")) and "–" in str(frame.value.to_dict("records"))
               for frame in at.dataframe if "Zeilen" in frame.value.columns)


def test_switching_the_structure_and_back_draws_the_columns_chosen_before(mini_app_url):
    """Streamlit draws a widget that comes back after runs without it at its default while it keeps its value; the
    page sets the value again, so the browser shows (and sends back) the categories chosen before."""
    at = _open_with("aktionen.csv", "aktionen-achsen.csv")
    structure = next(radio.key for radio in at.radio if (radio.key or "").endswith("_structure"))
    assert at.radio(key=structure).value == "columns"
    at.radio(key=structure).set_value("parent").run()
    at.radio(key=structure).set_value("columns").run()
    levels = next(box for box in at.multiselect if (box.key or "").endswith("_levels"))
    assert levels.value == ["axisId"]
    assert levels.proto.set_value, "the value is sent to the browser again, not left to its default"


def test_problems_reading_the_tree_are_listed_where_they_arise(mini_app_url):
    """Read by id and parent, the Brazilian-plan layout has no parent column chosen: the problem is named beside the
    warning, not only counted."""
    at = _open_with("aktionen.csv", "aktionen-achsen.csv")
    structure = next(radio.key for radio in at.radio if (radio.key or "").endswith("_structure"))
    at.radio(key=structure).set_value("parent").run()
    warning = next(rendered(box.value) for box in at.warning if "beim Lesen des Baums" in box.value)
    listed = next(frame.value for frame in at.dataframe if "Problem" in frame.value.columns)
    assert warning.startswith(f"{len(listed)} Problem(e)") and all(listed["Problem"])
