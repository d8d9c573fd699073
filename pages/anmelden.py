"""Anmelden: staff sign in with their local account or the district's identity provider."""

import streamlit as st

from ui.shell.sign_in import identity_provider_button, identity_provider_configured, local_sign_in_form
from ui.shell.texts import t
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

st.title(t("page.sign_in"))
st.write(t("sign_in.intro"))
identity_provider_button()
if identity_provider_configured():
    st.caption(t("sign_in.or_local"))
local_sign_in_form()
st.caption(t("sign_in.no_account"))
