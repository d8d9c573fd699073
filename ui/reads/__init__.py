"""Cached reads for the pages, one module per family of screens, all keyed by a PlanKey (ui.reads.key).

The key holds the plan's change counter, so a write anywhere (in any app process) changes the key and
the next run reads fresh data. What a page reads on every run is memoised with ui.reads.memo.shared
(one object shared by all sessions: read-only); st.cache_data (a copy per call) is left for what a
caller may change or what is read rarely. A read that does not depend on every field of the key (the
Stand, the audience, the language) still takes the whole key: one short call shape for every read, at
the cost of a few more cache entries.
"""
