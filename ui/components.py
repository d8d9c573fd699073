"""Shared Streamlit widgets: the example-data banner, traffic-light figures with words."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from models.formats import format_number, format_percent
from ui.context import PlanContext
from models.texts import light_words
from ui import url_bind
from ui.texts import language, t
from ui.url_state import shown

LIGHT_BADGE_COLOURS = {"green": "green", "yellow": "orange", "red": "red", "grey": "gray"}
LIGHT_ICONS = {
    "green": ":material/check_circle:",
    "yellow": ":material/schedule:",
    "red": ":material/error:",
    "grey": ":material/radio_button_unchecked:",
}


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:])")


def plain(text: object) -> str:
    """User-typed text made safe for st.markdown: every Markdown/HTML character is escaped."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(str(text).split()))


def plan_header(context: PlanContext, page_title: str) -> None:
    st.title(page_title)
    st.markdown(f"**{plain(context.name)}** · {plain(context.owner)} · {t('common.as_of', date=context.as_of.strftime('%d.%m.%Y'))}")
    if context.is_example:
        st.info(t("plan.example"), icon=":material/science:")


def light_label(colour: str) -> str:
    """The colour's name and meaning in words in the session's language, e.g. 'Grün – im Plan'."""
    return light_words(colour, language())


def light_metrics(shares: pd.DataFrame) -> None:
    """One metric per traffic-light colour: count and share, always with the colour's words."""
    for column, row in zip(st.columns(len(shares)), shares.itertuples()):
        with column:
            st.badge(t(f"light.{row.light}").capitalize(), icon=LIGHT_ICONS[row.light],
                     color=LIGHT_BADGE_COLOURS[row.light])
            st.metric(
                light_label(row.light),
                t("overview.light_metric", count=format_number(row.count), share=format_percent(row.share)),
                label_visibility="collapsed",
            )
            st.caption(t(f"light_label.{row.light}"))


def measure_picker(key: str, titles: dict[str, str], offered: list[str], label: str, placeholder: str,
                   unknown_key: str, preselect_single: bool = False) -> str | None:
    """Selectbox of one measure, bound to ?massnahme=<code>. Offers `offered` and keeps a measure
    chosen earlier (or by link) even when filters leave it out; an unknown code gets a hint."""
    url_bind.adopt("massnahme", key, lambda raw: _parse_measure(raw, titles, unknown_key))
    current = st.session_state.get(key)
    if current not in titles:
        st.session_state.pop(key, None)
        current = None
    if current is None and preselect_single and len(titles) == 1:
        st.session_state[key] = current = next(iter(titles))
    options = offered if current is None or current in offered else [current, *offered]
    code = st.selectbox(label, options, index=None, key=key, format_func=lambda c: f"{c} – {titles[c]}",
                        placeholder=placeholder)
    url_bind.publish("massnahme", code)
    return code


def _parse_measure(raw: str | None, titles: dict[str, str], unknown_key: str) -> tuple[str | None, str | None]:
    if raw is None or raw == "":
        return None, None
    if raw in titles:
        return raw, None
    return None, t(unknown_key, code=shown(raw))
