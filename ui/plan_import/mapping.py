"""The import page's first steps: reading the upload, the scope and the column mapping (widgets).

Every widget has a key derived from the file's digest, so all the user chose stays in the session across
reruns and failed validations, and a new file starts with fresh guesses.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from models.transfer import layout, template
from models.transfer.importer import propose
from models.transfer.mapping import ColumnMapping, guess, is_explanation, is_info
from models.transfer.parsing import (
    RawTable,
    UnreadableFile,
    import_limits,
    is_missing,
    period_columns,
    plain_text,
    read_file,
)
from ui.plan_import.picks import placeholder
from ui.shell import run_gate
from ui.shell.choices import keep_offered
from ui.views.markdown import plain
from ui.shell.texts import t

ALL_LEVELS = "*"
SKIP = ""
PARSED = "import_parsed"  # (digest of the upload, its tables or the UnreadableFile it raised)


def read_tables(name: str, data: bytes, file_key: str) -> list[RawTable]:
    """The tables of the uploaded file, parsed once per file (file_key: its digest) and kept in the
    session with the outcome, so reruns neither parse it again nor copy it; UnreadableFile (also a
    refusal by the limits) is raised again on each rerun. The parse steps out of the run gate."""
    stored = st.session_state.get(PARSED)
    if stored is None or stored[0] != file_key:
        st.session_state.pop(PARSED, None)  # the previous file's tables go before the next is read
        with run_gate.stepped_out():
            try:
                outcome: list[RawTable] | UnreadableFile = read_file(name, data, import_limits())
            except UnreadableFile as unreadable:
                outcome = unreadable
        stored = st.session_state[PARSED] = (file_key, outcome)
    if isinstance(stored[1], UnreadableFile):
        raise stored[1]
    return stored[1]


@st.cache_resource(show_spinner=False)
def template_files() -> tuple[bytes, bytes]:
    """The import templates (Excel, CSV zip); they depend on the code only."""
    return template.excel_template(), template.csv_template()


def digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:12]


def level_label(name: str) -> str:
    return layout.level(name).sheet


def choose_scope(key: str) -> str:
    """The whole plan, or one level; returns ALL_LEVELS or the level's name."""
    options = [ALL_LEVELS, *(level.name for level in layout.LEVELS)]
    keep_offered(key, options, t("import.scope"))
    return st.selectbox(
        t("import.scope"), options, key=key, placeholder=placeholder(options),
        format_func=lambda value: t("import.scope.all") if value == ALL_LEVELS
        else t("import.scope.level", level=level_label(value)),
    )


def _examples(table: RawTable, header: str) -> str:
    index = table.headers.index(header)
    values = []
    for row in table.rows:
        value = row.value(index)
        if not is_missing(value):
            text = plain_text(value)
            values.append(text if len(text) <= 30 else text[:27] + "…")
        if len(values) == 3:
            break
    if not values:
        return ""
    return t("import.mapping.example", values=plain(" · ".join(f"„{value}“" for value in values)))


def mapping_widgets(tables: list[RawTable], scope: str, file_key: str) -> list[ColumnMapping | None]:
    """One section per table: its level (or skip) and a select box per column, prefilled with the guesses."""
    guesses = propose(tables, None if scope == ALL_LEVELS else scope)
    mappings: list[ColumnMapping | None] = []
    for index, (table, guessed) in enumerate(zip(tables, guesses)):
        if not table.headers or is_info(table) or is_explanation(table) or (guessed is None and scope != ALL_LEVELS):
            mappings.append(None)
            continue
        if guessed is None and not table.rows:
            mappings.append(None)
            continue
        mappings.append(_table_mapping(table, guessed, f"{file_key}_{scope}_{index}"))
    return mappings


def _table_mapping(table: RawTable, guessed: ColumnMapping | None, key: str) -> ColumnMapping | None:
    level_key = f"import_level_{key}"
    options = [SKIP, *(level.name for level in layout.LEVELS)]
    keep_offered(level_key, options, t("import.mapping.level"))
    st.session_state.setdefault(level_key, guessed.level if guessed else SKIP)
    current = st.session_state[level_key]
    title = t("import.mapping.sheet", sheet=plain(table.name),
              level=level_label(current) if current else t("import.mapping.skip_sheet"))
    with st.expander(title, expanded=bool(current)):
        level_name = st.selectbox(t("import.mapping.level"), options, key=level_key,
                                  placeholder=placeholder(options),
                                  format_func=lambda value: level_label(value) if value else t("import.mapping.skip_sheet"))
        if not level_name:
            return None
        proposal = guess(table, level_name)
        if proposal.wide:
            st.info(t("import.mapping.wide", periods=plain(", ".join(period_columns(table.headers)))),
                    icon=":material/table_rows:")
        columns = _column_boxes(table, proposal, f"{key}_{level_name}")
        constants = _constants(proposal, columns, f"{key}_{level_name}")
    return ColumnMapping(level_name, columns, constants, wide=proposal.wide)


def _column_boxes(table: RawTable, proposal: ColumnMapping, key: str) -> dict[str, str | None]:
    level = layout.level(proposal.level)
    options = [SKIP, *(column.attribute for column in level.columns)]
    headers = {column.attribute: column.header + (" *" if column.required else "") for column in level.columns}
    chosen: dict[str, str | None] = {}
    boxes = [header for header in proposal.columns if not (proposal.wide and header in period_columns(table.headers))]
    grid = st.columns(3)
    for position, header in enumerate(boxes):
        box_key = f"import_col_{key}_{position}"
        keep_offered(box_key, options, t("import.mapping.column", header=header))
        st.session_state.setdefault(box_key, proposal.columns[header] or SKIP)
        with grid[position % 3]:
            value = st.selectbox(t("import.mapping.column", header=plain(header)), options, key=box_key,
                                 format_func=lambda value: headers[value] if value else t("import.mapping.ignore"),
                                 help=_examples(table, header) or None, placeholder=placeholder(options))
        chosen[header] = value or None
    for header in proposal.columns:
        chosen.setdefault(header, None)
    return chosen


def _constants(proposal: ColumnMapping, columns: dict[str, str | None], key: str) -> dict[str, str]:
    """A text field for each required column that no column of the file fills (e.g. the indicator's code)."""
    level = layout.level(proposal.level)
    filled = {attribute for attribute in columns.values() if attribute}
    if proposal.wide:
        filled |= {"value_date", "value"}
    constants = {}
    for column in level.columns:
        if column.required and column.attribute not in filled:
            value = st.text_input(t("import.mapping.constant", header=column.header), key=f"import_const_{key}_"
                                  f"{column.attribute}", help=t("import.mapping.constant.help"))
            if value.strip():
                constants[column.attribute] = value.strip()
    return constants
