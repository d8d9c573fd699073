"""What every benchmark shares: figures (printed as a table, appended to bench/results/<name>.jsonl),
statistics, generated databases and live Streamlit servers on loopback."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
SERVER_START_TIMEOUT_S = 120
# The server gets SIGTERM when the benchmark dies before it could stop it (util-linux setpriv).
DIE_WITH_PARENT = ["setpriv", "--pdeathsig", "TERM"] if shutil.which("setpriv") else []


def system_program(name: str) -> str | None:
    """A program's path, also from the system folders a user's PATH may lack (Debian keeps nginx and runuser in
    /usr/sbin, which is on root's PATH but not on every user's)."""
    return shutil.which(name) or shutil.which(name, path="/usr/local/sbin:/usr/sbin:/sbin")


@dataclass
class Figure:
    """One measured number, with its target when the issue sets one."""

    benchmark: str
    name: str
    value: float | int | str | None
    unit: str = ""
    scale: float | None = None
    target: str = ""
    met: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Report:
    """Collects a benchmark's figures; prints them as a table and appends them as JSON lines."""

    def __init__(self, benchmark: str):
        self.benchmark = benchmark
        self.figures: list[Figure] = []
        self.run_id = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def add(self, name: str, value: Any, unit: str = "", scale: float | None = None, target: str = "",
            met: bool | None = None, **extra: Any) -> Figure:
        figure = Figure(self.benchmark, name, value, unit, scale, target, met, extra)
        self.figures.append(figure)
        return figure

    def note(self, text: str) -> None:
        print(f"  [{self.benchmark}] {text}", flush=True)
        self.add("note", text)

    def save(self) -> None:
        RESULTS.mkdir(exist_ok=True)
        with (RESULTS / f"{self.benchmark}.jsonl").open("a", encoding="utf-8") as out:
            for figure in self.figures:
                out.write(json.dumps({"run": self.run_id, "commit": _commit(), "cpus": os.cpu_count(),
                                      "load1": round(os.getloadavg()[0], 2),
                                      **asdict(figure)}, default=str, ensure_ascii=False) + "\n")


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(str(h)), *(len(row[i]) for row in cells)) if cells else len(str(h))
              for i, h in enumerate(header)]
    print(f"\n{title}")
    print("  " + "  ".join(str(h).ljust(w) for h, w in zip(header, widths)))
    print("  " + "  ".join("-" * w for w in widths))
    for row in cells:
        print("  " + "  ".join(value.ljust(w) for value, w in zip(row, widths)))
    sys.stdout.flush()


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "erfüllt" if value else "NICHT erfüllt"
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def verdict(met: bool | None) -> str:
    return "-" if met is None else ("erfüllt" if met else "NICHT erfüllt")


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share in 0..1); enough for tens to hundreds of samples."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


# -- databases ------------------------------------------------------------------------------------
class Workspace:
    """A temporary folder for the run's databases and server logs, removed at the end."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="mpc-bench-"))
        self._databases: dict[float, Path] = {}
        self.generate_seconds: dict[float, float] = {}

    def database(self, scale: float) -> str:
        """URL of a SQLite file holding only the synthetic plan at `scale` (generated once per run)."""
        if scale not in self._databases:
            from bench.generator import write_plan
            from models.bootstrap import prepare_database

            path = self.folder / f"plan-x{scale:g}.db"
            started = time.perf_counter()
            engine = prepare_database(f"sqlite:///{path}", with_examples=False)
            write_plan(engine, scale)
            engine.dispose()
            self.generate_seconds[scale] = time.perf_counter() - started
            self._databases[scale] = path
        return f"sqlite:///{self._databases[scale]}"

    def copy_of(self, scale: float, name: str) -> str:
        """URL of a private copy of the scale's database (for benchmarks that write)."""
        source = Path(self.database(scale).removeprefix("sqlite:///"))
        target = self.folder / f"{name}-x{scale:g}.db"
        shutil.copyfile(source, target)
        return f"sqlite:///{target}"

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


# -- live servers -----------------------------------------------------------------------------------
FLOOR_ENTRY = '''import asyncio.base_events
import socket

import streamlit as st


def _set_nodelay(sock):  # the same TCP_NODELAY fix as the app's (ui/shell/tcp_nodelay.py)
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


asyncio.base_events._set_nodelay = _set_nodelay
st.set_page_config(page_title="Boden", layout="wide")
st.navigation([st.Page("eins.py", title="Eins", url_path="eins", default=True),
               st.Page("zwei.py", title="Zwei", url_path="zwei")], position="top").run()
'''
FLOOR_PAGE = 'import streamlit as st\n\nst.title("{title}")\nst.write("Leere Seite: was Streamlit allein kostet.")\n'


def floor_app(folder: Path) -> Path:
    """A two-page empty app with the project's .streamlit/config.toml: the cost of Streamlit itself."""
    app = folder / "floor"
    (app / ".streamlit").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / ".streamlit" / "config.toml", app / ".streamlit" / "config.toml")
    (app / "app.py").write_text(FLOOR_ENTRY, encoding="utf-8")
    (app / "eins.py").write_text(FLOOR_PAGE.format(title="Eins"), encoding="utf-8")
    (app / "zwei.py").write_text(FLOOR_PAGE.format(title="Zwei"), encoding="utf-8")
    return app / "app.py"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def healthy(base_url: str) -> bool:
    """True once the server at base_url answers its health check."""
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


@dataclass
class Server:
    port: int
    process: subprocess.Popen
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"

    def peak_rss_mib(self) -> float | None:
        """Peak resident memory of the server process so far (VmHWM), in MiB."""
        return _proc_status_kib(self.process.pid, "VmHWM")

    def rss_mib(self) -> float | None:
        return _proc_status_kib(self.process.pid, "VmRSS")


def _proc_status_kib(pid: int, key: str) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


@contextmanager
def running_server(script: Path, log: Path, database_url: str | None = None,
                   env: dict[str, str] | None = None, root: Path = ROOT) -> Iterator[Server]:
    """`streamlit run script` on a free loopback port, in the script's folder (its .streamlit/config.toml), importing
    the code of `root` (another checkout: bench.against); yields once healthy, stops it afterwards."""
    port = free_port()
    environment = {**os.environ, **(env or {})}
    if database_url:
        environment["DATABASE_URL"] = database_url
    environment["PYTHONPATH"] = str(root)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*DIE_WITH_PARENT, sys.executable, "-m", "streamlit", "run", str(script),
             "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=script.parent, env=environment, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(port, process, log)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not healthy(server.base_url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {log.read_text(errors='replace')[-2000:]}")
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
