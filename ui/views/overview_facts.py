"""What the Übersicht shows, prepared once per change counter, Stand and language (ui.reads.overview caches it).

Frames of the whole plan in, small ready-to-show tables out, so a run of the page does not grow with
the plan: the lists show their first rows only (with the total in words). No Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

import ui.strings  # noqa: F401  (registers the UI strings)
from models import queries
from models.changes import PLANNED
from models.formats import format_date, format_number
from models.texts import light_words, localised_column, text

MEASURES_SHOWN = 10  # rows of the overdue and stale lists
CHANGES_SHOWN = 20  # newest reports listed under "Seit der letzten Sitzung"


@dataclass(frozen=True)
class MeasureList:
    count: int
    table: pd.DataFrame  # the first MEASURES_SHOWN measures, with their words


@dataclass(frozen=True)
class Prioritised:
    year: int | None  # the year shown (the Stand's or the latest earlier one with prioritised goals)
    table: pd.DataFrame


@dataclass(frozen=True)
class OverviewFacts:
    action_fields: int
    guiding_goals: int
    annual_goals_of_year: int
    measures: int
    shares: pd.DataFrame  # models.queries.light_shares
    prioritised: Prioritised
    overdue: MeasureList
    stale: MeasureList
    plan_light: dict[str, str] | None = None  # colour, distribution (over the active measures), reason


def overview_facts(states: pd.DataFrame, tree: dict[str, pd.DataFrame], year: int, lang: str,
                   plan_light: pd.Series | None = None) -> OverviewFacts:
    """states: models.queries.measure_states; tree: models.queries.progress_tree (same Stand); plan_light:
    models.queries.plan_light of the same states."""
    annual = tree["annual_goals"]
    return OverviewFacts(
        action_fields=len(tree["action_fields"]),
        guiding_goals=len(tree["guiding_goals"]),
        annual_goals_of_year=int((annual["year"] == year).sum()),
        measures=len(states),
        shares=queries.light_shares(states),
        prioritised=prioritised_goals(annual, year, lang),
        overdue=measure_list(states[states["overdue"]], lang),
        stale=measure_list(states[states["stale"]], lang),
        plan_light=None if plan_light is None else {
            "colour": str(plan_light["light"]),
            "distribution": str(plan_light[localised_column("light_distribution", lang)]),
            "reason": str(plan_light[localised_column("light_reason", lang)])},
    )


def prioritised_goals(annual: pd.DataFrame, year: int, lang: str) -> Prioritised:
    """The prioritised annual goals of `year`, or of the latest earlier year that has any."""
    prioritised = annual[annual["prioritised"].astype(bool) & (annual["year"] <= year)]
    if prioritised.empty:
        return Prioritised(None, pd.DataFrame())
    shown_year = int(prioritised["year"].max())
    goals = prioritised[prioritised["year"] == shown_year]
    table = pd.DataFrame(
        {
            text("overview.col.code", lang): goals["annual_goal_code"],
            text("overview.col.annual_goal", lang): goals["annual_goal"],
            text("overview.col.progress", lang): goals["progress"].round(0),
            text("overview.col.progress_words", lang): [
                text("rollup.empty", lang) if pd.isna(value) else f"{format_number(value)} %"
                for value in goals["progress"]
            ],
            text("overview.col.decision", lang): [
                f"{format_date(day)}, {reference or ''}".rstrip(", ") for day, reference
                in zip(goals["decision_date"], goals["decision_reference"])
            ],
        }
    )
    return Prioritised(shown_year, table)


def measure_list(measures: pd.DataFrame, lang: str) -> MeasureList:
    """Count of the measures and a table of the first MEASURES_SHOWN, words only for those."""
    first = measures.head(MEASURES_SHOWN)
    table = pd.DataFrame(
        {
            text("overview.col.code", lang): first["code"],
            text("overview.col.measure", lang): first["title"],
            text("overview.col.lead", lang): first["lead_organisation"],
            text("overview.col.last_report", lang): first["last_report_date"],
            text("overview.col.light", lang): [light_words(colour, lang) for colour in first["light"]],
        }
    )
    return MeasureList(len(measures), table)


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
    progress_before = 0 if pd.isna(row.previous_progress) else int(row.previous_progress)
    if row.completed:
        return text("overview.change.completed", lang)
    if row.status_changed:
        return text("overview.change.status", lang, before=text(f"status.{before}", lang),
                    after=text(f"status.{row.status}", lang), progress=row.progress)
    return text("overview.change.progress", lang, before=progress_before, after=row.progress)
