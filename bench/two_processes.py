"""Past one process: the burst of bench/sessions.py (N concurrent sessions, each a first run of the
Übersicht and a switch to Maßnahmen) against 1 app process and against 2 app processes on the same
database behind nginx with session affinity (deploy/nginx.conf). Without nginx the 2 processes are
measured directly, the sessions split between their ports. The database is PostgreSQL when its
server is installed (the multi-process deployment), else the SQLite file of the other benchmarks."""

from __future__ import annotations

import asyncio
import http.cookies
import os
import re
import subprocess
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import websockets

from bench.common import (
    DIE_WITH_PARENT,
    ROOT,
    SERVER_START_TIMEOUT_S,
    Report,
    Server,
    Workspace,
    free_port,
    healthy,
    ms,
    percentile,
    print_table,
    running_server,
    system_program,
)
from bench.protocol import RUN_TIMEOUT_S, LiveSession
from bench.sessions import Burst

NAME = "two_processes"
SESSION_COUNTS = (1, 10, 50)
MEASURES_PAGE = "massnahmen"
TEMPLATE = ROOT / "deploy" / "nginx.conf"
ROUTE_COOKIE = "mpc_route"


# -- servers --------------------------------------------------------------------------------------
@contextmanager
def parallel_servers(managers: list[AbstractContextManager[Server]]) -> Iterator[list[Server]]:
    """Enter several running_server(...) at once (their start-ups overlap); stop them all at the end.

    The pool's threads live until the servers are stopped: a server started with setpriv --pdeathsig
    gets SIGTERM when the thread that started it ends."""
    entered: list[AbstractContextManager] = []

    def enter(manager):
        server = manager.__enter__()
        entered.append(manager)
        return server

    with ThreadPoolExecutor(len(managers)) as pool:
        try:
            yield list(pool.map(enter, managers))
        finally:
            list(pool.map(lambda manager: manager.__exit__(None, None, None), list(entered)))


def nginx_config(folder: Path, listen_port: int, app_ports: list[int]) -> Path:
    """deploy/nginx.conf with our ports and log, wrapped in a minimal main config of its own."""
    site = TEMPLATE.read_text(encoding="utf-8")
    servers = "".join(f"    server 127.0.0.1:{port};\n" for port in app_ports)
    site = re.sub(r"(?m)^    server 127\.0\.0\.1:\d+;\n", "", site)
    site = site.replace("    hash $mpc_route consistent;\n", "    hash $mpc_route consistent;\n" + servers)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{listen_port};")
    site = site.replace("/var/log/nginx/masterplan-cockpit.log", str(folder / "access.log"))
    (folder / "site.conf").write_text(site, encoding="utf-8")
    user = "user root root;\n" if os.geteuid() == 0 else ""
    temp = "".join(f"    {kind}_temp_path {folder / kind};\n" for kind in ("client_body", "proxy", "fastcgi",
                                                                          "uwsgi", "scgi"))
    main = (f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
            f"events {{ worker_connections 1024; }}\nhttp {{\n{temp}    include {folder / 'site.conf'};\n}}\n")
    (folder / "nginx.conf").write_text(main, encoding="utf-8")
    return folder / "nginx.conf"


@contextmanager
def running_nginx(folder: Path, app_ports: list[int], port: int | None = None) -> Iterator[str]:
    """nginx in the foreground on loopback PORT (default: a free one) in front of app_ports; yields its base URL."""
    folder.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    config = nginx_config(folder, port, app_ports)
    process = subprocess.Popen([*DIE_WITH_PARENT, system_program("nginx"), "-p", str(folder), "-c", str(config),
                                "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not healthy(base_url):
            if process.poll() is not None or time.monotonic() > deadline:
                log = (folder / "error.log").read_text(errors="replace") if (folder / "error.log").exists() else ""
                raise RuntimeError(f"nginx did not start (exit {process.poll()}): {log[:1500]}")
            time.sleep(0.1)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=15)


def routes_by_upstream(access_log: Path) -> dict[str, set[str]]:
    """Route cookie of each websocket session -> the upstream addresses that served any request with
    that route (the page load and the websocket; affinity: one address each)."""
    routes: dict[str, set[str]] = defaultdict(set)
    sessions: set[str] = set()
    for line in access_log.read_text(encoding="utf-8").splitlines():
        found = re.search(r'"\S+ (\S+)[^"]*" \d+ route=(\S+) upstream=(\S+)', line)
        if found and found.group(3) != "-":
            routes[found.group(2)].add(found.group(3))
            if found.group(1).startswith("/_stcore/stream"):
                sessions.add(found.group(2))
    return {route: routes[route] for route in sessions}


# -- visitors -------------------------------------------------------------------------------------
class RoutedSession(LiveSession):
    """A tab as a browser opens it: load the page (which may set the route cookie), then the websocket
    with that cookie."""

    def __init__(self, base_url: str):
        super().__init__(base_url.replace("http://", "ws://") + "/_stcore/stream")
        self.base_url = base_url

    async def __aenter__(self) -> RoutedSession:
        cookie = await asyncio.to_thread(self._route_cookie)
        self._socket = await websockets.connect(
            self.ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=RUN_TIMEOUT_S, ping_interval=None,
            additional_headers={"Cookie": f"{ROUTE_COOKIE}={cookie}"} if cookie else None)
        return self

    def _route_cookie(self) -> str | None:
        with urllib.request.urlopen(self.base_url + "/", timeout=RUN_TIMEOUT_S) as response:
            response.read()
            jar = http.cookies.SimpleCookie()
            for header in response.headers.get_all("Set-Cookie") or []:
                jar.load(header)
        return jar[ROUTE_COOKIE].value if ROUTE_COOKIE in jar else None


async def _visitor(base_url: str, burst: Burst) -> None:
    try:
        async with RoutedSession(base_url) as session:
            for key, page in (("first", None), ("switch", MEASURES_PAGE)):
                result = await session.run(session.page(page) if page else None)
                getattr(burst, key).append(result.seconds)
                if not result.ok:
                    burst.errors.append(f"{key}: {result.exceptions or result.finished}")
    except Exception as exc:  # a refused, dropped or timed-out session is an error of the burst
        burst.errors.append(f"{type(exc).__name__}: {exc}"[:200])


async def _burst(base_urls: list[str], count: int) -> Burst:
    """`count` visitors at once, dealt round-robin over base_urls."""
    burst = Burst()
    started = time.perf_counter()
    await asyncio.gather(*(_visitor(base_urls[i % len(base_urls)], burst) for i in range(count)))
    burst.wall = time.perf_counter() - started
    return burst


# -- the benchmark --------------------------------------------------------------------------------
def run(workspace: Workspace, scales: list[float], counts: tuple[int, ...] = SESSION_COUNTS) -> Report:
    report = Report(NAME)
    database = _Database(workspace, report)
    nginx = system_program("nginx")
    if not nginx:
        report.note("nginx ist nicht installiert (apt-get install nginx): die 2 Prozesse werden direkt gemessen,"
                    " die Sitzungen abwechselnd auf ihre Ports verteilt.")
    try:
        for scale in scales:
            url, backend = database.url(scale)
            rows = _one_process(workspace, report, scale, url, counts)
            rows += _two_processes(workspace, report, scale, url, counts, bool(nginx))
            _record_ratio(report, scale, rows, max(counts))
            print_table(f"Gleichzeitige Sitzungen gegen 1 und 2 App-Prozesse ({backend}, Maßstab x{scale:g}):"
                        " erster Lauf Übersicht + Wechsel zu Maßnahmen",
                        ["Aufbau", "Sitzungen", "erster p50 ms", "p95 ms", "Wechsel p50 ms", "p95 ms", "Fehler",
                         "Läufe/s", "Spitzen-RSS MiB"], rows)
    finally:
        database.close()
    report.save()
    return report


def _one_process(workspace: Workspace, report: Report, scale: float, url: str, counts) -> list[list]:
    log = workspace.folder / f"two-processes-single-x{scale:g}.log"
    with running_server(ROOT / "dashboard.py", log, url) as app:
        asyncio.run(_burst([app.base_url], 1))  # the process's own first run (imports, engine)
        return [_record(report, scale, "1 Prozess", count, asyncio.run(_burst([app.base_url], count)), [app])
                for count in counts]


def _two_processes(workspace: Workspace, report: Report, scale: float, url: str, counts,
                   with_nginx: bool) -> list[list]:
    logs = [workspace.folder / f"two-processes-{i}-x{scale:g}.log" for i in (1, 2)]
    with parallel_servers([running_server(ROOT / "dashboard.py", log, url) for log in logs]) as apps:
        asyncio.run(_burst([app.base_url for app in apps], 2))  # each process's own first run
        if not with_nginx:
            return [_record(report, scale, "2 Prozesse direkt", count,
                            asyncio.run(_burst([app.base_url for app in apps], count)), apps) for count in counts]
        folder = workspace.folder / f"nginx-x{scale:g}"
        with running_nginx(folder, [app.port for app in apps]) as proxy:
            rows = [_record(report, scale, "2 Prozesse hinter nginx", count, asyncio.run(_burst([proxy], count)),
                            apps) for count in counts]
        _record_affinity(report, scale, routes_by_upstream(folder / "access.log"))
        return rows


def _record_ratio(report: Report, scale: float, rows: list[list], count: int) -> None:
    """Runs per second of 2 processes over 1 process at the largest burst (same run, same machine)."""
    single, double = (row[7] for row in rows if row[1] == count)
    ratio = round(double / single, 2) if single else None
    report.add(f"runs per second 2 processes / 1 process at {count} sessions", ratio, "x", scale)
    print(f"\n  Läufe/s bei {count} Sitzungen (x{scale:g}): 2 Prozesse / 1 Prozess = {ratio}", flush=True)


def _record_affinity(report: Report, scale: float, routes: dict[str, set[str]]) -> None:
    split = sum(1 for upstreams in routes.values() if len(upstreams) > 1)
    per_process: dict[str, int] = defaultdict(int)
    for upstreams in routes.values():
        for upstream in upstreams:
            per_process[upstream] += 1
    report.add("nginx sessions", len(routes), "", scale)
    report.add("nginx sessions served by more than one process", split, "", scale, target="0", met=split == 0)
    report.add("nginx sessions per process", dict(per_process), "", scale)
    print(f"\n  Sitzungsbindung über nginx (x{scale:g}): {len(routes)} Sitzungen (Routen-Cookies), davon {split} von"
          f" mehr als einem Prozess bedient; je Prozess: {dict(per_process)}", flush=True)


def _record(report: Report, scale: float, setup: str, count: int, burst: Burst, apps: list[Server]) -> list:
    runs_per_second = round((len(burst.first) + len(burst.switch)) / burst.wall, 2)
    peaks = [app.peak_rss_mib() for app in apps]
    figures = {"first p50": ms(percentile(burst.first, 0.50)), "first p95": ms(percentile(burst.first, 0.95)),
               "switch p50": ms(percentile(burst.switch, 0.50)), "switch p95": ms(percentile(burst.switch, 0.95))}
    for name, value in figures.items():
        report.add(f"{setup}: {count} sessions {name}", value, "ms", scale)
    report.add(f"{setup}: {count} sessions errors", len(burst.errors), "", scale)
    report.add(f"{setup}: {count} sessions runs per second", runs_per_second, "1/s", scale)
    report.add(f"{setup}: {count} sessions peak RSS per process", peaks, "MiB", scale)
    for error in sorted(set(burst.errors))[:5]:
        report.note(f"{setup}, x{scale:g}, {count} Sitzungen: {error}")
    return [setup, count, *figures.values(), len(burst.errors), runs_per_second,
            " + ".join(str(peak) for peak in peaks)]


class _Database:
    """The synthetic plan on PostgreSQL (a private server, as in bench/writes.py), else on SQLite."""

    def __init__(self, workspace: Workspace, report: Report):
        from bench.writes import _postgres_url

        self.workspace = workspace
        self.server = _postgres_url(report)
        if self.server is None:
            report.note("Ohne PostgreSQL teilen sich die Prozesse die SQLite-Datei.")

    def url(self, scale: float) -> tuple[str, str]:
        if self.server is None:
            return self.workspace.database(scale), "SQLite"
        from bench.writes import _postgres_database

        return _postgres_database(self.server.url, scale), "PostgreSQL"

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()


if __name__ == "__main__":
    import sys

    bench_workspace = Workspace()
    try:
        run(bench_workspace, [1.0], tuple(int(n) for n in sys.argv[1:]) or SESSION_COUNTS)
    finally:
        bench_workspace.close()
