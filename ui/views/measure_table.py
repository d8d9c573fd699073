"""The Maßnahmen table as the page shows it, built once per data state and language, shown a page at a time.

Words (status, traffic light, freshness) are looked up once per distinct value and mapped over the
column, not built row by row; the finished frame is cached in ui/reads/measures.py, and only one page of it
(PAGE_SIZE rows) goes to the browser per run.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

import ui.strings  # noqa: F401  (registers the UI strings)
from models.texts import light_words, localised_column, text

PAGE_SIZE = 200  # a real plan (the example: 105 measures) fits on one page


def table_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The measures (a measure_list frame) with words for status, traffic light and freshness in lang."""
    statuses = {status: text(f"status.{status}", lang) for status in frame["status"].unique()}
    lights = {colour: light_words(colour, lang) for colour in frame["light"].unique()}
    stale_words = np.where(frame["last_report_date"].isna(), text("measures.stale_none", lang),
                           text("measures.stale", lang))
    return pd.DataFrame({
        "code": frame["code"], "title": frame["title"], "action_field": frame["action_field"],
        "guiding_goal": frame["guiding_goal"], "year": frame["year"], "lead": frame["lead_organisation"],
        "status": frame["status"].map(statuses), "progress": frame["progress"],
        "light": frame["light"].map(lights), "reason": frame[localised_column("reason", lang)],
        "last_report": frame["last_report_date"], "freshness": np.where(frame["stale"], stale_words, ""),
        "prioritised": frame["prioritised"].astype(bool),
    })


def columns(lang: str) -> dict:
    """Column configuration: the state first (what the board asks about), the place in the plan after it."""
    def label(name: str) -> str:
        return text(f"measures.col.{name}", lang)

    return {
        "code": st.column_config.TextColumn(label("code"), pinned=True),
        "title": st.column_config.TextColumn(label("title"), width="large"),
        "status": st.column_config.TextColumn(label("status")),
        "progress": st.column_config.ProgressColumn(label("progress"), min_value=0, max_value=100, format="%d %%"),
        "light": st.column_config.TextColumn(label("light")),
        "reason": st.column_config.TextColumn(label("reason"), width="large"),
        "last_report": st.column_config.DateColumn(label("last_report"), format="DD.MM.YYYY"),
        "freshness": st.column_config.TextColumn(label("freshness")),
        "prioritised": st.column_config.CheckboxColumn(label("prioritised")),
        "year": st.column_config.NumberColumn(label("year"), format="%d"),
        "action_field": st.column_config.TextColumn(label("action_field")),
        "guiding_goal": st.column_config.TextColumn(label("guiding_goal"), width="large"),
        "lead": st.column_config.TextColumn(label("lead")),
    }


def page_count(rows: int, size: int = PAGE_SIZE) -> int:
    """How many pages `rows` rows fill (at least one)."""
    return max(1, -(-rows // size))


def page_rows(page: int, size: int = PAGE_SIZE) -> slice:
    """The rows of page `page` (1-based)."""
    return slice((page - 1) * size, page * size)


def page_of(frame: pd.DataFrame, page: int, size: int = PAGE_SIZE) -> pd.DataFrame:
    return frame.iloc[page_rows(page, size)]
