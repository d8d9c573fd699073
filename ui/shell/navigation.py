"""Which pages each role sees. The navigation shows a role only its pages; the write commands in
models/ check the role again, so hiding a page is a convenience, not the protection."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
from streamlit.util import calc_hash

from ui.shell.auth import ANONYMOUS, current_actor
from ui.shell.texts import language, t

PAGES_FOLDER = "pages"
VIEWERS = (ANONYMOUS, "viewer", "editor", "admin")
SIGNED_IN = ("viewer", "editor", "admin")


@dataclass(frozen=True)
class PageSpec:
    title_key: str
    icon: str
    url_path: str
    section_key: str
    roles: tuple[str, ...]
    # Reached by a link only (not listed in the navigation).
    hidden: bool = False
    # Listed only while the plan's public view is on (for every role): what the plan publishes.
    public_only: bool = False
    # Works while the database holds no plan yet (PlanContext.has_plan false); the others are not offered then.
    without_plan: bool = False
    # Offered only while the database holds no plan: the start page that says what to do.
    only_without_plan: bool = False

    @property
    def path(self) -> str:
        """The screen's file, named after its address: Streamlit's folder mode finds it (see leave_folder_mode)."""
        return f"{PAGES_FOLDER}/{self.url_path}.py"


# The project lead's start page: first for editors, and for admins who report for an organisation (MY_MEASURES).
MY_MEASURES = "meine-massnahmen"

# The start page while the database holds no plan (ui.welcome).
WELCOME = "willkommen"

PAGES = (
    PageSpec("page.welcome", ":material/home:", WELCOME, "app.section.view", VIEWERS,
             without_plan=True, only_without_plan=True),
    PageSpec("page.my_measures", ":material/assignment_turned_in:", MY_MEASURES, "app.section.report",
             ("editor", "admin")),
    PageSpec("page.overview", ":material/dashboard:", "uebersicht",
             "app.section.view", VIEWERS),
    PageSpec("page.goals", ":material/flag:", "leitziele", "app.section.view", VIEWERS),
    PageSpec("page.annual_goals", ":material/event:", "jahresziele",
             "app.section.view", VIEWERS),
    PageSpec("page.measures", ":material/checklist:", "massnahmen",
             "app.section.view", VIEWERS),
    PageSpec("page.indicators", ":material/monitoring:", "kennzahlen",
             "app.section.view", VIEWERS),
    PageSpec("page.organisations", ":material/groups:", "akteure",
             "app.section.view", VIEWERS),
    PageSpec("page.export", ":material/download:", "export", "app.section.view", VIEWERS),
    PageSpec("page.presentation", ":material/slideshow:", "praesentation",
             "app.section.view", VIEWERS),
    PageSpec("page.reports", ":material/description:", "berichte", "app.section.view", VIEWERS),
    PageSpec("page.open_data", ":material/dataset:", "offene-daten", "app.section.view", VIEWERS, public_only=True),
    PageSpec("page.report", ":material/edit_note:", "sachstand-melden", "app.section.report",
             ("editor", "admin")),
    PageSpec("page.reporting_round", ":material/forward_to_inbox:", "berichtsrunde",
             "app.section.report", ("admin",)),
    PageSpec("page.maintenance", ":material/build:", "pflege",
             "app.section.admin", ("admin",)),
    PageSpec("page.release", ":material/task_alt:", "freigabe",
             "app.section.admin", ("admin",)),
    PageSpec("page.audit_log", ":material/history:", "aenderungsprotokoll",
             "app.section.admin", ("admin",)),
    PageSpec("page.settings", ":material/settings:", "einstellungen", "app.section.admin",
             ("admin",)),
    PageSpec("page.import", ":material/upload_file:", "import",
             "app.section.admin", ("admin",), without_plan=True),
    PageSpec("page.sign_in", ":material/login:", "anmelden",
             "app.section.account", (ANONYMOUS,), without_plan=True),
    PageSpec("page.account", ":material/account_circle:", "konto", "app.section.account",
             SIGNED_IN, without_plan=True),
    PageSpec("page.accessibility", ":material/accessibility_new:", "barrierefreiheit", "app.section.account",
             VIEWERS, without_plan=True),
    PageSpec("page.set_password", ":material/key:", "passwort-setzen", "app.section.account",
             VIEWERS, hidden=True, without_plan=True),
    # A partner link's page: served alone (partner_page_asked), without sign-in, navigation or sidebar.
    PageSpec("page.partner_report", ":material/edit_note:", "partner-bericht", "app.section.account",
             VIEWERS, hidden=True),
)
PARTNER_PAGE = "partner-bericht"

SIGN_IN = next(page for page in PAGES if page.url_path == "anmelden")


def visible_pages(role: str, public_view: bool, organisation: bool = False, *,
                  with_hidden: bool = False, has_plan: bool = True) -> list[PageSpec]:
    """The pages a role may open; anonymous visitors see the plan only when the public view is on. Meine Maßnahmen
    is an admin's only when the admin reports for an organisation (an editor without one reads why it is empty);
    Offene Daten only while the public view is on. While the database holds no plan (HAS_PLAN false): only the
    pages that work without one, the welcome page first.
    Pages reached by a link only (hidden) come along WITH_HIDDEN."""
    pages = [page for page in PAGES if role in page.roles and (with_hidden or not page.hidden)
             and (page.url_path != MY_MEASURES or role != "admin" or organisation)
             and (public_view or not page.public_only)
             and (page.without_plan if not has_plan else not page.only_without_plan)]
    if role == ANONYMOUS and not public_view and has_plan:
        pages = [page for page in pages if page.section_key == "app.section.account"]
    return pages


_PAGES_KEY = "_navigation_pages"
_OPENED_KEY = "_navigation_opened"
DEFAULT_SUFFIX = "-start"  # the default page's internal path (never shown: it is served at "/")


def build(role: str, public_view: bool, has_plan: bool = True):
    """st.navigation over the role's pages, grouped in sections (top navigation).

    The st.Page objects are kept in the session: building one resolves its file on disk, which cost
    more than the rest of an empty run. They are not shared between sessions, because st.navigation
    and Page.run() mark them per run."""
    actor = current_actor()
    organisation = actor is not None and actor.organisation_id is not None
    specs = visible_pages(role, public_view, organisation, with_hidden=True, has_plan=has_plan)
    asked = _asked_unseen(specs) if role == ANONYMOUS else None
    key = (role, public_view, organisation, language(), asked, has_plan)
    kept = st.session_state.get(_PAGES_KEY)
    if kept is None or kept[0] != key:
        sections = _sections(specs)
        if asked is not None:
            sections[t(SIGN_IN.section_key)].append(_sign_in_first(asked))
        kept = st.session_state[_PAGES_KEY] = (key, _with_closed_pages(sections, specs, role, has_plan))
    page = st.navigation(kept[1], position="top")
    st.session_state[_OPENED_KEY] = page.url_path
    return page


def partner_page_asked() -> bool:
    """Whether this run was asked for the partner link's page (by its address, or by its page hash on a rerun
    there): then dashboard.py serves that page alone (ui.partner_report), not the app's shell."""
    context = get_script_run_ctx()
    if context is None:
        return False
    name, page_hash = context.pages_manager.intended_page_name, context.pages_manager.intended_page_script_hash
    return name == PARTNER_PAGE or bool(page_hash and page_hash == calc_hash(PARTNER_PAGE))


def _asked_unseen(visible: list[PageSpec]) -> PageSpec | None:
    """The page this run was asked for, by its address (a link) or its page hash (a rerun on it; Streamlit
    derives the hash from the address), when it is not among the visible ones."""
    context = get_script_run_ctx()
    if context is None:
        return None
    name, page_hash = context.pages_manager.intended_page_name, context.pages_manager.intended_page_script_hash
    return next((spec for spec in PAGES if spec not in visible
                 and (name == spec.url_path or (page_hash and page_hash == calc_hash(spec.url_path)))), None)


def _sign_in_first(spec: PageSpec):
    """The sign-in, hidden, at the address of a page that needs one: a link to it (from a reminder, a bookmark)
    shows the sign-in and then leads back to exactly that address, query included (ui.shell.sign_in)."""
    return st.Page(SIGN_IN.path, title=t(SIGN_IN.title_key), icon=SIGN_IN.icon, url_path=spec.url_path,
                   visibility="hidden")


def opened_page() -> PageSpec | None:
    """The page whose address this run opened (for the sign-in shown in place of another page)."""
    url_path = st.session_state.get(_OPENED_KEY)
    return next((spec for spec in PAGES if spec.url_path == url_path), None)


def _with_closed_pages(sections: dict[str, list], visible: list[PageSpec], role: str,
                       has_plan: bool = True) -> dict[str, list]:
    """Every page the role may not open stays a known address (hidden): a link or bookmark to it says in
    German why it is closed instead of Streamlit's English "Page not found". Not for a signed-out visitor: the
    sign-in stands at the address asked for, and the navigation sent to them lists no signed-in page. Left out
    too: the sign-in page (once signed in, its address leads to the start page, the sign-in's own way there).
    Without any plan, a page that needs one says so instead."""
    if role == ANONYMOUS:
        return sections
    shown = {spec.url_path for spec in visible}
    closed = [spec for spec in PAGES
              if spec.url_path not in shown and spec.roles != (ANONYMOUS,)]
    first = next(iter(sections))
    sections[first] = sections[first] + [
        st.Page(_closed_page(spec, _closed_reason(spec, role, has_plan)), title=t(spec.title_key), icon=spec.icon,
                url_path=spec.url_path, visibility="hidden")
        for spec in closed
    ]
    return sections


def _closed_reason(spec: PageSpec, role: str, has_plan: bool) -> str:
    """The key of the text why this page is closed: the role, no plan yet, or (the welcome page) a plan now."""
    if spec.only_without_plan and has_plan:
        return "page.closed.has_plan"
    if not has_plan and role in spec.roles:
        return "page.closed.no_plan"
    return "page.closed.role"


def _closed_page(spec: PageSpec, reason: str):
    def closed() -> None:
        st.title(t(spec.title_key))
        st.info(t(reason), icon=":material/lock:" if reason == "page.closed.role" else ":material/info:")
    closed.__name__ = f"closed_{spec.url_path.replace('-', '_')}"
    return closed


def _sections(specs: list[PageSpec]) -> dict[str, list]:
    """The st.Page objects of these pages by section; the first is the default page."""
    sections: dict[str, list] = {}
    for index, spec in enumerate(specs):
        # The default page is served at "/"; its own path (/uebersicht) is a hidden alias of it, so
        # a typed or bookmarked link to it opens the page instead of "Page not found".
        sections.setdefault(t(spec.section_key), []).append(
            st.Page(spec.path, title=t(spec.title_key), icon=spec.icon,
                    url_path=f"{spec.url_path}{DEFAULT_SUFFIX}" if index == 0 else spec.url_path,
                    default=index == 0, visibility="hidden" if spec.hidden and index else "visible")
        )
    sections[t(specs[0].section_key)].append(
        st.Page(specs[0].path, title=t(specs[0].title_key), icon=specs[0].icon, url_path=specs[0].url_path,
                visibility="hidden"))
    return sections


def leave_folder_mode() -> None:
    """The first statement of dashboard.py and of every page file; does something only in the first run
    of a server process.

    Streamlit 1.67 sees the pages/ folder beside dashboard.py and, until st.navigation has run once in the
    process, runs a session's first run in its old multipage mode: it looks the address up among the
    folder's file names (hence a page file is named after its address; "/" is dashboard.py itself) and
    runs that file alone. Here, in that run only, the app's navigation over every page is declared
    (hidden; the same pages at the same addresses as build(), so the address resolves to the same page)
    and the run starts again: the rerun goes through dashboard.py with the visitor's real navigation,
    role, plan and query parameters, and the old mode is off for the rest of the process. A page the
    visitor's role does not see falls back to the start page."""
    if not PagesManager.uses_pages_directory:
        return
    st.navigation(_sections(list(PAGES)), position="hidden")
    st.rerun()
