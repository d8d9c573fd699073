"""The options of the measure filters (pages Maßnahmen and Export): which filters there are, their URL words
and the names shown. No widgets here: ui.reads.measures builds and caches them per plan state and language,
the widgets in ui.widgets.measure_filters show them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from models.rules import LIGHTS, MEASURE_STATUSES
from models.texts import light_words, text

# Status and traffic light in links: ASCII words, mapped to the domain's values.
STATUS_SLUGS = {
    "geplant": "geplant",
    "in-umsetzung": "in Umsetzung",
    "abgeschlossen": "abgeschlossen",
    "verzoegert": "verzögert",
    "gefaehrdet": "gefährdet",
    "ausgesetzt": "ausgesetzt",
}
LIGHT_SLUGS = {"gruen": "green", "gelb": "yellow", "rot": "red", "grau": "grey"}


def slug_of(value: str, slugs: Mapping[str, str]) -> str:
    """The URL word for a domain value (inverse of STATUS_SLUGS or LIGHT_SLUGS)."""
    return next(slug for slug, domain in slugs.items() if domain == value)


@dataclass(frozen=True)
class Choice:
    """One multi-select filter: its URL parameter, widget key, label and the known values."""

    param: str
    key: str
    label: str
    words: dict[str, Any]  # URL word -> value
    names: dict[Any, str]  # value -> what the user reads


def choices(frame: pd.DataFrame, tree: dict[str, pd.DataFrame], lang: str) -> tuple[Choice, ...]:
    """The filters and their options: every action field, guiding goal and year of the plan (also
    those without measures, so a link to one shows an explained empty list), the lead organisations.
    Built once per plan state and language (ui.reads.measures.measure_filter_choices), shared read-only."""
    label = lambda key: text(key, lang)  # noqa: E731
    fields, goals = tree["action_fields"], tree["guiding_goals"]
    years = sorted({int(year) for year in tree["annual_goals"]["year"].unique()}
                   | {int(year) for year in frame["year"].dropna().unique()})
    # only the two columns: dropping gaps over the whole frame cost more than the rest of the panel
    leads = frame[["lead_organisation_id", "lead_organisation"]].dropna(subset=["lead_organisation_id"])
    leads = leads.drop_duplicates("lead_organisation_id")
    leads = leads.sort_values("lead_organisation", key=lambda names: names.str.casefold())
    return (
        Choice("hf", "measures_hf", label("measures.filter.action_field"),
               {code: code for code in fields["action_field_code"]},
               dict(zip(fields["action_field_code"], fields["action_field"]))),
        Choice("lz", "measures_lz", label("measures.filter.guiding_goal"),
               {code: code for code in goals["guiding_goal_code"]},
               {code: f"{code} {title}" for code, title in zip(goals["guiding_goal_code"], goals["guiding_goal"])}),
        Choice("jahr", "measures_year", label("measures.filter.year"), {str(year): year for year in years},
               {year: str(year) for year in years}),
        Choice("status", "measures_status", label("measures.filter.status"),
               {slug_of(status, STATUS_SLUGS): status for status in MEASURE_STATUSES},
               {status: text(f"status.{status}", lang) for status in MEASURE_STATUSES}),
        Choice("ampel", "measures_light", label("measures.filter.light"),
               {slug_of(light, LIGHT_SLUGS): light for light in LIGHTS},
               {light: light_words(light, lang) for light in LIGHTS}),
        Choice("org", "measures_org", label("measures.filter.organisation"),
               {str(int(org)): int(org) for org in leads["lead_organisation_id"]},
               {int(org): name for org, name in zip(leads["lead_organisation_id"], leads["lead_organisation"])}),
    )
