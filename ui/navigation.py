"""Which pages each role sees. The navigation shows a role only its pages; the write commands in
models/ check the role again, so hiding a page is a convenience, not the protection."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ui.auth import ANONYMOUS
from ui.texts import language, t

VIEWERS = (ANONYMOUS, "viewer", "editor", "admin")
SIGNED_IN = ("viewer", "editor", "admin")


@dataclass(frozen=True)
class PageSpec:
    path: str
    title_key: str
    icon: str
    url_path: str
    section_key: str
    roles: tuple[str, ...]


PAGES = (
    PageSpec("app_pages/overview.py", "page.overview", ":material/dashboard:", "uebersicht",
             "app.section.view", VIEWERS),
    PageSpec("app_pages/goals.py", "page.goals", ":material/flag:", "leitziele", "app.section.view", VIEWERS),
    PageSpec("app_pages/annual_goals.py", "page.annual_goals", ":material/event:", "jahresziele",
             "app.section.view", VIEWERS),
    PageSpec("app_pages/measures.py", "page.measures", ":material/checklist:", "massnahmen",
             "app.section.view", VIEWERS),
    PageSpec("app_pages/indicators.py", "page.indicators", ":material/monitoring:", "kennzahlen",
             "app.section.view", VIEWERS),
    PageSpec("app_pages/organisations.py", "page.organisations", ":material/groups:", "akteure",
             "app.section.view", VIEWERS),
    PageSpec("app_pages/export.py", "page.export", ":material/download:", "export", "app.section.view", VIEWERS),
    PageSpec("app_pages/presentation.py", "page.presentation", ":material/slideshow:", "praesentation",
             "app.section.view", VIEWERS),
    PageSpec("app_pages/reports.py", "page.reports", ":material/description:", "berichte", "app.section.view", VIEWERS),
    PageSpec("app_pages/report.py", "page.report", ":material/edit_note:", "sachstand-melden", "app.section.report",
             ("editor", "admin")),
    PageSpec("app_pages/reporting_round.py", "page.reporting_round", ":material/forward_to_inbox:", "berichtsrunde",
             "app.section.report", ("admin",)),
    PageSpec("app_pages/maintenance.py", "page.maintenance", ":material/build:", "pflege",
             "app.section.admin", ("admin",)),
    PageSpec("app_pages/release.py", "page.release", ":material/task_alt:", "freigabe",
             "app.section.admin", ("admin",)),
    PageSpec("app_pages/audit_log.py", "page.audit_log", ":material/history:", "aenderungsprotokoll",
             "app.section.admin", ("admin",)),
    PageSpec("app_pages/settings.py", "page.settings", ":material/settings:", "einstellungen", "app.section.admin",
             ("admin",)),
    PageSpec("app_pages/import_page.py", "page.import", ":material/upload_file:", "import",
             "app.section.admin", ("admin",)),
    PageSpec("app_pages/sign_in.py", "page.sign_in", ":material/login:", "anmelden",
             "app.section.account", (ANONYMOUS,)),
    PageSpec("app_pages/account.py", "page.account", ":material/account_circle:", "konto", "app.section.account",
             SIGNED_IN),
)


def visible_pages(role: str, public_view: bool) -> list[PageSpec]:
    """The pages a role may open; anonymous visitors see the plan only when the public view is on."""
    pages = [page for page in PAGES if role in page.roles]
    if role == ANONYMOUS and not public_view:
        pages = [page for page in pages if page.section_key == "app.section.account"]
    return pages


_PAGES_KEY = "_navigation_pages"
DEFAULT_SUFFIX = "-start"  # the default page's internal path (never shown: it is served at "/")


def build(role: str, public_view: bool):
    """st.navigation over the role's pages, grouped in sections (top navigation).

    The st.Page objects are kept in the session: building one resolves its file on disk, which cost
    more than the rest of an empty run. They are not shared between sessions, because st.navigation
    and Page.run() mark them per run."""
    key = (role, public_view, language())
    kept = st.session_state.get(_PAGES_KEY)
    if kept is None or kept[0] != key:
        sections: dict[str, list] = {}
        specs = visible_pages(role, public_view)
        for index, spec in enumerate(specs):
            # The default page is served at "/"; its own path (/uebersicht) is a hidden alias of it, so
            # a typed or bookmarked link to it opens the page instead of "Page not found".
            sections.setdefault(t(spec.section_key), []).append(
                st.Page(spec.path, title=t(spec.title_key), icon=spec.icon,
                        url_path=f"{spec.url_path}{DEFAULT_SUFFIX}" if index == 0 else spec.url_path,
                        default=index == 0)
            )
        sections[t(specs[0].section_key)].append(
            st.Page(specs[0].path, title=t(specs[0].title_key), icon=specs[0].icon, url_path=specs[0].url_path,
                    visibility="hidden"))
        kept = st.session_state[_PAGES_KEY] = (key, sections)
    return st.navigation(kept[1], position="top")
