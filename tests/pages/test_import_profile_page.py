"""AppTest of the Import page's import profiles (issue 14, "Mappings are remembered"): after a preview without
problems the tree file's choices are saved as a profile; the next quarter's file (same columns, one more report
label) is offered the profile, applying it fills every choice and lists the new label for confirmation (a
problem in the preview until confirmed); the profile can be deleted."""

import datetime as dt

import pandas as pd

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.db import make_engine
from models.schema import ImportProfile
from tests.conftest import FIXTURES
from tests.pages.conftest import rendered
from tests.pages.test_import_tree_page import XLSX, _open_with_tree, _reports

NEXT = FIXTURES / "imports" / "tree-reports-next.xlsx"


def _profiles(url) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        count = session.scalar(select(func.count(ImportProfile.id)))
    engine.dispose()
    return count


def _tree_shape(at) -> None:
    shape = next(radio.key for radio in at.radio if radio.key and radio.key.startswith("import_shape_"))
    at.radio(key=shape).set_value("tree").run()


def _texts(elements) -> str:
    return "\n".join(rendered(element.value) for element in elements)


def test_save_offer_apply_confirm_and_delete_a_profile(mini_app_url):
    at = _open_with_tree()
    assert not [button for button in at.button if (button.key or "").startswith("import_profile_apply")]
    at.radio(key="import_target").set_value("new").run()
    at.text_input(key="import_new_slug").input("baum").run()
    at.text_input(key="import_new_name").input("Plan aus dem Baum").run()
    at.text_input(key="import_new_owner").input("Landkreis Musterstadt").run()
    assert not [box for box in at.text_input if box.key == "import_profile_name"]  # only after a good preview
    at.button(key="import_preview_button").click().run()
    at.button(key="import_confirm").click().run()
    assert not at.exception and not at.error
    at.text_input(key="import_profile_name").input("Quartal").run()
    at.button(key="import_profile_save").click().run()
    assert not at.exception, at.exception
    assert not at.error, [error.value for error in at.error]
    assert "Importprofil „Quartal“ gespeichert." in _texts(at.success)
    assert _profiles(mini_app_url) == 1
    assert len(_reports(mini_app_url)) == 6

    at.file_uploader(key="import_upload").set_value(("plan-q3.xlsx", NEXT.read_bytes(), XLSX)).run()
    _tree_shape(at)
    offer = at.button(key="import_profile_apply_0")
    assert offer.label == "Gespeichertes Profil „Quartal“ passt zu dieser Datei – anwenden"
    offer.click().run()
    assert not at.exception
    assert "Profil „Quartal“ angewendet" in _texts(at.success)
    warning = _texts(at.warning)
    assert "Neu in dieser Datei, das Profil kennt sie noch nicht" in warning
    assert "Bezeichnung „Sachstand 2017“: Vorschlag 31.12.2017" in warning
    frames = {tuple(frame.value.columns): frame.value.to_dict("records") for frame in at.dataframe}
    dates = {row["label"]: row["date"] for row in frames[("label", "date", "note")]}
    notes = {row["label"]: row["note"] for row in frames[("label", "date", "note")]}
    assert notes == {**{label: "" for label in notes},
                     "Sachstand 2017": "neu – bitte bestätigen"}
    assert dates["geplant"] == pd.Timestamp(2013, 1, 1) and pd.isna(dates["Sachstand 2017"])  # never guessed
    at.button(key="import_preview_button").click().run()
    assert "Für die Bezeichnung „Sachstand 2017“ ist kein Datum angegeben." in str(
        [frame.value.to_dict("records") for frame in at.dataframe])
    assert not [button for button in at.button if button.key == "import_confirm"]

    at.checkbox(key=next(box.key for box in at.checkbox if box.key.endswith("_profile_confirm"))).check().run()
    at.button(key="import_preview_button").click().run()
    assert not at.error
    at.button(key="import_confirm").click().run()
    assert not at.exception and not at.error
    assert [date for code, date, _ in _reports(mini_app_url) if code == "A1.1"][-1] == dt.date(2017, 12, 31)
    assert len(_reports(mini_app_url)) == 8

    delete = next(button for button in at.button if (button.key or "").startswith("import_profile_delete_"))
    delete.click().run()
    assert not at.exception
    assert "Importprofil „Quartal“ gelöscht." in _texts(at.success)
    assert _profiles(mini_app_url) == 0


def test_a_statistics_choice_is_saved_and_offered_for_next_year_s_table(mini_app_url):
    from tests.pages.test_import_statistics_page import IMPORTS, _multiselect, _open, _upload

    text = (IMPORTS / "regionalstatistik.csv").read_bytes().decode("cp1252")
    at = _upload(_open(), "regionalstatistik.csv", text.encode("cp1252"))
    _multiselect(at, "import_stats_rows_").set_value(["06432", "06433"]).run()
    _multiselect(at, "import_stats_columns_").set_value(["Arbeitslose"]).run()
    at.button(key="import_stats_preview_button").click().run()
    at.text_input(key="import_profile_name").input("Kreiszahlen").run()
    at.button(key="import_profile_save").click().run()
    assert not at.exception and not at.error
    assert "Importprofil „Kreiszahlen“ gespeichert." in _texts(at.success)

    next_year = text.replace("31.12.2024", "31.12.2025").replace("06433;", "06499;")
    at.file_uploader(key="import_upload").set_value(("regionalstatistik-2025.csv", next_year.encode("cp1252"),
                                                     "text/csv")).run()
    offer = at.button(key="import_profile_apply_stats_0")
    assert offer.label == "Gespeichertes Profil „Kreiszahlen“ passt zu dieser Datei – anwenden"
    offer.click().run()
    assert not at.exception
    assert _multiselect(at, "import_stats_rows_").value == ["06432"]
    assert _multiselect(at, "import_stats_columns_").value == ["Arbeitslose"]
    assert "Zeile „06433“" in _texts(at.warning)  # picked by the profile, not in this file: named
    assert at.date_input[0].value == dt.date(2025, 12, 31)  # the Stand is the new file's own
    at.button(key="import_stats_preview_button").click().run()
    assert not at.exception and not at.error


def test_a_level_mapping_is_saved_and_applied_to_the_next_file(mini_app_url):
    from tests.pages.test_import_page import MESSY, _box, _boxes, _into_selected, _open, _upload

    fixed = MESSY.replace("M9;", "M3;").replace(";90;", ";100;").replace("31.02.2024", "28.02.2024")
    at = _into_selected(_upload(_open(), "sachstaende-q2.csv", fixed))
    at.selectbox(key="import_scope").set_value("status_reports").run()
    _box(at, "Spalte „Bemerkung“").set_value("obstacles").run()
    at.button(key="import_preview_button").click().run()
    at.text_input(key="import_profile_name").input("Sachstände").run()
    at.button(key="import_profile_save").click().run()
    assert not at.exception and not at.error
    assert "Importprofil „Sachstände“ gespeichert." in _texts(at.success)

    at.selectbox(key="import_scope").set_value("*").run()  # the next file starts from the guesses
    later = fixed.replace("01.09.2024", "01.12.2024").replace("1.9.2024", "1.12.2024")
    at.file_uploader(key="import_upload").set_value(("sachstaende-q3.csv", later.encode("cp1252"), "text/csv")).run()
    at.button(key="import_profile_apply_plan_0").click().run()
    assert not at.exception
    assert at.selectbox(key="import_scope").value == "status_reports"
    assert _boxes(at)["Spalte „Bemerkung“"] == "obstacles"
    assert "Profil „Sachstände“ angewendet" in _texts(at.success)
    at.button(key="import_preview_button").click().run()
    assert not at.exception and not at.error
    counts = next(frame.value for frame in at.dataframe if "neu" in frame.value.columns).to_dict("records")
    assert counts == [{"Ebene": "Sachstände", "neu": 4, "geändert": 0, "unverändert": 0}]
