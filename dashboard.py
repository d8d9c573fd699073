"""Masterplan-Cockpit: entry point. Page config, database, plan selector and navigation."""

import streamlit as st

from ui import url_bind
from ui.context import open_database, select_as_of, select_language, select_plan
from ui.texts import t

st.set_page_config(page_title=t("app.title"), page_icon=":material/flag:", layout="wide")

select_language()
url = open_database()
select_as_of(select_plan(url))

PAGES = [
    ("pages/overview.py", "page.overview", ":material/dashboard:", "uebersicht"),
    ("pages/goals.py", "page.goals", ":material/flag:", "leitziele"),
    ("pages/annual_goals.py", "page.annual_goals", ":material/event:", "jahresziele"),
    ("pages/measures.py", "page.measures", ":material/checklist:", "massnahmen"),
    ("pages/indicators.py", "page.indicators", ":material/monitoring:", "kennzahlen"),
    ("pages/organisations.py", "page.organisations", ":material/groups:", "akteure"),
]
navigation = st.navigation(
    {
        t("app.section.view"): [
            st.Page(path, title=t(title), icon=icon, url_path=url_path, default=index == 0)
            for index, (path, title, icon, url_path) in enumerate(PAGES)
        ],
    },
    position="top",
)
hints = st.container()
try:
    navigation.run()
finally:
    url_bind.show_hints(hints)
