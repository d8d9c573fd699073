"""AppTest of the page Maßnahmen: table, filters in the URL, timeline and a measure's detail.

Mini plan as of 2024-06-30: M1 green 50 %, M2 yellow 10 %, M3 grey ausgesetzt, M4 green
abgeschlossen, M5 red overdue and stale, M6 grey geplant.
"""

import datetime as dt
import json
from types import SimpleNamespace

import pytest
import yaml
from sqlalchemy import create_engine, select

from models.rules import state_as_of
from models.schema import Organisation
from models.seed import example_files
from tests.pages.conftest import open_page, query_param, rendered
from ui.widgets.components import plain

PAGE = "pages/massnahmen.py"


def _open(**params):
    return open_page(PAGE, **params)


def rows(at) -> list[str]:
    return at.dataframe[0].value["code"].tolist() if at.dataframe else []


def count_line(at) -> str:
    return next(md.value for md in at.markdown if "Maßnahmen**" in md.value)


def warnings(at) -> str:
    return " ".join(rendered(warning.value) for warning in at.warning)


def markdown(at) -> str:
    return "\n".join(md.value for md in at.markdown)


def timeline(at, tab: str = "Zeitplan", back: str = "Liste") -> dict:
    """The timeline chart: only the open tab runs, so open the timeline tab and then the list again."""
    at.session_state["measures_view"] = tab
    at.run()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    at.session_state["measures_view"] = back
    at.run()
    return spec


def test_table_lists_every_measure_with_its_state(mini_app_url):
    at = _open(stand="2024-06-30")
    assert at.title[0].value == "Maßnahmen"
    assert count_line(at) == "**6 von 6 Maßnahmen**"
    table = at.dataframe[0].value.set_index("code")
    assert table.index.tolist() == ["M4", "M5", "M1", "M2", "M3", "M6"]
    assert table.loc["M1", ["status", "progress", "light"]].tolist() == ["in Umsetzung", 50, "Grün – im Plan"]
    assert table.loc["M1", "reason"] == "im Zeitplan (erwartet 50\xa0%, erreicht 50\xa0%)"
    assert table.loc["M2", ["progress", "light"]].tolist() == [10, "Gelb – Verzug"]
    assert table.loc["M3", ["status", "light"]].tolist() == ["ausgesetzt", "Grau – nicht begonnen oder ausgesetzt"]
    assert table.loc["M4", ["status", "progress", "light"]].tolist() == ["abgeschlossen", 100, "Grün – im Plan"]
    assert table.loc["M5", ["light", "freshness"]].tolist() == ["Rot – kritisch", "veraltet"]
    assert table.loc["M6", ["status", "freshness"]].tolist() == ["geplant", ""]
    assert table["prioritised"].tolist() == [False, False, True, True, True, False]
    assert table.loc["M1", ["action_field", "guiding_goal", "year", "lead"]].tolist() == [
        "Sprache", "Alle sprechen Deutsch", 2024, "Volkshochschule Testkreis",
    ]
    assert str(table.loc["M1", "last_report"]) == "2024-06-01"


def test_red_light_in_the_url_leaves_only_m5(mini_app_url):
    at = _open(stand="2024-06-30", ampel="rot")
    assert rows(at) == ["M5"]
    assert count_line(at) == "**1 von 6 Maßnahmen**"
    assert at.multiselect(key="measures_light").value == ["red"]
    assert query_param(at, "ampel") == "rot"


def test_action_field_in_the_url(mini_app_url):
    at = _open(hf="HF3")
    assert rows(at) == ["M6"]
    assert at.multiselect(key="measures_hf").value == ["HF3"]


def test_filters_combine(mini_app_url):
    at = _open(stand="2024-06-30", hf="HF1", status="in-umsetzung")
    assert rows(at) == ["M5", "M1", "M2"]
    at = _open(stand="2024-06-30", hf="HF1", status="in-umsetzung", ampel="gelb,rot")
    assert rows(at) == ["M5", "M2"]
    assert query_param(at, "status") == "in-umsetzung" and query_param(at, "ampel") == "gelb,rot"


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"jahr": "2023"}, ["M4", "M5"]),
        ({"lz": "LZ1"}, ["M1", "M2", "M3"]),
        ({"prio": "1"}, ["M1", "M2", "M3"]),
        ({"veraltet": "1", "stand": "2024-06-30"}, ["M5"]),
        ({"suche": "sprachkurs"}, ["M1", "M2"]),
        ({"status": "verzoegert,gefaehrdet"}, []),
    ],
)
def test_each_filter_from_the_url(mini_app_url, params, expected):
    at = _open(**params)
    assert rows(at) == expected
    for name, value in params.items():
        assert query_param(at, name) == value


def test_lead_organisation_filter_by_id(mini_app_url):
    engine = create_engine(mini_app_url)
    with engine.connect() as connection:
        jc = connection.execute(select(Organisation.id).where(Organisation.name == "Jobcenter Testkreis")).scalar_one()
    engine.dispose()
    at = _open(org=str(jc))
    assert rows(at) == ["M5", "M3", "M6"]
    assert at.multiselect(key="measures_org").value == [jc]


def test_nothing_matches_gives_an_explained_empty_state(mini_app_url):
    at = _open(stand="2024-06-30", hf="HF3", ampel="rot")
    assert count_line(at) == "**0 von 6 Maßnahmen**"
    assert any("Keine Maßnahme passt" in info.value for info in at.info)
    assert not at.dataframe and not at.get("plotly_chart")


def test_action_field_without_measures_is_a_valid_filter(mini_app_url):
    at = _open(hf="HF2")
    assert not at.warning
    assert count_line(at) == "**0 von 6 Maßnahmen**"


def test_choosing_a_filter_changes_table_timeline_and_url(mini_app_url):
    at = _open(stand="2024-06-30")
    assert [trace["name"] for trace in timeline(at)["data"]] == [
        "Grün – im Plan", "Gelb – Verzug", "Rot – kritisch", "Grau – nicht begonnen oder ausgesetzt",
    ]
    at.multiselect(key="measures_light").set_value(["yellow", "red"]).run()
    assert rows(at) == ["M5", "M2"]
    assert [trace["name"] for trace in timeline(at)["data"]] == ["Gelb – Verzug", "Rot – kritisch"]
    assert query_param(at, "ampel") == "gelb,rot"
    at.checkbox(key="measures_stale").check().run()
    assert rows(at) == ["M5"] and query_param(at, "veraltet") == "1"
    at.text_input(key="measures_search").input("gibt es nicht").run()
    assert rows(at) == [] and query_param(at, "suche") == "gibt es nicht"


def test_reset_clears_every_filter_and_the_url(mini_app_url):
    at = _open(stand="2024-06-30", ampel="rot", prio="1", suche="kurs")
    assert rows(at) == []
    at.button[0].click().run()
    assert rows(at) == ["M4", "M5", "M1", "M2", "M3", "M6"]
    assert all(query_param(at, name) is None for name in ("ampel", "prio", "suche"))
    assert query_param(at, "stand") == "2024-06-30"


def test_timeline_marks_the_stand(mini_app_url):
    spec = timeline(_open(stand="2024-06-30"))
    layout = spec["layout"]
    assert [note["text"] for note in layout["annotations"]] == ["Stand 30.06.2024"]
    assert layout["shapes"][0]["x0"] == "2024-06-30"
    assert layout["separators"] == ",."
    assert sum(len(trace["y"]) for trace in spec["data"]) == 6


def test_detail_as_of_an_earlier_stand_hides_the_later_report(mini_app_url):
    at = _open(massnahme="M1", stand="2024-04-15")
    text = markdown(at)
    assert "### M1 – Sprachkurs A" in text
    assert "**01.03.2024 · in Umsetzung · 20\xa0%**" in text
    assert "01.06.2024" not in text and "Halbzeit" not in text
    assert "Sachstände (1), neueste zuerst" in text
    assert [(metric.label, metric.value) for metric in at.metric] == [
        ("Status", "in Umsetzung"), ("Fortschritt", "20\xa0%"),
    ]
    assert query_param(at, "massnahme") == "M1"


def test_detail_shows_the_full_history_newest_first(mini_app_url):
    at = _open(massnahme="M1", stand="2024-06-30")
    text = markdown(at)
    assert text.index("**01.06.2024 · in Umsetzung · 50\xa0%**") < text.index("**01.03.2024 · in Umsetzung · 20\xa0%**")
    assert "**Sachstand:** Halbzeit" in text and "**Sachstand:** Start" in text
    assert "**Federführung:** Volkshochschule Testkreis" in text
    assert "**Partner:** Jobcenter Testkreis" in text
    assert "Leitziel **Alle sprechen Deutsch**" in text and "Jahresziel 2024 **Mehr Sprachkurse**" in text
    assert any("Gemeldet von: VHS" in caption.value for caption in at.caption)
    assert ":green-badge[:material/check_circle: Grün – im Plan]" in text


def test_detail_of_a_stale_overdue_measure(mini_app_url):
    at = _open(massnahme="M5", stand="2024-06-30")
    text = markdown(at)
    assert plain("überfällig: Ende war am 31.12.2023, noch nicht abgeschlossen") in text
    assert any("keinen aktuellen Sachstand" in warning.value for warning in at.warning)


def test_picking_a_measure_shows_it_and_puts_it_in_the_url(mini_app_url):
    at = _open(stand="2024-06-30")
    assert "### " not in markdown(at)
    at.selectbox(key="measures_pick").select("M2").run()
    assert "### M2 – Sprachkurs B" in markdown(at)
    assert query_param(at, "massnahme") == "M2"


def test_a_linked_measure_outside_the_filters_is_still_shown(mini_app_url):
    at = _open(stand="2024-06-30", ampel="rot", massnahme="M1")
    assert rows(at) == ["M5"]
    assert "### M1 – Sprachkurs A" in markdown(at)


@pytest.mark.parametrize(
    "params, hint",
    [
        ({"ampel": "lila"}, "„lila“ ist für „Ampel“ nicht bekannt"),
        ({"jahr": "abc"}, "„abc“ ist für „Jahr“ nicht bekannt"),
        ({"status": "<script>"}, "ist für „Status“ nicht bekannt"),
        ({"org": "999999"}, "ist für „Federführung“ nicht bekannt"),
        ({"prio": "vielleicht"}, "kein gültiger Wert"),
        ({"suche": "x" * 300}, "zu lang"),
    ],
)
def test_bad_filter_values_get_a_german_hint_and_the_page_still_renders(mini_app_url, params, hint):
    at = _open(**params)
    assert hint in warnings(at)
    assert len(rows(at)) == 6
    assert all(query_param(at, name) is None for name in params)


def test_unknown_measure_in_the_url_gets_a_hint_and_no_detail(mini_app_url):
    at = _open(massnahme="XYZ")
    assert "Die Maßnahme „XYZ“ aus dem Link gibt es in diesem Plan nicht." in warnings(at)
    assert "### " not in markdown(at)
    assert len(rows(at)) == 6
    assert query_param(at, "massnahme") is None


def _example_measures(action_field: str | None = None) -> list[dict]:
    """The measures of the first example plan (the one the app selects by default)."""
    document = yaml.safe_load(example_files()[0].read_text(encoding="utf-8"))
    return [
        measure
        for field in document["action_fields"] if action_field in (None, field["code"])
        for goal in field.get("guiding_goals", [])
        for annual in goal.get("annual_goals", [])
        for measure in annual.get("measures", [])
    ]


def test_example_plan_table_has_every_measure(example_app_url):
    measures = _example_measures()
    at = _open()
    assert len(rows(at)) == len(measures)
    assert sorted(rows(at)) == sorted(measure["code"] for measure in measures)
    assert count_line(at) == f"**{len(measures)} von {len(measures)} Maßnahmen**"


def test_mailed_link_restores_the_view(example_app_url):
    """"Maßnahmen, Handlungsfeld 4, verzögert oder in Umsetzung, Stand 12.03.2025" as a link."""
    stand = dt.date(2025, 3, 12)
    expected = [
        measure["code"] for measure in _example_measures("HF4")
        if state_as_of([SimpleNamespace(report_date=r["date"], status=r["status"], progress=r["progress"])
                        for r in measure.get("reports", [])], stand).status in ("verzögert", "in Umsetzung")
    ]
    at = _open(hf="HF4", status="verzoegert,in-umsetzung", stand="2025-03-12")
    assert expected and sorted(rows(at)) == sorted(expected)
    assert set(at.dataframe[0].value["status"]) == {"verzögert", "in Umsetzung"}
    assert at.multiselect(key="measures_hf").value == ["HF4"]
    assert sorted(at.multiselect(key="measures_status").value) == ["in Umsetzung", "verzögert"]
    assert "Stand: 12.03.2025" in at.markdown[0].value
    assert (query_param(at, "hf"), query_param(at, "stand")) == ("HF4", "2025-03-12")


def test_carried_over_measure_links_to_its_predecessor(example_app_url):
    carried = next(measure for measure in _example_measures() if measure.get("carried_over_from"))
    at = _open(massnahme=carried["code"])
    assert "Fortführung von" in markdown(at)
    button = next(b for b in at.button if rendered(b.label).startswith(carried["carried_over_from"]))
    button.click().run()
    assert f"### {plain(carried['carried_over_from'])} – " in markdown(at)
    assert query_param(at, "massnahme") == carried["carried_over_from"]


def test_page_in_english(mini_app_url):
    at = _open(lang="en", stand="2024-06-30", massnahme="M5")
    assert at.title[0].value == "Measures"
    assert "**6 of 6 measures**" in markdown(at)
    table = at.dataframe[0].value.set_index("code")
    assert table.loc["M5", ["status", "light", "freshness"]].tolist() == ["in progress", "Red – critical", "stale"]
    assert [trace["name"] for trace in timeline(at, "Timeline", "List")["data"]][2] == "Red – critical"
    assert table.loc["M5", "reason"] == "overdue: due on 31.12.2023, not completed"
    assert plain("overdue: due on 31.12.2023, not completed") in markdown(at)


def test_detail_keeps_the_description_s_paragraphs_and_bullets(mini_app_url):
    """An imported description with a heading line and bullets: shown with its lines, never rendered."""
    engine = create_engine(mini_app_url)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE measure SET description = ? WHERE code = 'M1'",
                                   ("## Vorhaben\n\n* breitere Radspuren\n* mehr Abstellanlagen\nStand Mai",))
    engine.dispose()
    text = markdown(_open(massnahme="M1", stand="2024-06-30"))
    assert "\\#\\# Vorhaben\n\n- breitere Radspuren\n- mehr Abstellanlagen\n\nStand Mai" in text
