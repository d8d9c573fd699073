"""Masterplan-Cockpit: entry point. Page config, database, plan selector and navigation."""

import streamlit as st

from ui import url_bind
from ui.context import open_database, select_as_of, select_plan
from ui.texts import t

st.set_page_config(page_title=t("app.title"), page_icon=":material/flag:", layout="wide")

url = open_database()
select_as_of(select_plan(url))

navigation = st.navigation(
    {
        t("app.section.view"): [
            st.Page("pages/overview.py", title=t("page.overview"), icon=":material/dashboard:",
                    url_path="uebersicht", default=True),
        ],
    },
    position="top",
)
url_bind.show_hints()
navigation.run()
