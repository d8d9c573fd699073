"""What the Übersicht shows, prepared once per change counter, Stand and language (ui.reads.overview caches it).

Frames of the whole plan in, small ready-to-show tables out, so a run of the page does not grow with
the plan: the lists show their first rows only (with the total in words). No Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

import ui.strings  # noqa: F401  (registers the UI strings)
from models import queries
from models.attention import needing_attention
from models.changes import PLANNED
from models.formats import format_date, format_number
from models.rules import RESULT_INDICATOR, progress_text
from models.texts import light_words, localised_column, text
from ui.views.indicators import date_or_none, format_value, level_text, with_unit

MEASURES_SHOWN = 10  # rows of the list "Braucht Aufmerksamkeit"
CHANGES_SHOWN = 20  # newest reports listed under "Seit der letzten Sitzung"


@dataclass(frozen=True)
class MeasureList:
    count: int
    table: pd.DataFrame  # the first MEASURES_SHOWN measures, with their words


@dataclass(frozen=True)
class ThisYear:
    """The annual goals of the Stand's year: how many, their mean progress, their light, one row per goal."""

    year: int
    goals: int
    progress: float | None  # mean over the year's annual goals that have measures; None: none has
    light: dict[str, str] | None  # colour, distribution, reason over the active measures of the year's goals
    table: pd.DataFrame


@dataclass(frozen=True)
class OverviewFacts:
    action_fields: int
    guiding_goals: int
    annual_goals_of_year: int
    measures: int
    shares: pd.DataFrame  # models.queries.light_shares
    this_year: ThisYear
    attention: MeasureList  # models.attention.needing_attention, most urgent first
    plan_light: dict[str, str] | None = None  # colour, distribution (over the active measures), reason
    stale_after_days: int = 0  # the plan's setting: a running measure without a report this long is stale


def overview_facts(states: pd.DataFrame, tree: dict[str, pd.DataFrame], year: int, lang: str,
                   plan_light: pd.Series | None = None, year_light: pd.Series | None = None,
                   stale_after_days: int = 0) -> OverviewFacts:
    """states: models.queries.measure_states; tree: models.queries.progress_tree (same Stand); plan_light:
    models.queries.plan_light of the same states, year_light the same over the measures of `year`."""
    annual = tree["annual_goals"]
    return OverviewFacts(
        action_fields=len(tree["action_fields"]),
        guiding_goals=len(tree["guiding_goals"]),
        annual_goals_of_year=int((annual["year"] == year).sum()),
        measures=len(states),
        shares=queries.light_shares(states),
        this_year=this_year(tree, year, lang, year_light),
        attention=attention_list(states, lang),
        plan_light=light_facts(plan_light, lang),
        stale_after_days=stale_after_days,
    )


def light_facts(light: pd.Series | None, lang: str) -> dict[str, str] | None:
    """Colour, distribution and reason of a level light (models.queries.LEVEL_LIGHT_COLUMNS) in `lang`."""
    if light is None:
        return None
    return {"colour": str(light["light"]),
            "distribution": str(light[localised_column("light_distribution", lang)]),
            "reason": str(light[localised_column("light_reason", lang)])}


def this_year(tree: dict[str, pd.DataFrame], year: int, lang: str, year_light: pd.Series | None) -> ThisYear:
    """The annual goals of `year` in plan order (by Leitziel) with progress, their light in words (with the
    distribution) and whether the Kreistag prioritised them."""
    goals = tree["guiding_goals"].set_index("guiding_goal_id")
    order = {goal_id: position for position, goal_id in enumerate(goals.index)}
    annual = tree["annual_goals"]
    annual = annual[annual["year"] == year]
    annual = annual.sort_values("guiding_goal_id", key=lambda ids: ids.map(order), kind="stable")
    progress = annual["progress"].dropna()
    # the figures first, the long titles last: at 1,440 px nothing that matters is cut at the right
    table = pd.DataFrame(
        {
            text("overview.col.guiding_goal", lang): [
                goals.at[goal_id, "guiding_goal_code"] if goal_id in goals.index else ""
                for goal_id in annual["guiding_goal_id"]],
            text("overview.col.code", lang): annual["annual_goal_code"].to_numpy(),
            text("overview.col.progress", lang): annual["progress"].round(0).to_numpy(),
            text("overview.col.light", lang): annual[localised_column("light_words", lang)].to_numpy(),
            text("overview.col.annual_goal", lang): annual["annual_goal"].to_numpy(),
            text("overview.col.prioritised", lang): [
                text("overview.prioritised_yes", lang) if flag else "" for flag in annual["prioritised"]],
        }
    )
    return ThisYear(year, len(annual), float(progress.mean()) if len(progress) else None,
                    light_facts(year_light, lang) if len(annual) else None, table)


def attention_list(states: pd.DataFrame, lang: str) -> MeasureList:
    """The measures needing attention (models.attention): their count and the first MEASURES_SHOWN with
    lead, light, due date, days overdue, last report and why, in words."""
    measures = needing_attention(states)
    first = measures.head(MEASURES_SHOWN)
    why = [f"{reason}; {text('overview.stale_words', lang)}" if stale else reason
           for reason, stale in zip(first[localised_column("reason", lang)], first["stale"])]
    table = pd.DataFrame(
        {
            text("overview.col.code", lang): first["code"],
            text("overview.col.light", lang): [light_words(colour, lang) for colour in first["light"]],
            text("overview.col.days_overdue", lang): [format_number(days) if days else "–"
                                                      for days in first["days_overdue"]],
            # NaT, not None: a measure without an end date shows an empty cell, not "None"
            text("overview.col.due", lang): pd.to_datetime(first["due_date"]),
            text("overview.col.last_report", lang): pd.to_datetime(first["last_report_date"]),
            text("overview.col.lead", lang): first["lead_organisation"].fillna(""),
            text("overview.col.measure", lang): first["title"],
            text("overview.col.why", lang): why,
        }
    )
    return MeasureList(len(measures), table)


@dataclass(frozen=True)
class OffCourse:
    count: int  # result indicators off course
    results: int  # result indicators of the plan
    table: pd.DataFrame


def off_course_facts(summary: pd.DataFrame, off: pd.DataFrame, lang: str, threshold: int) -> OffCourse:
    """The off-course indicators (models.indicators.off_course of `summary`) with their latest value, target
    and the pace in a sentence; small counts of people hidden as on the Kennzahlen page."""
    col = lambda key: text(f"indicators.col.{key}", lang)  # noqa: E731
    table = pd.DataFrame(
        {
            col("indicator"): [f"{code} · {title}" for code, title in zip(off["code"], off["title"])],
            col("latest"): [with_unit(format_value(value, hidden, threshold), unit) for value, hidden, unit
                            in zip(off["latest_value"], off["latest_hidden"], off["unit"])],
            col("latest_date"): [format_date(date_or_none(day)) for day in off["latest_date"]],
            col("target"): [with_unit(format_value(value), unit) for value, unit in zip(off["target_value"], off["unit"])],
            text("overview.col.forecast", lang): [trend.sentence(unit, lang) for trend, unit
                                                  in zip(off["trend"], off["unit"])],
            col("belongs"): [level_text(row, lang) for _, row in off.iterrows()],
        }
    )
    return OffCourse(len(off), int((summary["kind"] == RESULT_INDICATOR).sum()), table)


def change_table(changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The reports of models.changes.reports_between (already cut to the newest few) with their change in words."""
    return pd.DataFrame(
        {
            text("overview.col.date", lang): changes["report_date"],
            text("overview.col.code", lang): changes["code"],
            text("overview.col.measure", lang): changes["title"],
            text("overview.col.change", lang): [change_words(row, lang) for row in changes.itertuples()],
            text("overview.col.summary", lang): changes["summary"],
        }
    )


def change_words(row, lang: str) -> str:
    """'abgeschlossen', 'geplant → in Umsetzung (10 %)' or 'Fortschritt 20 % → 50 %'."""
    before = row.previous_status if isinstance(row.previous_status, str) else PLANNED
    # no report before: planned with 0 %; a report before, or this one, without a figure: "keine Angabe"
    progress_before = progress_text(row.previous_progress if isinstance(row.previous_status, str) else 0, lang)
    progress = progress_text(row.progress, lang)
    if row.completed:
        return text("overview.change.completed", lang)
    if row.status_changed:
        return text("overview.change.status", lang, before=text(f"status.{before}", lang),
                    after=text(f"status.{row.status}", lang), progress=progress)
    return text("overview.change.progress", lang, before=progress_before, after=progress)
