"""Reads pip-audit's JSON result (-f json) and says whether the audit really ran.

pip-audit skips every package it cannot look up (for example when its vulnerability service cannot be
reached) and still prints "No known vulnerabilities found". Here a skipped package fails the audit.
Exit status: 0 every package checked, none vulnerable; 1 known vulnerabilities; 2 not (fully) checked.
Usage: python3 scripts/audit_verdict.py RESULT.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CLEAN, VULNERABLE, NOT_CHECKED = 0, 1, 2
SHOWN = 5  # skipped packages named in the message


def verdict(result_file: Path) -> tuple[int, list[str]]:
    try:
        dependencies = json.loads(result_file.read_text(encoding="utf-8"))["dependencies"]
    except (OSError, ValueError, KeyError, TypeError):
        return NOT_CHECKED, ["FEHLER: pip-audit hat kein Ergebnis geliefert (Dienst nicht erreichbar?). "
                             "Die Abhängigkeiten sind NICHT geprüft."]
    if not dependencies:
        return NOT_CHECKED, ["FEHLER: pip-audit hat keine Pakete gelesen. Die Abhängigkeiten sind NICHT geprüft."]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    if skipped:
        lines = [f"FEHLER: {len(skipped)} von {len(dependencies)} Paketen konnte pip-audit nicht prüfen; "
                 "seine Meldung „No known vulnerabilities found“ gilt für sie nicht. "
                 "Die Abhängigkeiten sind NICHT geprüft."]
        lines += [f"  {d['name']}: {d['skip_reason']}" for d in skipped[:SHOWN]]
        if len(skipped) > SHOWN:
            lines.append(f"  … und {len(skipped) - SHOWN} weitere")
        return NOT_CHECKED, lines
    vulnerable = [d for d in dependencies if d.get("vulns")]
    if vulnerable:
        lines = [f"SCHWACHSTELLEN: {len(vulnerable)} von {len(dependencies)} Paketen sind betroffen."]
        lines += [f"  {d['name']} {d['version']}: {v['id']} (behoben in: {', '.join(v.get('fix_versions') or '-')})"
                  for d in vulnerable for v in d["vulns"]]
        return VULNERABLE, lines
    return CLEAN, [f"OK: alle {len(dependencies)} Pakete geprüft, keine bekannte Schwachstelle."]


if __name__ == "__main__":
    status, message = verdict(Path(sys.argv[1]))
    print("\n".join(message), file=sys.stderr if status else sys.stdout)
    sys.exit(status)
