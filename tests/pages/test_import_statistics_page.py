"""AppTest of the Import page's statistics path (issue 14, shapes 6-8): the shape is proposed, rows are picked
by region code, the Stand and source come from the title lines, the preview counts, the import writes context
indicators; an unsupported type is refused in German; problems can be downloaded as Excel."""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import Actor
from models.db import make_engine
from models.schema import Indicator, IndicatorValue
from tests.conftest import FIXTURES
from tests.pages.conftest import app, rendered
from tests.signed_in import sign_in

PAGE = "pages/import.py"
ADMIN = Actor(name="Büro Migration", role="admin")
IMPORTS = FIXTURES / "imports"


def _open():
    at = app()
    sign_in(at, ADMIN)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _upload(at, name: str, data: bytes):
    at.file_uploader(key="import_upload").set_value((name, data, "application/octet-stream")).run()
    assert not at.exception
    return at


def _shape_key(at) -> str:
    return next(radio.key for radio in at.radio if radio.key and radio.key.startswith("import_shape_"))


def _text(at, prefix: str):
    return next(box for box in at.text_input if box.key and box.key.startswith(prefix))


def _multiselect(at, prefix: str):
    return next(box for box in at.multiselect if box.key and box.key.startswith(prefix))


def test_official_table_rows_by_region_code_become_context_indicators(mini_app_url):
    at = _upload(_open(), "regionalstatistik.csv", (IMPORTS / "regionalstatistik.csv").read_bytes())
    assert at.radio(key=_shape_key(at)).value == "official"
    assert at.date_input[0].value == dt.date(2024, 12, 31)  # the Stand from the title lines
    assert _text(at, "import_stats_source_").value.startswith("Statistisches Landesamt Musterland")
    assert _text(at, "import_stats_name_").value == ""  # official: region code and column name each figure
    assert "Wählen Sie Zeilen und Spalten" in at.info[-1].value
    _multiselect(at, "import_stats_rows_").set_value(["06432"]).run()
    _multiselect(at, "import_stats_columns_").set_value(["Arbeitslose", "Ausländer"]).run()
    assert not at.exception
    assert any("2 Kennzahl(en) mit 1 Wert(en)" in caption.value for caption in at.caption)
    notes = next(frame.value for frame in at.dataframe if "Grund" in frame.value.columns)
    rows = list(notes["Zeile"])
    assert "–" in rows and not any(row is None or str(row) in ("None", "nan") for row in rows), rows  # a column's note
    at.button(key="import_stats_preview_button").click().run()
    assert not at.exception
    counts = next(frame.value for frame in at.dataframe if "neu" in frame.value.columns).to_dict("records")
    assert {"Ebene": "Kennzahlen", "neu": 2, "geändert": 0, "unverändert": 0} in counts
    assert {"Ebene": "Kennzahlwerte", "neu": 1, "geändert": 0, "unverändert": 0} in counts
    at.button(key="import_stats_confirm").click().run()
    assert not at.exception
    assert "gespeichert" in at.success[0].value or "importiert" in at.success[0].value
    engine = make_engine(mini_app_url)
    with Session(engine) as session:
        rows = session.execute(select(Indicator.code, Indicator.kind, IndicatorValue.value_date, IndicatorValue.value)
                               .join(IndicatorValue.indicator).where(Indicator.code.like("06432-%"))).all()
        kinds = set(session.scalars(select(Indicator.kind).where(Indicator.code.like("06432-%"))))
    engine.dispose()
    assert rows == [("06432-arbeitslose", "context", dt.date(2024, 12, 31), 9870.0)]
    assert kinds == {"context"}


def test_shape_can_be_overridden_and_a_bad_choice_shows_problems_to_download(mini_app_url):
    data = "Jahr;Wert\n2019;1\nirgendwann;2\n".encode()
    at = _upload(_open(), "reihe.csv", data)
    at.radio(key=_shape_key(at)).set_value("series").run()
    assert not at.exception
    at.button(key="import_stats_preview_button").click().run()
    assert not at.exception
    problems = next(frame.value for frame in at.dataframe if "Problem" in frame.value.columns).to_dict("records")
    assert problems[0]["Zeile"] == "3" and "irgendwann" in problems[0]["Problem"]
    assert [button for button in at.get("download_button") if "Probleme" in button.proto.label]


def test_unsupported_type_is_refused_in_german_naming_the_supported_ones(mini_app_url):
    at = _upload(_open(), "bericht.pdf", b"%PDF-1.4 \x00\x01")
    message = rendered(at.error[0].value)
    assert "„.pdf“ kann der Import nicht lesen" in message and ".tsv" in message and ".json" in message


def _box(at, prefix: str):
    return next(box for box in [*at.multiselect, *at.selectbox] if box.key and box.key.startswith(prefix))


def test_open_sdg_file_categories_and_unit_column_are_proposed_and_selects_speak_german(mini_app_url):
    at = _upload(_open(), "sdg-kategorien.csv", (IMPORTS / "sdg-kategorien.csv").read_bytes())
    assert at.radio(key=_shape_key(at)).value == "series"
    assert _box(at, "import_stats_unit_column_").value == "Units"
    categories = _box(at, "import_stats_categories_")
    assert categories.value == ["Series", "sex", "länder"]  # GeoCode names each Land again
    assert _box(at, "import_stats_columns_").value == ["Value"]
    assert any("5 Kennzahl(en) mit 9 Wert(en)" in caption.value for caption in at.caption)
    assert categories.proto.placeholder == "Bitte wählen …"
    categories.set_value(["Series", "COMMENT_OBS_0", "sex", "länder", "GeoCode", "Value"]).run()
    assert not at.exception
    columns = _box(at, "import_stats_columns_")
    assert columns.options == [] and columns.proto.placeholder == "Hier gibt es in dieser Datei nichts zu wählen."
    assert all(box.proto.placeholder for box in [*at.multiselect, *at.selectbox] if box.key
               and box.key.startswith("import_stats_"))  # no English default anywhere


def test_budget_table_with_two_kinds_for_one_year_offers_the_kind(mini_app_url):
    at = _upload(_open(), "haushalt-breit.csv", (IMPORTS / "haushalt-breit.csv").read_bytes())
    assert at.radio(key=_shape_key(at)).value == "wide"
    kind = _box(at, "import_stats_kind_")
    assert kind.value == "Plan"
    assert kind.options == ["alle Arten, jede als eigene Kennzahl (z. B. „… (Plan)“)", "„Ergebnis“ (2022)",
                            "„Ansatz“ (2023)", "„Plan“ (2023–2025)"]
    assert _box(at, "import_stats_columns_").value == ["Plan 2023", "Plan 2024", "Plan 2025"]
    _box(at, "import_stats_rows_").set_value(["01"]).run()
    assert not at.exception
    assert any("2 Kennzahl(en) mit 5 Wert(en)" in caption.value for caption in at.caption)


def test_genesis_table_options_unescaped_and_stands_from_the_year_column(mini_app_url):
    at = _upload(_open(), "genesis-baufertigstellung.csv",
                 (IMPORTS / "genesis-baufertigstellung.csv").read_bytes())
    assert at.radio(key=_shape_key(at)).value == "official"
    columns = _multiselect(at, "import_stats_columns_")
    # option labels are plain text in Streamlit (only label and help render Markdown): no backslashes
    assert "Gebäude – (nach Anzahl der Wohnungen) – 1 Wohnung – Anzahl" in columns.options
    assert "Jahr" not in columns.options and not any("\\" in option for option in columns.options)
    assert at.selectbox(key=next(box.key for box in at.selectbox if box.key.startswith("import_stats_key_"))
                        ).value == "Regionalschlüssel"
    assert not at.date_input  # no Stand to type: each row's year gives it
    assert any("aus der Spalte „Jahr“" in caption.value for caption in at.caption)
    _multiselect(at, "import_stats_rows_").set_value(["06432", "06433", "06434"]).run()
    columns.set_value(["Wohnfläche – 1000 qm"]).run()
    assert not at.exception
    assert any("2 Kennzahl(en) mit 2 Wert(en)" in caption.value for caption in at.caption)
    assert "Stand der Werte: 31.12.2022, 31.12.2023" in [caption.value for caption in at.caption]


def _import_series(at, name: str):
    at = _upload(at, name, (IMPORTS / name).read_bytes())
    assert at.radio(key=_shape_key(at)).value == "series"
    _box(at, "import_stats_categories_").set_value(["Ortsteil"]).run()
    assert not at.exception
    return at


def test_series_name_in_codes_and_the_warning_before_kennzahlen_change(mini_app_url):
    at = _import_series(_open(), "bezirk_indicator_11-2-1.csv")
    assert _text(at, "import_stats_name_").value == "Indikator 11.2.1"
    at.button(key="import_stats_preview_button").click().run()
    assert not at.warning and not at.exception
    at.button(key="import_stats_confirm").click().run()
    assert not at.exception
    at = _import_series(_open(), "bezirk_indicator_11-4-1.csv")
    _text(at, "import_stats_name_").set_value("Indikator 11.2.1").run()  # the first file's name: a collision
    at.button(key="import_stats_preview_button").click().run()
    assert not at.exception
    warning = rendered(at.warning[0].value)
    assert warning.startswith("Achtung: Dieser Import würde 2 Kennzahl(en) ändern")
    assert "„ind11-2-1-altstadt“" in warning and "vorhandene Werte überschrieben: 3" in warning
    _text(at, "import_stats_name_").set_value("Indikator 11.4.1").run()
    at.button(key="import_stats_preview_button").click().run()
    assert not at.warning and not at.exception
    at.button(key="import_stats_confirm").click().run()
    assert not at.exception
    engine = make_engine(mini_app_url)
    with Session(engine) as session:
        titles = set(session.scalars(select(Indicator.title).where(Indicator.code.like("ind11-%"))))
    engine.dispose()
    assert titles == {"Indikator 11.2.1 – Altstadt", "Indikator 11.2.1 – Nordviertel",
                      "Indikator 11.4.1 – Altstadt", "Indikator 11.4.1 – Nordviertel"}
