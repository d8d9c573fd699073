"""What the Fachbeirat report says, as plain data: cover, figures, changes since the last meeting,
one section per Leitziel, owed reports and indicators, for a plan, a Stand and the previous meeting.

Everything here is computed from models.queries, models.rules, models.changes, models.reporting and
models.indicators, so the report shows the same numbers as the pages. The renderers (pdf.py,
pptx.py) only lay this out; they never query the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Engine, select

from models import changes as change_queries
from models import indicators as indicator_queries
from models import queries
from models.attention import needing_attention
from models.documents.wording import words
from models.formats import format_date, format_number, format_percent
from models.queries import frame_of
from models.reporting import owed_reports
from models.rules import (
    COMPLETED,
    FACHBEIRAT_ELSE_ANY,
    PLANNED,
    clean_text,
    is_indicator_off_course,
    previous_meeting,
    progress_text,
    progress_value,
    small_count_threshold,
)
from models.schema import Measure, StatusReport
from models.texts import light_words, text


class UnknownPlan(LookupError):
    """No plan with this slug; the message is German and lists the plans there are."""


class NotAMeeting(ValueError):
    """The chosen previous meeting is not a meeting of the plan before the Stand."""


@dataclass(frozen=True)
class LightShare:
    colour: str
    words: str  # e.g. "Grün – im Plan": a colour never stands alone
    count: int
    share: float  # percent of all measures


@dataclass(frozen=True)
class LevelLightEntry:
    """A level's light (models.rules.level_light) with its words: the distribution over its active measures
    and the reason; the colour never stands alone."""

    colour: str
    words: str  # e.g. "Rot – kritisch: 3 rot · 2 gelb · 9 grün von 14 laufenden Maßnahmen"
    reason: str

    @property
    def line(self) -> str:
        return f"{self.words} ({self.reason})" if self.reason != self.words.split(" – ", 1)[-1] else self.words


def level_light_entry(row) -> LevelLightEntry:
    """row: a Series or named tuple with queries.LEVEL_LIGHT_COLUMNS."""
    get = row.get if isinstance(row, pd.Series) else lambda name: getattr(row, name)
    return LevelLightEntry(str(get("light")), str(get("light_words")), str(get("light_reason")))


@dataclass(frozen=True)
class LevelProgress:
    code: str
    title: str
    progress: float | None  # None: "keine Maßnahmen"
    measures: int
    light: LevelLightEntry | None = None

    @property
    def progress_words(self) -> str:
        return progress_words(self.progress)


@dataclass(frozen=True)
class MeasureEntry:
    code: str
    title: str
    lead: str
    status: str
    progress: int | None  # None: no report named a figure ("keine Angabe")
    light: str
    light_words: str
    reason: str
    start_date: dt.date | None
    due_date: dt.date | None
    report_date: dt.date | None  # of the latest report on or before the Stand; None: no report yet
    summary: str = ""
    obstacles: str = ""
    next_steps: str = ""


@dataclass(frozen=True)
class AnnualGoalEntry:
    code: str
    title: str
    year: int
    prioritised: bool
    decision: str  # "01.02.2024, Beschluss 1/2024" or ""
    progress: float | None
    measures: tuple[MeasureEntry, ...]

    @property
    def progress_words(self) -> str:
        return progress_words(self.progress)


@dataclass(frozen=True)
class GoalSection:
    code: str
    title: str
    action_field: str
    progress: float | None
    lights: tuple[LightShare, ...]
    annual_goals: tuple[AnnualGoalEntry, ...]
    later_annual_goals: int  # annual goals of years after the Stand's year (left out)
    light: LevelLightEntry | None = None

    @property
    def progress_words(self) -> str:
        return progress_words(self.progress)

    @property
    def measures(self) -> tuple[MeasureEntry, ...]:
        return tuple(measure for goal in self.annual_goals for measure in goal.measures)


@dataclass(frozen=True)
class ChangeEntry:
    report_date: dt.date
    code: str
    title: str
    change: str  # in words, e.g. "in Umsetzung → abgeschlossen"
    summary: str


@dataclass(frozen=True)
class Changes:
    since: dt.date | None
    reports: int
    measures: int
    status_changes: int
    completions: int
    entries: tuple[ChangeEntry, ...]


@dataclass(frozen=True)
class OwedEntry:
    code: str
    title: str
    lead: str
    last_report_date: dt.date | None
    light_words: str


@dataclass(frozen=True)
class AttentionEntry:
    """A measure that needs the board's attention (models.attention): red, yellow, overdue or stale."""

    code: str
    title: str
    lead: str
    light_words: str
    due_date: dt.date | None
    days_overdue: int
    last_report_date: dt.date | None
    why: str  # the light's reason, and "ohne aktuellen Sachstand" when stale


@dataclass(frozen=True)
class IndicatorEntry:
    code: str
    title: str
    unit: str
    level_title: str
    baseline: str  # formatted value with date, or "–"
    target: str
    latest: str
    verdict: str  # the trend in a sentence
    points: tuple[tuple[dt.date, float], ...]  # the dated values shown (baseline first), none hidden
    hidden_values: int  # values not shown (small counts of people in the public view)
    target_value: float | None
    off_course: bool = False  # a result indicator off course (rules.is_indicator_off_course)


@dataclass(frozen=True)
class FullText:
    """A report text that a table shows shortened; the appendix gives it in full."""

    code: str
    title: str
    report_date: dt.date
    text: str


@dataclass(frozen=True)
class ReportContent:
    plan_name: str
    plan_slug: str
    owner: str
    is_example: bool
    as_of: dt.date
    released_only: bool
    counts: dict[str, int]  # action_fields, guiding_goals, annual_goals (of the Stand's year), measures
    overall_progress: float | None
    lights: tuple[LightShare, ...]
    action_fields: tuple[LevelProgress, ...]
    guiding_goals: tuple[LevelProgress, ...]
    changes: Changes
    sections: tuple[GoalSection, ...]
    owed: tuple[OwedEntry, ...] | None  # None: no previous meeting to measure from
    indicators: tuple[IndicatorEntry, ...]
    meeting_title: str = ""
    created: dt.date = field(default_factory=dt.date.today)
    plan_light: LevelLightEntry | None = None
    attention: tuple[AttentionEntry, ...] = ()  # most urgent first

    @property
    def off_course(self) -> tuple[IndicatorEntry, ...]:
        return tuple(entry for entry in self.indicators if entry.off_course)

    @property
    def overall_progress_words(self) -> str:
        return progress_words(self.overall_progress)

    @property
    def title(self) -> str:
        return words("title")


def light_line(light: LightShare) -> str:
    """e.g. "Gelb – Verzug: 1 Maßnahme (17 %)"."""
    return words("light_line_one" if light.count == 1 else "light_line", words=light.words,
                 count=format_number(light.count), share=format_percent(light.share))


_BREAKS = re.compile(r"[ \t\n\r\f\v]+")


def shorten(text: str, limit: int) -> str:
    """The text on one line (no-break spaces kept); longer than `limit` characters it is cut and ends with "…"."""
    line = _BREAKS.sub(" ", text).strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def full_texts(content: ReportContent, limit: int, with_measures: bool = False) -> tuple[FullText, ...]:
    """The report texts longer than `limit`, each once: the changes since the meeting and, with_measures,
    every measure's latest Sachstand."""
    found = [FullText(entry.code, entry.title, entry.report_date, entry.summary) for entry in content.changes.entries]
    if with_measures:
        found += [FullText(measure.code, measure.title, measure.report_date, measure.summary)
                  for section in content.sections for measure in section.measures if measure.report_date]
    return tuple(dict.fromkeys(found_text for found_text in found if len(found_text.text) > limit))


def progress_words(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return text("rollup.empty")
    return format_percent(value)


def _none_if_missing(value):
    if value is None:
        return None
    try:
        return None if pd.isna(value) else value
    except (TypeError, ValueError):
        return value


def _float_or_none(value) -> float | None:
    value = _none_if_missing(value)
    return None if value is None else float(value)


# --- choosing the plan and the previous meeting ------------------------------------------------


def plan_row(engine: Engine, slug: str | None) -> pd.Series:
    """The plan with this slug (the first plan when slug is None); UnknownPlan otherwise."""
    plans = queries.plans(engine)
    if plans.empty:
        raise UnknownPlan(words("error.no_plans"))
    if slug is None:
        return plans.iloc[0]
    match = plans[plans["slug"] == slug]
    if match.empty:
        raise UnknownPlan(words("error.unknown_plan", slug=slug, plans=", ".join(plans["slug"])))
    return match.iloc[0]


def meeting_choices(engine: Engine, plan_id: int, as_of: dt.date) -> pd.DataFrame:
    """The plan's meetings before the Stand (newest first): the candidates for "the previous meeting"."""
    meetings = queries.meetings(engine, plan_id)
    return meetings[meetings["meeting_date"] < as_of].sort_values("meeting_date", ascending=False).reset_index(drop=True)


def default_meeting(engine: Engine, plan_id: int, as_of: dt.date) -> dt.date | None:
    """The last Fachbeirat meeting before the Stand (as on the Übersicht), else the last meeting of any body:
    the report goes to the Fachbeirat, and a plan without one is still compared with something."""
    return previous_meeting(queries.meetings(engine, plan_id), as_of, FACHBEIRAT_ELSE_ANY)


def check_meeting(engine: Engine, plan_id: int, as_of: dt.date, since: dt.date) -> str:
    """The title of the meeting on `since` (a meeting of the plan before the Stand); NotAMeeting otherwise."""
    choices = meeting_choices(engine, plan_id, as_of)
    match = choices[choices["meeting_date"] == since]
    if match.empty:
        known = ", ".join(format_date(day) for day in choices["meeting_date"]) or words("error.no_meetings")
        raise NotAMeeting(words("error.not_a_meeting", date=format_date(since), as_of=format_date(as_of),
                                meetings=known))
    return meeting_title(match.iloc[0])


def meeting_title(row: pd.Series) -> str:
    return f"{row['body']}, {format_date(row['meeting_date'])}"


# --- the content ----------------------------------------------------------------------------------


def build_content(
    engine: Engine,
    plan_id: int,
    as_of: dt.date,
    since: dt.date | None = None,
    *,
    use_default_meeting: bool = True,
    released_only: bool = False,
    threshold: int | None = None,
) -> ReportContent:
    """The report's content for a plan as of a date, with changes since `since` (the previous
    meeting; by default the last Fachbeirat meeting before the Stand). released_only: the public
    view's rule (reports awaiting release are left out; small counts of people are hidden, below
    `threshold` or the plan's own threshold)."""
    plan = queries.plans(engine).set_index("id").loc[plan_id]
    if since is None and use_default_meeting:
        since = default_meeting(engine, plan_id, as_of)
    states = queries.measure_states(engine, plan_id, as_of, released_only=released_only)
    tree = queries.progress_tree(engine, plan_id, states)
    latest = latest_reports(engine, plan_id, as_of, released_only)
    if threshold is None:
        threshold = small_count_threshold(int(plan["confidentiality_threshold"]), public_view=released_only)
    fields = tree["action_fields"]
    return cleaned(ReportContent(
        plan_name=str(plan["name"]),
        plan_slug=str(plan["slug"]),
        owner=str(plan["owner"] or ""),
        is_example=bool(plan["is_example"]),
        as_of=as_of,
        released_only=released_only,
        counts={
            "action_fields": len(fields),
            "guiding_goals": len(tree["guiding_goals"]),
            "annual_goals": int((tree["annual_goals"]["year"] == as_of.year).sum()),
            "measures": len(states),
        },
        overall_progress=_float_or_none(fields["progress"].mean()),
        lights=light_shares(states),
        action_fields=tuple(
            LevelProgress(str(row.action_field_code), str(row.action_field), _float_or_none(row.progress),
                          int(row.measures), level_light_entry(row))
            for row in fields.itertuples()
        ),
        guiding_goals=tuple(
            LevelProgress(str(row.guiding_goal_code), str(row.guiding_goal), _float_or_none(row.progress),
                          int(row.measures), level_light_entry(row))
            for row in tree["guiding_goals"].itertuples()
        ),
        changes=changes_since(engine, plan_id, since, as_of, released_only),
        sections=goal_sections(tree, states, latest, as_of),
        owed=None if since is None else owed_since(engine, plan_id, since, as_of, states),
        indicators=indicator_entries(engine, plan_id, as_of, threshold),
        meeting_title=_meeting_title(engine, plan_id, as_of, since),
        plan_light=level_light_entry(queries.plan_light(states, queries.level_light_shares(engine, plan_id))),
        attention=attention_entries(states),
    ))


def cleaned(value):
    """The content with every text cleaned of control characters (rows stored before texts were cleaned)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, tuple):
        return tuple(cleaned(item) for item in value)
    if dataclasses.is_dataclass(value):
        return dataclasses.replace(value, **{one.name: cleaned(getattr(value, one.name))
                                             for one in dataclasses.fields(value) if one.init})
    return value


def _meeting_title(engine: Engine, plan_id: int, as_of: dt.date, since: dt.date | None) -> str:
    if since is None:
        return ""
    choices = meeting_choices(engine, plan_id, as_of)
    match = choices[choices["meeting_date"] == since]
    return meeting_title(match.iloc[0]) if len(match) else format_date(since)


def light_shares(states: pd.DataFrame) -> tuple[LightShare, ...]:
    shares = queries.light_shares(states)
    return tuple(LightShare(row.light, light_words(row.light), int(row.count), float(row.share))
                 for row in shares.itertuples())


def latest_reports(engine: Engine, plan_id: int, as_of: dt.date, released_only: bool = False) -> pd.DataFrame:
    """Each measure's latest report on or before the Stand with its texts, indexed by measure_id."""
    conditions = [Measure.plan_id == plan_id, StatusReport.report_date <= as_of]
    if released_only:
        conditions.append(StatusReport.released.is_(True))
    reports = frame_of(
        engine,
        select(StatusReport.measure_id, StatusReport.report_date, StatusReport.id, StatusReport.summary,
               StatusReport.obstacles, StatusReport.next_steps)
        .join(Measure, Measure.id == StatusReport.measure_id)
        .where(*conditions),
    )
    reports = reports.sort_values(["measure_id", "report_date", "id"])
    return reports.groupby("measure_id").last()


def _text_of(latest: pd.DataFrame, measure_id: int, column: str) -> str:
    if measure_id not in latest.index:
        return ""
    value = latest.at[measure_id, column]
    return "" if _none_if_missing(value) is None else " ".join(str(value).split())


def measure_entry(row, latest: pd.DataFrame) -> MeasureEntry:
    measure_id = int(row.measure_id)
    return MeasureEntry(
        code=str(row.code),
        title=str(row.title),
        lead=str(_none_if_missing(row.lead_organisation) or ""),
        status=str(row.status),
        progress=progress_value(row.progress),
        light=str(row.light),
        light_words=light_words(row.light),
        reason=str(row.reason),
        start_date=_none_if_missing(row.start_date),
        due_date=_none_if_missing(row.due_date),
        report_date=_none_if_missing(row.last_report_date),
        summary=_text_of(latest, measure_id, "summary"),
        obstacles=_text_of(latest, measure_id, "obstacles"),
        next_steps=_text_of(latest, measure_id, "next_steps"),
    )


def _decision(row) -> str:
    day = _none_if_missing(row.decision_date)
    reference = _none_if_missing(row.decision_reference) or ""
    return ", ".join(part for part in (format_date(day) if day else "", str(reference)) if part)


def goal_sections(tree: dict[str, pd.DataFrame], states: pd.DataFrame, latest: pd.DataFrame,
                  as_of: dt.date) -> tuple[GoalSection, ...]:
    """One section per Leitziel: its annual goals up to the Stand's year with their measures."""
    annual = tree["annual_goals"]
    by_goal = {key: group for key, group in states.groupby("annual_goal_id", sort=False)}
    sections = []
    for goal in tree["guiding_goals"].itertuples():
        own = annual[annual["guiding_goal_id"] == goal.guiding_goal_id].sort_values(
            ["year", "annual_goal_code"], kind="stable")
        shown = own[own["year"] <= as_of.year]
        entries = tuple(
            AnnualGoalEntry(
                code=str(row.annual_goal_code), title=str(row.annual_goal), year=int(row.year),
                prioritised=bool(row.prioritised), decision=_decision(row), progress=_float_or_none(row.progress),
                measures=tuple(measure_entry(m, latest) for m in by_goal.get(row.annual_goal_id, states.iloc[0:0])
                               .itertuples()),
            )
            for row in shown.itertuples()
        )
        goal_states = states[states["guiding_goal_id"] == goal.guiding_goal_id]
        sections.append(GoalSection(
            code=str(goal.guiding_goal_code), title=str(goal.guiding_goal), action_field=str(goal.action_field),
            progress=_float_or_none(goal.progress), lights=light_shares(goal_states) if len(goal_states) else (),
            annual_goals=entries, later_annual_goals=len(own) - len(shown), light=level_light_entry(goal),
        ))
    return tuple(sections)


def change_words(status: str, previous_status, progress: int | None, previous_progress, completed: bool,
                 status_changed: bool) -> str:
    """A report's change in words, as on the Übersicht."""
    before = previous_status if isinstance(previous_status, str) else PLANNED
    if completed:
        return text(f"status.{COMPLETED}")
    if status_changed:
        return words("change.status", before=text(f"status.{before}"), after=text(f"status.{status}"),
                     progress=progress_text(progress))
    # no report before: planned with 0 %; a report before that named no figure: "keine Angabe"
    progress_before = progress_text(previous_progress if isinstance(previous_status, str) else 0)
    return words("change.progress", before=progress_before, after=progress_text(progress))


def changes_since(engine: Engine, plan_id: int, since: dt.date | None, as_of: dt.date,
                  released_only: bool = False) -> Changes:
    if since is None:
        return Changes(None, 0, 0, 0, 0, ())
    frame = change_queries.reports_between(engine, plan_id, since, as_of, released_only=released_only)
    summary = change_queries.summarise(frame, since, as_of)
    entries = tuple(
        ChangeEntry(
            report_date=row.report_date, code=str(row.code), title=str(row.title),
            change=change_words(row.status, row.previous_status, progress_value(row.progress), row.previous_progress,
                                bool(row.completed), bool(row.status_changed)),
            summary=" ".join(str(_none_if_missing(row.summary) or "").split()),
        )
        for row in frame.itertuples()
    )
    return Changes(since, summary.reports, summary.measures, summary.status_changes, summary.completions, entries)


def attention_entries(states: pd.DataFrame) -> tuple[AttentionEntry, ...]:
    """The measures needing attention, most urgent first, as on the Übersicht (models.attention)."""
    return tuple(
        AttentionEntry(
            code=str(row.code), title=str(row.title), lead=str(_none_if_missing(row.lead_organisation) or ""),
            light_words=light_words(row.light), due_date=_none_if_missing(row.due_date),
            days_overdue=int(row.days_overdue), last_report_date=_none_if_missing(row.last_report_date),
            why=words("attention.stale", reason=row.reason) if bool(row.stale) else str(row.reason),
        )
        for row in needing_attention(states).itertuples()
    )


def owed_since(engine: Engine, plan_id: int, since: dt.date, as_of: dt.date,
               states: pd.DataFrame) -> tuple[OwedEntry, ...]:
    """Running measures without a report since the previous meeting (the Berichtsrunde's rule)."""
    owed = owed_reports(engine, plan_id, since, as_of, states=states)
    return tuple(
        OwedEntry(str(row.code), str(row.title), str(row.lead_organisation or ""),
                  _none_if_missing(row.last_report_date), light_words(row.light))
        for row in owed.itertuples()
    )


def _value_text(value: float | None, unit: str, hidden: bool, day: dt.date | None = None) -> str:
    if value is None:
        return "–"
    number = words("indicator.hidden") if hidden else format_number(value, 0 if float(value).is_integer() else 1)
    shown = f"{number}\u00a0{unit}" if unit and not hidden else number
    return f"{shown} ({format_date(day)})" if day else shown


def indicator_entries(engine: Engine, plan_id: int, as_of: dt.date, threshold: int) -> tuple[IndicatorEntry, ...]:
    """Every indicator: baseline, target and latest value as of the Stand, its trend in a sentence and
    the dated values for a chart; small counts of people below `threshold` are hidden (0: none)."""
    summary = indicator_queries.indicator_summary(engine, plan_id, as_of, threshold)
    values = indicator_queries.indicator_values(engine, plan_id, as_of)
    entries = []
    for row in summary.itertuples():
        unit = str(_none_if_missing(row.unit) or "")
        own = values[values["indicator_id"] == row.indicator_id]
        points = [(row.baseline_date, float(row.baseline_value))] if (
            _none_if_missing(row.baseline_value) is not None and _none_if_missing(row.baseline_date) is not None) else []
        points += [(day, float(value)) for day, value in zip(own["value_date"], own["value"])]
        visible = [(day, value) for day, value in points
                   if not indicator_queries.is_hidden(value, bool(row.counts_people), threshold)]
        entries.append(IndicatorEntry(
            code=str(row.code), title=str(row.title), unit=unit,
            level_title=str(_none_if_missing(row.level_title) or ""),
            baseline=_value_text(_float_or_none(row.baseline_value), unit, bool(row.baseline_hidden),
                                 _none_if_missing(row.baseline_date)),
            target=_value_text(_float_or_none(row.target_value), unit, False, _none_if_missing(row.target_date)),
            latest=_value_text(_float_or_none(row.latest_value), unit, bool(row.latest_hidden),
                               _none_if_missing(row.latest_date)),
            verdict=row.trend.sentence(unit),
            points=tuple(sorted(visible)),
            hidden_values=len(points) - len(visible),
            target_value=_float_or_none(row.target_value),
            off_course=is_indicator_off_course(row.kind, row.direction, _float_or_none(row.target_value),
                                               _float_or_none(row.latest_value), row.trend.projected),
        ))
    return tuple(entries)

