"""Barrierefreiheit: the accessibility statement and the form to report a barrier, for everyone; the
administration also sees the reported barriers and answers them."""

import streamlit as st

from ui.accessibility import barrier_form, barrier_inbox, show_statement
from ui.shell.auth import current_actor
from ui.shell.context import current
from ui.shell.navigation import leave_folder_mode
from ui.shell.texts import t

leave_folder_mode()

url = current().url
st.title(t("page.accessibility"))
show_statement()
barrier_form(url)
actor = current_actor()
if actor is not None and actor.role == "admin":
    barrier_inbox(url)
