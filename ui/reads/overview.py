"""Reads of the page Übersicht: small ready-to-show facts, so a run does not grow with the plan."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from models import changes, indicators as indicator_queries, queries
from ui.charts.figures import progress_bars, shared_figure
from ui.reads.db import engine_for
from ui.reads.indicators import indicator_summary
from ui.reads.key import PlanKey
from ui.reads.memo import shared
from ui.reads.plan import measure_states, progress_tree
from ui.views import overview_facts


@shared(32)  # shared read-only: read every run
def overview(key: PlanKey) -> overview_facts.OverviewFacts:
    engine = engine_for(key.url)
    states = measure_states(key)
    shares = queries.level_light_shares(engine, key.plan_id)
    year = key.as_of.year
    return overview_facts.overview_facts(
        states, progress_tree(key), year, key.lang, queries.plan_light(states, shares),
        year_light=queries.plan_light(states[states["year"] == year], shares),
        stale_after_days=queries.plan_settings(engine, key.plan_id)[1])


@shared(32)  # shared read-only: read every run
def off_course(key: PlanKey, threshold: int) -> overview_facts.OffCourse:
    """The result indicators off course on the Stand (models.indicators.off_course) in words, from the
    Kennzahlen page's own summary (threshold: the smallest count of people shown)."""
    summary = indicator_summary(key, threshold)
    return overview_facts.off_course_facts(summary, indicator_queries.off_course(summary), key.lang, threshold)


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
