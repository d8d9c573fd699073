"""Filter widgets and the measure picker of the page Maßnahmen, bound to the URL.

Every filter lives in the URL with plain, validated words, so a mailed link restores the view:
?hf=HF2&lz=LZ1&jahr=2025&status=verzoegert,gefaehrdet&ampel=rot&org=3&prio=1&veraltet=1&suche=kurs,
?auswahl=aufmerksamkeit (the measures needing attention, most urgent first: the Übersicht's list), the
page of the table as ?seite=2 and the selected measure as ?massnahme=<code>.
"""

from __future__ import annotations

import streamlit as st

from models.measures import MeasureFilters
from models.formats import format_number
from ui.widgets import components
from ui.views import measure_table
from ui.shell import url_bind
from ui.shell.choices import keep_offered
from ui.views.measure_filter_options import Choice
from ui.shell.texts import t
from ui.shell.url_state import parse_choice, parse_flag, parse_choices, parse_text, shown

PICK_KEY = "measures_pick"
TABLE_KEY = "measures_table"
_TABLE_CODES = "_measures_table_codes"
SEARCH_KEY = "measures_search"
PAGE_KEY = "measures_page"
_PAGE_FILTERS = "_measures_page_filters"
FLAG_KEYS = {"prio": "measures_prio", "veraltet": "measures_stale"}
ATTENTION_PARAM, ATTENTION_WORD = "auswahl", "aufmerksamkeit"
ATTENTION_KEY = "measures_attention"
FILTER_WIDTH = 250  # px: three filters a row at 1400 px wide, more on a wider screen, fewer on a narrow one
SEARCH_WIDTH = 320


def filter_panel(specs: tuple[Choice, ...]) -> MeasureFilters:
    """The filter widgets in an expander at the top of the page; returns the chosen filters.
    specs: the plan's choices (ui.reads.measures.measure_filter_choices)."""
    for spec in specs:
        url_bind.adopt(spec.param, spec.key, lambda raw, spec=spec: parse_choices(raw, spec.words, spec.label))
        if spec.key in st.session_state:  # values of another plan are no options here
            st.session_state[spec.key] = [v for v in st.session_state[spec.key] if v in spec.names]
    flag_labels = {"prio": t("measures.filter.prioritised"), "veraltet": t("measures.filter.stale")}
    for param, key in FLAG_KEYS.items():
        url_bind.adopt(param, key, lambda raw, label=flag_labels[param]: parse_flag(raw, label))
    url_bind.adopt("suche", SEARCH_KEY, lambda raw: parse_text(raw, t("measures.filter.search")))
    attention_label = t("measures.filter.attention")
    url_bind.adopt(ATTENTION_PARAM, ATTENTION_KEY,
                   lambda raw: parse_choice(raw, {ATTENTION_WORD: True}, attention_label))

    active = sum(bool(st.session_state.get(key)) for key in _all_keys(specs))
    title = t("measures.filters_active", count=active) if active else t("measures.filters")
    with st.expander(title, expanded=True, icon=":material/filter_alt:", key="measures_filter_panel"):
        # Horizontal containers that wrap (three filters a row on a wide screen): two blocks per run
        # instead of a column block per widget.
        choices_row = st.container(horizontal=True)
        for spec in specs:
            keep_offered(spec.key, spec.names, spec.label)
            choices_row.multiselect(spec.label, list(spec.names), format_func=spec.names.__getitem__, key=spec.key,
                                    placeholder=t("measures.filter.placeholder"), width=FILTER_WIDTH)
        search_row = st.container(horizontal=True, vertical_alignment="bottom")
        # A width of its own: squeezed by the checkboxes beside it, the field lost Streamlit's input hint.
        search_row.text_input(t("measures.filter.search"), key=SEARCH_KEY, max_chars=100,
                              placeholder=t("measures.filter.search_placeholder"), width=SEARCH_WIDTH)
        search_row.checkbox(flag_labels["prio"], key=FLAG_KEYS["prio"], help=t("measures.filter.prioritised_help"))
        search_row.checkbox(flag_labels["veraltet"], key=FLAG_KEYS["veraltet"], help=t("measures.filter.stale_help"))
        search_row.checkbox(attention_label, key=ATTENTION_KEY, help=t("measures.filter.attention_help"))
        search_row.button(t("measures.filter.reset"), icon=":material/filter_alt_off:", disabled=not active,
                          on_click=_reset, args=(specs,))
        st.caption(t("measures.filter.link_hint"))
    return _publish(specs)


def _all_keys(specs: tuple[Choice, ...]) -> list[str]:
    return [spec.key for spec in specs] + list(FLAG_KEYS.values()) + [SEARCH_KEY, ATTENTION_KEY]


def _reset(specs: tuple[Choice, ...]) -> None:
    for spec in specs:
        st.session_state[spec.key] = []
    for key in (*FLAG_KEYS.values(), ATTENTION_KEY):
        st.session_state[key] = False
    st.session_state[SEARCH_KEY] = ""


def _publish(specs: tuple[Choice, ...]) -> MeasureFilters:
    chosen = {spec.param: _publish_choice(spec) for spec in specs}
    flags = {param: bool(st.session_state.get(key)) for param, key in FLAG_KEYS.items()}
    for param, value in flags.items():
        url_bind.publish(param, "1" if value else None)
    search = " ".join(str(st.session_state.get(SEARCH_KEY) or "").split())
    url_bind.publish("suche", search or None)
    attention_only = bool(st.session_state.get(ATTENTION_KEY))
    url_bind.publish(ATTENTION_PARAM, ATTENTION_WORD if attention_only else None)
    return MeasureFilters(
        action_fields=chosen["hf"], guiding_goals=chosen["lz"], years=chosen["jahr"], statuses=chosen["status"],
        lights=chosen["ampel"], organisations=chosen["org"], prioritised_only=flags["prio"],
        stale_only=flags["veraltet"], search=search, attention_only=attention_only,
    )


def _publish_choice(spec: Choice) -> tuple:
    """The values chosen in one filter, also written to the URL as words."""
    chosen = tuple(st.session_state.get(spec.key, []))
    by_value = {value: word for word, value in spec.words.items()}
    url_bind.publish(spec.param, ",".join(by_value[value] for value in chosen) or None)
    return chosen


def page_picker(rows: int, filters: MeasureFilters) -> int:
    """The page of the table (?seite=N, 1-based; 1 is left out of the URL). Other filters than on the
    previous run start again at page 1; a page past the end shows the last one."""
    pages = measure_table.page_count(rows)
    if st.session_state.get(_PAGE_FILTERS, filters) != filters:
        st.session_state[PAGE_KEY] = 1
    st.session_state[_PAGE_FILTERS] = filters
    url_bind.adopt("seite", PAGE_KEY, lambda raw: parse_page(raw, pages))
    page = min(max(1, int(st.session_state.get(PAGE_KEY) or 1)), pages)
    if pages > 1:
        st.session_state[PAGE_KEY] = page
        page = int(st.number_input(t("measures.page"), min_value=1, max_value=pages, step=1, key=PAGE_KEY,
                                   help=t("measures.page_help", size=measure_table.PAGE_SIZE)))
    url_bind.publish("seite", None if page == 1 else str(page))
    return page


def parse_page(raw: str | None, pages: int) -> tuple[int | None, str | None]:
    """A page number from the URL: 1 to pages, else page 1 with a hint."""
    if raw is None or raw == "":
        return None, None
    if raw.isascii() and raw.isdigit() and len(raw) <= 6 and 1 <= int(raw) <= pages:
        return int(raw), None
    return 1, t("measures.page_unknown", raw=shown(raw), pages=format_number(pages))


def remember_table_rows(codes: list[str]) -> None:
    """The codes of the table's rows in display order, for the row-selection callback."""
    st.session_state[_TABLE_CODES] = codes


def table_selected() -> None:
    """st.dataframe on_select callback: a selected row becomes the measure in the detail view."""
    rows = st.session_state[TABLE_KEY].selection.rows
    codes = st.session_state.get(_TABLE_CODES, [])
    if rows and rows[0] < len(codes):
        st.session_state[PICK_KEY] = codes[rows[0]]


def measure_picker(titles: dict[str, str], offered: list[str]) -> str | None:
    """Selectbox of the measure shown in detail (?massnahme=<code>). Offers the measures on the table's page
    and keeps a measure chosen earlier (or by link) even when the filters leave it out."""
    return components.measure_picker(PICK_KEY, titles, offered, t("measures.detail.pick"),
                                     t("measures.detail.none"), "measures.detail.unknown")
