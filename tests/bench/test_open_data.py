"""bench/open_data.py: the request helper against a live server on a tiny generated plan counts every answer by
its status, and the rate bound is raised for the benchmark. No timing is asserted."""

from __future__ import annotations

import threading

from bench import open_data
from bench.common import ROOT, Workspace, running_server

TINY = 0.02  # 16 measures


def test_the_request_helper_counts_the_answers_of_a_live_server():
    workspace = Workspace()
    try:
        url = workspace.database(TINY)
        path = open_data.measures_path(f"benchmark-x{TINY:g}")
        with running_server(ROOT / "dashboard.py", workspace.folder / "server.log", url,
                            env=open_data.UNBOUNDED) as server:
            load = open_data.hammer(server.base_url, path, clients=3, requests=12)
            missing = open_data.hammer(server.base_url, "/api/v1/plans/gibt-es-nicht/massnahmen", clients=1,
                                       requests=2)
            stop = threading.Event()
            stop.set()
            stopped = open_data.hammer(server.base_url, path, clients=2, requests=None, stop=stop)
    finally:
        workspace.close()
    assert load.statuses == {200: 12} and not load.failures and load.answered == 12
    assert load.per_second > 0
    assert missing.statuses == {404: 2} and missing.per_second == 0
    assert stopped.answered == 0
