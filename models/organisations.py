"""Organisations (Akteure) of a plan: who leads (Federführung) or partners in which measures.

Organisations are shared between plans; an organisation belongs to a plan's view when it leads
or partners in at least one of the plan's measures.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, String, literal_column, select, union_all

from models.queries import frame_of
from models.rules import LIGHTS
from models.schema import Measure, Organisation, measure_partner

LEAD, PARTNER = "lead", "partner"
ROLES = (LEAD, PARTNER)
COUNT_COLUMNS = [*ROLES, *LIGHTS]


def _roles(plan_id: int):
    """(measure_id, organisation_id, role) for every lead and partner of the plan's measures."""
    active = (Measure.plan_id == plan_id, Measure.retired.is_(False))
    leads = select(
        Measure.id.label("measure_id"),
        Measure.lead_organisation_id.label("organisation_id"),
        literal_column(f"'{LEAD}'", String).label("role"),
    ).where(*active, Measure.lead_organisation_id.is_not(None))
    partners = (
        select(
            measure_partner.c.measure_id,
            measure_partner.c.organisation_id,
            literal_column(f"'{PARTNER}'", String).label("role"),
        )
        .join(Measure, Measure.id == measure_partner.c.measure_id)
        .where(*active)
    )
    return union_all(leads, partners).subquery()


def involvement(engine: Engine, plan_id: int, organisation_id: int | None = None) -> pd.DataFrame:
    """One row per organisation and measure it is involved in (lead wins over partner)."""
    roles = _roles(plan_id)
    statement = (
        select(roles.c.measure_id, roles.c.organisation_id, roles.c.role, Organisation.name,
               Organisation.short_name, Organisation.kind)
        .join(Organisation, Organisation.id == roles.c.organisation_id)
        .order_by(Organisation.name, roles.c.measure_id)
    )
    if organisation_id is not None:
        statement = statement.where(roles.c.organisation_id == organisation_id)
    frame = frame_of(engine, statement)
    # "lead" sorts before "partner": an organisation named both ways on one measure counts as lead.
    return frame.sort_values(["organisation_id", "measure_id", "role"]).drop_duplicates(
        ["organisation_id", "measure_id"]
    )


def organisation_overview(engine: Engine, plan_id: int, states: pd.DataFrame) -> pd.DataFrame:
    """One row per organisation involved in the plan: measures it leads and partners in, and the
    traffic lights of all its measures (columns green, yellow, red, grey) as of the states' date.

    states: the plan's measure states (queries.measure_states) for the Stand.
    """
    roles = involvement(engine, plan_id).merge(states[["measure_id", "light"]], on="measure_id")
    columns = ["organisation_id", "name", "short_name", "kind", "measures", *COUNT_COLUMNS]
    if roles.empty:
        return pd.DataFrame(columns=columns)
    counts = (
        pd.get_dummies(roles[["role", "light"]], prefix="", prefix_sep="")
        .groupby(roles["organisation_id"])
        .sum()
        .reindex(columns=COUNT_COLUMNS, fill_value=0)
        .astype(int)
    )
    names = roles.drop_duplicates("organisation_id").set_index("organisation_id")[["name", "short_name", "kind"]]
    overview = names.join(counts).reset_index()
    overview["measures"] = overview[LEAD] + overview[PARTNER]
    return overview.sort_values([LEAD, PARTNER, "name"], ascending=[False, False, True])[columns].reset_index(
        drop=True
    )


def measures_of_organisation(
    engine: Engine, plan_id: int, organisation_id: int, states: pd.DataFrame
) -> pd.DataFrame:
    """The measures an organisation leads or partners in, with their state as of the states' date,
    in the plan's order (year, action field, goal, position)."""
    roles = involvement(engine, plan_id, organisation_id)[["measure_id", "role"]]
    columns = ["measure_id", "code", "title", "role", "status", "progress", "light", "reason", "reason_en", "due_date"]
    return states.merge(roles, on="measure_id")[columns].reset_index(drop=True)
