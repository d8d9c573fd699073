"""Mein Konto: who is signed in, how, with which role and organisation, and signing out."""

import streamlit as st

from ui.shell.auth import current_actor, sign_out, signed_in_through_identity_provider
from ui.reporting_round import reminder_choice
from ui.shell.passwords import change_password_form
from ui.widgets.components import plain
from ui.shell.context import current
from ui.shell.sign_in import organisation_name
from ui.shell.texts import t
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

actor = current_actor()
st.title(t("page.account"))
st.markdown(t("account.signed_in_as", name=plain(actor.name), role=t(f"role.{actor.role}")))
st.caption(t(f"role.{actor.role}.explained"))
organisation = organisation_name(actor)
if organisation:
    st.markdown(t("account.organisation", name=plain(organisation)))
elif actor.role == "editor":
    st.warning(t("account.no_organisation"), icon=":material/info:")
through_identity_provider = signed_in_through_identity_provider()
st.caption(t("account.via_oidc" if through_identity_provider else "account.via_local"))
# A callback, not `if st.button(...): st.rerun()`: a rerun right after st.logout() drops its redirect,
# and the identity cookie would survive (signed in again on the next visit).
st.button(t("account.sign_out"), icon=":material/logout:", on_click=sign_out, args=(current().url,))

reminder_choice(current().url, actor)
change_password_form(actor, through_identity_provider)
