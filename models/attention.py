"""What needs attention as of the Stand: the measures red, yellow, overdue or stale (rules.needs_attention),
most urgent first (rules.attention_rank). The Übersicht lists the first of them, the Maßnahmen page shows all
of them (?auswahl=aufmerksamkeit), from the same frame and in the same order. No database, no Streamlit.
"""

from __future__ import annotations

import pandas as pd

from models.rules import attention_rank, needs_attention


def attention_mask(states: pd.DataFrame) -> pd.Series:
    """True for the measures that need attention. states: models.queries.measure_states (or a frame built on
    it, e.g. models.measures.measure_list), so the public view's released_only already holds."""
    return pd.Series([needs_attention(light, int(late), bool(stale)) for light, late, stale
                      in zip(states["light"], states["days_overdue"], states["stale"])],
                     index=states.index, dtype=bool)


def by_urgency(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows most urgent first: red, yellow, then the rest; within that the most days overdue, then the
    oldest last report (measures never reported on first), then the code. A fresh index."""
    keys = pd.DataFrame({
        "rank": [attention_rank(light) for light in frame["light"]],
        "late": -frame["days_overdue"].astype(int),
        "last": pd.to_datetime(frame["last_report_date"]),
        "code": frame["code"].astype(str),
    }, index=frame.index)
    order = keys.sort_values(["rank", "late", "last", "code"], na_position="first", kind="stable").index
    return frame.loc[order].reset_index(drop=True)


def needing_attention(states: pd.DataFrame) -> pd.DataFrame:
    """The measures that need attention, most urgent first (attention_mask, by_urgency)."""
    return by_urgency(states[attention_mask(states)])
