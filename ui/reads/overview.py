"""Reads of the page Übersicht: small ready-to-show facts, so a run does not grow with the plan."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from models import changes, queries
from ui.charts.figures import progress_bars, shared_figure
from ui.reads.db import engine_for
from ui.reads.key import PlanKey
from ui.reads.memo import shared
from ui.reads.plan import measure_states, progress_tree
from ui.views import overview_facts


@shared(32)  # shared read-only: read every run
def overview(key: PlanKey) -> overview_facts.OverviewFacts:
    states = measure_states(key)
    plan_light = queries.plan_light(states, queries.level_light_shares(engine_for(key.url), key.plan_id))
    return overview_facts.overview_facts(states, progress_tree(key), key.as_of.year, key.lang, plan_light)


@shared(32)  # shared read-only: read every run
def changes_since(key: PlanKey, since: dt.date) -> tuple[changes.ChangeSummary, pd.DataFrame]:
    """The figures of the reports after `since` up to the Stand (counted in the database) and the
    newest overview_facts.CHANGES_SHOWN of them with their change in words."""
    engine = engine_for(key.url)
    summary = changes.change_summary(engine, key.plan_id, since, key.as_of, released_only=key.released_only)
    newest = changes.reports_between(engine, key.plan_id, since, key.as_of, released_only=key.released_only,
                                     limit=overview_facts.CHANGES_SHOWN)
    return summary, overview_facts.change_table(newest, key.lang)


@shared(64)
def progress_chart(key: PlanKey, level: str):
    """The built bar chart of a level's progress (level: action_field or guiding_goal), shared
    read-only by every session (ui.charts.figures.progress_bars)."""
    return shared_figure(progress_bars(progress_tree(key)[f"{level}s"], level, key.lang))
