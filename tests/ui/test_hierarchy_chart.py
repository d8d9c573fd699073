"""The hierarchy chart builder: one box per node, colours from the traffic light, always with words."""

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from models import goals, queries
from ui.charts.hierarchy import EMPTY_COLOUR, LIGHT_COLOURS, hierarchy_figure
from ui.views.goals import counts_words, goal_list, overview_nodes, progress_words

NAN = float("nan")


def _nodes() -> pd.DataFrame:
    """A small node table as models.goals.hierarchy_frame returns it."""
    rows = [
        # id, parent, level, code, title, progress, status, green, yellow, red, grey, light, value
        ("plan", "", "plan", "", "Testplan", 35.0, None, 1, 1, 1, 0, "red", 0),
        ("hf1", "plan", "action_field", "HF1", "Sprache", 35.0, None, 1, 1, 1, 0, "red", 0),
        ("hf2", "plan", "action_field", "HF2", "Wohnen", NAN, None, 0, 0, 0, 0, None, 1),
        ("lz1", "hf1", "guiding_goal", "LZ1", "Alle sprechen Deutsch", 35.0, None, 1, 1, 1, 0, "red", 0),
        ("jz1", "lz1", "annual_goal", "JZ1", "Mehr Kurse", 35.0, None, 1, 1, 1, 0, "red", 0),
        ("m1", "jz1", "measure", "M1", "Kurs A", 50.0, "in Umsetzung", 1, 0, 0, 0, "green", 1),
        ("m2", "jz1", "measure", "M2", "Kurs B", 20.0, "verzögert", 0, 1, 0, 0, "yellow", 1),
        ("m3", "jz1", "measure", "M3", "Kurs C", 10.0, "gefährdet", 0, 0, 1, 0, "red", 1),
    ]
    columns = ["id", "parent", "level", "code", "title", "progress", "status", "green", "yellow", "red", "grey",
               "light", "value"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["measures"] = frame[["green", "yellow", "red", "grey"]].sum(axis=1)
    level = frame["level"] != "measure"
    frame["light"] = frame["light"].where(frame["measures"] > 0, "grey")
    frame["light_distribution"] = ["1 rot · 1 gelb · 1 grün von 3 laufenden Maßnahmen" if n and is_level else ""
                                   for n, is_level in zip(frame["measures"], level)]
    frame["light_distribution_en"] = frame["light_distribution"].str.replace("von 3 laufenden Maßnahmen",
                                                                             "of 3 active measures")
    frame["light_reason"] = ["33,3\xa0% der laufenden Maßnahmen sind rot; ab 20\xa0% ist die Ebene rot"
                             if n and is_level else "keine laufenden Maßnahmen" if is_level else "Grund"
                             for n, is_level in zip(frame["measures"], level)]
    frame["light_reason_en"] = frame["light_reason"]
    return frame


def test_treemap_has_one_box_per_node_with_the_traffic_light_colours():
    figure = hierarchy_figure(_nodes())
    trace = figure.data[0]
    assert isinstance(trace, go.Treemap)
    assert list(trace.ids) == ["plan", "hf1", "hf2", "lz1", "jz1", "m1", "m2", "m3"]
    assert list(trace.parents) == ["", "plan", "plan", "hf1", "lz1", "jz1", "jz1", "jz1"]
    assert list(trace.marker.colors) == [
        LIGHT_COLOURS["red"], LIGHT_COLOURS["red"], EMPTY_COLOUR, LIGHT_COLOURS["red"], LIGHT_COLOURS["red"],
        LIGHT_COLOURS["green"], LIGHT_COLOURS["yellow"], LIGHT_COLOURS["red"],
    ]
    assert trace.branchvalues == "remainder"
    assert figure.layout.separators == ",."


def test_every_coloured_box_says_its_light_in_words_and_empty_ones_say_no_measures():
    trace = hierarchy_figure(_nodes()).data[0]
    texts = dict(zip(trace.ids, trace.text))
    assert texts["m1"] == "50\xa0% · Grün – im Plan"
    assert texts["m2"] == "20\xa0% · Gelb – Verzug"
    assert texts["m3"] == "10\xa0% · Rot – kritisch"
    assert texts["lz1"] == "35\xa0% · Rot – kritisch<br>1 rot · 1 gelb · 1 grün von 3 laufenden Maßnahmen"
    assert texts["hf2"] == "keine Maßnahmen"
    labels = dict(zip(trace.ids, trace.labels))
    assert labels["lz1"] == "<b>LZ1</b><br>Alle sprechen Deutsch"
    assert "%{text}" in trace.texttemplate and "%{label}" in trace.texttemplate


def test_hover_names_the_level_the_light_and_the_counts_in_words():
    trace = hierarchy_figure(_nodes()).data[0]
    hover = dict(zip(trace.ids, trace.customdata))
    level, title, state, counts, _ = hover["lz1"]
    assert (level, title) == ("Leitziel", "Alle sprechen Deutsch")
    assert state == "35\xa0% · Rot – kritisch"
    assert counts == "1 Grün – im Plan<br>1 Gelb – Verzug<br>1 Rot – kritisch"
    assert hover["lz1"][4] == "33,3\xa0% der laufenden Maßnahmen sind rot; ab 20\xa0% ist die Ebene rot"
    assert hover["hf2"][3] == "keine Maßnahmen"
    assert "Maßnahmen nach Ampel" in trace.hovertemplate and "Ampel: %{customdata[4]}" in trace.hovertemplate


def test_sunburst_and_english():
    figure = hierarchy_figure(_nodes(), "sunburst", lang="en")
    trace = figure.data[0]
    assert isinstance(trace, go.Sunburst)
    texts = dict(zip(trace.ids, trace.text))
    assert texts["m2"] == "20\xa0% · Yellow – behind"
    assert texts["hf2"] == "no measures"
    assert dict(zip(trace.ids, trace.labels))["lz1"] == "LZ1"


def test_red_boxes_get_white_text_for_contrast():
    trace = hierarchy_figure(_nodes()).data[0]
    colours = dict(zip(trace.ids, trace.insidetextfont.color))
    assert colours["m3"] == "#ffffff" and colours["m1"] == "#1b1f24"


def test_words_helpers():
    assert progress_words(NAN, 0) == "keine Maßnahmen"
    assert progress_words(NAN, 2) == "alle Maßnahmen ausgesetzt"
    assert progress_words(19.6, 2) == "20\xa0%"
    row = pd.Series({"green": 2, "yellow": 0, "red": 1, "grey": 0})
    assert counts_words(row) == "2 Grün – im Plan, 1 Rot – kritisch"
    assert counts_words(pd.Series({"green": 0, "yellow": 0, "red": 0, "grey": 0})) == "keine Maßnahmen"


def test_chart_of_the_mini_plan(engine, mini_plan):
    states = queries.measure_states(engine, mini_plan, dt.date(2024, 6, 30))
    nodes = goals.hierarchy_frame(engine, mini_plan, states, queries.progress_tree(engine, mini_plan, states))
    trace = hierarchy_figure(nodes).data[0]
    assert len(trace.ids) == 17
    texts = dict(zip(nodes["code"], trace.text))
    assert texts["LZ1"].startswith("20\xa0% · Gelb – Verzug")
    assert texts["HF2"] == "keine Maßnahmen"
    assert texts["JZ2024-02"] == "keine Maßnahmen"
    assert texts["M3"] == "30\xa0% · Grau – nicht begonnen oder ausgesetzt"


def test_overview_stops_at_the_guiding_goals_and_keeps_the_counts_of_all_measures_below():
    nodes = overview_nodes(_nodes())
    assert nodes["id"].tolist() == ["plan", "hf1", "hf2", "lz1"]
    # a leaf box is as big as its measures (an empty level 1), levels with children add theirs up
    assert nodes.set_index("id")["value"].to_dict() == {"plan": 0, "hf1": 0, "hf2": 1, "lz1": 3}
    trace = hierarchy_figure(nodes).data[0]
    texts = dict(zip(trace.ids, trace.text))
    assert texts["lz1"] == "35\xa0% · Rot – kritisch<br>1 rot · 1 gelb · 1 grün von 3 laufenden Maßnahmen"
    assert texts["hf2"] == "keine Maßnahmen"
    assert dict(zip(trace.ids, trace.customdata))["lz1"][3] == "1 Grün – im Plan<br>1 Gelb – Verzug<br>1 Rot – kritisch"


def test_overview_of_the_mini_plan_has_a_box_per_guiding_goal(engine, mini_plan):
    states = queries.measure_states(engine, mini_plan, dt.date(2024, 6, 30))
    nodes = overview_nodes(goals.hierarchy_frame(engine, mini_plan, states,
                                                 queries.progress_tree(engine, mini_plan, states)))
    assert set(nodes["level"]) == {"plan", "action_field", "guiding_goal"}
    assert nodes.set_index("code").loc["LZ1", ["measures", "value"]].tolist() == [3, 3]


def test_goal_list_names_progress_and_lights_in_words(engine, mini_plan):
    states = queries.measure_states(engine, mini_plan, dt.date(2024, 6, 30))
    fields = goal_list(queries.progress_tree(engine, mini_plan, states))
    assert [field["label"] for field in fields] == [
        "HF1 · Sprache – 50\xa0%", "HF2 · Wohnen – keine Maßnahmen", "HF3 · Arbeit – 0\xa0%"]
    assert [goal["code"] for goal in fields[0]["goals"]] == ["LZ1", "LZ2"] and fields[1]["goals"] == []
    assert fields[0]["goals"][0]["line"] == (
        "Fortschritt: 20\xa0% · Ampel: Gelb – Verzug: 0 rot · 1 gelb · 1 grün von 2 laufenden Maßnahmen "
        "(50\xa0% der laufenden Maßnahmen sind rot oder gelb; ab 20\xa0% ist die Ebene gelb)")
