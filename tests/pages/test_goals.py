"""AppTest of the page Leitziele 2030: hierarchy chart, goals per action field, one goal in detail."""

import json

import yaml

from models.seed import example_files
from tests.pages.conftest import app, metrics, plotly_array, query_param

STAND = "2024-06-30"


def _open(**params):
    """The page after a first run of the dashboard (which registers the navigation), with the URL
    parameters given as if the page had been opened from a shared link."""
    at = app().run()
    at.switch_page("pages/leitziele.py")
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def _chart(at, key):
    spec = json.loads(at.get("plotly_chart")[_chart_index(at, key)].proto.spec)
    return spec["data"][0]


def _chart_index(at, key):
    ids = [chart.proto.id for chart in at.get("plotly_chart")]
    return next(index for index, chart_id in enumerate(ids) if key in chart_id)




def _table(at, column):
    """The first table that has the given column."""
    return next(frame.value for frame in at.dataframe if column in frame.value.columns)


def test_hierarchy_chart_shows_the_levels_down_to_the_guiding_goals_with_progress_and_light_in_words(mini_app_url):
    at = _open(stand=STAND)
    assert not at.exception
    assert at.title[0].value == "Leitziele 2030"
    trace = _chart(at, "goals_hierarchy")
    assert trace["type"] == "treemap"
    # plan, 3 Handlungsfelder, 3 Leitziele: Jahresziele and Maßnahmen are on a goal's detail view
    assert trace["ids"] == ["plan", "hf1", "hf2", "hf3", "lz1", "lz2", "lz3"]
    texts = dict(zip(trace["labels"], trace["text"]))
    assert texts["<b>LZ1</b><br>Alle sprechen Deutsch"] == (
        "20\xa0% · Gelb – Verzug<br>0 rot · 1 gelb · 1 grün von 2 laufenden Maßnahmen")
    assert texts["<b>LZ2</b><br>Kurse werden abgeschlossen"].startswith("80\xa0% · Rot – kritisch")
    # LZ3's only measure has not started: active, neither red nor yellow
    assert texts["<b>LZ3</b><br>Arbeit für alle"] == (
        "0\xa0% · Grün – im Plan<br>0 rot · 0 gelb · 0 grün · 1 grau von 1 laufenden Maßnahme")
    assert texts["<b>HF2</b><br>Wohnen"] == "keine Maßnahmen"
    hover = dict(zip(trace["ids"], trace["customdata"]))
    assert hover["lz1"][3] == "1 Grün – im Plan<br>1 Gelb – Verzug<br>1 Grau – nicht begonnen oder ausgesetzt"
    assert hover["lz1"][4] == "50\xa0% der laufenden Maßnahmen sind rot oder gelb; ab 20\xa0% ist die Ebene gelb"
    assert any("mindestens 20\xa0% davon rot" in caption.value and "Detailansicht" in caption.value
               for caption in at.caption)


def test_the_detail_shows_the_annual_goals_and_measures_the_overview_chart_leaves_out(mini_app_url):
    at = _open(stand=STAND, ziel="LZ1")
    annual = _table(at, "Jahr").set_index("Kürzel")
    assert annual.loc["JZ2024-02", "Maßnahmen nach Ampel"] == "keine Maßnahmen"
    assert annual.loc["JZ2024-01", "Maßnahmen nach Ampel"] == (
        "1 Grün – im Plan, 1 Gelb – Verzug, 1 Grau – nicht begonnen oder ausgesetzt")
    assert annual.loc["JZ2024-01", "Ampel"] == (
        "Gelb – Verzug: 0 rot · 1 gelb · 1 grün von 2 laufenden Maßnahmen (50\xa0% der laufenden Maßnahmen "
        "sind rot oder gelb; ab 20\xa0% ist die Ebene gelb)")
    assert len(_table(at, "Maßnahme")) == 3


def test_goals_per_action_field_in_expanders(mini_app_url):
    at = _open(stand=STAND)
    # expander labels are Markdown-escaped by components.plain, which keeps the no-break space
    assert [expander.label for expander in at.expander] == [
        "HF1 · Sprache – 50\xa0%", "HF2 · Wohnen – keine Maßnahmen", "HF3 · Arbeit – 0\xa0%",
    ]
    for index in range(3):  # a field's goals are drawn once it is opened
        at.session_state[f"goals_field_{index}"] = True
    at.run()
    captions = [caption.value for caption in at.caption]
    assert ("Fortschritt: 20\xa0% · Ampel: Gelb – Verzug: 0 rot · 1 gelb · 1 grün von 2 laufenden Maßnahmen "
            "(50\xa0% der laufenden Maßnahmen sind rot oder gelb; ab 20\xa0% ist die Ebene gelb)") in captions
    # LZ2: M4 was completed in 2023 and no longer counts in 2024; M5 is overdue
    assert ("Fortschritt: 80\xa0% · Ampel: Rot – kritisch: 1 rot · 0 gelb · 0 grün von 1 laufenden Maßnahme "
            "(100\xa0% der laufenden Maßnahmen sind rot; ab 20\xa0% ist die Ebene rot)") in captions
    assert any("keine Leitziele" in md.value for md in at.expander[1].markdown)


def test_sunburst_from_the_url(mini_app_url):
    at = _open(stand=STAND, ansicht="sonne")
    assert not at.exception
    assert _chart(at, "goals_hierarchy")["type"] == "sunburst"
    assert at.radio(key="goals_view").value == "sonne"


def test_goal_detail_from_the_url(mini_app_url):
    at = _open(stand=STAND, ziel="LZ1")
    assert not at.exception
    assert at.subheader[0].value == "LZ1 – Alle sprechen Deutsch"
    annual = _table(at, "Jahr")
    assert annual["Kürzel"].tolist() == ["JZ2024-01", "JZ2024-02"]
    assert annual["Jahr"].tolist() == ["2024", "2024"]
    assert annual["Priorisiert"].tolist() == ["ja", "nein"]
    assert annual["Fortschritt"].tolist() == ["20\xa0%", "keine Maßnahmen"]
    bars = _chart(at, "goal_annual_chart")
    assert bars["text"] == ["20\xa0%", "keine Maßnahmen"]
    assert plotly_array(bars["x"]) == [20.0, 0.0]
    shown = metrics(at)
    assert shown["Letzter Wert (30.06.2024)"] == "180\xa0Personen"
    assert shown["Zielwert (31.12.2030)"] == "500\xa0Personen"
    assert any("K1" in md.value and "Teilnehmende an Sprachkursen" in md.value for md in at.markdown)
    assert any("Zielwert von 500" in md.value for md in at.markdown)
    measures = _table(at, "Maßnahme")
    assert measures["Kürzel"].tolist() == ["M1", "M2", "M3"]
    assert measures["Fortschritt"].tolist() == ["50\xa0%", "10\xa0%", "30\xa0%"]
    assert measures["Status"].tolist() == ["in Umsetzung", "in Umsetzung", "ausgesetzt"]
    assert measures["Ampel"].str.split(" \\(").str[0].tolist() == [
        "Grün – im Plan", "Gelb – Verzug", "Grau – nicht begonnen oder ausgesetzt",
    ]
    assert measures["Federführung"].tolist()[0] == "Volkshochschule Testkreis"
    assert query_param(at, "ziel") == "LZ1"


def test_goal_detail_without_indicators_says_so(mini_app_url):
    at = _open(stand=STAND, ziel="LZ3")
    assert any("keine Kennzahlen" in md.value for md in at.markdown)
    assert _table(at, "Maßnahme")["Kürzel"].tolist() == ["M6"]


def test_an_earlier_stand_hides_later_reports(mini_app_url):
    at = _open(stand="2024-04-15", ziel="LZ1")
    assert _table(at, "Jahr")["Fortschritt"].tolist() == ["5\xa0%", "keine Maßnahmen"]
    assert metrics(at)["Letzter Wert (31.12.2023)"] == "150\xa0Personen"
    assert _table(at, "Maßnahme")["Status"].tolist()[1] == "geplant"


def test_details_button_opens_the_goal_and_back_returns(mini_app_url):
    at = _open(stand=STAND)
    assert not at.button  # a field's goals run only once it is opened
    at.session_state["goals_field_0"] = True
    at.run()
    at.button(key="goal_details_LZ2").click().run()
    assert not at.exception
    assert at.subheader[0].value == "LZ2 – Kurse werden abgeschlossen"
    assert _table(at, "Jahr")["Fortschritt"].tolist() == ["80\xa0%"]
    assert query_param(at, "ziel") == "LZ2"
    at.button[0].click().run()
    assert query_param(at, "ziel") is None
    assert len(at.expander) == 3


def test_unknown_goal_gets_a_german_hint_and_the_overview(mini_app_url):
    at = _open(ziel="XYZ")
    assert not at.exception
    assert any("Das Leitziel „XYZ“ aus dem Link gibt es in diesem Plan nicht" in w.value for w in at.warning)
    assert len(at.expander) == 3
    assert query_param(at, "ziel") is None


def test_unknown_view_gets_a_hint(mini_app_url):
    at = _open(ansicht="3d")
    assert not at.exception
    assert any("„3d“" in w.value for w in at.warning)
    assert _chart(at, "goals_hierarchy")["type"] == "treemap"


def test_example_plan_goal_with_its_indicators(example_app_url):
    document = yaml.safe_load(example_files()[0].read_text(encoding="utf-8"))
    goal = document["action_fields"][0]["guiding_goals"][0]
    own = [i["code"] for i in document.get("indicators", []) if i.get("belongs_to") == goal["code"]]
    at = _open(ziel=goal["code"])
    assert not at.exception
    annual = _table(at, "Jahr")
    assert annual["Kürzel"].tolist() == sorted(a["code"] for a in goal["annual_goals"])
    shown = [md.value for md in at.markdown]
    assert own and all(any(f"**{code}**" in value for value in shown) for code in own)
    measures = _table(at, "Maßnahme")
    assert len(measures) == sum(len(a.get("measures", [])) for a in goal["annual_goals"])


def test_rule_level_light_example_plan_map_shows_the_leitziel_with_three_red_measures_with_its_distribution(
        example_app_url):
    """LZ10 of the example plan has three red measures: the majority rule painted it green."""
    at = _open(stand="2026-12-06")
    assert not at.exception
    trace = _chart(at, "goals_hierarchy")
    box = dict(zip(trace["ids"], trace["text"]))
    codes = dict(zip(trace["ids"], trace["labels"]))
    lz10 = next(node for node, label in codes.items() if label.startswith("<b>LZ10</b>"))
    assert "Rot – kritisch<br>3 rot · 1 gelb · 0 grün · 1 grau von 5 laufenden Maßnahmen" in box[lz10]
    colours = dict(zip(trace["ids"], trace["marker"]["colors"]))
    assert colours[lz10] == "#D55E00"  # red
    assert colours["plan"] in ("#D55E00", "#E69F00")  # no longer green
    hover = dict(zip(trace["ids"], trace["customdata"]))
    assert hover[lz10][4] == "60\xa0% der laufenden Maßnahmen sind rot; ab 20\xa0% ist die Ebene rot"
