"""Pflege tab Konten: the accounts, their role, organisation and way of signing in."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import datetime as dt

from models.commands import accounts as account_commands
from models.commands.passwords import issue_password_link
from models.formats import format_datetime
from models.password_tokens import link_url
from models.rules import NAME_MAX, ROLES
from ui.maintenance.common import Field, Page
from ui.maintenance.crud import Spec, section
from ui.maintenance.organisations import organisation_choices
from ui.maintenance.values import missing, or_none
from ui.shell import write
from ui.shell.passwords import link_lifetimes_here, public_base_url
from ui.shell.texts import t
from ui.views.markdown import plain


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
    password_links(page)


_LINK_FLASH = "mt_user_link_flash"
_LINK_SHOWN = "mt_user_link_shown"


def password_links(page: Page) -> None:
    """An admin issues a one-time set-password link for an account (instead of typing its password); the link
    is shown once, to copy, and a newer one replaces it."""
    lifetimes = link_lifetimes_here()
    hours = int(lifetimes.set.total_seconds() // 3600)
    st.subheader(t("maintenance.link.title"))
    st.caption(t("maintenance.link.intro", hours=hours))
    write.show_flash(_LINK_FLASH)
    shown = st.session_state.pop(_LINK_SHOWN, None)
    if shown:
        st.markdown(t("maintenance.link.copy", email=plain(shown[0]), until=plain(shown[1])))
        st.code(shown[2], language=None, wrap_lines=True)
    users = page.frames["users"]
    active = users[users["active"].astype(bool)]
    if active.empty:
        st.caption(t("maintenance.link.none"))
        return
    labels = {int(row.id): f"{row.name} · {row.email}" for row in active.itertuples()}
    emails = {int(row.id): row.email for row in active.itertuples()}
    with st.form("mt_user_link", enter_to_submit=False):
        chosen = st.selectbox(t("maintenance.link.account"), list(labels), format_func=labels.get,
                              key="mt_user_link_account")
        submitted = st.form_submit_button(t("maintenance.link.submit"), icon=":material/link:")
    if submitted:
        base = public_base_url()
        until = format_datetime(dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) + lifetimes.set)

        def keep(token: str) -> None:
            st.session_state[_LINK_SHOWN] = (emails[chosen], until, link_url(base, token))

        write.run(page.context.url, lambda session: issue_password_link(session, page.actor, chosen, lifetimes),
                  flash_key=_LINK_FLASH, success=t("maintenance.link.done", email=emails[chosen]), on_success=keep)
