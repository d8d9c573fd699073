"""Goal views (models/goals.py) on the hand-made plan, SQLite and PostgreSQL, with known answers."""

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import goals, queries
from models.schema import AnnualGoal, Measure

ON = dt.date(2024, 6, 30)


def _states_and_tree(engine, plan_id, on=ON):
    states = queries.measure_states(engine, plan_id, on)
    return states, queries.progress_tree(engine, plan_id, states)


def _nodes(engine, plan_id, on=ON):
    states, tree = _states_and_tree(engine, plan_id, on)
    return goals.hierarchy_frame(engine, plan_id, states, tree).set_index("code")


def test_rule_level_light_on_every_level_counts_active_measures_only(engine, mini_plan):
    nodes = _nodes(engine, mini_plan)
    # As of 30.06.2024: M1 green, M2 yellow, M3 ausgesetzt (not active), M4 abgeschlossen on 15.12.2023 (an
    # earlier year: not active), M5 overdue (red), M6 not started (grey, active).
    assert nodes.loc["LZ1", ["light", "active"]].tolist() == ["yellow", 2]
    assert nodes.loc["LZ1", "light_words"] == "Gelb – Verzug: 0 rot · 1 gelb · 1 grün von 2 laufenden Maßnahmen"
    assert nodes.loc["LZ2", ["light", "active"]].tolist() == ["red", 1]
    assert nodes.loc["HF1", ["light", "active"]].tolist() == ["red", 3]  # the majority (green) hid M5
    assert nodes.loc["HF1", "light_reason"] == (
        "33,3\xa0% der laufenden Maßnahmen sind rot; ab 20\xa0% ist die Ebene rot")
    assert nodes.loc["LZ3", ["light", "light_distribution"]].tolist() == [
        "green", "0 rot · 0 gelb · 0 grün · 1 grau von 1 laufenden Maßnahme"]
    assert nodes.loc["", ["light", "active"]].tolist() == ["red", 4]
    assert nodes.loc["HF2", ["light", "light_words"]].tolist() == ["grey", "Grau – keine laufenden Maßnahmen"]
    assert nodes.loc["JZ2023-01", ["light", "active"]].tolist() == ["red", 1]


def test_rule_level_light_completed_in_an_earlier_year_is_excluded(engine, mini_plan):
    # In 2023 the completed M4 still counts beside M5 (behind); from 2024 on only M5 (overdue) does.
    assert _nodes(engine, mini_plan, dt.date(2023, 12, 31)).loc["JZ2023-01", ["light", "active"]].tolist() == [
        "yellow", 2]
    assert _nodes(engine, mini_plan, dt.date(2024, 1, 10)).loc["JZ2023-01", ["light", "active"]].tolist() == [
        "red", 1]


def test_rule_level_light_thresholds_are_the_plans(engine, mini_plan):
    from models.schema import Plan
    with Session(engine) as session:
        session.get(Plan, mini_plan).red_share = 50
        session.get(Plan, mini_plan).yellow_share = 60
        session.commit()
    nodes = _nodes(engine, mini_plan)
    assert nodes.loc["HF1", "light"] == "yellow"  # 33 % red < 50 %, 67 % red or yellow >= 60 %
    assert nodes.loc["LZ1", "light"] == "green"  # 50 % red or yellow < 60 %
    assert nodes.loc["LZ1", "light_reason"] == (
        "nur 50\xa0% der laufenden Maßnahmen sind rot oder gelb; gelb erst ab 60\xa0%")


def test_hierarchy_has_one_node_per_level_and_measure(engine, mini_plan):
    nodes = _nodes(engine, mini_plan)
    # plan + 3 action fields + 3 guiding goals + 4 annual goals + 6 measures
    assert len(nodes) == 17
    assert nodes["level"].value_counts().to_dict() == {
        "measure": 6, "annual_goal": 4, "action_field": 3, "guiding_goal": 3, "plan": 1,
    }
    ids = set(nodes["id"])
    assert nodes["id"].is_unique
    assert all(parent in ids for parent in nodes["parent"] if parent)
    assert nodes.loc["LZ1", "parent"] == nodes.loc["HF1", "id"]
    assert nodes.loc["M1", "parent"] == nodes.loc["JZ2024-01", "id"]


def test_hierarchy_progress_matches_the_known_answers(engine, mini_plan):
    progress = _nodes(engine, mini_plan)["progress"]
    assert progress[["JZ2024-01", "JZ2023-01", "LZ1", "LZ2", "LZ3", "HF1", "HF3"]].round(6).tolist() == [
        20.0, 80.0, 20.0, 80.0, 0.0, 50.0, 0.0,
    ]
    assert pd.isna(progress["JZ2024-02"]) and pd.isna(progress["HF2"])


def test_hierarchy_counts_and_colours(engine, mini_plan):
    nodes = _nodes(engine, mini_plan)
    assert nodes.loc["LZ1", ["green", "yellow", "red", "grey", "measures"]].tolist() == [1, 1, 0, 1, 3]
    assert nodes.loc["LZ1", "light"] == "yellow"  # active: M1 green, M2 yellow (M3 ausgesetzt)
    assert nodes.loc["LZ2", "light"] == "red"  # M4 completed in 2023, M5 overdue
    assert nodes.loc["HF1", "light"] == "red"  # 1 red of 3 active (the old majority rule said green)
    assert nodes.loc["M3", ["status", "light"]].tolist() == ["ausgesetzt", "grey"]
    assert nodes.loc["HF2", "light"] == "grey" and nodes.loc["HF2", "measures"] == 0
    assert nodes.loc["", "measures"] == 6


def test_hierarchy_box_sizes_count_measures_and_empty_levels(engine, mini_plan):
    nodes = _nodes(engine, mini_plan)
    leaves = nodes.index[nodes["value"] == 1].tolist()
    assert sorted(leaves) == ["HF2", "JZ2024-02", "M1", "M2", "M3", "M4", "M5", "M6"]


def test_hierarchy_as_of_an_earlier_stand(engine, mini_plan):
    nodes = _nodes(engine, mini_plan, dt.date(2024, 4, 15))
    # M1 at 20 %, M2 not reported yet (0 %, weight 3), M3 suspended: (20 + 0) / 4
    assert nodes.loc["JZ2024-01", "progress"] == pytest.approx(5.0)
    assert nodes.loc["M2", "status"] == "geplant"


def test_goal_detail_of_lz1(engine, mini_plan):
    states, tree = _states_and_tree(engine, mini_plan)
    detail = goals.goal_detail(engine, mini_plan, "LZ1", states, tree, ON)
    assert detail["goal"]["guiding_goal"] == "Alle sprechen Deutsch"
    assert detail["goal"]["progress"] == pytest.approx(20.0)
    annual = detail["annual_goals"]
    assert annual["annual_goal_code"].tolist() == ["JZ2024-01", "JZ2024-02"]
    assert annual["prioritised"].tolist() == [True, False]
    assert annual["progress"].iloc[0] == pytest.approx(20.0) and pd.isna(annual["progress"].iloc[1])
    assert annual["measures"].tolist() == [3, 0]
    assert detail["measures"]["code"].tolist() == ["M1", "M2", "M3"]
    assert detail["measures"]["annual_goal_code"].unique().tolist() == ["JZ2024-01"]
    indicator = detail["indicators"].set_index("code").loc["K1"]
    assert indicator["latest_value"] == 180 and indicator["latest_date"] == ON
    assert indicator["target_value"] == 500
    assert indicator["trend"].startswith("Bei gleichbleibendem Tempo wird der Zielwert von 500\xa0Personen")


def test_goal_detail_indicator_as_of_an_earlier_stand(engine, mini_plan):
    on = dt.date(2024, 1, 15)
    states, tree = _states_and_tree(engine, mini_plan, on)
    detail = goals.goal_detail(engine, mini_plan, "LZ1", states, tree, on, lang="en")
    indicator = detail["indicators"].iloc[0]
    assert indicator["latest_value"] == 150
    assert indicator["trend"].startswith("At the current pace")


def test_goal_detail_of_a_goal_without_indicators_and_an_unknown_code(engine, mini_plan):
    states, tree = _states_and_tree(engine, mini_plan)
    detail = goals.goal_detail(engine, mini_plan, "LZ3", states, tree, ON)
    assert detail["indicators"].empty
    assert detail["measures"]["code"].tolist() == ["M6"]
    assert goals.goal_detail(engine, mini_plan, "XYZ", states, tree, ON) is None


def test_plan_years_and_default_year(engine, mini_plan):
    years, horizon = goals.plan_years(engine, mini_plan)
    assert (years, horizon) == ([2023, 2024, 2025], 2030)
    assert goals.default_year(years, ON) == 2024
    assert goals.default_year(years, dt.date(2026, 11, 1)) == 2025
    assert goals.default_year([], ON) is None


def test_annual_goals_of_2024(engine, mini_plan):
    states, tree = _states_and_tree(engine, mini_plan)
    frame = goals.annual_goals_of_year(states, tree, 2024).set_index("annual_goal_code")
    assert frame.index.tolist() == ["JZ2024-01", "JZ2024-02"]
    first = frame.loc["JZ2024-01"]
    assert first["prioritised"]
    assert first["decision_date"] == dt.date(2024, 2, 1)
    assert first["decision_reference"] == "Beschluss 1/2024"
    assert first[["guiding_goal_code", "action_field"]].tolist() == ["LZ1", "Sprache"]
    assert first[["green", "yellow", "red", "grey", "measures"]].tolist() == [1, 1, 0, 1, 3]
    assert first["progress"] == pytest.approx(20.0) and first["light"] == "yellow"
    assert pd.isna(frame.loc["JZ2024-02", "progress"]) and frame.loc["JZ2024-02", "measures"] == 0
    assert pd.isna(first["carried_over_from_code"])
    assert goals.annual_goals_of_year(states, tree, 2027).empty


def test_carried_over_goals_and_measures(engine, mini_plan):
    assert goals.carried_over(engine, mini_plan, 2025).empty
    with Session(engine) as session, session.begin():
        source_goal = session.scalar(select(AnnualGoal).where(AnnualGoal.code == "JZ2024-02"))
        source_measure = session.scalar(select(Measure).where(Measure.code == "M2"))
        goal = AnnualGoal(plan_id=mini_plan, guiding_goal_id=source_goal.guiding_goal_id, code="JZ2025-02",
                          year=2025, title="Leeres Jahresziel, neu", carried_over_from=source_goal,
                          carry_over_reason="2024 nicht begonnen")
        session.add(goal)
        session.add(Measure(plan_id=mini_plan, annual_goal=goal, code="M7", title="Sprachkurs B, Fortsetzung",
                            carried_over_from=source_measure, carry_over_reason="Kurs läuft weiter"))
    frame = goals.carried_over(engine, mini_plan, 2025)
    assert frame.to_dict("records") == [
        {"kind": "annual_goal", "code": "JZ2025-02", "title": "Leeres Jahresziel, neu", "from_code": "JZ2024-02",
         "from_year": 2024, "reason": "2024 nicht begonnen"},
        {"kind": "measure", "code": "M7", "title": "Sprachkurs B, Fortsetzung", "from_code": "M2",
         "from_year": 2024, "reason": "Kurs läuft weiter"},
    ]
    states, tree = _states_and_tree(engine, mini_plan)
    year = goals.annual_goals_of_year(states, tree, 2025).set_index("annual_goal_code")
    assert year.loc["JZ2025-02", ["carried_over_from_code", "carried_over_from_year"]].tolist() == ["JZ2024-02", 2024]


def test_year_summary(engine, mini_plan):
    _, tree = _states_and_tree(engine, mini_plan)
    summary = goals.year_summary(tree).set_index("year")
    assert summary["annual_goals"].to_dict() == {2023: 1, 2024: 2, 2025: 1}
    assert summary["prioritised"].to_dict() == {2023: 0, 2024: 1, 2025: 0}
    assert summary["without_measures"].to_dict() == {2023: 0, 2024: 1, 2025: 0}
    assert summary["progress"].round(6).to_dict() == {2023: 80.0, 2024: 20.0, 2025: 0.0}
