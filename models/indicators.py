"""Indicators (Kennzahlen): values against baseline and target, the trend, confidentiality."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import aliased

from models.formats import format_date, format_number
from models.queries import frame_of
from models.rules import is_indicator_off_course
from models.schema import ActionField, AnnualGoal, GuidingGoal, Indicator, IndicatorValue, Measure
from models.texts import text

DEFAULT_CONFIDENTIALITY_THRESHOLD = 5


@dataclass(frozen=True)
class Trend:
    """A straight line through the values, projected to the target date."""

    projected: float | None
    target_value: float | None
    target_date: dt.date | None
    on_pace: bool | None
    reached: bool = False

    def sentence(self, unit: str = "", lang: str = "de") -> str:
        if self.target_value is None or self.target_date is None:
            return text("trend.no_target", lang)
        target = _with_unit(format_number(self.target_value, _decimals(self.target_value)), unit)
        if self.reached:
            return text("trend.reached", lang, target=target)
        if self.projected is None:
            return text("trend.too_few", lang)
        params = dict(
            target=target,
            date=format_date(self.target_date),
            projected=_with_unit(format_number(self.projected, _decimals(self.target_value)), unit),
        )
        return text("trend.on_pace" if self.on_pace else "trend.off_pace", lang, **params)


def _decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1


def _with_unit(number: str, unit: str) -> str:
    return f"{number}\u00a0{unit}" if unit else number


def _has_reached(latest: float, target: float, direction: str) -> bool:
    return latest >= target if direction == "increase" else latest <= target


def project_trend(
    points: Sequence[tuple[dt.date, float]],
    target_date: dt.date | None,
    target_value: float | None,
    direction: str = "increase",
) -> Trend:
    """Least-squares line through the dated values (baseline included by the caller), evaluated at
    the target date. Fewer than two distinct dates give no projection."""
    ordered = sorted(points)
    if target_date is None or target_value is None:
        return Trend(None, target_value, target_date, None)
    if ordered and _has_reached(ordered[-1][1], target_value, direction):
        return Trend(ordered[-1][1], target_value, target_date, True, reached=True)
    if len({day for day, _ in ordered}) < 2:
        return Trend(None, target_value, target_date, None)
    origin = ordered[0][0]
    xs = [(day - origin).days for day, _ in ordered]
    ys = [value for _, value in ordered]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sum((x - mean_x) ** 2 for x in xs)
    projected = mean_y + slope * ((target_date - origin).days - mean_x)
    return Trend(projected, target_value, target_date, _has_reached(projected, target_value, direction))


def hide_small_counts(values: pd.Series, threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> pd.Series:
    """Statistical confidentiality: counts of people below the threshold become missing (shown as
    '< 5'), so that no small group can be recognised in a public view. Zero stays visible."""
    return values.where((values >= threshold) | (values == 0))


def indicators(engine: Engine, plan_id: int) -> pd.DataFrame:
    """Every indicator of a plan with the title of the level it belongs to."""
    statement = (
        select(
            Indicator.id.label("indicator_id"), Indicator.code, Indicator.title, Indicator.description,
            Indicator.unit, Indicator.direction, Indicator.kind, Indicator.counts_people, Indicator.source,
            Indicator.baseline_date, Indicator.baseline_value, Indicator.target_date, Indicator.target_value,
            Indicator.action_field_id, Indicator.guiding_goal_id, Indicator.annual_goal_id, Indicator.measure_id,
            ActionField.title.label("action_field"), GuidingGoal.title.label("guiding_goal"),
            AnnualGoal.title.label("annual_goal"), Measure.title.label("measure"),
        )
        .outerjoin(ActionField, ActionField.id == Indicator.action_field_id)
        .outerjoin(GuidingGoal, GuidingGoal.id == Indicator.guiding_goal_id)
        .outerjoin(AnnualGoal, AnnualGoal.id == Indicator.annual_goal_id)
        .outerjoin(Measure, Measure.id == Indicator.measure_id)
        .where(Indicator.plan_id == plan_id, Indicator.retired.is_(False))
        .order_by(Indicator.position, Indicator.id)
    )
    return frame_of(engine, statement)


def indicator_values(engine: Engine, plan_id: int, as_of: dt.date) -> pd.DataFrame:
    """All values of the plan's indicators dated on or before as_of, oldest first."""
    statement = (
        select(IndicatorValue.indicator_id, IndicatorValue.value_date, IndicatorValue.value,
               IndicatorValue.source, IndicatorValue.note)
        .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
        .where(Indicator.plan_id == plan_id, IndicatorValue.value_date <= as_of)
        .order_by(IndicatorValue.indicator_id, IndicatorValue.value_date)
    )
    return frame_of(engine, statement)


def trend_of(indicator: pd.Series, values: pd.DataFrame) -> Trend:
    """The trend of one indicator row (from `indicators`) over its values (from `indicator_values`)."""
    points = list(zip(values["value_date"], values["value"].astype(float)))
    if pd.notna(indicator["baseline_value"]) and indicator["baseline_date"] is not None:
        points.append((indicator["baseline_date"], float(indicator["baseline_value"])))
    target_value = None if pd.isna(indicator["target_value"]) else float(indicator["target_value"])
    return project_trend(points, indicator["target_date"], target_value, indicator["direction"])


# --- the page Kennzahlen: where an indicator belongs, its latest value and verdict as of a Stand ---

VERDICTS = ("reached", "on_track", "off_track", "too_few", "no_target")
LEVELS = ("measure", "annual_goal", "guiding_goal", "action_field")


def indicator_fields(engine: Engine, plan_id: int) -> pd.DataFrame:
    """The action field (Handlungsfeld) every indicator belongs to, through whichever level it
    measures (field_id etc. are missing for indicators of the whole plan)."""
    goal, annual, annual_goal = aliased(GuidingGoal), aliased(AnnualGoal), aliased(GuidingGoal)
    measure, measure_annual, measure_goal = aliased(Measure), aliased(AnnualGoal), aliased(GuidingGoal)
    field_id = func.coalesce(
        Indicator.action_field_id, goal.action_field_id, annual_goal.action_field_id, measure_goal.action_field_id
    )
    resolved = (
        select(Indicator.id.label("indicator_id"), field_id.label("field_id"))
        .outerjoin(goal, goal.id == Indicator.guiding_goal_id)
        .outerjoin(annual, annual.id == Indicator.annual_goal_id)
        .outerjoin(annual_goal, annual_goal.id == annual.guiding_goal_id)
        .outerjoin(measure, measure.id == Indicator.measure_id)
        .outerjoin(measure_annual, measure_annual.id == measure.annual_goal_id)
        .outerjoin(measure_goal, measure_goal.id == measure_annual.guiding_goal_id)
        .where(Indicator.plan_id == plan_id)
        .subquery()
    )
    statement = select(
        resolved.c.indicator_id, resolved.c.field_id, ActionField.code.label("field_code"),
        ActionField.title.label("field"), ActionField.position.label("field_position"),
    ).outerjoin(ActionField, ActionField.id == resolved.c.field_id)
    return frame_of(engine, statement)


def is_hidden(value: float | None, counts_people: bool, threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> bool:
    """Whether one value must not be shown publicly (see hide_small_counts)."""
    if not counts_people or value is None or pd.isna(value):
        return False
    return bool(hide_small_counts(pd.Series([float(value)]), threshold).isna().iloc[0])


def with_confidentiality(values: pd.DataFrame, counts_people: bool,
                         threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> pd.DataFrame:
    """The values with a column hidden: True where a count of people is below the threshold."""
    hidden = hide_small_counts(values["value"].astype(float), threshold).isna() if counts_people else False
    return values.assign(hidden=hidden)


def verdict_of(trend: Trend) -> str:
    """reached, on_track, off_track, too_few (no projection) or no_target."""
    if trend.target_value is None or trend.target_date is None:
        return "no_target"
    if trend.reached:
        return "reached"
    if trend.projected is None:
        return "too_few"
    return "on_track" if trend.on_pace else "off_track"


def _level(row: pd.Series) -> tuple[str, str | None]:
    for level in LEVELS:
        if pd.notna(row[f"{level}_id"]):
            return level, row[level]
    return "plan", None


def indicator_summary(engine: Engine, plan_id: int, as_of: dt.date,
                      threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> pd.DataFrame:
    """Every indicator of a plan as of a date: where it belongs (level, level_title, field_*), its
    latest value on or before the date (latest_value/_date/_source, latest_hidden for small counts
    of people), baseline_hidden, the trend (a Trend) and its verdict (see VERDICTS)."""
    table = indicators(engine, plan_id).merge(indicator_fields(engine, plan_id), on="indicator_id", how="left")
    return summarise(table, indicator_values(engine, plan_id, as_of), threshold)


def summarise(table: pd.DataFrame, values: pd.DataFrame,
              threshold: int = DEFAULT_CONFIDENTIALITY_THRESHOLD) -> pd.DataFrame:
    """The pure part of indicator_summary: indicators (rows of `indicators`) and their values."""
    groups = {key: group for key, group in values.groupby("indicator_id")}
    no_values = values.iloc[0:0]
    rows = []
    for _, indicator in table.iterrows():
        own = groups.get(indicator["indicator_id"], no_values)
        latest = own.iloc[-1] if len(own) else None
        trend = trend_of(indicator, own)
        level, level_title = _level(indicator)
        latest_value = None if latest is None else float(latest["value"])
        rows.append(dict(
            level=level,
            level_title=level_title,
            latest_value=latest_value,
            latest_date=None if latest is None else latest["value_date"],
            latest_source=(latest["source"] or indicator["source"]) if latest is not None else indicator["source"],
            latest_hidden=is_hidden(latest_value, indicator["counts_people"], threshold),
            baseline_hidden=is_hidden(indicator["baseline_value"], indicator["counts_people"], threshold),
            values_count=len(own),
            trend=trend,
            verdict=verdict_of(trend),
        ))
    extra = pd.DataFrame(rows, index=table.index, columns=[
        "level", "level_title", "latest_value", "latest_date", "latest_source", "latest_hidden",
        "baseline_hidden", "values_count", "trend", "verdict",
    ])
    return pd.concat([table, extra], axis=1)


def off_course(summary: pd.DataFrame) -> pd.DataFrame:
    """The indicators of an indicator_summary that are off course (rules.is_indicator_off_course), in plan
    order with a fresh index."""
    mask = [is_indicator_off_course(kind, direction, target, latest, trend.projected)
            for kind, direction, target, latest, trend in zip(summary["kind"], summary["direction"],
                                                               summary["target_value"], summary["latest_value"],
                                                               summary["trend"])]
    return summary[pd.Series(mask, index=summary.index, dtype=bool)].reset_index(drop=True)
