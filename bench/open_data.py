"""The read API under load: requests per second for /api/v1/plans/<plan>/massnahmen, and the app's page reruns
measured in the same run without and with the API under load (issue 17: the API must not slow the pages by more
than 20 %).

Per scale one live server (the generated plan, its public view on) with the API's rate bound raised
(MPC_API_BURST, MPC_API_RATE_PER_MINUTE), so the bound does not cap the figure:
1. CLIENTS httpx clients, each in its own thread, ask for the Maßnahmen list back to back (no If-None-Match, so
   every answer is built) until REQUESTS answers have come: requests per second.
2. The pages PAGES run RUNS times each in a live session (bench.protocol, THINK_S between runs): quiet.
3. The same while LOAD_CLIENTS ask at LOAD_PER_SECOND in all (ten readers at the default bound): under load.
   The ratio of the medians is the API's cost to the pages.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import httpx

from bench.common import ROOT, Report, Workspace, median, ms, percentile, print_table, running_server
from bench.protocol import LiveSession

NAME = "open_data"
CLIENTS = 4
REQUESTS = 200
RUNS = 12
THINK_S = 0.1
PAGES = ("", "massnahmen", "leitziele")  # Übersicht, Maßnahmen, Leitziele
# The load beside the pages: ten readers (websites embedding the plan, portals harvesting it) each at the API's
# default bound of 120 requests a minute, i.e. 20 requests a second in all. Without pause (the figure "allein")
# the clients on this 2-core machine take a core themselves, which says nothing about the API's cost.
LOAD_CLIENTS = 10
LOAD_PER_SECOND = 20.0
SLOWDOWN_TARGET = 1.2  # pages with the API under load / quiet
UNBOUNDED = {"MPC_API_BURST": "1000000", "MPC_API_RATE_PER_MINUTE": "100000000"}


@dataclass
class Load:
    """What the clients got: answers by status, seconds from the first request to the last answer."""
    statuses: dict[int, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def answered(self) -> int:
        return sum(self.statuses.values())

    @property
    def per_second(self) -> float:
        return round(self.statuses.get(200, 0) / self.seconds, 1) if self.seconds else 0.0


def measures_path(slug: str) -> str:
    return f"/api/v1/plans/{slug}/massnahmen"


def hammer(base_url: str, path: str, clients: int = CLIENTS, requests: int | None = REQUESTS,
           stop: threading.Event | None = None, per_second: float | None = None) -> Load:
    """CLIENTS clients ask for PATH back to back (or PER_SECOND requests a second in all, spread over them),
    until REQUESTS answers have come in all (None: until STOP is set). Each answer's status is counted; a
    request that fails outright is noted."""
    load, lock = Load(), threading.Lock()
    left = [requests]

    def take_turn() -> bool:
        with lock:
            if stop is not None and stop.is_set():
                return False
            if left[0] is None:
                return True
            left[0] -= 1
            return left[0] >= 0

    def client() -> None:
        interval = clients / per_second if per_second else 0.0
        due = time.perf_counter()
        with httpx.Client(base_url=base_url, timeout=120) as session:
            while take_turn():
                due += interval
                time.sleep(max(0.0, due - time.perf_counter()))
                try:
                    status = session.get(path).status_code
                except httpx.HTTPError as error:
                    with lock:
                        load.failures.append(type(error).__name__)
                    continue
                with lock:
                    load.statuses[status] = load.statuses.get(status, 0) + 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    load.seconds = time.perf_counter() - started
    return load


async def page_times(ws_url: str, pages: Sequence[str], runs: int) -> dict[str, list[float]]:
    """Seconds of each page's runs in one live session (the first round warms the caches, not counted)."""
    times: dict[str, list[float]] = {}
    async with LiveSession(ws_url) as session:
        await session.run()
        chosen = [session.page(path) for path in pages]
        for round_number in range(runs + 1):
            for page in chosen:
                await asyncio.sleep(THINK_S)
                result = await session.run(page)
                if round_number and result.ok:
                    times.setdefault(page.url_path or "uebersicht", []).append(result.seconds)
    return times


def pages_under_load(server_url: str, ws_url: str, path: str, runs: int) -> tuple[dict[str, list[float]], Load]:
    """The pages' times while LOAD_CLIENTS ask for PATH at LOAD_PER_SECOND in all, and what they got meanwhile."""
    stop = threading.Event()
    result: list[Load] = []
    loader = threading.Thread(target=lambda: result.append(hammer(server_url, path, LOAD_CLIENTS, None, stop,
                                                                   LOAD_PER_SECOND)), daemon=True)
    loader.start()
    try:
        time.sleep(1)  # the load is on before the first page runs
        times = asyncio.run(page_times(ws_url, PAGES, runs))
    finally:
        stop.set()
        loader.join()
    return times, result[0]


def run(workspace: Workspace, scales: list[float], runs: int = RUNS, requests: int = REQUESTS) -> Report:
    report = Report(NAME)
    rows, page_rows = [], []
    for scale in scales:
        url = workspace.database(scale)
        slug = f"benchmark-x{scale:g}"
        with running_server(ROOT / "dashboard.py", workspace.folder / f"open-data-x{scale:g}.log", url,
                            env=UNBOUNDED) as server:
            hammer(server.base_url, measures_path(slug), clients=1, requests=2)  # warm
            alone = hammer(server.base_url, measures_path(slug), requests=requests)
            quiet = asyncio.run(page_times(server.ws_url, PAGES, runs))
            loaded, during = pages_under_load(server.base_url, server.ws_url, measures_path(slug), runs)
        report.add("massnahmen requests per second", alone.per_second, "1/s", scale, clients=CLIENTS,
                   answers=alone.answered, statuses=alone.statuses, failures=len(alone.failures))
        report.add("massnahmen requests per second while pages run", during.per_second, "1/s", scale)
        rows.append([f"x{scale:g}", CLIENTS, alone.answered, alone.per_second, during.per_second,
                     ", ".join(f"{status}: {count}" for status, count in sorted(alone.statuses.items())),
                     len(alone.failures) + len(during.failures)])
        for page, seconds in quiet.items():
            quiet_median, loaded_median = median(seconds), median(loaded.get(page, [])) if loaded.get(page) else None
            ratio = round(loaded_median / quiet_median, 2) if loaded_median else None
            met = ratio is not None and ratio <= SLOWDOWN_TARGET
            report.add(f"{page} median quiet", ms(quiet_median), "ms", scale, runs=len(seconds),
                       p95=ms(percentile(seconds, 0.95)))
            if loaded_median:
                report.add(f"{page} median with API load", ms(loaded_median), "ms", scale, runs=len(loaded[page]))
            report.add(f"{page} with API load / quiet", ratio, "x", scale, target=f"<= {SLOWDOWN_TARGET:g}", met=met)
            page_rows.append([f"x{scale:g}", page, ms(quiet_median),
                              ms(loaded_median) if loaded_median else "-", ratio if ratio else "-", met])
    report.save()
    print_table(f"API: /api/v1/plans/<plan>/massnahmen, {CLIENTS} Clients ohne Pause",
                ["Maßstab", "Clients", "Antworten", "Anfragen/s allein", "Anfragen/s neben den Seiten", "Status",
                 "Fehlschläge"], rows)
    print_table(f"Seiten-Reruns ohne und mit {LOAD_PER_SECOND:g} API-Anfragen/s von {LOAD_CLIENTS} Clients "
                f"(Ziel <= {SLOWDOWN_TARGET:g} x)",
                ["Maßstab", "Seite", "ruhig ms", "mit API-Last ms", "Verhältnis", "Ziel"], page_rows)
    return report
