"""Kennzahlen and their Messwerte: validation rules by name, values per date."""

import datetime as dt

from models.commands import indicators
from models.schema import GuidingGoal, Indicator, IndicatorValue
from tests.models.commands.helpers import (
    ADMIN,
    TODAY,
    count_rows,
    get_row,
    id_of,
    last_audit,
    plan_counter,
    refused_fields,
    retire_kind,
    run_command,
)


def _indicator(engine, **changes):
    fields = dict(code="K2", title="Abschlüsse", unit="Personen", direction="increase", kind="result",
                  counts_people=True, source="Statistik", baseline_date=dt.date(2023, 1, 1), baseline_value="1.200",
                  target_date=dt.date(2030, 12, 31), target_value=2000,
                  level=("guiding_goal", id_of(engine, GuidingGoal, "LZ2")))
    fields.update(changes)
    return fields


INDICATOR_RULES = [
        ({"target_date": dt.date(2022, 1, 1)}, "target_date", "nach dem Datum des Ausgangswerts"),
        ({"target_value": "viele"}, "target_value", "„Zielwert“ muss eine Zahl sein."),
        ({"direction": "up"}, "direction", "steigender oder ein fallender"),
        ({"level": ("measure", 99999)}, "level", "sichtbare Ebene"),
        ({"code": "K1"}, "code", "schon vergeben"),
]


def test_indicator_validation_rules(engine, mini_plan):
    for changes, field, words in INDICATOR_RULES:
        errors = refused_fields(engine, indicators.create_indicator, ADMIN, mini_plan,
                                expected_counter=plan_counter(engine, mini_plan),
                                **_indicator(engine, **changes))
        assert words in errors[field], changes
    assert count_rows(engine, Indicator) == 1


def test_indicator_and_its_values(engine, mini_plan):
    indicator_id = run_command(engine, indicators.create_indicator, ADMIN, mini_plan,
                               expected_counter=plan_counter(engine, mini_plan),
                               **_indicator(engine))
    indicator = get_row(engine, Indicator, indicator_id)
    assert (indicator.baseline_value, indicator.guiding_goal_id, indicator.position) == (
        1200.0, id_of(engine, GuidingGoal, "LZ2"), 1)
    counter = plan_counter(engine, mini_plan)
    errors = refused_fields(engine, indicators.add_indicator_value, ADMIN, mini_plan, indicator_id,
                            expected_counter=counter,
                            value_date=dt.date(2024, 1, 1), value="ein paar", today=TODAY)
    assert errors == {"value": "„Wert“ muss eine Zahl sein."}
    errors = refused_fields(engine, indicators.add_indicator_value, ADMIN, mini_plan, indicator_id,
                            expected_counter=counter,
                            value_date=dt.date(2024, 8, 1), value=5, today=TODAY)
    assert "Zukunft" in errors["value_date"]
    value_id = run_command(engine, indicators.add_indicator_value, ADMIN, mini_plan, indicator_id,
                           expected_counter=counter,
                           value_date=dt.date(2024, 1, 1), value="1.350,5", today=TODAY)
    assert get_row(engine, IndicatorValue, value_id).value == 1350.5
    errors = refused_fields(engine, indicators.add_indicator_value, ADMIN, mini_plan, indicator_id,
                            expected_counter=counter + 1, value_date=dt.date(2024, 1, 1), value=3, today=TODAY)
    assert errors == {"value_date": "Für den 01.01.2024 gibt es schon einen Messwert."}
    run_command(engine, indicators.update_indicator_value, ADMIN, mini_plan, value_id, expected_counter=counter + 1,
                value_date=dt.date(2024, 1, 1), value=1400, source="Amt", today=TODAY)
    assert last_audit(engine).changes == {"value": [1350.5, 1400], "source": ["", "Amt"]}
    run_command(engine, indicators.delete_indicator_value, ADMIN, mini_plan, value_id, expected_counter=counter + 2)
    assert count_rows(engine, IndicatorValue, IndicatorValue.indicator_id == indicator_id) == 0
    assert last_audit(engine).changes["value"] == [1400, None]
    run_command(engine, retire_kind("indicator"), ADMIN, mini_plan, indicator_id, expected_counter=counter + 3)
    assert get_row(engine, Indicator, indicator_id).retired
