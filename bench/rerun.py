"""Rerun cost per page on the live server, against the floor (an empty two-page app, same config).

Both servers run side by side; in every round each page of the app runs once, each followed by one run
of the floor (its two pages in turn), so both see the same machine load. The first round warms the
caches and is not counted. Anonymous visitor: the generated plan has its public view on.

Before every run the client waits THINK_S, as a person between two clicks does. Each page is also run
back to back and set against the back-to-back floor. Both apps switch Nagle's algorithm off
(ui/shell/tcp_nodelay.py): without that, a run sent the moment the previous one finished waited ~40 ms for
a delayed TCP acknowledgement (the empty page: 45 ms back to back, 10 ms after a pause).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field

from bench.common import ROOT, Report, Workspace, floor_app, median, ms, percentile, print_table, running_server
from bench.protocol import LiveSession

NAME = "rerun"
RUNS_PER_PAGE = 15
THINK_S = 0.1
PAGE_TARGET = 2.0  # x floor, at x10
GROWTH_TARGET = 1.3  # x10 / x1


@dataclass
class PageTimes:
    seconds: dict[str, list[float]] = field(default_factory=dict)
    floor: list[float] = field(default_factory=list)
    floor_back_to_back: list[float] = field(default_factory=list)
    back_to_back: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


async def measure(app_urls: Sequence[str], floor_ws: str, runs: int, back_to_back: bool = True) -> list[PageTimes]:
    """PageTimes of each app (websocket URLs of apps with the same pages): every page runs in each app in turn, the
    order of the apps swapped every round, each run followed by one run of the floor."""
    times = [PageTimes() for _ in app_urls]
    for ws_url in (*app_urls, floor_ws):  # the server's own first run (it sets TCP_NODELAY for later connections)
        async with LiveSession(ws_url) as first:
            await first.run()
    async with AsyncExitStack() as stack:
        apps = [await stack.enter_async_context(LiveSession(ws_url)) for ws_url in app_urls]
        floor = await stack.enter_async_context(LiveSession(floor_ws))
        for session in (*apps, floor):
            await session.run()
        for round_number in range(runs + 1):
            order = list(zip(apps, times))[::1 if round_number % 2 == 0 else -1]
            for index, page in enumerate(apps[0].pages):
                for app, app_times in order:
                    await _run_page(app, floor, page.url_path, index, app_times, counted=round_number > 0)
        if back_to_back:
            for app, app_times in zip(apps, times):
                await _measure_back_to_back(app, floor, app_times, runs)
    return times


async def _run_page(app: LiveSession, floor: LiveSession, url_path: str, index: int, times: PageTimes,
                    counted: bool) -> None:
    """One run of the app's page at url_path (if it has one) after a pause, then one of the floor."""
    page = next((page for page in app.pages if page.url_path == url_path), None)
    if page is None:
        return
    await asyncio.sleep(THINK_S)
    result = await app.run(page)
    await asyncio.sleep(THINK_S)
    floor_result = await floor.run(floor.pages[index % len(floor.pages)])
    if not result.ok:
        times.errors.append(f"{url_path or 'uebersicht'}: {result.exceptions or result.finished}")
    if counted:
        times.seconds.setdefault(url_path or "uebersicht", []).append(result.seconds)
        times.floor.append(floor_result.seconds)


async def _measure_back_to_back(app: LiveSession, floor: LiveSession, times: PageTimes, runs: int) -> None:
    for page in app.pages:
        await app.run(page)
        times.back_to_back[page.url_path or "uebersicht"] = [(await app.run(page)).seconds for _ in range(runs)]
    for index in range(runs):
        times.floor_back_to_back.append((await floor.run(floor.pages[index % len(floor.pages)])).seconds)


def run(workspace: Workspace, scales: list[float], runs: int = RUNS_PER_PAGE) -> Report:
    report = Report(NAME)
    floor_script = floor_app(workspace.folder)
    by_scale: dict[float, dict[str, float]] = {}
    with running_server(floor_script, workspace.folder / "floor.log") as floor:
        for scale in scales:
            url = workspace.database(scale)
            with running_server(ROOT / "dashboard.py", workspace.folder / f"rerun-x{scale:g}.log", url) as app:
                times = asyncio.run(measure([app.ws_url], floor.ws_url, runs))[0]
            by_scale[scale] = _report_scale(report, scale, times)
    if 1 in by_scale and len(by_scale) > 1:
        _report_growth(report, by_scale)
    report.save()
    return report


def _report_scale(report: Report, scale: float, times: PageTimes) -> dict[str, float]:
    floor_median = median(times.floor)
    report.add("floor median", ms(floor_median), "ms", scale, runs=len(times.floor),
               p95=ms(percentile(times.floor, 0.95)))
    back_to_back = median(times.floor_back_to_back)
    report.add("floor back-to-back median", ms(back_to_back), "ms", scale, runs=len(times.floor_back_to_back))
    rows, medians = [["Boden (leere App)", ms(floor_median), ms(percentile(times.floor, 0.95)), 1.0,
                      len(times.floor), ms(back_to_back), 1.0, "-"]], {}
    for page, seconds in times.seconds.items():
        page_median = median(seconds)
        ratio = round(page_median / floor_median, 2)
        met = ratio <= PAGE_TARGET if scale >= 10 else None
        medians[page] = page_median
        report.add(f"{page} median", ms(page_median), "ms", scale, runs=len(seconds),
                   p95=ms(percentile(seconds, 0.95)))
        report.add(f"{page} / floor", ratio, "x", scale, target=f"<= {PAGE_TARGET:g} at x10", met=met)
        page_back_to_back = median(times.back_to_back.get(page, [])) if times.back_to_back.get(page) else None
        ratio_back_to_back = round(page_back_to_back / back_to_back, 2) if page_back_to_back else None
        if page_back_to_back:
            report.add(f"{page} back-to-back median", ms(page_back_to_back), "ms", scale,
                       runs=len(times.back_to_back[page]))
            report.add(f"{page} / floor back-to-back", ratio_back_to_back, "x", scale)
        rows.append([page, ms(page_median), ms(percentile(seconds, 0.95)), ratio, len(seconds),
                     ms(page_back_to_back) if page_back_to_back else "-", ratio_back_to_back or "-",
                     met if met is not None else f"(Ziel gilt bei x10: {'ja' if ratio <= PAGE_TARGET else 'nein'})"])
    for error in times.errors:
        report.note(f"x{scale:g} Fehler: {error}")
    report.add("errors", len(times.errors), "", scale, target="0", met=not times.errors)
    print_table(f"Rerun-Kosten je Seite, Live-Server, Maßstab x{scale:g} (Ziel bei x10: <= {PAGE_TARGET:g} x Boden)",
                ["Seite", "Median ms", "p95 ms", "Median/Boden", "Läufe", "ohne Pause ms", "ohne Pause/Boden",
                 "Ziel"], rows)
    return medians


def _report_growth(report: Report, by_scale: dict[float, dict[str, float]]) -> None:
    largest = max(by_scale)
    rows = []
    for page, base in by_scale[1].items():
        if page not in by_scale[largest]:
            continue
        growth = round(by_scale[largest][page] / base, 2)
        met = growth <= GROWTH_TARGET
        report.add(f"{page} x{largest:g}/x1", growth, "x", largest, target=f"<= {GROWTH_TARGET:g}", met=met)
        rows.append([page, ms(base), ms(by_scale[largest][page]), growth, met])
    print_table(f"Wachstum mit den Daten: Median x{largest:g} / Median x1 (Ziel <= {GROWTH_TARGET:g})",
                ["Seite", "x1 ms", f"x{largest:g} ms", "Verhältnis", "Ziel"], rows)
