"""python3 -m bench [NAME ...] [--scale 10]: run the benchmarks, print their tables, append their figures
to bench/results/<name>.jsonl. Without names, all of them; --scale 10 adds scale x10 to x1.
python3 -m bench rerun --against REF: the rerun benchmark of this tree and of the git ref REF in one run."""

from __future__ import annotations

import argparse
import os
import sys
import time

from bench import against, documents, imports, open_data, rerun, sessions, two_processes, writes
from bench.common import Workspace, print_table, verdict

BENCHMARKS = {
    "rerun": rerun.run,
    "sessions": sessions.run,
    "writes": writes.run,
    "documents": documents.run,
    "two_processes": two_processes.run,
    "imports": imports.run,
    "open_data": open_data.run,
}


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python3 -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", choices=[[], *BENCHMARKS], metavar="NAME",
                        help=f"benchmarks to run (default: all): {', '.join(BENCHMARKS)}")
    parser.add_argument("--scale", type=float, default=1,
                        help="also run at this scale (x1 always runs; e.g. --scale 10 for 8,000 Maßnahmen)")
    parser.add_argument("--against", metavar="REF",
                        help="only with rerun: measure this tree and the git ref REF (a temporary worktree) in "
                             "turn and print new/old per page")
    arguments = parser.parse_args(argv)
    if arguments.against and arguments.names != ["rerun"]:
        parser.error("--against goes with the benchmark rerun only: python3 -m bench rerun --against REF")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse(sys.argv[1:] if argv is None else argv)
    names = arguments.names or list(BENCHMARKS)
    scales = sorted({1.0, arguments.scale})
    workspace = Workspace()
    started = time.perf_counter()
    judged = []
    print(f"Maschine: {os.cpu_count()} CPUs, Last (1 min) {os.getloadavg()[0]:.1f} zu Beginn", flush=True)
    try:
        for name in names:
            print(f"\n=== {name} (Maßstab {', '.join(f'x{s:g}' for s in scales)}) ===", flush=True)
            report = (against.run(workspace, scales, arguments.against) if arguments.against
                      else BENCHMARKS[name](workspace, scales))
            judged += [f for f in report.figures if f.met is not None]
    except against.UnknownRef as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
    finally:
        workspace.close()
    print_table("Ziele", ["Messung", "Maßstab", "Wert", "Ziel", "erfüllt"],
                [[f"{f.benchmark}: {f.name}", f"x{f.scale:g}", f"{f.value} {f.unit}".strip(), f.target,
                  verdict(f.met)] for f in judged])
    print(f"\nGesamtdauer {time.perf_counter() - started:.0f} s, Last (1 min) am Ende {os.getloadavg()[0]:.1f};"
          " Ergebnisse in bench/results/*.jsonl")
    return 0


if __name__ == "__main__":
    sys.exit(main())
