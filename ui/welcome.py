"""The start page while the database holds no plan yet (a district that starts with its own plan): visitors
learn that nothing is published and where staff sign in; an admin reads how a plan gets in (the import as a
new plan, or the example data); editors and viewers that the plan follows."""

from __future__ import annotations

import streamlit as st

from ui.shell.auth import ANONYMOUS, role
from ui.shell.navigation import PAGES
from ui.shell.texts import t

_BY_PATH = {spec.url_path: spec for spec in PAGES}


def welcome_page() -> None:
    st.title(t("app.title"))
    who = role()
    if who == ANONYMOUS:
        st.info(t("welcome.public"), icon=":material/info:")
        st.write(t("welcome.staff"))
        _link("anmelden")
        return
    st.info(t("welcome.no_plan"), icon=":material/info:")
    if who != "admin":
        st.write(t("welcome.wait"))
        _link("konto")
        return
    st.write(t("welcome.admin.how"))
    with st.container(border=True):
        st.subheader(t("welcome.admin.import.title"), anchor=False)
        st.write(t("welcome.admin.import"))
        _link("import", t("welcome.admin.import.link"))
    with st.container(border=True):
        st.subheader(t("welcome.admin.example.title"), anchor=False)
        st.markdown(t("welcome.admin.example"))
    st.caption(t("welcome.admin.accounts"))


def _link(url_path: str, label: str | None = None) -> None:
    spec = _BY_PATH[url_path]
    st.page_link(spec.path, label=label or t(spec.title_key), icon=spec.icon)
