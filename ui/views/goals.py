"""The Leitziele in words: progress and traffic-light counts, the goal list, a goal's tables. No Streamlit."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

import ui.strings  # noqa: F401  (registers the UI strings)
from models.formats import format_number, format_percent
from models.rules import LIGHTS, progress_text, unreported_words
from models.texts import light_words, localised_column, text


# The overview draws the plan down to its Leitziele: a fixed, small number of boxes, whatever the
# number of Jahresziele and Maßnahmen (9,600 boxes at 8,000 Maßnahmen made every run serialise MBs).
OVERVIEW_LEVELS = ("plan", "action_field", "guiding_goal")


def progress_words(progress: float, measures: int, lang: str = "de", unreported: int = 0) -> str:
    """'20 %', or why there is no number: no measures at all, none with a progress figure, or all of them
    suspended; measures left out for want of a figure are named ('20 % (2 Maßnahmen ohne Fortschrittsangabe)')."""
    unreported = 0 if pd.isna(unreported) else int(unreported)
    if pd.notna(progress):
        shown = format_percent(progress)
        return f"{shown} ({unreported_words(unreported, lang)})" if unreported else shown
    if unreported:
        return f"{text('rollup.no_figure', lang)} ({unreported_words(unreported, lang)})"
    return text("rollup.all_suspended" if measures else "rollup.empty", lang)


def counts_words(row, lang: str = "de", separator: str = ", ") -> str:
    """Measures per traffic light in words, e.g. '1 Grün – im Plan, 1 Gelb – Verzug'; without
    measures 'keine Maßnahmen'. row: a Series or named tuple with the columns green, yellow, red, grey."""
    counts = {colour: int(row[colour] if isinstance(row, (pd.Series, Mapping)) else getattr(row, colour))
              for colour in LIGHTS}
    parts = [f"{format_number(count)} {light_words(colour, lang)}" for colour, count in counts.items() if count]
    return separator.join(parts) if parts else text("rollup.empty", lang)


def level_light_words(row, lang: str = "de") -> dict[str, str]:
    """A level's light for a sentence: light (colour with the distribution over its active measures) and
    reason. row: a Series or mapping with queries.LEVEL_LIGHT_COLUMNS."""
    return {"light": row[localised_column("light_words", lang)], "reason": row[localised_column("light_reason", lang)]}


def overview_nodes(nodes: pd.DataFrame) -> pd.DataFrame:
    """The node table down to the Leitziele (OVERVIEW_LEVELS). Counts and lights stay those of all
    measures below a node; a box without children is sized by its measures (at least 1, so that a
    level without measures stays visible), the others by the sum of their children."""
    shown = nodes[nodes["level"].isin(OVERVIEW_LEVELS)].reset_index(drop=True)
    leaves = ~shown["id"].isin(set(shown["parent"]))
    return shown.assign(value=shown["measures"].clip(lower=1).where(leaves, 0).astype(int))


def goal_list(tree: dict[str, pd.DataFrame], lang: str = "de") -> list[dict]:
    """The Leitziele per Handlungsfeld in words, as plain Python (cheap to draw on every run):
    [{"label": "HF1 · Sprache – 50 %", "goals": [{"code", "title", "line"}, ...]}, ...], in the
    order of tree (models.queries.progress_tree)."""
    goals = tree["guiding_goals"]
    by_field = {field_id: part.to_dict("records") for field_id, part in goals.groupby("action_field_id", sort=False)}
    return [
        {
            "label": text("goals.field_expander", lang, code=field["action_field_code"], title=field["action_field"],
                          progress=progress_words(field["progress"], field["measures"], lang,
                                                    field.get("unreported", 0))),
            "goals": [
                {"code": goal["guiding_goal_code"], "title": goal["guiding_goal"],
                 "line": text("goals.goal_line", lang, progress=progress_words(goal["progress"], goal["measures"], lang,
                                                                             goal.get("unreported", 0)),
                              **level_light_words(goal, lang))}
                for goal in by_field.get(field["action_field_id"], [])
            ],
        }
        for field in tree["action_fields"].to_dict("records")
    ]


def annual_goal_table(annual: pd.DataFrame, lang: str = "de") -> pd.DataFrame:
    """A goal's Jahresziele in words (rows of models.goals.goal_detail's annual_goals)."""
    col = lambda key: text(f"goals.col.{key}", lang)  # noqa: E731
    return pd.DataFrame({
        col("year"): annual["year"].astype(str),
        col("code"): annual["annual_goal_code"],
        col("annual_goal"): annual["annual_goal"],
        col("prioritised"): [text("goals.yes" if p else "goals.no", lang) for p in annual["prioritised"]],
        col("progress"): [progress_words(row["progress"], row["measures"], lang, row.get("unreported", 0))
                          for row in annual.to_dict("records")],
        col("light"): [text("goals.light_cell", lang, **level_light_words(row, lang))
                       for row in annual.to_dict("records")],
        col("measures"): [counts_words(row, lang) for row in annual[list(LIGHTS)].to_dict("records")],
    })


def goal_measure_table(measures: pd.DataFrame, lang: str = "de") -> pd.DataFrame:
    """A goal's Maßnahmen with their traffic light in words (rows of goal_detail's measures)."""
    col = lambda key: text(f"goals.col.{key}", lang)  # noqa: E731
    return pd.DataFrame({
        col("code"): measures["code"],
        col("measure"): measures["title"],
        col("light"): [f"{light_words(light, lang)} ({reason})"
                       for light, reason in zip(measures["light"], measures[localised_column("reason", lang)])],
        col("progress"): [progress_text(p, lang) for p in measures["progress"]],
        col("status"): [text(f"status.{status}", lang) for status in measures["status"]],
        col("annual_goal"): measures["annual_goal_code"],
        col("lead"): measures["lead_organisation"].fillna("–"),
    })
