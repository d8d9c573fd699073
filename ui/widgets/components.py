"""Shared Streamlit widgets: the example-data banner, traffic-light figures with words."""

from __future__ import annotations

import weakref

import pandas as pd
import pyarrow as pa
import streamlit as st

from models.formats import format_number, format_percent
from ui.shell.context import PlanContext
from models.texts import light_words
from ui.shell import url_bind
from ui.views.markdown import plain
from ui.shell.texts import language, t
from ui.shell.url_state import code_in_url, find_code, shown

LIGHT_BADGE_COLOURS = {"green": "green", "yellow": "orange", "red": "red", "grey": "gray"}
LIGHT_ICONS = {
    "green": ":material/check_circle:",
    "yellow": ":material/schedule:",
    "red": ":material/error:",
    "grey": ":material/radio_button_unchecked:",
}


# Arrow form of the display tables that the caches share across runs (ui.reads.memo.shared): st.dataframe
# converts a pandas frame on every run, a few milliseconds each. Keyed by the frame object; the entry
# goes when the frame does, so a recycled id never finds a stale table.
_ARROW_OF: dict[int, pa.Table] = {}


def arrow_of(frame: pd.DataFrame) -> pa.Table | None:
    """The frame as an Arrow table without the index, built once per frame object; None where its
    column types do not convert (then Streamlit's own conversion handles it)."""
    table = _ARROW_OF.get(id(frame))
    if table is None:
        try:
            table = pa.Table.from_pandas(frame, preserve_index=False)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            return None
        _ARROW_OF[id(frame)] = table
        weakref.finalize(frame, _ARROW_OF.pop, id(frame), None)
    return table


# The main column is about 1,070 px wide at 1,440 px with the sidebar open (ui/shell/chrome.py): a table
# fits when its columns do.
FIT_WIDTH_PX = 990
_CHAR_PX = 7.4  # Source Sans at 14 px: an average character
_CELL_PX = 42  # a cell's padding, the header's menu icon and the grid's lines
_AUTO_MAX_PX = 500  # the grid sizes a column by its content up to about this width
MIN_TEXT_PX = 120
_NAMED_WIDTHS = {"small": 75, "medium": 200, "large": 400}


def fit_columns(frame: pd.DataFrame, column_config: dict | None = None, width_px: int = FIT_WIDTH_PX) -> dict:
    """COLUMN_CONFIG (by column name) with widths that let the table fit WIDTH_PX where it can: every column
    keeps its natural width (its longest text, the header included) until they add up to more; then the
    widest text columns without a width of their own are narrowed to one common width (at least
    MIN_TEXT_PX), their text ends in "…" (the whole text shows when the cell is chosen). A table that
    still does not fit scrolls sideways in its own grid. Hidden columns (None) and labels stay as given."""
    config = dict(column_config or {})
    fixed, flexible = 0.0, {}
    for name in frame.columns:
        given = config.get(name)
        if given is None and name in config:
            continue  # hidden
        width = given.get("width") if isinstance(given, dict) else None
        if width is not None:
            fixed += _NAMED_WIDTHS.get(width, width) if isinstance(width, str) else float(width)
            continue
        header = given.get("label") if isinstance(given, dict) else given
        natural = _natural_width(frame, name, str(header or name))
        if (pd.api.types.is_object_dtype(frame[name]) or pd.api.types.is_string_dtype(frame[name])) \
                and natural > MIN_TEXT_PX:
            flexible[name] = natural
        else:
            fixed += natural
    if fixed + sum(flexible.values()) <= width_px or not flexible:
        return config
    cap = _common_cap(list(flexible.values()), width_px - fixed)
    for name, natural in flexible.items():
        if natural > cap:
            given = config.get(name)
            config[name] = {**(given if isinstance(given, dict) else {}), "width": int(cap),
                            **({"label": given} if isinstance(given, str) else {})}
    return config


def _natural_width(frame: pd.DataFrame, name: str, header: str) -> float:
    return min(_AUTO_MAX_PX, max(len(header), _longest_texts(frame)[name]) * _CHAR_PX + _CELL_PX)


_LONGEST: dict[int, dict[str, int]] = {}


def _longest_texts(frame: pd.DataFrame) -> dict[str, int]:
    """Per column the length of its longest text, measured once per frame object: the cached reads hand every
    run the same frame, and measuring 800 rows' texts on every run cost the table pages milliseconds."""
    longest = _LONGEST.get(id(frame))
    if longest is None:
        longest = {}
        for name in frame.columns:
            length = frame[name].astype(str).str.len().max() if len(frame) else 0
            longest[name] = 0 if pd.isna(length) else int(length)  # NaN: only empty cells
        _LONGEST[id(frame)] = longest
        weakref.finalize(frame, _LONGEST.pop, id(frame), None)
    return longest


def _common_cap(widths: list[float], room: float) -> float:
    """The largest width C (not below MIN_TEXT_PX) with sum(min(w, C)) <= room."""
    for cap in sorted(widths, reverse=True):
        narrower = [w for w in widths if w < cap]
        cap_for_room = (room - sum(narrower)) / (len(widths) - len(narrower))
        if cap_for_room >= max(narrower, default=0):
            return max(MIN_TEXT_PX, min(cap, cap_for_room))
    return MIN_TEXT_PX


def dataframe(frame: pd.DataFrame, rows: slice | None = None, **kwargs):
    """st.dataframe of a display-only table (optionally only its rows[start:stop]), without the index; its
    text columns narrowed to fit the page where they can (fit_columns)."""
    kwargs["column_config"] = fit_columns(frame, kwargs.get("column_config"))
    table = arrow_of(frame)
    if table is None:
        return st.dataframe(frame.iloc[rows] if rows else frame, hide_index=True, **kwargs)
    if rows:
        start = rows.start or 0
        table = table.slice(start, max(0, min(rows.stop, table.num_rows) - start))
    return st.dataframe(table, **kwargs)


def plan_header(context: PlanContext, page_title: str) -> None:
    st.title(page_title)
    if not context.has_plan:  # the pages that work while the database holds no plan yet
        return
    parts = [f"**{plain(context.name)}**", plain(context.owner) if (context.owner or "").strip() else "",
             t("common.as_of", date=context.as_of.strftime("%d.%m.%Y"))]
    st.markdown(" · ".join(part for part in parts if part))  # a plan without an owner: no empty "· ·"
    if context.is_example:
        st.info(t("plan.example"), icon=":material/science:")


def light_label(colour: str) -> str:
    """The colour's name and meaning in words in the session's language, e.g. 'Grün – im Plan'."""
    return light_words(colour, language())


def light_metrics(shares: pd.DataFrame) -> None:
    """One metric per traffic-light colour: count and share, always with the colour's words."""
    metrics = st.container(horizontal=True)
    for row in shares.itertuples():
        metrics.metric(light_metric_label(row.light),
                       t("overview.light_metric", count=format_number(row.count), share=format_percent(row.share)))


def light_metric_label(colour: str) -> str:
    """The colour as a badge with its icon and name, then its meaning: ':green-badge[… Grün] im Plan'."""
    return (f":{LIGHT_BADGE_COLOURS[colour]}-badge[{LIGHT_ICONS[colour]} {t(f'light.{colour}').capitalize()}] "
            f"{t(f'light_label.{colour}')}")


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
    url_bind.publish("massnahme", None if code is None else code_in_url(code, titles))
    return code


def _parse_measure(raw: str | None, titles: dict[str, str], unknown_key: str) -> tuple[str | None, str | None]:
    if raw is None or raw == "":
        return None, None
    code = find_code(raw, titles)
    if code is not None:
        return code, None
    return None, t(unknown_key, code=shown(raw))
