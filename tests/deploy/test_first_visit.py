"""The first visitor after a server start who opens a deep link gets that page, without Streamlit's
"Page not found" dialog.

Streamlit 1.67 runs the first script run of a process as an old-style multipage app because a folder
named `pages/` lies next to the entry script (until st.navigation has run once): it looks the address
up among the folder's file names and runs that file alone. Without a remedy a link such as
/massnahmen?hf=HF2 or /praesentation (the links in the reporting round's e-mails) came up with "Page not
found" for the first visitor after every restart. Each page file is named after its address and begins
with ui.shell.navigation.leave_folder_mode(), which declares the app's navigation and starts the run again
through dashboard.py. Each test here starts its own server: only a process's very first run shows it."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.common import ROOT, running_server
from bench.protocol import EARLY_FOR_RERUN, LiveSession
from tests.deploy.test_two_processes import _plan_database
from ui.shell.navigation import PAGES


@dataclass
class FirstVisit:
    """What a new session received until its page had finished (a rerun included)."""
    kinds: list[str] = field(default_factory=list)
    navigations: list[list[str]] = field(default_factory=list)  # each navigation message's url paths
    texts: list[str] = field(default_factory=list)  # headings and Markdown, in order


async def _first_visit(ws_url: str, page_name: str, query_string: str) -> FirstVisit:
    """A new session's first run of the page, as a browser opening the link sends it."""
    visit = FirstVisit()
    async with LiveSession(ws_url) as session:
        message = BackMsg()
        message.rerun_script.page_name = page_name
        message.rerun_script.query_string = query_string
        await session._socket.send(message.SerializeToString())
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(session._socket.recv(), 60))
            kind = forward.WhichOneof("type")
            visit.kinds.append(kind)
            if kind == "navigation":
                visit.navigations.append([page.url_pathname for page in forward.navigation.app_pages])
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                if element.WhichOneof("type") in ("heading", "markdown"):
                    visit.texts.append(getattr(element, element.WhichOneof("type")).body)
            elif kind == "script_finished" and forward.script_finished != EARLY_FOR_RERUN:
                return visit


def _first_visits_after_start(tmp_path, *links: tuple[str, str]) -> list[FirstVisit]:
    """A fresh server on the mini plan; the links opened one after the other, each by a new session."""
    url = f"sqlite:///{tmp_path / 'first.db'}"
    _plan_database(url)
    with running_server(ROOT / "dashboard.py", tmp_path / "app.log", url) as server, \
            ThreadPoolExecutor(1) as pool:  # own thread: a browser test may hold an event loop in this one
        return [pool.submit(asyncio.run, _first_visit(server.ws_url, page, query)).result()
                for page, query in links]


def _assert_page_shown(visit: FirstVisit, heading: str) -> None:
    assert "page_not_found" not in visit.kinds
    assert visit.kinds[-1] == "script_finished" and "navigation" in visit.kinds
    assert visit.texts and visit.texts[0] == heading, visit.texts[:3]
    # in the frame: the last navigation is the anonymous visitor's own (dashboard.py ran), not the folder's
    assert "anmelden" in visit.navigations[-1] and "pflege" not in visit.navigations[-1]


def _assert_nothing_but_page_addresses_listed(visit: FirstVisit) -> None:
    """The old mode's first message lists the pages/ folder's files once: they are the page addresses."""
    addresses = {"", *(spec.url_path for spec in PAGES)}
    for listed in visit.navigations:
        assert set(listed) <= addresses, set(listed) - addresses


def test_the_pages_live_in_pages_named_after_their_addresses():
    assert sorted(path.stem for path in (ROOT / "pages").glob("*.py")) == sorted(spec.url_path for spec in PAGES)


def test_the_first_visitor_on_a_filtered_deep_link_gets_the_filtered_measures(tmp_path):
    (visit,) = _first_visits_after_start(tmp_path, ("massnahmen", "hf=HF2"))
    _assert_page_shown(visit, "Maßnahmen")
    assert "**0 von 6 Maßnahmen**" in visit.texts  # the mini plan's action field HF2 has no measures
    _assert_nothing_but_page_addresses_listed(visit)


def test_the_first_visitor_on_the_start_page_gets_the_overview(tmp_path):
    (visit,) = _first_visits_after_start(tmp_path, ("", "plan=mini"))
    _assert_page_shown(visit, "Übersicht")
    _assert_nothing_but_page_addresses_listed(visit)


def test_the_first_visitor_on_the_sign_in_gets_the_form(tmp_path):
    """The way to every signed-in page (signing in itself: tests/browser/test_first_visit_browser.py)."""
    (visit,) = _first_visits_after_start(tmp_path, ("anmelden", "plan=mini"))
    _assert_page_shown(visit, "Anmelden")


def test_the_first_visitor_on_a_deep_link_gets_the_page(tmp_path):
    """/praesentation as the first session of the process, then /uebersicht: the default page's own
    path (the app serves it at "/", the path is a hidden alias of it)."""
    runs = _first_visits_after_start(tmp_path, ("praesentation", "plan=mini"), ("uebersicht", "plan=mini"))
    for kinds in (run.kinds for run in runs):
        assert "page_not_found" not in kinds
        assert "navigation" in kinds and kinds[-1] == "script_finished"


def test_the_first_visitor_on_a_partner_link_gets_the_partner_page_alone(tmp_path):
    """A partner link as the first session of the process: the partner page in its own navigation (nothing
    else reachable), with the German message for a link that does not work, no "Page not found"."""
    (visit,) = _first_visits_after_start(tmp_path, ("partner-bericht", "link=kaputt"))
    assert "page_not_found" not in visit.kinds and visit.kinds[-1] == "script_finished"
    assert visit.texts and visit.texts[0] == "Sachstand melden (Partner-Link)", visit.texts[:3]
    assert set(visit.navigations[-1]) <= {"", "partner-start", "partner-bericht"}, visit.navigations[-1]
