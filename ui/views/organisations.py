"""The Akteure in words: link slugs of the kinds, the overview table and one organisation's measures.
No Streamlit."""

from __future__ import annotations

import re

import pandas as pd

import ui.strings  # noqa: F401  (registers the UI strings)
from models.organisations import LEAD, PARTNER
from models.rules import LIGHTS, progress_text
from models.texts import light_words, localised_column, text


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def kind_slug(kind: str) -> str:
    """The plain ASCII word for an organisation's kind in a link: 'Bildungsträger' -> 'bildungstraeger'."""
    return re.sub(r"[^a-z0-9]+", "-", kind.lower().translate(_UMLAUTS)).strip("-")


def overview_table(overview: pd.DataFrame, lang: str = "de") -> pd.DataFrame:
    """One line per organisation: kind, measures led and partnered, and the lights of its measures
    (one column per colour, headed by the colour in words)."""
    col = lambda key: text(f"organisations.col.{key}", lang)  # noqa: E731
    table = pd.DataFrame({
        col("name"): overview["name"],
        col("kind"): overview["kind"],
        col("lead"): overview[LEAD].astype(int),
        col("partner"): overview[PARTNER].astype(int),
        col("measures"): overview["measures"].astype(int),
    })
    for colour in LIGHTS:
        table[light_words(colour, lang)] = overview[colour].astype(int)
    return table.reset_index(drop=True)


def measures_table(measures: pd.DataFrame, lang: str = "de") -> pd.DataFrame:
    """The measures of one organisation: code, title, role, status, progress and Ampel in words."""
    col = lambda key: text(f"organisations.col.{key}", lang)  # noqa: E731
    return pd.DataFrame({
        col("code"): measures["code"],
        col("title"): measures["title"],
        col("role"): [text(f"organisations.role.{role}", lang) for role in measures["role"]],
        col("status"): [text(f"status.{status}", lang) for status in measures["status"]],
        col("progress"): [progress_text(value, lang) for value in measures["progress"]],
        col("light"): [light_words(colour, lang) for colour in measures["light"]],
        col("reason"): measures[localised_column("reason", lang)],
    }).reset_index(drop=True)
