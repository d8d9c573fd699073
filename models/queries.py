"""Read side: queries that return DataFrames, aggregated in SQL or in one pandas step.

The state "as of" a date is the latest report dated on or before it (see rules.state_as_of);
here it is selected in SQL for all measures of a plan at once: per measure, the newest report found
through the (measure_id, report_date) index, so the cost grows linearly with the plan (a window
function joined back was scanned once per measure on SQLite: 4 s at 800 measures, 228 s at 8,000).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine, case, func, or_, select
from sqlalchemy.orm import aliased

from models.rules import (
    COMPLETED,
    LIGHTS,
    PLANNED,
    SUSPENDED,
    LevelLight,
    days_overdue,
    is_active_measure,
    is_stale,
    level_light,
    plan_start as start_of_plan,
    rollup_measures_frame,
    traffic_light,
)
from models.schema import (
    ActionField,
    AnnualGoal,
    GuidingGoal,
    Indicator,
    Measure,
    Meeting,
    Body,
    Organisation,
    Plan,
    StatusReport,
)


def frame_of(engine: Engine, statement) -> pd.DataFrame:
    with engine.connect() as connection:
        result = connection.execute(statement)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def change_counter(engine: Engine, plan_id: int) -> int:
    """The cache key of every read of a plan: one tiny query per run."""
    with engine.connect() as connection:
        value = connection.execute(select(Plan.change_counter).where(Plan.id == plan_id)).scalar()
    return int(value or 0)


_PLAN_COLUMNS = (Plan.id, Plan.slug, Plan.name, Plan.owner, Plan.horizon_year, Plan.is_example,
                 Plan.description, Plan.green_tolerance, Plan.stale_after_days, Plan.change_counter,
                 Plan.public_view, Plan.release_required, Plan.confidentiality_threshold)


def plans(engine: Engine) -> pd.DataFrame:
    return frame_of(engine, select(*_PLAN_COLUMNS).order_by(Plan.id))


def plan_rows(engine: Engine) -> list:
    """The plans as plain rows (attribute access by column name): what every page run reads first,
    so it skips building a DataFrame."""
    with engine.connect() as connection:
        return list(connection.execute(select(*_PLAN_COLUMNS).order_by(Plan.id)).all())


def action_fields(engine: Engine, plan_id: int) -> pd.DataFrame:
    return frame_of(
        engine,
        select(ActionField.id.label("action_field_id"), ActionField.code.label("action_field_code"),
               ActionField.title.label("action_field"), ActionField.position)
        .where(ActionField.plan_id == plan_id, ActionField.retired.is_(False))
        .order_by(ActionField.position, ActionField.id),
    )


def guiding_goals(engine: Engine, plan_id: int) -> pd.DataFrame:
    return frame_of(
        engine,
        select(GuidingGoal.id.label("guiding_goal_id"), GuidingGoal.code.label("guiding_goal_code"),
               GuidingGoal.title.label("guiding_goal"), GuidingGoal.action_field_id,
               ActionField.title.label("action_field"))
        .join(ActionField, GuidingGoal.action_field_id == ActionField.id)
        .where(GuidingGoal.plan_id == plan_id, GuidingGoal.retired.is_(False))
        .order_by(ActionField.position, GuidingGoal.position, GuidingGoal.id),
    )


def annual_goals(engine: Engine, plan_id: int) -> pd.DataFrame:
    return frame_of(
        engine,
        select(AnnualGoal.id.label("annual_goal_id"), AnnualGoal.code.label("annual_goal_code"),
               AnnualGoal.title.label("annual_goal"), AnnualGoal.year, AnnualGoal.prioritised,
               AnnualGoal.decision_date, AnnualGoal.decision_reference, AnnualGoal.guiding_goal_id,
               AnnualGoal.carried_over_from_id, AnnualGoal.carry_over_reason)
        .where(AnnualGoal.plan_id == plan_id, AnnualGoal.retired.is_(False))
        .order_by(AnnualGoal.year, AnnualGoal.position, AnnualGoal.id),
    )


def _latest_report_id(as_of: dt.date, released_only: bool = False, with_figure: bool = False):
    """The id of the measure's (correlated: the outer query's Measure) latest report on or before as_of;
    on equal dates the later entry wins, as in rules.state_as_of. with_figure: the latest one that counts
    with a progress figure (rules.report_progress: one named, or abgeschlossen)."""
    report = aliased(StatusReport)
    conditions = [report.measure_id == Measure.id, report.report_date <= as_of]
    if released_only:
        conditions.append(report.released.is_(True))
    if with_figure:
        conditions.append(or_(report.progress.is_not(None), report.status == COMPLETED))
    return (
        select(report.id)
        .where(*conditions)
        .order_by(report.report_date.desc(), report.id.desc())
        .limit(1)
        .correlate(Measure)
        .scalar_subquery()
    )


def measure_states(engine: Engine, plan_id: int, as_of: dt.date, released_only: bool = False) -> pd.DataFrame:
    """One row per measure with its hierarchy, lead and state as of a date.

    Columns add status, last_report_date (from the latest report on or before as_of; planned and 0 %
    without one), progress and progress_date (the figure of the latest report that has one,
    rules.state_as_of; NaN and NaT when no report names a figure: "keine Angabe"), light, reason (German words; reason_en in English), reason_key,
    overdue, stale, active (counts for the light of its levels, rules.is_active_measure) and days_overdue
    (rules.days_overdue: 0 unless past the due date and neither completed nor suspended). released_only
    (the public view): reports awaiting release are left out.
    """
    figure = aliased(StatusReport)
    statement = (
        select(
            Measure.id.label("measure_id"), Measure.code, Measure.title, Measure.start_date,
            Measure.due_date, Measure.weight, Measure.version,
            Organisation.name.label("lead_organisation"),
            AnnualGoal.id.label("annual_goal_id"), AnnualGoal.year, AnnualGoal.prioritised,
            GuidingGoal.id.label("guiding_goal_id"), GuidingGoal.code.label("guiding_goal_code"),
            ActionField.id.label("action_field_id"), ActionField.title.label("action_field"),
            StatusReport.status, StatusReport.report_date.label("last_report_date"),
            case((figure.id.is_(None), None), else_=func.coalesce(figure.progress, 100)).label("progress"),
            figure.report_date.label("progress_date"),
        )
        .join(AnnualGoal, Measure.annual_goal_id == AnnualGoal.id)
        .join(GuidingGoal, AnnualGoal.guiding_goal_id == GuidingGoal.id)
        .join(ActionField, GuidingGoal.action_field_id == ActionField.id)
        .outerjoin(Organisation, Measure.lead_organisation_id == Organisation.id)
        .outerjoin(StatusReport, StatusReport.id == _latest_report_id(as_of, released_only))
        .outerjoin(figure, figure.id == _latest_report_id(as_of, released_only, with_figure=True))
        .where(Measure.plan_id == plan_id, Measure.retired.is_(False))
        .order_by(AnnualGoal.year, ActionField.position, GuidingGoal.position, Measure.position, Measure.id)
    )
    frame = frame_of(engine, statement)
    unreported = frame["status"].isna()
    frame["status"] = frame["status"].fillna(PLANNED)
    frame["progress"] = pd.to_numeric(frame["progress"], errors="coerce").astype(float).mask(unreported, 0.0)
    frame["progress_date"] = frame["progress_date"].astype(object).where(frame["progress_date"].notna(), None)
    return _with_judgement(frame, plan_settings(engine, plan_id), as_of)


def plan_settings(engine: Engine, plan_id: int) -> tuple[int, int]:
    with engine.connect() as connection:
        row = connection.execute(
            select(Plan.green_tolerance, Plan.stale_after_days).where(Plan.id == plan_id)
        ).one()
    return int(row.green_tolerance), int(row.stale_after_days)


def _with_judgement(frame: pd.DataFrame, settings: tuple[int, int], as_of: dt.date) -> pd.DataFrame:
    tolerance, stale_after = settings
    rows = zip(frame["status"], frame["progress"], frame["start_date"], frame["due_date"],
               frame["last_report_date"])
    lights, reasons, reasons_en, keys, stale, active, late = [], [], [], [], [], [], []
    for status, progress, start, due, last in rows:
        last = None if pd.isna(last) else last
        light = traffic_light(status, None if pd.isna(progress) else progress, start, due, as_of, tolerance)
        lights.append(light.colour)
        reasons.append(light.reason("de"))
        reasons_en.append(light.reason("en"))
        keys.append(light.reason_key)
        stale.append(is_stale(status, last, start, as_of, stale_after))
        active.append(is_active_measure(status, last, as_of))
        late.append(days_overdue(status, due, as_of))
    return frame.assign(light=lights, reason=reasons, reason_en=reasons_en, reason_key=keys, stale=stale,
                        overdue=[key == "overdue" for key in keys], active=active, days_overdue=late)


def level_light_shares(engine: Engine, plan_id: int) -> tuple[int, int]:
    """The plan's thresholds of a level's light: (red_share, yellow_share) in percent."""
    with engine.connect() as connection:
        row = connection.execute(select(Plan.red_share, Plan.yellow_share).where(Plan.id == plan_id)).one()
    return int(row.red_share), int(row.yellow_share)


LEVEL_LIGHT_COLUMNS = ("light", "active", "light_words", "light_words_en", "light_distribution",
                       "light_distribution_en", "light_reason", "light_reason_en")


def level_lights(states: pd.DataFrame, by: str, shares: tuple[int, int], index=None) -> pd.DataFrame:
    """The light of each level (rules.level_light) over its active measures, one row per value of `by`
    (or per value of `index`, so that levels without measures get their grey): LEVEL_LIGHT_COLUMNS, i.e.
    light, active (how many), light_words ("Gelb – Verzug: 1 rot · 2 gelb · 9 grün von 12 laufenden
    Maßnahmen"), light_distribution (the same without the colour) and light_reason, the words also in
    English (_en). `states` needs the columns light and active."""
    running = states[states["active"].astype(bool)]
    counts = pd.crosstab(running[by], running["light"]).reindex(columns=list(LIGHTS), fill_value=0)
    if index is not None:
        counts = counts.reindex(index, fill_value=0)
    lights = [level_light(row.red, row.yellow, row.green, row.grey, *shares) for row in counts.itertuples()]
    columns = {"light": [light.colour for light in lights], "active": [light.active for light in lights]}
    for name, words in (("light_words", LevelLight.words), ("light_distribution", LevelLight.distribution),
                        ("light_reason", LevelLight.reason)):
        columns[name] = [words(light, "de") for light in lights]
        columns[f"{name}_en"] = [words(light, "en") for light in lights]
    return pd.DataFrame(columns, index=counts.index)


def plan_light(states: pd.DataFrame, shares: tuple[int, int]) -> pd.Series:
    """The light of the whole plan (LEVEL_LIGHT_COLUMNS) over all its active measures."""
    return level_lights(states.assign(plan="plan"), "plan", shares, index=["plan"]).iloc[0]


def progress_tree(engine: Engine, plan_id: int, states: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Roll-up on every level: annual goal <- measures, guiding goal <- annual goals,
    action field <- guiding goals. Levels without measures keep progress NaN ("keine Maßnahmen").
    Every level also gets its light over its active measures (level_lights: LEVEL_LIGHT_COLUMNS)."""
    shares = level_light_shares(engine, plan_id)
    annual = annual_goals(engine, plan_id)
    measures_rollup = rollup_measures_frame(states, "annual_goal_id")
    annual = annual.merge(measures_rollup, left_on="annual_goal_id", right_index=True, how="left")
    annual[["counted", "excluded", "unreported"]] = annual[["counted", "excluded", "unreported"]].fillna(0).astype(int)
    annual = _with_lights(annual, states, "annual_goal_id", shares)

    goals = guiding_goals(engine, plan_id)
    goal_mean = annual.groupby("guiding_goal_id")["progress"].mean()
    goals = goals.merge(goal_mean.rename("progress"), left_on="guiding_goal_id", right_index=True, how="left")
    goals = goals.merge(_counts(states, "guiding_goal_id"), left_on="guiding_goal_id", right_index=True, how="left")

    fields = action_fields(engine, plan_id)
    field_mean = goals.groupby("action_field_id")["progress"].mean()
    fields = fields.merge(field_mean.rename("progress"), left_on="action_field_id", right_index=True, how="left")
    fields = fields.merge(_counts(states, "action_field_id"), left_on="action_field_id", right_index=True, how="left")
    for frame in (goals, fields):
        counted = list(LIGHTS) + ["measures", "unreported"]
        frame[counted] = frame[counted].fillna(0).astype(int)
    goals = _with_lights(goals, states, "guiding_goal_id", shares)
    fields = _with_lights(fields, states, "action_field_id", shares)
    return {"action_fields": fields, "guiding_goals": goals, "annual_goals": annual}


def _with_lights(frame: pd.DataFrame, states: pd.DataFrame, by: str, shares: tuple[int, int]) -> pd.DataFrame:
    lights = level_lights(states, by, shares, index=frame[by])
    return frame.assign(**{column: lights[column].to_numpy() for column in LEVEL_LIGHT_COLUMNS})


def _counts(states: pd.DataFrame, by: str) -> pd.DataFrame:
    """Measures per traffic-light colour (columns green, yellow, red, grey), in total, and unreported: those
    left out of the progress mean because no report named a figure (rules.rollup_measures_frame)."""
    counts = pd.crosstab(states[by], states["light"]).reindex(columns=list(LIGHTS), fill_value=0)
    counts["measures"] = counts.sum(axis=1)
    unreported = states["progress"].isna() & (states["status"] != SUSPENDED)
    counts["unreported"] = unreported.groupby(states[by]).sum().reindex(counts.index, fill_value=0).astype(int)
    return counts


def light_shares(states: pd.DataFrame) -> pd.DataFrame:
    """Count and share of measures per colour, in the fixed order green, yellow, red, grey."""
    counts = states["light"].value_counts().reindex(list(LIGHTS), fill_value=0)
    total = int(counts.sum())
    shares = counts / total * 100 if total else counts.astype(float)
    return pd.DataFrame({"light": list(LIGHTS), "count": counts.to_numpy(), "share": shares.to_numpy()})


def meetings(engine: Engine, plan_id: int) -> pd.DataFrame:
    return frame_of(
        engine,
        select(Meeting.id.label("meeting_id"), Meeting.meeting_date, Meeting.title,
               Body.name.label("body"), Body.kind.label("body_kind"))
        .join(Body, Meeting.body_id == Body.id)
        .where(Body.plan_id == plan_id)
        .order_by(Meeting.meeting_date),
    )


def plan_counts(engine: Engine, plan_id: int) -> dict[str, int]:
    """How many rows of each level a plan holds (for the command line and the overview)."""
    measures = select(Measure.id).where(Measure.plan_id == plan_id)
    statements = {
        "action_fields": select(func.count()).select_from(ActionField).where(ActionField.plan_id == plan_id),
        "guiding_goals": select(func.count()).select_from(GuidingGoal).where(GuidingGoal.plan_id == plan_id),
        "annual_goals": select(func.count()).select_from(AnnualGoal).where(AnnualGoal.plan_id == plan_id),
        "measures": select(func.count()).select_from(Measure).where(Measure.plan_id == plan_id),
        "status_reports": select(func.count()).select_from(StatusReport)
        .where(StatusReport.measure_id.in_(measures)),
        "indicators": select(func.count()).select_from(Indicator).where(Indicator.plan_id == plan_id),
        "meetings": select(func.count()).select_from(Meeting).join(Body).where(Body.plan_id == plan_id),
    }
    with engine.connect() as connection:
        return {name: int(connection.execute(stmt).scalar() or 0) for name, stmt in statements.items()}


def plan_start(engine: Engine, plan_id: int) -> dt.date | None:
    """The day the plan starts (rules.plan_start), from its annual goals, measures and reports."""
    with engine.connect() as connection:
        year = connection.scalar(select(func.min(AnnualGoal.year)).where(AnnualGoal.plan_id == plan_id))
        start = connection.scalar(select(func.min(Measure.start_date)).where(Measure.plan_id == plan_id))
        report = connection.scalar(select(func.min(StatusReport.report_date))
                                   .join(Measure, StatusReport.measure_id == Measure.id)
                                   .where(Measure.plan_id == plan_id))
    return start_of_plan(year, start, report)
