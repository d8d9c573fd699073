"""Reads of the page Kennzahlen: the indicators on the Stand, their filters, values, table and charts.

`threshold` is the smallest count of people shown (smaller counts are hidden in the public view).
"""

from __future__ import annotations

import pandas as pd

from models import indicators as indicator_queries
from ui.charts.figures import shared_figure
from ui.charts.indicators import indicator_figure
from ui.reads.db import engine_for
from ui.reads.key import PlanKey
from ui.reads.memo import shared
from ui.views.indicators import overview_table


@shared(64)  # shared read-only: read every run
def indicator_summary(key: PlanKey,
                      threshold: int = indicator_queries.DEFAULT_CONFIDENTIALITY_THRESHOLD) -> pd.DataFrame:
    return indicator_queries.indicator_summary(engine_for(key.url), key.plan_id, key.as_of, threshold)


@shared(64)
def indicator_choices(key: PlanKey, threshold: int) -> tuple[dict, dict]:
    """The Kennzahlen filters' options: action field code -> name (in plan order), indicator code ->
    'code · title'."""
    summary = indicator_summary(key, threshold)
    fields = summary.dropna(subset=["field_code"]).drop_duplicates("field_code").sort_values("field_position")
    return (dict(zip(fields["field_code"], fields["field"])),
            {code: f"{code} · {title}" for code, title in zip(summary["code"], summary["title"])})


@shared(256)
def indicator_sections(key: PlanKey, threshold: int, field: str, kind: str,
                       kinds: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(kind, codes) of the indicators passing the filters ("" = all), per kind in the order of kinds,
    kinds without indicators left out."""
    summary = indicator_summary(key, threshold)
    chosen = summary[(summary["field_code"].eq(field).fillna(False) | (field == ""))
                     & (summary["kind"].eq(kind) | (kind == ""))]
    sections = ((section, tuple(chosen.loc[chosen["kind"] == section, "code"])) for section in kinds)
    return tuple((section, codes) for section, codes in sections if codes)


@shared(512)
def indicator_row(key: PlanKey, threshold: int, code: str) -> pd.Series:
    summary = indicator_summary(key, threshold)
    return summary[summary["code"] == code].iloc[0]


@shared(512)
def indicator_own_values(key: PlanKey, threshold: int, indicator_id: int, counts_people: bool) -> pd.DataFrame:
    """One indicator's values up to the Stand, with small counts of people marked hidden."""
    values = indicator_values(key)
    return indicator_queries.with_confidentiality(values[values["indicator_id"] == indicator_id], counts_people,
                                                  threshold)


@shared(64)  # shared read-only: read every run
def indicator_values(key: PlanKey) -> pd.DataFrame:
    return indicator_queries.indicator_values(engine_for(key.url), key.plan_id, key.as_of)


@shared(64)  # shared read-only: read every run
def indicator_overview(key: PlanKey, threshold: int, codes: tuple[str, ...]) -> pd.DataFrame:
    """The Kennzahlen overview table (words per row) of these indicators, in their order."""
    summary = indicator_summary(key, threshold).set_index("code", drop=False)
    return overview_table(summary.loc[list(codes)], key.lang, threshold)


@shared(512)
def indicator_chart(key: PlanKey, threshold: int, code: str):
    """One indicator's chart, built once per key (plotly's validation of large figures dominated the
    run) and shared read-only by every session."""
    indicator = indicator_row(key, threshold, code)
    values = indicator_own_values(key, threshold, int(indicator["indicator_id"]), bool(indicator["counts_people"]))
    return shared_figure(indicator_figure(indicator, values, key.lang))
