"""Pflege tab Organisationen; organisation_choices also offers them to the tab Konten."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from models.commands import organisations as organisation_commands
from models.formats import format_number
from models.rules import NAME_MAX, SHORT_MAX
from ui.maintenance.common import NO_CHOICE, Field, Page, visible
from ui.maintenance.crud import Spec, section
from ui.shell.texts import t


def organisation_choices(page: Page) -> tuple[list[int], dict[int, str]]:
    names = {int(row.id): row.name for row in visible(page.frames["organisations"]).itertuples(index=False)}
    return [NO_CHOICE, *names], names


def _organisation_table(page: Page, rows: pd.DataFrame) -> pd.DataFrame:
    led = visible(page.frames["measures"])["lead_organisation_id"].value_counts()
    return pd.DataFrame({
        t("maintenance.col.name"): rows["name"], t("maintenance.col.short_name"): rows["short_name"],
        t("maintenance.col.kind"): rows["kind"],
        t("maintenance.col.leads"): [format_number(led.get(org_id, 0)) for org_id in rows["id"]],
    })


ORGANISATIONS = Spec(
    kind="organisation", prefix="mt_org", frame="organisations",
    fields=lambda page: [
        Field("name", "maintenance.field.name", max_chars=NAME_MAX),
        Field("short_name", "maintenance.field.short_name", max_chars=SHORT_MAX),
        Field("kind", "maintenance.field.organisation_kind", max_chars=SHORT_MAX,
              help="maintenance.help.organisation_kind"),
        Field("contact_email", "maintenance.field.contact_email", max_chars=254,
              help="maintenance.help.contact_email"),
    ],
    table=_organisation_table, label=lambda row: row.name,
    values=lambda row: {"name": row.name, "short_name": _text(row.short_name), "kind": row.kind,
                        "contact_email": _text(row.contact_email)},
    create=organisation_commands.create_organisation, update=organisation_commands.update_organisation,
    new_values=lambda page: {"name": "", "short_name": "", "kind": "Sonstige", "contact_email": ""},
)


def _text(value: object) -> str:
    """A cell of the organisations' table as field text: an empty cell is None, or NaN once another row has a
    value in that column (NaN is true, so `value or ""` let it through to the text field)."""
    return "" if value is None or pd.isna(value) else str(value)


def organisations(page: Page) -> None:
    st.caption(t("maintenance.organisation.intro"))
    section(page, ORGANISATIONS)



