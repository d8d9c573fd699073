"""models/open_data.py on a real SQLite file and a real PostgreSQL server: the public datasets follow the public
view's rules (only public plans, only released reports, small counts suppressed, no personal data), every row
has exactly the registry's fields, and the Stand cuts the history."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import indicators as indicator_queries
from models import open_data
from models.commands import SYSTEM
from models.commands.meetings import freeze_meeting
from models.commands.settings import update_plan_settings
from models.open_data import BY_NAME, DATASETS, PLAN_DATASETS, NotPublic
from models.queries import meetings
from models.open_data_rules import DEFAULT_LICENCE, LICENCES, licence_of
from models.rules import LIGHTS, MEASURE_STATUSES
from models.schema import INDICATOR_DIRECTIONS, INDICATOR_KINDS, Indicator, IndicatorValue, Measure, Plan, StatusReport
from models.texts import text

STAND = dt.date(2024, 6, 30)
# The database's code words of the enumerated fields, which the datasets must not publish.
_ENGLISH_CODES = {*INDICATOR_DIRECTIONS, *INDICATOR_KINDS, "plan", *indicator_queries.LEVELS,
                  *indicator_queries.VERDICTS, *LIGHTS}


def _plan(engine) -> open_data.PublicPlan:
    return open_data.public_plan(engine, "mini")


def _rows(engine, name: str, stand: dt.date = STAND) -> list[dict]:
    return open_data.rows(engine, _plan(engine), BY_NAME[name], stand)


def test_rule_licence_of_names_the_licence_and_falls_back_to_the_default():
    assert licence_of("cc-by-4.0") == LICENCES["cc-by-4.0"]
    assert licence_of(None) == licence_of("unbekannt") == LICENCES[DEFAULT_LICENCE]
    assert licence_of(DEFAULT_LICENCE)[0] == "Datenlizenz Deutschland – Namensnennung – Version 2.0"


def test_every_dataset_has_german_meanings_and_distinct_fields():
    for dataset in DATASETS:
        assert dataset.title and dataset.description
        assert len(set(dataset.field_names)) == len(dataset.fields)
        assert all(field.meaning for field in dataset.fields)


def test_every_enumerated_field_maps_every_database_code_to_a_german_word():
    codes = {"richtung": INDICATOR_DIRECTIONS, "art": INDICATOR_KINDS, "ebene": ("plan", *indicator_queries.LEVELS),
             "bewertung": indicator_queries.VERDICTS, "status": MEASURE_STATUSES, "ampel": LIGHTS,
             "ampel_text": LIGHTS}
    enumerated = [(dataset.name, field) for dataset in DATASETS for field in dataset.fields if field.values]
    assert {field.name for _, field in enumerated} == set(codes)
    for name, field in enumerated:
        assert sorted(code for code, _ in field.words) == sorted(codes[field.name]), (name, field.name)
        assert len(set(field.values)) == len(field.values)
        # German words, not the database's code words (snake case or English).
        assert not set(field.values) & _ENGLISH_CODES, (name, field.name)
    assert dict(BY_NAME["kennzahlen"].fields[BY_NAME["kennzahlen"].field_names.index("richtung")].words) == {
        "increase": "steigend", "decrease": "fallend"}


def test_the_enumerated_words_are_the_apps_words():
    """The published words read as the app shows them (the page Kennzahlen, the status, the lights)."""
    importlib.import_module("ui.strings.goals")  # the pages' strings join the catalogue
    importlib.import_module("ui.strings.indicators")
    assert dict(open_data.VERDICT_WORDS) == {code: text(f"indicators.verdict.{code}")
                                             for code in indicator_queries.VERDICTS}
    assert dict(open_data.KIND_WORDS) == {code: text(f"indicators.kind_short.{code}") for code in INDICATOR_KINDS}
    assert dict(open_data.LEVEL_WORDS) == {"plan": text("indicators.level.plan"),
                                           **{code: text(f"goals.level.{code}") for code in indicator_queries.LEVELS}}
    assert dict(open_data.STATUS_WORDS) == {code: text(f"status.{code}") for code in MEASURE_STATUSES}


def test_every_enumerated_value_in_every_dataset_is_german_and_documented(engine, mini_plan):
    seen = set()
    for dataset in PLAN_DATASETS:
        for field in dataset.fields:
            if not field.values:
                continue
            values = {row[field.name] for row in _rows(engine, dataset.name)}
            assert values and values <= set(field.values), (dataset.name, field.name, values)
            seen |= values
    assert not seen & _ENGLISH_CODES
    indicators = {row["kuerzel"]: row for row in _rows(engine, "kennzahlen")}
    assert {(row["richtung"], row["art"]) for row in indicators.values()} <= {
        (direction, kind) for direction in ("steigend", "fallend") for kind in ("Ergebnis", "Kontext")}


def test_every_row_has_exactly_the_registry_fields(engine, mini_plan):
    for dataset in PLAN_DATASETS:
        rows = _rows(engine, dataset.name)
        assert rows, dataset.name
        assert all(list(row) == dataset.field_names for row in rows), dataset.name
        for field in dataset.fields:
            if not field.nullable:
                assert all(row[field.name] is not None for row in rows), (dataset.name, field.name)


def test_the_plan_row_carries_its_licence(engine, mini_plan):
    [row] = open_data.rows(engine, _plan(engine), open_data.PLANS, STAND)
    assert (row["plan"], row["traeger"], row["lizenz"]) == ("mini", "Testkreis", DEFAULT_LICENCE)
    assert row["lizenz_url"] == "https://www.govdata.de/dl-de/by-2-0"


def test_a_plan_whose_public_view_is_off_is_not_found(engine, mini_plan):
    with Session(engine) as session, session.begin():
        counter = session.get(Plan, mini_plan).change_counter
        update_plan_settings(session, SYSTEM, mini_plan, counter, public_view=False)
    assert open_data.public_plans(engine) == []
    with pytest.raises(NotPublic):
        open_data.public_plan(engine, "mini")
    with pytest.raises(NotPublic):
        open_data.public_plan(engine, "gibt-es-nicht")


def test_measures_on_the_stand_with_state_and_light_in_words(engine, mini_plan):
    measures = {row["kuerzel"]: row for row in _rows(engine, "massnahmen")}
    assert set(measures) == {"M1", "M2", "M3", "M4", "M5", "M6"}
    m1 = measures["M1"]
    assert (m1["status"], m1["fortschritt"], m1["letzter_sachstand"]) == ("in Umsetzung", 50, dt.date(2024, 6, 1))
    assert (m1["jahresziel"], m1["leitziel"], m1["handlungsfeld"]) == ("JZ2024-01", "LZ1", "HF1")
    assert m1["federfuehrung"] == "Volkshochschule Testkreis"
    assert all(row["ampel_text"].startswith(row["ampel"].capitalize()) for row in measures.values())
    earlier = {row["kuerzel"]: row for row in _rows(engine, "massnahmen", dt.date(2024, 3, 31))}
    assert earlier["M1"]["fortschritt"] == 20


def test_unreleased_reports_never_appear(engine, mini_plan):
    with Session(engine) as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.code == "M1")).one()
        # A report awaiting release (as an editor's is when the plan requires release).
        session.add(StatusReport(measure_id=measure.id, report_date=dt.date(2024, 6, 20), status="gefährdet",
                                 progress=55, summary="Noch nicht freigegeben", author_name="Erika Muster",
                                 released=False))
    reports = _rows(engine, "sachstaende")
    assert "Noch nicht freigegeben" not in {row["zusammenfassung"] for row in reports}
    assert [row["datum"] for row in reports if row["massnahme"] == "M1"] == [dt.date(2024, 3, 1), dt.date(2024, 6, 1)]
    m1 = next(row for row in _rows(engine, "massnahmen") if row["kuerzel"] == "M1")
    assert (m1["status"], m1["fortschritt"]) == ("in Umsetzung", 50)


def test_no_personal_data_in_any_dataset(engine, mini_plan):
    with Session(engine) as session, session.begin():
        for report in session.scalars(select(StatusReport)):
            report.author_name = "Erika Mustermann"
    for dataset in DATASETS:
        for row in open_data.rows(engine, _plan(engine), dataset, STAND):
            assert "Erika Mustermann" not in str(row.values())
            assert not {"author_name", "verfasser", "email"} & set(row)


def test_small_counts_of_people_are_suppressed(engine, mini_plan):
    with Session(engine) as session, session.begin():
        indicator = session.scalars(select(Indicator).where(Indicator.code == "K1")).one()
        session.add(IndicatorValue(indicator_id=indicator.id, value_date=dt.date(2024, 6, 29), value=3))
        latest = session.scalars(select(IndicatorValue).where(IndicatorValue.indicator_id == indicator.id,
                                                              IndicatorValue.value_date == STAND)).one()
        latest.value = 4
        threshold = session.get(Plan, mini_plan).confidentiality_threshold
    assert threshold == 5
    values = {row["datum"]: row for row in _rows(engine, "kennzahlwerte")}
    assert (values[dt.date(2024, 6, 29)]["wert"], values[dt.date(2024, 6, 29)]["unterdrueckt"]) == (None, True)
    assert (values[dt.date(2023, 12, 31)]["wert"], values[dt.date(2023, 12, 31)]["unterdrueckt"]) == (150.0, False)
    [k1] = _rows(engine, "kennzahlen")
    assert (k1["letzter_wert"], k1["letzter_wert_datum"], k1["unterdrueckt"]) == (None, dt.date(2024, 6, 30), True)
    assert k1["basis_wert"] == 100.0


def test_the_stand_cuts_reports_and_values(engine, mini_plan):
    early = dt.date(2023, 12, 31)
    assert max(row["datum"] for row in _rows(engine, "sachstaende", early)) <= early
    assert [row["datum"] for row in _rows(engine, "kennzahlwerte", early)] == [early]
    meetings = _rows(engine, "sitzungen", early)
    assert [row["datum"] for row in meetings] == [dt.date(2024, 3, 15), dt.date(2024, 9, 15)]  # the schedule


def test_levels_roll_up_with_their_light(engine, mini_plan):
    fields = {row["kuerzel"]: row for row in _rows(engine, "handlungsfelder")}
    assert fields["HF2"]["fortschritt"] is None and fields["HF2"]["massnahmen"] == 0
    goals = {row["kuerzel"]: row for row in _rows(engine, "leitziele")}
    assert goals["LZ1"]["handlungsfeld"] == "HF1" and goals["LZ1"]["massnahmen"] == 3
    annual = {row["kuerzel"]: row for row in _rows(engine, "jahresziele")}
    assert annual["JZ2024-01"]["beschluss_datum"] == dt.date(2024, 2, 1) and annual["JZ2024-01"]["priorisiert"]


def test_the_running_measures_are_what_the_levels_lights_count(engine, mini_plan):
    """`laufend` marks the measures a level's light counts (the embed's bar and "Nicht mitgezählt" rely on it): per
    Leitziel and per Jahresziel, the running measures per colour are its distribution in words, and a Leitziel's
    running measures are those of its Jahresziele together."""
    measures = _rows(engine, "massnahmen")
    assert {row["laufend"] for row in measures} == {True, False}
    for dataset, key in (("leitziele", "leitziel"), ("jahresziele", "jahresziel")):
        for level in _rows(engine, dataset):
            running = [row for row in measures if row[key] == level["kuerzel"] and row["laufend"]]
            if not running:
                assert (level["ampel"], level["ampel_verteilung"]) == ("grau", "keine laufenden Maßnahmen")
                assert level["ampel_text"] == "Grau – keine laufenden Maßnahmen"
                continue
            for colour in ("rot", "gelb", "grün"):
                count = sum(row["ampel"] == colour for row in running)
                assert f"{count} {colour}" in level["ampel_verteilung"], (level["kuerzel"], colour)
            assert level["ampel_verteilung"].endswith(f"von {len(running)} laufenden Maßnahme" + "n" * (len(running) > 1))


def test_a_frozen_meetings_date_reads_as_of_its_frozen_view(engine, mini_plan):
    schedule = meetings(engine, mini_plan)
    meeting_id = int(schedule[schedule["meeting_date"] == dt.date(2024, 3, 15)]["meeting_id"].iloc[0])
    with Session(engine) as session, session.begin():
        freeze_meeting(session, SYSTEM, mini_plan, meeting_id, dt.date(2024, 3, 1))
    plan = _plan(engine)
    assert open_data.data_stand(engine, plan, dt.date(2024, 3, 15)) == dt.date(2024, 3, 1)
    assert open_data.data_stand(engine, plan, dt.date(2024, 9, 15)) == dt.date(2024, 9, 15)
    assert open_data.data_stand(engine, plan, STAND) == STAND
