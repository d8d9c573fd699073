"""Live sessions: N concurrent websocket sessions, each a first run of the Übersicht (a new visitor)
and a switch to Maßnahmen. One server per scale; the bursts run one after another on it."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from bench.common import ROOT, Report, Workspace, ms, percentile, print_table, running_server
from bench.protocol import LiveSession

NAME = "sessions"
SESSION_COUNTS = (1, 10, 50)
P95_FIRST_RUN_TARGET_S = 3.0
RSS_TARGET_MIB = 1024
MEASURES_PAGE = "massnahmen"


@dataclass
class Burst:
    first: list[float] = field(default_factory=list)
    switch: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0


async def _visitor(ws_url: str, burst: Burst) -> None:
    try:
        async with LiveSession(ws_url) as session:
            first = await session.run()
            burst.first.append(first.seconds)
            if not first.ok:
                burst.errors.append(f"first run: {first.exceptions or first.finished}")
            switch = await session.run(session.page(MEASURES_PAGE))
            burst.switch.append(switch.seconds)
            if not switch.ok:
                burst.errors.append(f"switch: {switch.exceptions or switch.finished}")
    except Exception as exc:  # a refused, dropped or timed-out session is an error of the burst
        burst.errors.append(f"{type(exc).__name__}: {exc}"[:200])


async def _burst(ws_url: str, count: int) -> Burst:
    burst = Burst()
    started = time.perf_counter()
    await asyncio.gather(*(_visitor(ws_url, burst) for _ in range(count)))
    burst.wall = time.perf_counter() - started
    return burst


def run(workspace: Workspace, scales: list[float], counts: tuple[int, ...] = SESSION_COUNTS) -> Report:
    report = Report(NAME)
    for scale in scales:
        rows = []
        url = workspace.database(scale)
        with running_server(ROOT / "dashboard.py", workspace.folder / f"sessions-x{scale:g}.log", url) as app:
            asyncio.run(_burst(app.ws_url, 1))  # the server's own first run (imports, engine), not a visitor's
            for count in counts:
                burst = asyncio.run(_burst(app.ws_url, count))
                rows.append(_report_burst(report, scale, count, burst, app.peak_rss_mib()))
        print_table(f"Gleichzeitige Sitzungen, Maßstab x{scale:g}: erster Lauf Übersicht + Wechsel zu Maßnahmen"
                    f" (Ziel bei 50 und x1: 0 Fehler, p95 erster Lauf <= {P95_FIRST_RUN_TARGET_S:g} s,"
                    f" RSS < {RSS_TARGET_MIB} MiB)",
                    ["Sitzungen", "erster p50 ms", "p95 ms", "p99 ms", "Wechsel p50 ms", "p95 ms", "p99 ms",
                     "Fehler", "Läufe/s", "Spitzen-RSS MiB", "Ziel"], rows)
    report.save()
    return report


def _report_burst(report: Report, scale: float, count: int, burst: Burst, peak_rss: float | None) -> list:
    judged = count == max(SESSION_COUNTS) and scale == 1
    runs_per_second = round((len(burst.first) + len(burst.switch)) / burst.wall, 2)
    p95_first = percentile(burst.first, 0.95)
    figures = {
        "first p50": ms(percentile(burst.first, 0.50)), "first p95": ms(p95_first),
        "first p99": ms(percentile(burst.first, 0.99)), "switch p50": ms(percentile(burst.switch, 0.50)),
        "switch p95": ms(percentile(burst.switch, 0.95)), "switch p99": ms(percentile(burst.switch, 0.99)),
    }
    for name, value in figures.items():
        met = value <= P95_FIRST_RUN_TARGET_S * 1000 if judged and name == "first p95" else None
        report.add(f"{count} sessions {name}", value, "ms", scale,
                   target=f"<= {P95_FIRST_RUN_TARGET_S * 1000:g}" if met is not None else "", met=met)
    report.add(f"{count} sessions errors", len(burst.errors), "", scale, target="0" if judged else "",
               met=not burst.errors if judged else None)
    report.add(f"{count} sessions runs per second", runs_per_second, "1/s", scale)
    rss_met = peak_rss is not None and peak_rss < RSS_TARGET_MIB if judged else None
    report.add(f"{count} sessions peak RSS", peak_rss, "MiB", scale,
               target=f"< {RSS_TARGET_MIB}" if judged else "", met=rss_met)
    for error in sorted(set(burst.errors))[:5]:
        report.note(f"x{scale:g}, {count} Sitzungen: {error}")
    met = (not burst.errors and p95_first <= P95_FIRST_RUN_TARGET_S and bool(rss_met)) if judged else None
    return [count, *figures.values(), len(burst.errors), runs_per_second, peak_rss, met]
