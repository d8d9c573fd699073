"""Where a page's run spends its time, on the live server: python3 -m bench.profile [--scale 1] [PAGE ...]

The server runs a wrapper entry script that executes dashboard.py under cProfile inside the script
thread (the same thread Streamlit runs the page in) and dumps one profile per run. The wrapper is a
temporary file next to dashboard.py (page paths resolve from the entry script's folder), removed after.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import pstats
import sys
from pathlib import Path

from bench.common import ROOT, Workspace, running_server
from bench.protocol import LiveSession

RUNS = 5
WRAPPER = '''import cProfile, os, pathlib, runpy, time
_profile = cProfile.Profile()
_profile.enable()
try:
    runpy.run_path({dashboard!r}, run_name="__main__")
finally:
    _profile.disable()
    _profile.dump_stats(pathlib.Path(os.environ["MPC_PROFILE_DIR"]) / f"{{time.time_ns()}}.prof")
'''


async def _profile_first_runs(ws_url: str, folder: Path) -> dict[str, list[Path]]:
    """A new visitor's first run of the Übersicht, RUNS times (each in a new session)."""
    async with LiveSession(ws_url) as warm:
        await warm.run()
    before = set(folder.glob("*.prof"))
    for _ in range(RUNS):
        async with LiveSession(ws_url) as session:
            await session.run()
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.3)
    return {"erster Lauf": sorted(set(folder.glob("*.prof")) - before)}


async def _profile_pages(ws_url: str, names: list[str], folder: Path) -> dict[str, list[Path]]:
    dumps: dict[str, list[Path]] = {}
    async with LiveSession(ws_url) as session:
        await session.run()
        pages = [page for page in session.pages if not names or (page.url_path or "uebersicht") in names]
        for page in pages:
            await session.run(page)  # warm the caches
            before = set(folder.glob("*.prof"))
            for _ in range(RUNS):
                await asyncio.sleep(0.1)
                await session.run(page)
            await asyncio.sleep(0.3)
            dumps[page.url_path or "uebersicht"] = sorted(set(folder.glob("*.prof")) - before)
    return dumps


def hotspots(files: list[Path], limit: int = 25, sort: str = "cumulative", callers: str | None = None) -> str:
    stats = pstats.Stats(*map(str, files), stream=(out := io.StringIO()))
    stats.sort_stats(sort).print_stats(limit)
    if callers:
        stats.print_callers(callers)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m bench.profile", description=__doc__)
    parser.add_argument("pages", nargs="*", help="url paths (uebersicht, massnahmen, ...); default: all")
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--database", help="profile on this database URL instead of a generated plan")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key: cumulative, tottime, ...")
    parser.add_argument("--first", action="store_true", help="profile a new session's first run instead")
    parser.add_argument("--callers", help="also print who calls functions matching this pattern")
    arguments = parser.parse_args(argv)
    workspace = Workspace()
    wrapper = ROOT / f".bench-profile-{workspace.folder.name}.py"
    dump_folder = workspace.folder / "profiles"
    dump_folder.mkdir()
    try:
        wrapper.write_text(WRAPPER.format(dashboard=str(ROOT / "dashboard.py")), encoding="utf-8")
        url = arguments.database or workspace.database(arguments.scale)
        with running_server(wrapper, workspace.folder / "profile.log", url,
                            env={"MPC_PROFILE_DIR": str(dump_folder)}) as app:
            dumps = asyncio.run(_profile_first_runs(app.ws_url, dump_folder) if arguments.first
                                else _profile_pages(app.ws_url, arguments.pages, dump_folder))
        for page, files in dumps.items():
            print(f"\n===== {page}: {len(files)} runs, {arguments.sort} =====")
            print(hotspots(files, arguments.limit, arguments.sort, arguments.callers))
    finally:
        wrapper.unlink(missing_ok=True)
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
