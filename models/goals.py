"""Goal views: the plan's hierarchy as one node table, a guiding goal's detail, the annual goals of
a year with their carry-overs, and a summary across years. No Streamlit here.

Every function takes `states` (queries.measure_states as of the Stand) and, where it rolls up,
`tree` (queries.progress_tree on the same states), so a page computes both once and shares them.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, select
from sqlalchemy.orm import aliased

from models import indicators as indicator_queries
from models.queries import LEVEL_LIGHT_COLUMNS, frame_of, level_light_shares, plan_light
from models.rules import LIGHTS
from models.texts import light_words
from models.schema import AnnualGoal, Measure, Plan

LEVELS = ("plan", "action_field", "guiding_goal", "annual_goal", "measure")


def light_counts(states: pd.DataFrame, by: str) -> pd.DataFrame:
    """Measures per colour (columns green, yellow, red, grey) and in total, per value of `by`."""
    counts = pd.crosstab(states[by], states["light"]).reindex(columns=list(LIGHTS), fill_value=0)
    counts["measures"] = counts.sum(axis=1)
    return counts


def _plan_name(engine: Engine, plan_id: int) -> str:
    with engine.connect() as connection:
        return str(connection.execute(select(Plan.name).where(Plan.id == plan_id)).scalar_one())


def hierarchy_frame(engine: Engine, plan_id: int, states: pd.DataFrame, tree: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per node of the tree plan -> Handlungsfeld -> Leitziel -> Jahresziel -> Maßnahme.

    Columns: id, parent ("" for the plan), level, code, title, progress (NaN: nothing to average),
    measures, green, yellow, red, grey (all measures per colour below the node), the level's light over its
    active measures (queries.LEVEL_LIGHT_COLUMNS; a measure keeps its own light and reason), status
    (measures only) and value: the node's own box size with
    branchvalues "remainder", 1 for a measure and for an empty level (so it stays visible), 0 for a
    level with children (its box is the sum of theirs).
    """
    fields, goals, annual = tree["action_fields"], tree["guiding_goals"], tree["annual_goals"]
    nodes = pd.concat(
        [
            pd.DataFrame({"id": ["plan"], "parent": [""], "level": ["plan"], "code": [""],
                          "title": [_plan_name(engine, plan_id)], "progress": [fields["progress"].mean()]}),
            pd.DataFrame({"id": "hf" + fields["action_field_id"].astype(str), "parent": "plan",
                          "level": "action_field", "code": fields["action_field_code"],
                          "title": fields["action_field"], "progress": fields["progress"]}),
            pd.DataFrame({"id": "lz" + goals["guiding_goal_id"].astype(str),
                          "parent": "hf" + goals["action_field_id"].astype(str), "level": "guiding_goal",
                          "code": goals["guiding_goal_code"], "title": goals["guiding_goal"],
                          "progress": goals["progress"]}),
            pd.DataFrame({"id": "jz" + annual["annual_goal_id"].astype(str),
                          "parent": "lz" + annual["guiding_goal_id"].astype(str), "level": "annual_goal",
                          "code": annual["annual_goal_code"], "title": annual["annual_goal"],
                          "progress": annual["progress"]}),
            pd.DataFrame({"id": "m" + states["measure_id"].astype(str),
                          "parent": "jz" + states["annual_goal_id"].astype(str), "level": "measure",
                          "code": states["code"], "title": states["title"],
                          "progress": states["progress"].astype(float), "status": states["status"]}),
        ],
        ignore_index=True,
    )
    # Every measure counts once on each of its ancestors: melt the ancestry, count colours per node.
    ancestry = pd.DataFrame({
        "light": states["light"],
        "plan": "plan",
        "action_field": "hf" + states["action_field_id"].astype(str),
        "guiding_goal": "lz" + states["guiding_goal_id"].astype(str),
        "annual_goal": "jz" + states["annual_goal_id"].astype(str),
        "measure": "m" + states["measure_id"].astype(str),
    }).melt(id_vars="light", value_name="node")
    counts = (
        ancestry.groupby(["node", "light"]).size().unstack(fill_value=0)
        .reindex(index=nodes["id"], columns=list(LIGHTS), fill_value=0)
    )
    nodes[list(LIGHTS)] = counts.to_numpy()
    nodes["measures"] = counts.sum(axis=1).to_numpy()
    whole = plan_light(states, level_light_shares(engine, plan_id)).to_frame().T
    measure_light = pd.DataFrame({
        "light": states["light"].to_numpy(), "active": states["active"].astype(int).to_numpy(),
        "light_words": [light_words(colour) for colour in states["light"]],
        "light_words_en": [light_words(colour, "en") for colour in states["light"]],
        "light_distribution": "", "light_distribution_en": "",
        "light_reason": states["reason"].to_numpy(), "light_reason_en": states["reason_en"].to_numpy(),
    })
    lights = pd.concat([whole, *(tree[name][list(LEVEL_LIGHT_COLUMNS)]
                                      for name in ("action_fields", "guiding_goals", "annual_goals")), measure_light],
                       ignore_index=True)
    for column in LEVEL_LIGHT_COLUMNS:
        nodes[column] = lights[column].to_numpy()
    nodes["progress"] = nodes["progress"].astype(float)
    nodes["value"] = (~nodes["id"].isin(set(nodes["parent"]))).astype(int)
    return nodes


def goal_detail(
    engine: Engine, plan_id: int, code: str, states: pd.DataFrame, tree: dict[str, pd.DataFrame],
    as_of: dt.date, lang: str = "de", threshold: int = indicator_queries.DEFAULT_CONFIDENTIALITY_THRESHOLD,
) -> dict[str, object] | None:
    """One guiding goal: its row (with progress and counts), its annual goals over the years, the
    indicators of the goal and of the levels below it, and its measures. None for an unknown code."""
    goals = tree["guiding_goals"]
    match = goals[goals["guiding_goal_code"] == code]
    if match.empty:
        return None
    goal = match.iloc[0]
    goal_id = int(goal["guiding_goal_id"])
    annual = tree["annual_goals"]
    annual = annual[annual["guiding_goal_id"] == goal_id].sort_values(["year", "annual_goal_code"], kind="stable")
    annual = annual.merge(light_counts(states, "annual_goal_id"), left_on="annual_goal_id",
                          right_index=True, how="left")
    annual[list(LIGHTS) + ["measures"]] = annual[list(LIGHTS) + ["measures"]].fillna(0).astype(int)
    measures = states[states["guiding_goal_id"] == goal_id].merge(
        annual[["annual_goal_id", "annual_goal_code"]], on="annual_goal_id", how="left"
    ).sort_values(["year", "annual_goal_code"], kind="stable")
    return {
        "goal": goal,
        "annual_goals": annual.reset_index(drop=True),
        "indicators": _goal_indicators(engine, plan_id, goal_id, annual["annual_goal_id"], measures["measure_id"],
                                       as_of, lang, threshold),
        "measures": measures.reset_index(drop=True),
    }


def _goal_indicators(engine: Engine, plan_id: int, goal_id: int, annual_ids: pd.Series, measure_ids: pd.Series,
                     as_of: dt.date, lang: str,
                     threshold: int = indicator_queries.DEFAULT_CONFIDENTIALITY_THRESHOLD) -> pd.DataFrame:
    """Indicators of the goal, its annual goals and its measures (models.indicators.summarise: latest
    value as of the Stand, latest_hidden for small counts of people), with the trend in words."""
    table = indicator_queries.indicators(engine, plan_id)
    table = table[(table["guiding_goal_id"] == goal_id) | table["annual_goal_id"].isin(annual_ids)
                  | table["measure_id"].isin(measure_ids)]
    values = indicator_queries.indicator_values(engine, plan_id, as_of)
    frame = indicator_queries.summarise(table, values[values["indicator_id"].isin(table["indicator_id"])], threshold)
    frame["trend"] = [trend.sentence(unit, lang) for trend, unit in zip(frame["trend"], frame["unit"])]
    return frame.reset_index(drop=True)


def plan_years(engine: Engine, plan_id: int) -> tuple[list[int], int]:
    """The years that have annual goals (ascending) and the plan's horizon year."""
    years = frame_of(
        engine,
        select(AnnualGoal.year).where(AnnualGoal.plan_id == plan_id, AnnualGoal.retired.is_(False))
        .distinct().order_by(AnnualGoal.year),
    )
    with engine.connect() as connection:
        horizon = connection.execute(select(Plan.horizon_year).where(Plan.id == plan_id)).scalar_one()
    return [int(year) for year in years["year"]], int(horizon)


def default_year(years: list[int], as_of: dt.date) -> int | None:
    """The Stand's year when the plan has annual goals for it, else the latest year with goals."""
    if as_of.year in years:
        return as_of.year
    return years[-1] if years else None


def annual_goals_of_year(states: pd.DataFrame, tree: dict[str, pd.DataFrame], year: int) -> pd.DataFrame:
    """The annual goals of one year in plan order (by Leitziel) with their Leitziel and Handlungsfeld,
    progress (NaN: no measures), measures per colour, the Kreistag decision and where they were
    carried over from (carried_over_from_code, carried_over_from_year)."""
    annual = tree["annual_goals"]
    goals = tree["guiding_goals"][["guiding_goal_id", "guiding_goal_code", "guiding_goal", "action_field"]]
    origin = annual[["annual_goal_id", "annual_goal_code", "year"]].rename(
        columns={"annual_goal_id": "carried_over_from_id", "annual_goal_code": "carried_over_from_code",
                 "year": "carried_over_from_year"})
    frame = annual[annual["year"] == year].assign(
        carried_over_from_id=lambda rows: pd.to_numeric(rows["carried_over_from_id"]).astype(float))
    origin["carried_over_from_id"] = origin["carried_over_from_id"].astype(float)
    frame = (
        frame
        .merge(goals, on="guiding_goal_id", how="left")
        .merge(light_counts(states, "annual_goal_id"), left_on="annual_goal_id", right_index=True, how="left")
        .merge(origin, on="carried_over_from_id", how="left")
    )
    frame[list(LIGHTS) + ["measures"]] = frame[list(LIGHTS) + ["measures"]].fillna(0).astype(int)
    plan_order = {goal_id: order for order, goal_id in enumerate(goals["guiding_goal_id"])}
    frame = frame.sort_values("guiding_goal_id", key=lambda ids: ids.map(plan_order), kind="stable")
    return frame.reset_index(drop=True)


def carried_over(engine: Engine, plan_id: int, year: int) -> pd.DataFrame:
    """Annual goals and measures of a year that were carried over from an earlier one.

    Columns: kind ("annual_goal" or "measure"), code, title, from_code, from_year, reason.
    """
    source_goal = aliased(AnnualGoal)
    goals = frame_of(
        engine,
        select(AnnualGoal.code, AnnualGoal.title, source_goal.code.label("from_code"),
               source_goal.year.label("from_year"), AnnualGoal.carry_over_reason.label("reason"))
        .join(source_goal, AnnualGoal.carried_over_from_id == source_goal.id)
        .where(AnnualGoal.plan_id == plan_id, AnnualGoal.year == year, AnnualGoal.retired.is_(False))
        .order_by(AnnualGoal.position, AnnualGoal.id),
    )
    source_measure = aliased(Measure)
    source_measure_goal = aliased(AnnualGoal)
    measures = frame_of(
        engine,
        select(Measure.code, Measure.title, source_measure.code.label("from_code"),
               source_measure_goal.year.label("from_year"), Measure.carry_over_reason.label("reason"))
        .join(AnnualGoal, Measure.annual_goal_id == AnnualGoal.id)
        .join(source_measure, Measure.carried_over_from_id == source_measure.id)
        .join(source_measure_goal, source_measure.annual_goal_id == source_measure_goal.id)
        .where(Measure.plan_id == plan_id, AnnualGoal.year == year, Measure.retired.is_(False))
        .order_by(AnnualGoal.position, Measure.position, Measure.id),
    )
    frame = pd.concat([goals.assign(kind="annual_goal"), measures.assign(kind="measure")], ignore_index=True)
    frame["from_year"] = frame["from_year"].astype(int)
    return frame[["kind", "code", "title", "from_code", "from_year", "reason"]]


def year_summary(tree: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per year with annual goals: how many, how many prioritised, how many without measures, and the
    mean progress over the annual goals that have measures (NaN when none has)."""
    annual = tree["annual_goals"].assign(empty=lambda frame: frame["progress"].isna())
    summary = annual.groupby("year").agg(
        annual_goals=("annual_goal_id", "size"),
        prioritised=("prioritised", "sum"),
        without_measures=("empty", "sum"),
        progress=("progress", "mean"),
    )
    summary[["prioritised", "without_measures"]] = summary[["prioritised", "without_measures"]].astype(int)
    return summary.reset_index()
