"""The presentation's slides as plain data (JSON-ready): no Streamlit, no HTML, no UI words.

A deck is a dict with the plan, the Stand, the key figures and a list of slides; every value is a
str, int, float, bool, None, list or dict, so a meeting snapshot can store it as JSON and show it
again exactly as it was. ui/presentation/slides.py renders it. Slide kinds, in order:
title, then per Handlungsfeld its slide followed by one per Leitziel, successes (since the last
conference), open_issues (overdue, gefährdet, stale).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine

from models import indicators as indicator_queries
from models import queries
from models.changes import reports_between
from models.goals import light_counts
from models.rules import (
    AT_RISK,
    COMPLETED,
    CONFERENCE_ELSE_FACHBEIRAT_ELSE_ANY,
    DELAYED,
    IN_PROGRESS,
    LIGHTS,
    PLANNED,
    SUSPENDED,
    previous_meeting_row,
    progress_value,
    rollup_children,
    small_count_threshold,
)

DECK_VERSION = 1
MAX_ANNUAL_GOALS = 6
MAX_INDICATORS = 4
MAX_LIST = 4  # rows per list on a slide: it must fit one 16:9 screen
# A status change counts as an improvement when it climbs this ladder.
STATUS_RANK = {AT_RISK: 0, DELAYED: 1, SUSPENDED: 1, PLANNED: 2, IN_PROGRESS: 3, COMPLETED: 4}


def build_deck(engine: Engine, plan_id: int, as_of: dt.date, released_only: bool = False) -> dict:
    """Every slide of a plan as of a date (released_only: the public view, released reports only)."""
    plan = queries.plans(engine).set_index("id").loc[plan_id]
    states = queries.measure_states(engine, plan_id, as_of, released_only=released_only)
    tree = queries.progress_tree(engine, plan_id, states)
    # Slides are projected in a hall or on an unattended screen and frozen as meeting snapshots: whoever
    # builds them, the audience is the public, so small counts are always hidden (not only in the public view).
    threshold = small_count_threshold(int(plan["confidentiality_threshold"]), public_view=True)
    indicators = indicator_queries.indicator_summary(engine, plan_id, as_of, threshold)
    since = last_conference(queries.meetings(engine, plan_id), as_of)
    changes = (reports_between(engine, plan_id, since["date"], as_of, released_only=released_only)
               if since else None)
    figures = key_figures(states, tree)
    slides = [title_slide(plan, as_of, figures, year_progress(tree, as_of.year))]
    slides += hierarchy_slides(states, tree, indicators, as_of)
    slides.append(successes_slide(changes, since, as_of))
    slides.append(open_issues_slide(states))
    return {
        "version": DECK_VERSION,
        "plan": {"name": str(plan["name"]), "owner": str(plan["owner"]), "slug": str(plan["slug"]),
                 "is_example": bool(plan["is_example"])},
        "as_of": as_of.isoformat(),
        "released_only": released_only,
        "figures": figures,
        "slides": slides,
    }


# --- small conversions to JSON-ready values -------------------------------------------------------

def _progress(value) -> float | None:
    """A progress value rounded to one decimal; None for "keine Maßnahmen" (never 0 %)."""
    if value is None or pd.isna(value):
        return None
    return round(float(value), 1)


def _day(value) -> str | None:
    if value is None or pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.date()
    return value.isoformat()


def _number(value) -> float | None:
    if value is None or pd.isna(value):
        return None
    return float(value)


def _lights(row) -> dict[str, int]:
    return {light: int(row[light]) for light in LIGHTS}


def _level_light(row) -> dict[str, str | None]:
    """A level's light with its words (the distribution over its active measures) and the reason."""
    return {"light": _light(row["light"]), **{name: str(row[name]) for name in
                                              ("light_words", "light_words_en", "light_reason", "light_reason_en")}}


def _light(value) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


# --- figures and slides ----------------------------------------------------------------------------

def key_figures(states: pd.DataFrame, tree: dict[str, pd.DataFrame]) -> dict:
    """The numbers a hall remembers, also compared "then vs. now" for a meeting snapshot."""
    counts = states["light"].value_counts()
    return {
        "action_fields": len(tree["action_fields"]),
        "guiding_goals": len(tree["guiding_goals"]),
        "measures": len(states),
        "progress": _progress(rollup_children(tree["action_fields"]["progress"]).progress),
        "lights": {light: int(counts.get(light, 0)) for light in LIGHTS},
        "completed": int((states["status"] == COMPLETED).sum()),
        "overdue": int(states["overdue"].sum()),
        "at_risk": int((states["status"] == AT_RISK).sum()),
        "stale": int(states["stale"].sum()),
    }


def year_progress(tree: dict[str, pd.DataFrame], year: int) -> dict:
    """The annual goals of the Stand's year: how many, and their mean progress (over the goals with measures;
    None when none has any), as on the overview."""
    annual = tree["annual_goals"]
    progress = annual.loc[annual["year"] == year, "progress"]
    counted = progress.dropna()
    return {"year": year, "goals": int(len(progress)),
            "progress": _progress(counted.mean()) if len(counted) else None}


def title_slide(plan: pd.Series, as_of: dt.date, figures: dict, this_year: dict | None = None) -> dict:
    """The title slide; THIS_YEAR (year_progress) carries the Stand's year's annual goals for the sentence
    on the plan's state (decks frozen before it have none)."""
    return {
        "kind": "title",
        "title": str(plan["name"]),
        "owner": str(plan["owner"]),
        "as_of": as_of.isoformat(),
        "is_example": bool(plan["is_example"]),
        "figures": figures,
        "this_year": this_year,
    }


def hierarchy_slides(states: pd.DataFrame, tree: dict[str, pd.DataFrame], indicators: pd.DataFrame,
                     as_of: dt.date) -> list[dict]:
    """Per Handlungsfeld its slide, followed by the slides of its Leitziele."""
    goals = tree["guiding_goals"]
    fields = tree["action_fields"]
    annual = _annual_with_lights(tree["annual_goals"], states)
    slides = []
    for _, field in fields.iterrows():
        own = goals[goals["action_field_id"] == field["action_field_id"]]
        slides.append(action_field_slide(field, own))
        for _, goal in own.iterrows():
            goal_annual = annual[annual["guiding_goal_id"] == goal["guiding_goal_id"]]
            goal_measures = states[states["guiding_goal_id"] == goal["guiding_goal_id"]]
            slides.append(guiding_goal_slide(goal, goal_annual, _goal_indicators(indicators, goal, goal_annual,
                                                                                goal_measures), as_of))
    return slides


def _annual_with_lights(annual: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    counts = light_counts(states, "annual_goal_id")
    annual = annual.merge(counts, left_on="annual_goal_id", right_index=True, how="left")
    annual[list(LIGHTS) + ["measures"]] = annual[list(LIGHTS) + ["measures"]].fillna(0).astype(int)
    return annual


def action_field_slide(field: pd.Series, goals: pd.DataFrame) -> dict:
    return {
        "kind": "action_field",
        "code": str(field["action_field_code"]),
        "title": str(field["action_field"]),
        "progress": _progress(field["progress"]),
        **_level_light(field),
        "lights": _lights(field),
        "measures": int(field["measures"]),
        "guiding_goals": [
            {"code": str(goal["guiding_goal_code"]), "title": str(goal["guiding_goal"]),
             "progress": _progress(goal["progress"]), **_level_light(goal),
             "measures": int(goal["measures"])}
            for _, goal in goals.iterrows()
        ],
    }


def guiding_goal_slide(goal: pd.Series, annual: pd.DataFrame, indicators: list[dict], as_of: dt.date) -> dict:
    year, shown = shown_annual_goals(annual, as_of.year)
    return {
        "kind": "guiding_goal",
        "code": str(goal["guiding_goal_code"]),
        "title": str(goal["guiding_goal"]),
        "action_field": str(goal["action_field"]),
        "progress": _progress(goal["progress"]),
        **_level_light(goal),
        "lights": _lights(goal),
        "measures": int(goal["measures"]),
        "year": year,
        "annual_goals": [
            {"code": str(row["annual_goal_code"]), "title": str(row["annual_goal"]), "year": int(row["year"]),
             "prioritised": bool(row["prioritised"]), "decision_date": _day(row["decision_date"]),
             "progress": _progress(row["progress"]), **_level_light(row), "measures": int(row["measures"])}
            for _, row in shown.iterrows()
        ],
        "annual_goals_total": len(annual[annual["year"] == year]) if year is not None else 0,
        "indicators": indicators,
    }


def shown_annual_goals(annual: pd.DataFrame, year: int) -> tuple[int | None, pd.DataFrame]:
    """The goal's annual goals of the Stand's year (else the latest earlier year that has any),
    prioritised ones first, at most MAX_ANNUAL_GOALS."""
    earlier = annual[annual["year"] <= year]
    if earlier.empty:
        return None, annual.iloc[0:0]
    shown_year = int(earlier["year"].max())
    rows = earlier[earlier["year"] == shown_year]
    rows = rows.sort_values(["prioritised", "annual_goal_code"], ascending=[False, True], kind="stable")
    return shown_year, rows.head(MAX_ANNUAL_GOALS)


def _goal_indicators(indicators: pd.DataFrame, goal: pd.Series, annual: pd.DataFrame,
                     measures: pd.DataFrame) -> list[dict]:
    """The goal's key indicators (its own, its annual goals' and its measures'), results first.
    Small counts of people are never shown on a slide (hidden: True, value None)."""
    if indicators.empty:
        return []
    own = indicators[(indicators["guiding_goal_id"] == goal["guiding_goal_id"])
                     | indicators["annual_goal_id"].isin(annual["annual_goal_id"])
                     | indicators["measure_id"].isin(measures["measure_id"])]
    own = own.assign(_order=(own["kind"] != "result").astype(int)).sort_values("_order", kind="stable")
    return [_indicator(row) for _, row in own.head(MAX_INDICATORS).iterrows()]


def _indicator(row: pd.Series) -> dict:
    hidden = bool(row["latest_hidden"])
    return {
        "code": str(row["code"]),
        "title": str(row["title"]),
        "unit": str(row["unit"] or ""),
        "value": None if hidden else _number(row["latest_value"]),
        "value_date": _day(row["latest_date"]),
        "hidden": hidden,
        "target_value": _number(row["target_value"]),
        "target_date": _day(row["target_date"]),
        "verdict": str(row["verdict"]),
    }


# --- since the last conference ---------------------------------------------------------------------

def last_conference(meetings: pd.DataFrame, before: dt.date) -> dict | None:
    """Since the last conference ("Seit der letzten Konferenz"): the deck is shown at the Integrationskonferenz,
    so its last meeting before `before` counts, else the last Fachbeirat meeting, else any body's. None when
    there is none."""
    row = previous_meeting_row(meetings, before, CONFERENCE_ELSE_FACHBEIRAT_ELSE_ANY)
    if row is None:
        return None
    return {"date": row["meeting_date"], "body": str(row["body"]), "title": str(row["title"] or "")}


def successes_slide(changes: pd.DataFrame | None, since: dict | None, as_of: dt.date) -> dict:
    """Completions and status improvements since the last conference, per measure (first state
    before the period against the latest in it)."""
    net = net_changes(changes) if changes is not None else []
    completions = [row for row in net if row["after"] == COMPLETED and row["before"] != COMPLETED]
    improvements = [row for row in net if row not in completions
                    and STATUS_RANK.get(row["after"], 0) > STATUS_RANK.get(row["before"], 0)]
    return {
        "kind": "successes",
        "since": _day(since["date"]) if since else None,
        "since_body": since["body"] if since else None,
        "until": as_of.isoformat(),
        "reports": 0 if changes is None else len(changes),
        "completions_total": len(completions),
        "improvements_total": len(improvements),
        "completions": completions[:MAX_LIST],
        "improvements": improvements[:MAX_LIST],
    }


def net_changes(changes: pd.DataFrame) -> list[dict]:
    """One row per measure reported on: status and progress before the period and at its end,
    newest report first (changes: models.changes.reports_between, newest first)."""
    rows = []
    for measure_id, group in changes.groupby("measure_id", sort=False):
        latest, earliest = group.iloc[0], group.iloc[-1]
        before = earliest["previous_status"]
        before_progress = earliest["previous_progress"]
        rows.append({
            "code": str(latest["code"]),
            "title": str(latest["title"]),
            "lead": None if pd.isna(latest["lead_organisation"]) else str(latest["lead_organisation"]),
            "date": _day(latest["report_date"]),
            "before": PLANNED if pd.isna(before) else str(before),
            "after": str(latest["status"]),
            "progress_before": 0 if pd.isna(before) else progress_value(before_progress),
            "progress": progress_value(latest["progress"]),
        })
    return rows


# --- open issues -----------------------------------------------------------------------------------

def open_issues_slide(states: pd.DataFrame) -> dict:
    """What needs attention: overdue measures, measures gefährdet, running measures without a recent report."""
    overdue = states[states["overdue"]].sort_values("due_date", kind="stable")
    at_risk = states[states["status"] == AT_RISK]
    stale = states[states["stale"]].sort_values("last_report_date", kind="stable", na_position="first")
    return {
        "kind": "open_issues",
        "overdue_total": len(overdue),
        "at_risk_total": len(at_risk),
        "stale_total": len(stale),
        "overdue": [_issue(row) for _, row in overdue.head(MAX_LIST).iterrows()],
        "at_risk": [_issue(row) for _, row in at_risk.head(MAX_LIST).iterrows()],
        "stale": [_issue(row) for _, row in stale.head(MAX_LIST).iterrows()],
    }


def _issue(row: pd.Series) -> dict:
    return {
        "code": str(row["code"]),
        "title": str(row["title"]),
        "lead": None if pd.isna(row["lead_organisation"]) else str(row["lead_organisation"]),
        "status": str(row["status"]),
        "light": str(row["light"]),
        "reason": str(row["reason"]),
        "reason_en": str(row["reason_en"]),
        "due_date": _day(row["due_date"]),
        "last_report_date": _day(row["last_report_date"]),
    }


def slide_count(deck: dict) -> int:
    return len(deck["slides"])
