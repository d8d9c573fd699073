"""AppTest of the page Kennzahlen: values as of the Stand, trend, filters, confidentiality."""

import datetime as dt
import json

import yaml
from sqlalchemy import delete
from sqlalchemy.orm import Session

from models.db import make_engine
from models.indicators import DEFAULT_CONFIDENTIALITY_THRESHOLD
from models.schema import Indicator, IndicatorValue
from models.seed import example_files
from tests.pages.conftest import open_page, plotly_array, query_param

PAGE = "pages/kennzahlen.py"


def _open(**params):
    return open_page(PAGE, **params)


_array = plotly_array


def _charts(at):
    """Every chart as {trace name: (x, y)}."""
    charts = []
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        charts.append({trace["name"]: (_array(trace["x"]), _array(trace["y"])) for trace in spec["data"]})
    return charts


def _overview(at):
    return at.dataframe[0].value


def _values_table(at):
    """The chosen indicator's values (the only table with a column Wert)."""
    (table,) = [frame.value for frame in at.dataframe if "Wert" in frame.value.columns]
    return table


def _hints(at):
    return [warning.value for warning in at.warning]


def test_stand_before_the_last_value_shows_150_and_hides_180(mini_app_url):
    at = _open(stand="2024-01-01", kennzahl="K1")
    assert at.title[0].value == "Kennzahlen"
    row = _overview(at).iloc[0]
    assert row[["Kennzahl", "Aktueller Wert", "Stand des Werts", "Zielwert", "Zieldatum"]].tolist() == [
        "K1 · Teilnehmende an Sprachkursen", "150", "31.12.2023", "500", "31.12.2030"]
    assert row["Bewertung"] == "✓ auf Kurs"
    assert row["Gehört zu"] == "Leitziel „Alle sprechen Deutsch“"
    facts = next(md.value for md in at.markdown if "Aktueller Wert:" in md.value)
    assert "Aktueller Wert: **150\xa0Personen** (Stand 31.12.2023; Quelle: Testquelle)" in facts
    assert "Ausgangswert: 100\xa0Personen (31.12.2022)" in facts and "soll steigen" in facts
    (chart,) = _charts(at)
    assert chart["Istwerte"] == (["2023-12-31"], [150.0])
    assert chart["Ausgangswert"] == (["2022-12-31"], [100.0])
    assert chart["Zielwert"] == (["2030-12-31"], [500.0])
    assert chart["Trend bei gleichem Tempo"][0] == ["2023-12-31", "2030-12-31"]
    assert "Bei gleichbleibendem Tempo wird der Zielwert von 500\xa0Personen bis 31.12.2030 erreicht" in at.success[0].value
    values = _values_table(at)
    assert values["Wert"].tolist() == ["150"]  # the value of 30.06.2024 lies after the Stand


def test_today_shows_the_latest_value_180(mini_app_url):
    at = _open(kennzahl="K1")
    assert _overview(at).iloc[0][["Aktueller Wert", "Stand des Werts"]].tolist() == ["180", "30.06.2024"]
    (chart,) = _charts(at)
    assert chart["Istwerte"][1] == [150.0, 180.0]
    assert _values_table(at)["Wert"].tolist() == ["180", "150"]
    assert "Prognose: 523\xa0Personen" in at.success[0].value


def test_bad_parameters_give_german_hints_and_the_page_still_renders(mini_app_url):
    at = _open(kennzahl="XYZ", art="foo", feld="HF9")
    hints = _hints(at)
    assert any("„XYZ“ ist für „Kennzahl“ nicht bekannt" in hint for hint in hints)
    assert any("„foo“ ist für „Art der Kennzahl“ nicht bekannt" in hint for hint in hints)
    assert any("„HF9“ ist für „Handlungsfeld“ nicht bekannt" in hint for hint in hints)
    assert len(_overview(at)) == 1 and _charts(at) == []
    assert any("klicken Sie in einer Tabelle auf eine Zeile" in info.value for info in at.info)
    assert query_param(at, "kennzahl") is None and query_param(at, "art") is None


def test_kind_filter_from_the_url_and_the_widget(mini_app_url):
    at = _open(art="kontext")
    assert any(info.value == "Keine Kennzahl passt zu den gewählten Filtern." for info in at.info)
    assert _charts(at) == [] and len(at.dataframe) == 0
    at.selectbox(key="indicators_kind").select("result").run()
    assert not at.exception
    assert query_param(at, "art") == "ergebnis"
    assert len(_overview(at)) == 1 and at.header[0].value == "Ergebniskennzahlen"
    at.selectbox(key="indicators_code").select("K1").run()
    assert query_param(at, "kennzahl") == "K1"
    assert len(_charts(at)) == 1 and at.subheader[0].value == "K1 · Teilnehmende an Sprachkursen"


def test_only_the_chosen_indicator_is_drawn(mini_app_url):
    at = _open()
    assert _charts(at) == [] and len(at.dataframe) == 1
    assert [header.value for header in at.header] == ["Ergebniskennzahlen", "Kennzahl im Detail"]
    at.selectbox(key="indicators_code").select("K1").run()
    assert len(_charts(at)) == 1 and len(_values_table(at)) == 2
    at.selectbox(key="indicators_code").select("").run()
    assert _charts(at) == [] and query_param(at, "kennzahl") is None


def test_field_filter(mini_app_url):
    at = _open(feld="HF1")
    assert len(_overview(at)) == 1
    at.selectbox(key="indicators_field").select("").run()
    assert query_param(at, "feld") is None and len(_overview(at)) == 1


def test_empty_plan_explains_itself(mini_app_url):
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        session.execute(delete(IndicatorValue))
        session.execute(delete(Indicator))
    engine.dispose()
    at = _open()
    assert any(info.value == "Für diesen Plan sind noch keine Kennzahlen erfasst." for info in at.info)
    assert _charts(at) == [] and len(at.dataframe) == 0


def _example_indicators():
    document = yaml.safe_load(example_files()[0].read_text(encoding="utf-8"))
    return document["indicators"]


def test_example_plan_shows_all_its_indicators_in_two_sections(example_app_url):
    indicators = _example_indicators()
    context = [spec for spec in indicators if spec.get("kind") == "context"]
    result = [spec for spec in indicators if spec.get("kind", "result") == "result"]
    at = _open()
    tables = [frame.value for frame in at.dataframe]
    assert [table["Kennzahl"].str.split(" · ").str[0].tolist() for table in tables] == [
        [spec["code"] for spec in result], [spec["code"] for spec in context]]
    assert set(tables[1]["Art"]) == {"Kontext"}
    assert _charts(at) == []
    assert [header.value for header in at.header] == ["Ergebniskennzahlen", "Kontextkennzahlen", "Kennzahl im Detail"]
    assert any("keine Wirkungen des Plans" in info.value for info in at.info)
    at = _open(art="kontext", kennzahl=context[0]["code"])
    assert len(_overview(at)) == len(context) and len(_charts(at)) == 1
    assert [header.value for header in at.header] == ["Kontextkennzahlen", "Kennzahl im Detail"]


def test_example_plan_hides_small_counts_of_people(example_app_url):
    today = dt.date.today()
    small = [
        spec for spec in _example_indicators()
        if spec.get("counts_people")
        and any(0 < v["value"] < DEFAULT_CONFIDENTIALITY_THRESHOLD and v["date"] <= today for v in spec["values"])
    ]
    assert small, "the example plan should show confidentiality at work"
    spec = small[0]
    at = _open(kennzahl=spec["code"])
    hidden = [v for v in spec["values"] if 0 < v["value"] < DEFAULT_CONFIDENTIALITY_THRESHOLD and v["date"] <= today]
    shown = [v for v in spec["values"] if v["date"] <= today and v not in hidden]
    table = _values_table(at)
    assert (table["Wert"] == "< 5").sum() == len(hidden)
    assert not set(table["Wert"]) & {f"{v['value']:g}" for v in hidden}
    (chart,) = _charts(at)
    assert sorted(chart["Istwerte"][1]) == sorted(float(v["value"]) for v in shown)
    assert any("„< 5“" in caption.value for caption in at.caption)


def test_opening_one_indicator_by_code(example_app_url):
    code = _example_indicators()[1]["code"]
    at = _open(kennzahl=code)
    assert len(_charts(at)) == 1
    assert at.subheader[0].value.startswith(code)
    assert query_param(at, "kennzahl") == code
