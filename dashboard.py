"""Masterplan-Cockpit: entry point. Page config, database, plan selector and navigation."""

import streamlit as st

from ui.shell import run_gate, tcp_nodelay, url_bind
from ui.shell.auth import check_sign_in, role, show_notice
from ui.shell.chrome import german_chrome
from ui.shell.failsafe import german_errors
from ui.shell.navigation import build, leave_folder_mode
from ui.shell.context import open_database, select_as_of, select_language, select_plan
from ui.shell.texts import pin_language, t

tcp_nodelay.enable()
leave_folder_mode()
st.set_page_config(page_title=t("app.title"), page_icon=":material/flag:", layout="wide")
german_chrome()

with run_gate.admitted(), german_errors():
    select_language()
    try:
        url = open_database()
        check_sign_in(url)
        context = select_as_of(select_plan(url))
        navigation = build(role(), context.public_view)
        hints = st.container()
        show_notice()
        try:
            navigation.run()
        finally:
            url_bind.show_hints(hints)
    finally:
        pin_language(None)
