"""Mein Konto: who is signed in, with which role, and signing out."""

import streamlit as st

from ui.auth import current_actor, sign_out
from ui.components import plain
from ui.texts import t

actor = current_actor()
st.title(t("page.account"))
st.markdown(t("account.signed_in_as", name=plain(actor.name), role=t(f"role.{actor.role}")))
st.caption(t(f"role.{actor.role}.explained"))
if st.button(t("account.sign_out"), icon=":material/logout:"):
    sign_out()
    st.rerun()
