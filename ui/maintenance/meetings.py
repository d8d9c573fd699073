"""Pflege tab Sitzungen: the Gremien and their meetings."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from models.commands import meetings as meeting_commands
from models.rules import NAME_MAX, SHORT_MAX
from ui.maintenance.common import Field, Page, date_words
from ui.maintenance.crud import Spec, section
from ui.shell.texts import t


BODIES = Spec(
    kind="body", prefix="mt_body", frame="bodies",
    fields=lambda page: [Field("name", "maintenance.field.name", max_chars=NAME_MAX),
                         Field("kind", "maintenance.field.body_kind", max_chars=SHORT_MAX,
                               help="maintenance.help.body_kind")],
    table=lambda page, rows: pd.DataFrame({t("maintenance.col.name"): rows["name"],
                                           t("maintenance.col.kind"): rows["kind"]}),
    label=lambda row: row.name, values=lambda row: {"name": row.name, "kind": row.kind},
    create=meeting_commands.create_body, update=meeting_commands.update_body, new_values=lambda page: {"name": "", "kind": "Fachbeirat"},
    retire=False,
)


def _meeting_label(row: Any) -> str:
    body = row.body if isinstance(row.body, str) else row.body.name
    return " · ".join(part for part in (date_words(row.meeting_date), body, row.title) if part)


def _meeting_fields(page: Page) -> list[Field]:
    bodies = {int(row.id): row.name for row in page.frames["bodies"].itertuples(index=False)}
    return [
        Field("body_id", "maintenance.field.body", "select", list(bodies), bodies.get),
        Field("meeting_date", "maintenance.field.meeting_date", "date"),
        Field("title", "maintenance.field.meeting_title", max_chars=NAME_MAX),
        Field("is_reporting_cutoff", "maintenance.field.cutoff", "check", help="maintenance.help.cutoff"),
    ]


MEETINGS = Spec(
    kind="meeting", prefix="mt_meet", frame="meetings", fields=_meeting_fields,
    table=lambda page, rows: pd.DataFrame({
        t("maintenance.col.date"): rows["meeting_date"].map(date_words), t("maintenance.col.body"): rows["body"],
        t("maintenance.col.meeting_title"): rows["title"],
        t("maintenance.col.cutoff"): [t("maintenance.yes") if flag else t("maintenance.no")
                                      for flag in rows["is_reporting_cutoff"]]}),
    label=_meeting_label,
    values=lambda row: {"body_id": int(row.body_id), "meeting_date": row.meeting_date, "title": row.title or "",
                        "is_reporting_cutoff": bool(row.is_reporting_cutoff)},
    create=meeting_commands.create_meeting, update=meeting_commands.update_meeting,
    new_values=lambda page: {"meeting_date": None, "title": "", "is_reporting_cutoff": True},
    retire=False, delete=meeting_commands.delete_meeting,
)


def meetings(page: Page) -> None:
    st.caption(t("maintenance.meeting.intro"))
    section(page, MEETINGS)
    st.divider()
    section(page, BODIES)
