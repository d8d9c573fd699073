"""PlanKey: what every cached read depends on, built once per run by ui.shell.context (context.key)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class PlanKey:
    """Frozen and hashable, so it is the cache key itself (for ui.reads.memo.shared and st.cache_data)."""

    url: str  # the database
    plan_id: int
    # The plan's change counter: never read by a query, it only keys the cache. Every write moves it (in
    # any process), so the next run misses the cache and reads fresh data.
    counter: int
    as_of: dt.date  # the Stand
    # Anonymous visitors (the public view) see released reports only and protected small counts.
    released_only: bool = False
    lang: str = "de"

    def at(self, as_of: dt.date) -> PlanKey:
        """The same plan and state on another Stand."""
        return replace(self, as_of=as_of)

    def with_unreleased(self) -> PlanKey:
        """The same key with unreleased reports counted (the signed-in views of reporting)."""
        return replace(self, released_only=False)
