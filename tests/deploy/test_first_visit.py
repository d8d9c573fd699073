"""The first visitor after a server start who opens a deep link gets that page, without Streamlit's
"Page not found" dialog.

Streamlit runs the first script run of a process as an old-style multipage app when a folder named
`pages/` lies next to the entry script (until st.navigation has run once), so a link such as
/praesentation or /massnahmen?massnahme=M1 — the links in the reporting round's e-mails — came up with
"Page not found" for the first visitor after every restart. The screens live in app_pages/ instead."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.common import ROOT, running_server
from bench.protocol import LiveSession
from tests.deploy.test_two_processes import _plan_database


async def _first_run_of(ws_url: str, page_name: str, query_string: str) -> list[str]:
    """The kinds of message of a new session's first run of the page (as a browser opening the link sends it)."""
    async with LiveSession(ws_url) as session:
        message = BackMsg()
        message.rerun_script.page_name = page_name
        message.rerun_script.query_string = query_string
        await session._socket.send(message.SerializeToString())
        kinds = []
        while not kinds or kinds[-1] != "script_finished":
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(session._socket.recv(), 60))
            kinds.append(forward.WhichOneof("type"))
        return kinds


def test_no_pages_folder_next_to_the_entry_script():
    assert not (ROOT / "pages").exists()


def test_the_first_visitor_on_a_deep_link_gets_the_page(tmp_path):
    """/praesentation as the first session of the process, then /uebersicht: the default page's own
    path (the app serves it at "/", the path is a hidden alias of it)."""
    url = f"sqlite:///{tmp_path / 'first.db'}"
    _plan_database(url)
    with running_server(ROOT / "dashboard.py", tmp_path / "app.log", url) as server, \
            ThreadPoolExecutor(1) as pool:  # own thread: a browser test may hold an event loop in this one
        runs = [pool.submit(asyncio.run, _first_run_of(server.ws_url, page, "plan=mini")).result()
                for page in ("praesentation", "uebersicht")]
    for kinds in runs:
        assert "page_not_found" not in kinds
        assert "navigation" in kinds and kinds[-1] == "script_finished"
