"""Streamlit's own browser protocol, spoken from Python: one websocket session per object.

A run: send a BackMsg rerun_script (page script hash + query string), read ForwardMsgs until
script_finished (past a finish early for a rerun: the rerun follows, as in a browser; a server process's
first run always reruns once, see ui.shell.navigation.leave_folder_mode). The first run's navigation message
lists the pages with their script hashes.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

RUN_TIMEOUT_S = 120
EARLY_FOR_RERUN = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN


@dataclass
class Page:
    script_hash: str
    name: str
    url_path: str
    is_default: bool


@dataclass
class RunResult:
    seconds: float
    messages: int
    exceptions: list[str] = field(default_factory=list)
    finished: str = ""

    @property
    def ok(self) -> bool:
        return not self.exceptions and self.finished == "FINISHED_SUCCESSFULLY"


class LiveSession:
    """One browser tab, as far as the server can tell."""

    def __init__(self, ws_url: str):
        self.ws_url = ws_url
        self.pages: list[Page] = []
        self._socket = None

    async def __aenter__(self) -> "LiveSession":
        self._socket = await websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=None,
                                                open_timeout=RUN_TIMEOUT_S, ping_interval=None)
        return self

    async def __aexit__(self, *exc) -> None:
        await self._socket.close()

    def page(self, url_path: str) -> Page:
        return next(page for page in self.pages if page.url_path == url_path)

    async def run(self, page: Page | None = None, query_string: str = "") -> RunResult:
        """One script run of `page` (None: the app's default page, as on a first visit)."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = query_string
        state.page_script_hash = page.script_hash if page else ""
        state.page_name = page.url_path if page else ""
        state.context_info.timezone = "Europe/Berlin"
        state.context_info.locale = "de-DE"
        started = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        return await asyncio.wait_for(self._until_finished(started), RUN_TIMEOUT_S)

    async def _until_finished(self, started: float) -> RunResult:
        result = RunResult(0.0, 0)
        while True:
            raw = await self._socket.recv()
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            result.messages += 1
            kind = forward.WhichOneof("type")
            if kind == "navigation":
                self._read_navigation(forward)
            elif kind == "delta":
                self._check_exception(forward, result)
            elif kind == "page_not_found":
                result.exceptions.append("page not found")
            elif kind == "script_finished" and forward.script_finished != EARLY_FOR_RERUN:
                result.seconds = time.perf_counter() - started
                result.finished = ForwardMsg.ScriptFinishedStatus.Name(forward.script_finished)
                return result

    def _read_navigation(self, forward: ForwardMsg) -> None:
        self.pages = [Page(p.page_script_hash, p.page_name, p.url_pathname, p.is_default)
                      for p in forward.navigation.app_pages if not p.is_hidden]  # hidden: aliases

    @staticmethod
    def _check_exception(forward: ForwardMsg, result: RunResult) -> None:
        delta = forward.delta
        if delta.WhichOneof("type") == "new_element" and delta.new_element.WhichOneof("type") == "exception":
            exception = delta.new_element.exception
            result.exceptions.append(f"{exception.type}: {exception.message}"[:300])
