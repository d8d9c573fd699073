"""Pflege tab Konten: the accounts, their role, organisation and way of signing in."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from models.commands import accounts as account_commands
from models.formats import format_datetime
from models.rules import NAME_MAX, ROLES
from ui.maintenance.common import Field, Page
from ui.maintenance.crud import Spec, section
from ui.maintenance.organisations import organisation_choices
from ui.maintenance.values import missing, or_none
from ui.shell.texts import t


def _role_field() -> Field:
    return Field("role", "maintenance.field.role", "select", ROLES, lambda role: t(f"maintenance.role.{role}"))


def _organisation_field(page: Page) -> Field:
    choices, names = organisation_choices(page)
    return Field("organisation_id", "maintenance.field.organisation", "select", choices,
                 lambda key: names.get(key, t("maintenance.no_organisation")), help="maintenance.help.organisation")


def _account_fields(page: Page) -> list[Field]:
    return [
        Field("name", "maintenance.field.name", max_chars=NAME_MAX),
        Field("email", "maintenance.field.email", max_chars=254),
        _role_field(), _organisation_field(page),
        Field("password", "maintenance.field.password", "password", max_chars=200, help="maintenance.help.password"),
    ]


def _user_fields(page: Page) -> list[Field]:
    return [Field("name", "maintenance.field.name", max_chars=NAME_MAX), _role_field(), _organisation_field(page),
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
        t("maintenance.col.last_login"): [format_datetime(or_none(at)) for at in rows["last_login_at"]],
    })


ACCOUNTS = Spec(
    kind="user", prefix="mt_user", frame="users", fields=_account_fields, edit_fields=_user_fields,
    table=_user_table, label=lambda row: f"{row.name} · {row.email}",
    values=lambda row: {"name": row.name, "role": row.role, "active": bool(row.active),
                        "organisation_id": None if missing(row.organisation_id) else int(row.organisation_id)},
    create=account_commands.create_account, update=account_commands.update_user,
    new_values=lambda page: {"name": "", "email": "", "role": "editor", "password": ""},
    retire=False,
)


def accounts(page: Page) -> None:
    st.caption(t("maintenance.user.intro"))
    section(page, ACCOUNTS)
