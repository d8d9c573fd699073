"""AppTest of the overview page: the figures it shows, for the mini plan and the example plan."""

import datetime as dt
import json

import pandas as pd
import yaml

from models.seed import example_files
from tests.pages.conftest import app, bar_chart, metrics, query_param


def test_overview_shows_the_mini_plans_figures(mini_app_url):
    at = app().run()
    assert not at.exception
    assert at.title[0].value == "Übersicht"
    shown = metrics(at)
    assert shown["Handlungsfelder"] == "3"
    assert shown["Leitziele 2030"] == "3"
    assert shown[f"Jahresziele {dt.date.today().year}"] == "0"
    assert shown["Maßnahmen"] == "6"
    # all mini-plan measures ended by 2025: M4 completed, M3 suspended, the rest overdue
    assert shown["Grün – im Plan"] == "1 (17\xa0%)"
    assert shown["Gelb – Verzug"] == "0 (0\xa0%)"
    assert shown["Rot – kritisch"] == "4 (67\xa0%)"
    assert shown["Grau – nicht begonnen oder ausgesetzt"] == "1 (17\xa0%)"


def test_rule_level_light_of_the_plan_on_the_overview_with_distribution_and_reason(mini_app_url):
    at = app()
    at.query_params["stand"] = "2024-06-30"
    at.run()
    assert not at.exception
    line = next(md.value for md in at.markdown if "Ampel des Plans" in md.value)
    assert line.startswith(":red-badge[") and "Rot] kritisch" in line
    assert "**Ampel des Plans:** 1 rot · 1 gelb · 1 grün · 1 grau von 4 laufenden Maßnahmen" in line
    assert "25\xa0% der laufenden Maßnahmen sind rot; ab 20\xa0% ist die Ebene rot" in line
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert bars["hovertext"][0] == "Rot – kritisch: 1 rot · 1 gelb · 1 grün von 3 laufenden Maßnahmen"


def test_overview_chart_says_no_measures_for_an_empty_action_field(mini_app_url):
    at = app().run()
    x, labels, y = bar_chart(at, 0)
    assert y == ["Sprache", "Wohnen", "Arbeit"]
    assert labels[1] == "keine Maßnahmen"
    # Sprache: mean of LZ1 (M1 50/M2 10 weighted 1:3 -> 20 %) and LZ2 ((100 + 60) / 2 = 80 %)
    assert labels[0] == "50\xa0%" and x[0] == 50.0


def test_overview_marks_example_data(mini_app_url):
    at = app().run()
    assert any("Beispieldaten" in info.value for info in at.info)


def test_overview_of_the_example_plan(example_app_url):
    document = yaml.safe_load(example_files()[0].read_text(encoding="utf-8"))
    fields = document["action_fields"]
    goals = [goal for field in fields for goal in field.get("guiding_goals", [])]
    annual = [a for goal in goals for a in goal.get("annual_goals", [])]
    measures = [m for a in annual for m in a.get("measures", [])]
    this_year = sum(1 for a in annual if a["year"] == dt.date.today().year)

    at = app().run()
    assert not at.exception
    shown = metrics(at)
    assert shown["Handlungsfelder"] == str(len(fields))
    assert shown["Leitziele 2030"] == str(len(goals))
    assert shown[f"Jahresziele {dt.date.today().year}"] == str(this_year)
    assert shown["Maßnahmen"] == str(len(measures))
    counts = [int(shown[label].split(" ")[0]) for label in shown if "–" in label]
    assert sum(counts) == len(measures) and all(count > 0 for count in counts)
    assert any(document["plan"]["name"] in md.value for md in at.markdown)
    x, _, y = bar_chart(at, 0)
    assert [label.replace("<br>", " ") for label in y] == [field["title"] for field in fields]  # wrapped lines
    assert all(0 < value < 100 for value in x)


def test_unknown_plan_in_url_gets_a_german_hint_and_the_default_plan(example_app_url):
    at = app()
    at.query_params["plan"] = "gibt-es-nicht"
    at.run()
    assert not at.exception
    assert "gibt es nicht" in at.warning[0].value
    assert at.title[0].value == "Übersicht"


def test_plan_selector_switches_to_the_second_plan(example_app_url):
    second = yaml.safe_load(example_files()[1].read_text(encoding="utf-8"))["plan"]
    at = app().run()
    at.sidebar.selectbox(key="plan_slug").select(second["slug"]).run()
    assert not at.exception
    assert query_param(at, "plan") == second["slug"]
    assert at.markdown[0].value.startswith("**" + second["name"].split()[0])


def test_stand_from_the_url_shows_the_plan_as_of_that_date(mini_app_url):
    at = app()
    at.query_params["stand"] = "30.06.2024"
    at.run()
    assert not at.exception
    shown = metrics(at)
    assert shown["Grün – im Plan"] == "2 (33\xa0%)"
    assert shown["Gelb – Verzug"] == "1 (17\xa0%)"
    assert shown["Rot – kritisch"] == "1 (17\xa0%)"
    assert "Stand: 30.06.2024" in at.markdown[0].value
    assert query_param(at, "stand") == "2024-06-30"


def test_stand_can_be_picked_from_the_meetings(mini_app_url):
    at = app().run()
    picker = at.sidebar.selectbox(key="as_of_pick")
    picker.select(dt.date(2024, 3, 15)).run()
    assert not at.exception
    assert "Stand: 15.03.2024" in at.markdown[0].value
    assert query_param(at, "stand") == "2024-03-15"


def test_bad_stand_in_the_url_gets_a_hint_and_today(mini_app_url):
    at = app()
    at.query_params["stand"] = "2099-01-01"
    at.run()
    assert not at.exception
    assert any("liegt in der Zukunft" in w.value for w in at.warning)
    assert f"Stand: {dt.date.today():%d.%m.%Y}" in at.markdown[0].value


def _mini_at_reference_date():
    at = app()
    at.query_params["stand"] = "2024-06-30"
    return at.run()


def test_overview_since_the_last_meeting(mini_app_url):
    at = _mini_at_reference_date()
    assert any(h.value == "Seit der letzten Sitzung am 15.03.2024" for h in at.subheader)
    shown = metrics(at)
    assert (shown["Neue Sachstände"], shown["Statusänderungen"], shown["Abgeschlossen"]) == ("3", "2", "0")
    changes = next(df.value for df in at.dataframe if "Änderung" in df.value.columns)
    assert changes["Nr."].tolist() == ["M1", "M2", "M3"]
    assert changes["Änderung"].tolist() == [
        "Fortschritt 20\xa0% → 50\xa0%", "geplant → in Umsetzung (10\xa0%)", "geplant → ausgesetzt (30\xa0%)",
    ]  # German percent format (models.rules.progress_text), as everywhere else


def test_overview_leads_with_this_years_annual_goals(mini_app_url):
    at = _mini_at_reference_date()
    assert any(h.value == "Jahresziele 2024: wo wir jetzt stehen" for h in at.subheader)
    table = next(df.value for df in at.dataframe if "Priorität" in df.value.columns)
    assert table["Nr."].tolist() == ["JZ2024-01", "JZ2024-02"]
    assert table["Leitziel"].tolist() == ["LZ1"] * 2
    assert table["Fortschritt"].tolist()[0] == 20 and pd.isna(table["Fortschritt"].tolist()[1])
    assert table["Ampel"].tolist()[1] == "Grau – keine laufenden Maßnahmen"
    assert table["Priorität"].tolist() == ["priorisiert", ""]
    # the light with its words and distribution: M1 green, M2 yellow (M3 suspended is not running)
    assert table["Ampel"].tolist()[0] == "Gelb – Verzug: 0 rot · 1 gelb · 1 grün von 2 laufenden Maßnahmen"
    assert metrics(at)["Fortschritt der Jahresziele 2024"] == "20\xa0%"
    line = next(md.value for md in at.markdown if "Ampel der Jahresziele 2024" in md.value)
    assert line.startswith(":orange-badge[") and "1 gelb · 1 grün von 2 laufenden Maßnahmen" in line


def test_overview_this_year_follows_the_stand(mini_app_url):
    at = app()
    at.query_params["stand"] = "2023-06-30"
    at.run()
    assert any(h.value == "Jahresziele 2023: wo wir jetzt stehen" for h in at.subheader)
    table = next(df.value for df in at.dataframe if "Priorität" in df.value.columns)
    assert table["Nr."].tolist() == ["JZ2023-01"]
    at = app().run()  # today: the mini plan has no annual goals this year
    assert f"Für {dt.date.today().year} sind keine Jahresziele erfasst." in [m.value for m in at.markdown]


def test_overview_lists_what_needs_attention_with_the_facts_to_act(mini_app_url):
    at = _mini_at_reference_date()
    assert "Braucht Aufmerksamkeit (2)" in [h.value for h in at.subheader]
    table = next(df.value for df in at.dataframe if "Tage überfällig" in df.value.columns)
    assert table["Nr."].tolist() == ["M5", "M2"]
    assert table["Federführung"].tolist() == ["Jobcenter Testkreis", "Volkshochschule Testkreis"]
    assert table["Ampel"].tolist() == ["Rot – kritisch", "Gelb – Verzug"]
    assert [f"{day:%Y-%m-%d}" for day in table["Fällig am"]] == ["2023-12-31", "2024-12-31"]
    assert table["Tage überfällig"].tolist() == ["182", "–"]
    assert [f"{day:%Y-%m-%d}" for day in table["Letzter Sachstand"]] == ["2023-06-01", "2024-05-01"]
    assert table["Grund"].tolist()[0] == ("überfällig: Ende war am 31.12.2023, noch nicht abgeschlossen; "
                                          "ohne aktuellen Sachstand")
    assert any("seit mehr als 180 Tagen kein Sachstand" in c.value for c in at.caption)
    link = next(link.proto for link in at.get("page_link") if link.proto.label.startswith("Alle 2 "))
    assert link.label == "Alle 2 anzeigen" and "massnahmen" in link.page
    assert "auswahl=aufmerksamkeit" in link.query_string and "stand=2024-06-30" in link.query_string


def test_overview_indicators_off_course_links_to_the_indicators(mini_app_url):
    at = _mini_at_reference_date()
    assert "Kennzahlen außer Kurs (0 von 1 Ergebniskennzahlen)" in [h.value for h in at.subheader]
    assert "Keine Ergebniskennzahl ist außer Kurs." in [m.value for m in at.markdown]
    assert any(link.proto.label == "Alle Kennzahlen ansehen" and "kennzahlen" in link.proto.page
               for link in at.get("page_link"))


def test_overview_before_any_meeting_says_so(mini_app_url):
    at = app()
    at.query_params["stand"] = "2024-01-10"
    at.run()
    assert "Vor diesem Stand ist keine Sitzung des Fachbeirats erfasst." in [m.value for m in at.markdown]


def test_overview_lists_the_newest_reports_with_the_total_in_words(mini_app_url, monkeypatch):
    monkeypatch.setattr("ui.views.overview_facts.CHANGES_SHOWN", 2)
    at = _mini_at_reference_date()
    assert not at.exception
    assert metrics(at)["Neue Sachstände"] == "3"
    changes = next(df.value for df in at.dataframe if "Änderung" in df.value.columns)
    assert changes["Nr."].tolist() == ["M1", "M2"]
    assert "Die 2 neuesten von 3 neuen Sachständen." in [c.value for c in at.caption]
    links = [link.proto for link in at.get("page_link")]
    assert any(link.label == "Alle Maßnahmen mit ihren Sachständen in der Maßnahmenliste"
               and "massnahmen" in link.page for link in links)
