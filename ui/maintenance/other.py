"""Pflege tabs Organisationen, Kennzahlen (with their values), Sitzungen (Gremien and meetings), Konten."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from models import maintenance as mt
from models.commands import TEXT_MAX
from models.formats import format_datetime, format_number
from models.rules import ROLES
from models.schema import INDICATOR_DIRECTIONS, INDICATOR_KINDS
from ui.maintenance.common import NO_CHOICE, Field, Page, date_words, german_number, pick, visible
from ui.maintenance.crud import Spec, section
from ui.maintenance.structure import code_title
from ui.shell.texts import t


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, (str, tuple, list)) and pd.isna(value))


def _or_none(value: Any) -> Any:
    return None if _missing(value) else value


def _organisation_choices(page: Page) -> tuple[list[int], dict[int, str]]:
    names = {int(row.id): row.name for row in visible(page.frames["organisations"]).itertuples(index=False)}
    return [NO_CHOICE, *names], names


# --- Organisationen ----------------------------------------------------------------------------------

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
        Field("name", "maintenance.field.name", max_chars=mt.NAME_MAX),
        Field("short_name", "maintenance.field.short_name", max_chars=mt.SHORT_MAX),
        Field("kind", "maintenance.field.organisation_kind", max_chars=mt.SHORT_MAX,
              help="maintenance.help.organisation_kind"),
    ],
    table=_organisation_table, label=lambda row: row.name,
    values=lambda row: {"name": row.name, "short_name": row.short_name or "", "kind": row.kind},
    create=mt.create_organisation, update=mt.update_organisation,
    new_values=lambda page: {"name": "", "short_name": "", "kind": "Sonstige"},
)


def organisations(page: Page) -> None:
    st.caption(t("maintenance.organisation.intro"))
    section(page, ORGANISATIONS)


# --- Kennzahlen ----------------------------------------------------------------------------------------

LEVEL_FRAMES = {"action_field": "action_fields", "guiding_goal": "guiding_goals", "annual_goal": "annual_goals",
                "measure": "measures"}


def _levels(page: Page) -> dict[Any, str]:
    levels: dict[Any, str] = {NO_CHOICE: t("maintenance.level.plan")}
    for kind, frame in LEVEL_FRAMES.items():
        for row in visible(page.frames[frame]).itertuples(index=False):
            levels[(kind, int(row.id))] = f"{t(f'maintenance.level.{kind}')}: {code_title(row)}"
    return levels


def _indicator_fields(page: Page) -> list[Field]:
    levels = _levels(page)
    return [
        Field("code", "maintenance.field.code", max_chars=mt.CODE_MAX, help="maintenance.help.code"),
        Field("title", "maintenance.field.title", max_chars=mt.TITLE_MAX),
        Field("description", "maintenance.field.description", "area", max_chars=TEXT_MAX),
        Field("level", "maintenance.field.level", "select", list(levels), levels.get),
        Field("unit", "maintenance.field.unit", max_chars=40),
        Field("direction", "maintenance.field.direction", "select", INDICATOR_DIRECTIONS,
              lambda value: t(f"maintenance.direction.{value}")),
        Field("kind", "maintenance.field.indicator_kind", "select", INDICATOR_KINDS,
              lambda value: t(f"maintenance.indicator_kind.{value}")),
        Field("counts_people", "maintenance.field.counts_people", "check", help="maintenance.help.counts_people"),
        Field("source", "maintenance.field.source", max_chars=mt.NAME_MAX),
        Field("baseline_date", "maintenance.field.baseline_date", "date"),
        Field("baseline_value", "maintenance.field.baseline_value", "number"),
        Field("target_date", "maintenance.field.target_date", "date"),
        Field("target_value", "maintenance.field.target_value", "number"),
    ]


def _indicator_values(row: Any) -> dict[str, Any]:
    level = next(((kind, int(getattr(row, f"{kind}_id"))) for kind in LEVEL_FRAMES
                  if not _missing(getattr(row, f"{kind}_id"))), NO_CHOICE)
    return {
        "code": row.code, "title": row.title, "description": row.description or "", "level": level,
        "unit": row.unit or "", "direction": row.direction, "kind": row.kind, "counts_people": bool(row.counts_people),
        "source": row.source or "", "baseline_date": _or_none(row.baseline_date),
        "baseline_value": german_number(row.baseline_value), "target_date": _or_none(row.target_date),
        "target_value": german_number(row.target_value),
    }


def _value_words(day: Any, value: Any) -> str:
    return "" if _missing(value) else f"{german_number(value)} ({date_words(day)})"


def _indicator_table(page: Page, rows: pd.DataFrame) -> pd.DataFrame:
    counts = page.frames["indicator_values"]["indicator_id"].value_counts()
    levels = _levels(page)
    return pd.DataFrame({
        t("maintenance.col.code"): rows["code"], t("maintenance.col.title"): rows["title"],
        t("maintenance.col.unit"): rows["unit"],
        t("maintenance.col.level"): [levels.get(_indicator_values(row)["level"], "")
                                     for row in rows.itertuples(index=False)],
        t("maintenance.col.baseline"): [_value_words(d, v)
                                        for d, v in zip(rows["baseline_date"], rows["baseline_value"])],
        t("maintenance.col.target"): [_value_words(d, v) for d, v in zip(rows["target_date"], rows["target_value"])],
        t("maintenance.col.values"): [format_number(counts.get(i, 0)) for i in rows["id"]],
    })


INDICATORS = Spec(
    kind="indicator", prefix="mt_ind", frame="indicators", fields=_indicator_fields, table=_indicator_table,
    label=code_title, values=_indicator_values, create=mt.create_indicator, update=mt.update_indicator,
    new_values=lambda page: {"code": "", "title": "", "description": "", "unit": "", "direction": "increase",
                             "kind": "result", "counts_people": False, "source": "", "baseline_date": None,
                             "baseline_value": "", "target_date": None, "target_value": ""},
    move=True,
)

VALUE_FIELDS = [
    Field("value_date", "maintenance.field.value_date", "date"),
    Field("value", "maintenance.field.value", "number"),
    Field("source", "maintenance.field.source", max_chars=mt.NAME_MAX),
    Field("note", "maintenance.field.note", "area", max_chars=TEXT_MAX),
]


def _value_spec(indicator_id: int) -> Spec:
    return Spec(
        kind="indicator_value", prefix="mt_iv", frame="values_of", fields=lambda page: VALUE_FIELDS,
        table=lambda page, rows: pd.DataFrame({
            t("maintenance.col.date"): rows["value_date"].map(date_words),
            t("maintenance.col.value"): rows["value"].map(german_number),
            t("maintenance.col.source"): rows["source"], t("maintenance.col.note"): rows["note"]}),
        label=lambda row: f"{date_words(row.value_date)} · {german_number(row.value)}",
        values=lambda row: {"value_date": row.value_date, "value": german_number(row.value), "source": row.source or "",
                            "note": row.note or ""},
        create=lambda session, actor, plan_id, **values: mt.add_indicator_value(session, actor, plan_id,
                                                                                indicator_id, **values),
        update=mt.update_indicator_value,
        new_values=lambda page: {"value_date": None, "value": "", "source": "", "note": ""},
        retire=False, delete=mt.delete_indicator_value,
    )


def indicators(page: Page) -> None:
    section(page, INDICATORS)
    st.divider()
    shown = visible(page.frames["indicators"])
    indicator_id = pick("maintenance.values.indicator", shown, code_title, "mt_iv_indicator")
    if indicator_id is None:
        return
    values = page.frames["indicator_values"]
    values = values[values["indicator_id"] == indicator_id]
    section(replace(page, frames={**page.frames, "values_of": values}), _value_spec(indicator_id))


# --- Sitzungen -------------------------------------------------------------------------------------------

BODIES = Spec(
    kind="body", prefix="mt_body", frame="bodies",
    fields=lambda page: [Field("name", "maintenance.field.name", max_chars=mt.NAME_MAX),
                         Field("kind", "maintenance.field.body_kind", max_chars=mt.SHORT_MAX,
                               help="maintenance.help.body_kind")],
    table=lambda page, rows: pd.DataFrame({t("maintenance.col.name"): rows["name"],
                                           t("maintenance.col.kind"): rows["kind"]}),
    label=lambda row: row.name, values=lambda row: {"name": row.name, "kind": row.kind},
    create=mt.create_body, update=mt.update_body, new_values=lambda page: {"name": "", "kind": "Fachbeirat"},
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
        Field("title", "maintenance.field.meeting_title", max_chars=mt.NAME_MAX),
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
    create=mt.create_meeting, update=mt.update_meeting,
    new_values=lambda page: {"meeting_date": None, "title": "", "is_reporting_cutoff": True},
    retire=False, delete=mt.delete_meeting,
)


def meetings(page: Page) -> None:
    st.caption(t("maintenance.meeting.intro"))
    section(page, MEETINGS)
    st.divider()
    section(page, BODIES)


# --- Konten ------------------------------------------------------------------------------------------------

def _role_field() -> Field:
    return Field("role", "maintenance.field.role", "select", ROLES, lambda role: t(f"maintenance.role.{role}"))


def _organisation_field(page: Page) -> Field:
    choices, names = _organisation_choices(page)
    return Field("organisation_id", "maintenance.field.organisation", "select", choices,
                 lambda key: names.get(key, t("maintenance.no_organisation")), help="maintenance.help.organisation")


def _account_fields(page: Page) -> list[Field]:
    return [
        Field("name", "maintenance.field.name", max_chars=mt.NAME_MAX),
        Field("email", "maintenance.field.email", max_chars=254),
        _role_field(), _organisation_field(page),
        Field("password", "maintenance.field.password", "password", max_chars=200, help="maintenance.help.password"),
    ]


def _user_fields(page: Page) -> list[Field]:
    return [Field("name", "maintenance.field.name", max_chars=mt.NAME_MAX), _role_field(), _organisation_field(page),
            Field("active", "maintenance.field.active", "check", help="maintenance.help.active")]


def _sign_in_words(local: bool, oidc: bool) -> str:
    ways = ((t("maintenance.sign_in.local"), local), (t("maintenance.sign_in.oidc"), oidc))
    return ", ".join(word for word, flag in ways if flag)


def _user_table(page: Page, rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        t("maintenance.col.name"): rows["name"], t("maintenance.col.email"): rows["email"],
        t("maintenance.col.role"): [t(f"maintenance.role.{role}") for role in rows["role"]],
        t("maintenance.col.organisation"): rows["organisation"].fillna(""),
        t("maintenance.col.active"): [t("maintenance.yes") if flag else t("maintenance.no") for flag in rows["active"]],
        t("maintenance.col.sign_in"): [_sign_in_words(local, oidc) for local, oidc in zip(rows["local"], rows["oidc"])],
        t("maintenance.col.last_login"): [format_datetime(_or_none(at)) for at in rows["last_login_at"]],
    })


ACCOUNTS = Spec(
    kind="user", prefix="mt_user", frame="users", fields=_account_fields, edit_fields=_user_fields,
    table=_user_table, label=lambda row: f"{row.name} · {row.email}",
    values=lambda row: {"name": row.name, "role": row.role, "active": bool(row.active),
                        "organisation_id": None if _missing(row.organisation_id) else int(row.organisation_id)},
    create=mt.create_account, update=mt.update_user,
    new_values=lambda page: {"name": "", "email": "", "role": "editor", "password": ""},
    retire=False,
)


def accounts(page: Page) -> None:
    st.caption(t("maintenance.user.intro"))
    section(page, ACCOUNTS)
