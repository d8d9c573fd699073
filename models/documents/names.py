"""The report's file names: the internal and the public version never share one."""

from __future__ import annotations

import datetime as dt

VERSION_SUFFIX = {False: "intern", True: "oeffentlich"}


def report_file_name(slug: str, as_of: dt.date, released_only: bool, extension: str) -> str:
    """E.g. "Fachbeirat-Bericht_masterplan_2026-03-12_intern.pptx" (public: "..._oeffentlich.pdf")."""
    return f"Fachbeirat-Bericht_{slug}_{as_of.isoformat()}_{VERSION_SUFFIX[released_only]}.{extension}"
