"""Cached reads for the pages: one engine per process, reads keyed by the plan's change counter.

Every cached function takes the database URL, the plan and its change counter as arguments, so
a write anywhere (in any app process) changes the key and the next run reads fresh data. What a page
reads on every run is memoised with ui.memo.shared (one object shared by all sessions: read-only);
st.cache_data (a copy per call) is left for what a caller may change or what is read rarely.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from models import changes, queries
from models.formats import format_date
from models.texts import text
from models.bootstrap import prepare_database
from ui.figures import shared_figure
from ui.measure_filter_options import choices as filter_choices
from ui.memo import shared


_ENGINES: dict[str, Engine] = {}


def engine_for(url: str) -> Engine:
    """The prepared engine of a database URL (looked up on every run, so without a cache's hashing)."""
    engine = _ENGINES.get(url)
    if engine is None:
        engine = _ENGINES[url] = _prepared_engine(url)
    return engine


@st.cache_resource(show_spinner="Datenbank wird vorbereitet …")
def _prepared_engine(url: str) -> Engine:
    return prepare_database(url)


def plans(url: str) -> list:
    """Not cached: this one tiny query per run also brings each plan's change counter."""
    return queries.plan_rows(engine_for(url))


@st.cache_data(show_spinner=False, max_entries=64)
def measure_states(url: str, plan_id: int, counter: int, as_of: dt.date, released_only: bool = False) -> pd.DataFrame:
    return queries.measure_states(engine_for(url), plan_id, as_of, released_only=released_only)


@shared(64)  # shared read-only: read every run
def progress_tree(url: str, plan_id: int, counter: int, as_of: dt.date,
                  released_only: bool = False) -> dict[str, pd.DataFrame]:
    states = measure_states(url, plan_id, counter, as_of, released_only)
    return queries.progress_tree(engine_for(url), plan_id, states)


@st.cache_data(show_spinner=False, max_entries=16)
def plan_counts(url: str, plan_id: int, counter: int) -> dict[str, int]:
    return queries.plan_counts(engine_for(url), plan_id)


@shared(64)
def previous_meeting(url: str, plan_id: int, counter: int, before: dt.date) -> dt.date | None:
    """The date of the last Fachbeirat meeting before `before` (models.changes.previous_meeting)."""
    return changes.previous_meeting(meetings(url, plan_id, counter), before)


@shared(64)
def past_meeting_labels(url: str, plan_id: int, counter: int, today: dt.date, lang: str) -> tuple:
    """(date, label) of the meetings up to today, newest first: the Stand choices every run shows."""
    table = meetings(url, plan_id, counter)
    past = table[table["meeting_date"] <= today].sort_values("meeting_date", ascending=False)
    return tuple((row.meeting_date, text("asof.meeting", lang, body=row.body, date=format_date(row.meeting_date)))
                 for row in past.itertuples())


@shared(16)  # shared read-only: read every run
def meetings(url: str, plan_id: int, counter: int) -> pd.DataFrame:
    return queries.meetings(engine_for(url), plan_id)


# --- page Übersicht: small ready-to-show facts, so a run does not grow with the plan ------------------
from ui import overview_facts  # noqa: E402


@shared(32)  # shared read-only: read every run
def overview(url: str, plan_id: int, counter: int, as_of: dt.date, lang: str,
             released_only: bool = False) -> overview_facts.OverviewFacts:
    states = measure_states(url, plan_id, counter, as_of, released_only)
    tree = progress_tree(url, plan_id, counter, as_of, released_only)
    return overview_facts.overview_facts(states, tree, as_of.year, lang)


@shared(32)  # shared read-only: read every run
def changes_since(url: str, plan_id: int, counter: int, since: dt.date, until: dt.date, lang: str,
                  released_only: bool = False) -> tuple[changes.ChangeSummary, pd.DataFrame]:
    """The figures of the reports after `since` up to `until` (counted in the database) and the
    newest overview_facts.CHANGES_SHOWN of them with their change in words."""
    engine = engine_for(url)
    summary = changes.change_summary(engine, plan_id, since, until, released_only=released_only)
    newest = changes.reports_between(engine, plan_id, since, until, released_only=released_only,
                                     limit=overview_facts.CHANGES_SHOWN)
    return summary, overview_facts.change_table(newest, lang)


@shared(64)
def progress_chart(url: str, plan_id: int, counter: int, as_of: dt.date, lang: str, released_only: bool,
                   level: str):
    """The built bar chart of a level's progress (level: action_field or guiding_goal), shared
    read-only by every session (ui.figures.progress_bars)."""
    from ui.figures import progress_bars

    tree = progress_tree(url, plan_id, counter, as_of, released_only)
    return shared_figure(progress_bars(tree[f"{level}s"], level, lang))


# Leitziele 2030 and Jahresziele (pages/leitziele.py, pages/jahresziele.py)
from models import goals as goal_queries  # noqa: E402


@st.cache_data(show_spinner=False, max_entries=32)
def hierarchy_frame(url: str, plan_id: int, counter: int, as_of: dt.date, released_only: bool = False) -> pd.DataFrame:
    states = measure_states(url, plan_id, counter, as_of, released_only)
    tree = progress_tree(url, plan_id, counter, as_of, released_only)
    return goal_queries.hierarchy_frame(engine_for(url), plan_id, states, tree)


@shared(32)  # shared read-only: read every run
def hierarchy_overview(url: str, plan_id: int, counter: int, as_of: dt.date, released_only: bool = False) -> pd.DataFrame:
    """The node table of the Leitziele overview: plan, Handlungsfelder, Leitziele (small whatever the data)."""
    from ui.hierarchy_chart import overview_nodes

    return overview_nodes(hierarchy_frame(url, plan_id, counter, as_of, released_only))


@shared(32)  # shared read-only: read every run
def goal_list(url: str, plan_id: int, counter: int, as_of: dt.date, lang: str, released_only: bool = False) -> list[dict]:
    """The Leitziele per Handlungsfeld in words (ui.hierarchy_chart.goal_list)."""
    from ui.hierarchy_chart import goal_list as words

    return words(progress_tree(url, plan_id, counter, as_of, released_only), lang)


@shared(64)  # shared read-only: read every run
def goal_detail(url: str, plan_id: int, counter: int, as_of: dt.date, code: str, lang: str,
                released_only: bool = False,
                threshold: int = goal_queries.indicator_queries.DEFAULT_CONFIDENTIALITY_THRESHOLD) -> dict | None:
    states = measure_states(url, plan_id, counter, as_of, released_only)
    tree = progress_tree(url, plan_id, counter, as_of, released_only)
    return goal_queries.goal_detail(engine_for(url), plan_id, code, states, tree, as_of, lang, threshold)


@shared(64)  # shared read-only: read every run
def goal_detail_tables(url: str, plan_id: int, counter: int, as_of: dt.date, code: str, lang: str,
                       released_only: bool = False, threshold: int = 0) -> dict[str, pd.DataFrame]:
    """The display tables of one Leitziel's detail: "annual_goals" and "measures" in words."""
    from ui.hierarchy_chart import annual_goal_table, goal_measure_table

    detail = goal_detail(url, plan_id, counter, as_of, code, lang, released_only, threshold)
    return {"annual_goals": annual_goal_table(detail["annual_goals"], lang),
            "measures": goal_measure_table(detail["measures"], lang)}


@shared(64)
def goal_annual_chart(url: str, plan_id: int, counter: int, as_of: dt.date, code: str, lang: str,
                      released_only: bool, _annual: pd.DataFrame):
    """The progress bars of one Leitziel's Jahresziele (shared read-only, like hierarchy_chart)."""
    from ui.figures import progress_bars

    bars = _annual.assign(label=_annual["year"].astype(str) + " · " + _annual["annual_goal_code"])
    return shared_figure(progress_bars(bars, "label", lang))


@shared(16)  # shared read-only: read every run
def plan_years(url: str, plan_id: int, counter: int) -> tuple[list[int], int]:
    return goal_queries.plan_years(engine_for(url), plan_id)


@shared(64)  # shared read-only: read every run
def annual_goals_of_year(url: str, plan_id: int, counter: int, as_of: dt.date, year: int,
                         released_only: bool = False) -> pd.DataFrame:
    states = measure_states(url, plan_id, counter, as_of, released_only)
    return goal_queries.annual_goals_of_year(states, progress_tree(url, plan_id, counter, as_of, released_only), year)


@shared(32)  # shared read-only: read every run
def carried_over(url: str, plan_id: int, counter: int, year: int) -> pd.DataFrame:
    return goal_queries.carried_over(engine_for(url), plan_id, year)


@shared(32)  # shared read-only: read every run
def year_summary(url: str, plan_id: int, counter: int, as_of: dt.date, released_only: bool = False) -> pd.DataFrame:
    return goal_queries.year_summary(progress_tree(url, plan_id, counter, as_of, released_only))


# page Jahresziele: the year's words, cards and chart built once per change counter, Stand, year and language
from ui import annual_goals_view  # noqa: E402


@shared(64)  # shared read-only: read every run
def annual_year_view(url: str, plan_id: int, counter: int, as_of: dt.date, year: int, lang: str,
                     released_only: bool = False) -> annual_goals_view.YearView | None:
    """None when the year has no annual goals."""
    annual = annual_goals_of_year(url, plan_id, counter, as_of, year, released_only)
    return None if annual.empty else annual_goals_view.year_view(annual, year, lang)


@shared(64)
def annual_goals_chart(url: str, plan_id: int, counter: int, as_of: dt.date, year: int, lang: str,
                       released_only: bool = False):
    """The year's progress chart (ui.annual_goals_view.chart_frame), shared read-only by every session."""
    from ui.figures import progress_bars

    annual = annual_goals_of_year(url, plan_id, counter, as_of, year, released_only)
    frame, label = annual_goals_view.chart_frame(annual, lang)
    return shared_figure(progress_bars(frame, label, lang))


@shared(32)  # shared read-only: read every run
def year_summary_table(url: str, plan_id: int, counter: int, as_of: dt.date, lang: str,
                       released_only: bool = False) -> pd.DataFrame:
    return annual_goals_view.summary_table(year_summary(url, plan_id, counter, as_of, released_only), lang)


# --- page Maßnahmen -------------------------------------------------------------------------
from models import measures as measure_queries  # noqa: E402


@st.cache_data(show_spinner=False, max_entries=64)
def measure_list(url: str, plan_id: int, counter: int, as_of: dt.date, released_only: bool = False) -> pd.DataFrame:
    states = measure_states(url, plan_id, counter, as_of, released_only)
    return measure_queries.measure_list(engine_for(url), plan_id, as_of, states=states)


@shared(32)
def measure_frame(url: str, plan_id: int, counter: int, as_of: dt.date, released_only: bool = False) -> pd.DataFrame:
    """measure_list shared read-only by every session: the page reads it on every run, and a copy of
    thousands of rows per run (what st.cache_data returns) cost more than the page's own work."""
    return measure_list(url, plan_id, counter, as_of, released_only)


@shared(32)
def measure_titles(url: str, plan_id: int, counter: int, as_of: dt.date, released_only: bool = False) -> dict[str, str]:
    """Code -> title of every measure (the picker's names); shared read-only by every session."""
    frame = measure_frame(url, plan_id, counter, as_of, released_only)
    return dict(zip(frame["code"].tolist(), frame["title"].tolist()))


@shared(32)
def measure_filter_choices(url: str, plan_id: int, counter: int, as_of: dt.date, released_only: bool, lang: str):
    """The filter options of the pages Maßnahmen and Export (ui.measure_filter_options.choices); shared read-only."""
    return filter_choices(measure_frame(url, plan_id, counter, as_of, released_only),
                          progress_tree(url, plan_id, counter, as_of, released_only), lang)


@shared(32)
def measure_selection(url: str, plan_id: int, counter: int, as_of: dt.date, released_only: bool, filters_key: str,
                      _filters: measure_queries.MeasureFilters) -> pd.DataFrame:
    """The measures passing the page's filters (filters_key: the repr of _filters); built once per key
    and shared read-only by every session."""
    return measure_queries.apply_filters(measure_frame(url, plan_id, counter, as_of, released_only), _filters)


@shared(32)
def measure_table(url: str, plan_id: int, counter: int, as_of: dt.date, lang: str, released_only: bool,
                  filters_key: str, _shown: pd.DataFrame) -> pd.DataFrame:
    """The Maßnahmen table (words in lang) of the filtered measures; shared read-only by every session."""
    from ui.measure_table import table_frame

    return table_frame(_shown, lang)


@st.cache_data(show_spinner=False, max_entries=64)
def measure_detail(url: str, plan_id: int, counter: int, code: str) -> dict | None:
    return measure_queries.measure_detail(engine_for(url), plan_id, code)


@st.cache_data(show_spinner=False, max_entries=64)
def report_history(url: str, plan_id: int, counter: int, measure_id: int, as_of: dt.date,
                   released_only: bool = False) -> pd.DataFrame:
    return measure_queries.report_history(engine_for(url), measure_id, as_of, released_only=released_only)


# --- pages Kennzahlen and Akteure ----------------------------------------------------------
from models import indicators as indicator_queries  # noqa: E402
from models import organisations as organisation_queries  # noqa: E402


@shared(64)  # shared read-only: read every run
def indicator_summary(url: str, plan_id: int, counter: int, as_of: dt.date,
                      threshold: int = indicator_queries.DEFAULT_CONFIDENTIALITY_THRESHOLD) -> pd.DataFrame:
    return indicator_queries.indicator_summary(engine_for(url), plan_id, as_of, threshold)


@shared(64)
def indicator_choices(url: str, plan_id: int, counter: int, as_of: dt.date, threshold: int) -> tuple[dict, dict]:
    """The Kennzahlen filters' options: action field code -> name (in plan order), indicator code ->
    'code · title'."""
    summary = indicator_summary(url, plan_id, counter, as_of, threshold)
    fields = summary.dropna(subset=["field_code"]).drop_duplicates("field_code").sort_values("field_position")
    return (dict(zip(fields["field_code"], fields["field"])),
            {code: f"{code} · {title}" for code, title in zip(summary["code"], summary["title"])})


@shared(256)
def indicator_sections(url: str, plan_id: int, counter: int, as_of: dt.date, threshold: int, field: str, kind: str,
                       kinds: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(kind, codes) of the indicators passing the filters ("" = all), per kind in the order of kinds,
    kinds without indicators left out."""
    summary = indicator_summary(url, plan_id, counter, as_of, threshold)
    chosen = summary[(summary["field_code"].eq(field).fillna(False) | (field == ""))
                     & (summary["kind"].eq(kind) | (kind == ""))]
    sections = ((section, tuple(chosen.loc[chosen["kind"] == section, "code"])) for section in kinds)
    return tuple((section, codes) for section, codes in sections if codes)


@shared(512)
def indicator_row(url: str, plan_id: int, counter: int, as_of: dt.date, threshold: int, code: str) -> pd.Series:
    summary = indicator_summary(url, plan_id, counter, as_of, threshold)
    return summary[summary["code"] == code].iloc[0]


@shared(512)
def indicator_own_values(url: str, plan_id: int, counter: int, as_of: dt.date, threshold: int, indicator_id: int,
                         counts_people: bool) -> pd.DataFrame:
    """One indicator's values up to the Stand, with small counts of people marked hidden."""
    values = indicator_values(url, plan_id, counter, as_of)
    return indicator_queries.with_confidentiality(values[values["indicator_id"] == indicator_id], counts_people,
                                                  threshold)


@shared(64)  # shared read-only: read every run
def indicator_values(url: str, plan_id: int, counter: int, as_of: dt.date) -> pd.DataFrame:
    return indicator_queries.indicator_values(engine_for(url), plan_id, as_of)


@shared(64)  # shared read-only: read every run
def indicator_overview(url: str, plan_id: int, counter: int, as_of: dt.date, threshold: int, lang: str,
                       codes: tuple[str, ...]) -> pd.DataFrame:
    """The Kennzahlen overview table (words per row) of these indicators, in their order."""
    from ui.indicator_chart import overview_table

    summary = indicator_summary(url, plan_id, counter, as_of, threshold).set_index("code", drop=False)
    return overview_table(summary.loc[list(codes)], lang, threshold)


@shared(64)  # shared read-only: the page reads it every run
def organisation_overview(url: str, plan_id: int, counter: int, as_of: dt.date,
                          released_only: bool = False) -> pd.DataFrame:
    states = measure_states(url, plan_id, counter, as_of, released_only)
    return organisation_queries.organisation_overview(engine_for(url), plan_id, states)


@shared(64)
def organisation_view(url: str, plan_id: int, counter: int, as_of: dt.date, released_only: bool, kind: str,
                      lang: str) -> tuple:
    """The organisations of one kind ("" for all): the rows, the table in words and the bar chart,
    built once per plan state and shared read-only by every session."""
    from ui.organisation_chart import measures_figure, overview_table

    overview = organisation_overview(url, plan_id, counter, as_of, released_only)
    shown = overview[overview["kind"].eq(kind)] if kind else overview
    return shown, overview_table(shown, lang), shared_figure(measures_figure(shown, lang))


@st.cache_data(show_spinner=False, max_entries=64)
def measures_of_organisation(url: str, plan_id: int, counter: int, as_of: dt.date, organisation_id: int,
                             released_only: bool = False) -> pd.DataFrame:
    states = measure_states(url, plan_id, counter, as_of, released_only)
    return organisation_queries.measures_of_organisation(engine_for(url), plan_id, organisation_id, states)


# --- pages Sachstand melden and Berichtsrunde ---------------------------------------------
from models import reporting  # noqa: E402


@st.cache_data(show_spinner=False, max_entries=64)
def measures_to_report(url: str, plan_id: int, counter: int, as_of: dt.date,
                       organisation_id: int | None) -> pd.DataFrame:
    states = measure_states(url, plan_id, counter, as_of)
    return reporting.measures_to_report(engine_for(url), plan_id, as_of, organisation_id, states=states)


@st.cache_data(show_spinner=False, max_entries=64)
def report_log(url: str, plan_id: int, counter: int, measure_id: int) -> pd.DataFrame:
    return reporting.report_log(engine_for(url), measure_id)


@st.cache_data(show_spinner=False, max_entries=16)
def cutoff_meetings(url: str, plan_id: int, counter: int) -> pd.DataFrame:
    return reporting.cutoff_meetings(engine_for(url), plan_id)


@st.cache_data(show_spinner=False, max_entries=32)
def owed_reports(url: str, plan_id: int, counter: int, since: dt.date, until: dt.date) -> pd.DataFrame:
    return reporting.owed_reports(engine_for(url), plan_id, since, until,
                                  states=measure_states(url, plan_id, counter, until))


def organisation_contacts(url: str, organisation_ids: tuple[int, ...]) -> pd.DataFrame:
    """Not cached: accounts belong to no plan, so no plan's change counter follows them."""
    return reporting.organisation_contacts(engine_for(url), organisation_ids)


# --- admin pages Änderungsprotokoll, Einstellungen, Freigabe ---------------------------------
from models import audit as audit_queries  # noqa: E402
from models import release as release_queries  # noqa: E402
from models import settings as settings_queries  # noqa: E402


def latest_audit_event(url: str) -> int:
    """Not cached: the key of the audit reads (events without a plan, e.g. new accounts, move no
    plan's change counter)."""
    return audit_queries.latest_event_id(engine_for(url))


@st.cache_data(show_spinner=False, max_entries=32)
def audit_events(url: str, plan_id: int, latest_event: int, actor_names: tuple[str, ...], object_type: str | None,
                 action: str | None, since: dt.date | None, until: dt.date | None) -> tuple[pd.DataFrame, int]:
    filters = audit_queries.AuditFilters(actor_names, object_type, action, since, until)
    return audit_queries.audit_events(engine_for(url), plan_id, filters)


@st.cache_data(show_spinner=False, max_entries=16)
def audit_choices(url: str, plan_id: int, latest_event: int) -> dict[str, list[str]]:
    return audit_queries.audit_choices(engine_for(url), plan_id)


@st.cache_data(show_spinner=False, max_entries=16)
def plan_settings(url: str, plan_id: int, counter: int) -> dict:
    return settings_queries.plan_settings(engine_for(url), plan_id)


@st.cache_data(show_spinner=False, max_entries=16)
def pending_reports(url: str, plan_id: int, counter: int) -> pd.DataFrame:
    return release_queries.pending_reports(engine_for(url), plan_id)


# --- page Pflege (admins) -------------------------------------------------------------------------
from models import admin_tables  # noqa: E402


@st.cache_data(show_spinner=False, max_entries=8)
def maintenance_frames(url: str, plan_id: int, counter: int) -> dict[str, pd.DataFrame]:
    """Every table the Pflege page lists (retired rows included); accounts are in every plan's key,
    because account commands advance every plan's change counter."""
    return admin_tables.maintenance_frames(engine_for(url), plan_id)


# --- built figures: plotly's validation of large figures dominated the Leitziele and Kennzahlen runs --------
# Built once per change counter and shared read-only by every session (st.plotly_chart copies a figure
# before serialising it); the leading underscore keeps the input frames out of the cache key, which
# the other arguments already determine.
@shared(32)
def hierarchy_chart(url: str, plan_id: int, counter: int, as_of: dt.date, kind: str, lang: str,
                    released_only: bool, _nodes: pd.DataFrame):
    from ui.hierarchy_chart import hierarchy_figure

    return shared_figure(hierarchy_figure(_nodes, kind, lang))


@shared(512)
def indicator_chart(url: str, plan_id: int, counter: int, as_of: dt.date, indicator_id: int, lang: str,
                    threshold: int, _indicator: pd.Series, _values: pd.DataFrame):
    from ui.indicator_chart import indicator_figure

    return shared_figure(indicator_figure(_indicator, _values, lang))


@shared(64)
def measure_timeline(url: str, plan_id: int, counter: int, as_of: dt.date, lang: str, released_only: bool,
                     filters_key: str, _shown: pd.DataFrame):
    """The Maßnahmen timeline of the filtered measures (filters_key: the repr of the page's filters)."""
    from ui.gantt import timeline

    return shared_figure(timeline(_shown, as_of, lang))
