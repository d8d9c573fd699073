"""The import page's statistics path: official tables, series and wide tables become context indicators of the
current plan (models.transfer.statistics reshapes, models.transfer.importer checks and writes).

The user picks rows by value (region code and name), columns, the Stand and the source; every widget's key
carries the file's digest, so the choice stays across reruns and a new file starts afresh.
"""

from __future__ import annotations

import datetime as dt
import logging

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models.commands import CommandError
from models.formats import format_date, format_number
from models.transfer import importer, shapes, statistics, statistics_columns
from models.transfer.importer import ImportRefused, Target
from models.transfer.parsing import RawTable
from models.transfer.statistics import Choice, ChoiceRefused
from models.transfer.statistics_changes import change_messages, existing_changes
from ui.plan_import import profiles as profile_offer
from ui.plan_import.picks import columns_key as columns_key_of
from ui.plan_import.picks import placeholder
from ui.plan_import.preview import row_label, show_preview, stored_preview
from ui.shell import run_gate, write
from ui.shell.auth import current_actor
from ui.shell.choices import keep_offered
from ui.shell.texts import localised, t
from ui.views.markdown import option_text, plain

PLAN, TREE, SHAPES = shapes.PLAN, shapes.TREE, shapes.SHAPES  # one tree in one table: ui.plan_import.tree
PREVIEW = "import_stats_preview"  # (signature, Preview)
RESULT = "import_result"          # the page shows it once after the rerun
# Streamlit's date_input allows only ten years back by default; official tables reach back decades.
STAND_EARLIEST, STAND_LATEST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


def choose_shape(tables: list[RawTable], file_key: str) -> tuple[str, RawTable | None]:
    """The radio "Form der Datei", proposed from the content (models.transfer.shapes, as on the command line;
    the user may override it), and for a statistics shape the table to read: the one that looks like
    statistics, or the sheet the user picks."""
    readable = shapes.readable_tables(tables)
    proposal = shapes.proposed_shape(tables)
    first = next(((shape, table) for table in readable if (shape := statistics.detect_shape(table))), (None, None))
    key = f"import_shape_{file_key}"
    keep_offered(key, list(SHAPES), t("import.shape"))
    st.session_state.setdefault(key, proposal.shape)
    shape = st.radio(t("import.shape"), SHAPES, key=key, help=t("import.shape.help"), horizontal=True,
                     format_func=lambda value: t(f"import.shape.{value}"))
    if shape in (PLAN, TREE) or not readable:
        return shape, None
    if len(readable) == 1:
        return shape, readable[0]
    names = [table.name for table in readable]
    sheet_key = f"import_stats_sheet_{file_key}"
    keep_offered(sheet_key, names, t("import.stats.sheet"))
    st.session_state.setdefault(sheet_key, first[1].name if first[1] is not None else names[0])
    chosen = st.selectbox(t("import.stats.sheet"), names, key=sheet_key, format_func=option_text,
                          placeholder=placeholder(names))
    return shape, readable[names.index(chosen)]


def _series_categories(table: RawTable, period: str | None, key: str) -> tuple[list[str], str | None]:
    """Category columns (each combination of their values one indicator) and the column of units."""
    others = [header for header in table.headers if header != period]
    unit_key = f"import_stats_unit_column_{key}"
    unit_options = ["", *others]
    keep_offered(unit_key, unit_options, t("import.stats.unit_column"))
    st.session_state.setdefault(unit_key, shapes.proposed_unit_column(table, statistics.SERIES, period) or "")
    left, right = st.columns([3, 1])
    unit_column = right.selectbox(t("import.stats.unit_column"), unit_options, key=unit_key,
                                  placeholder=placeholder(unit_options),
                                  format_func=lambda value: option_text(value) if value
                                  else t("import.stats.unit_column.none"))
    offered = [header for header in others if header != unit_column]
    categories_key = f"import_stats_categories_{key}"
    keep_offered(categories_key, offered, None)
    st.session_state.setdefault(categories_key, shapes.proposed_categories(table, statistics.SERIES, period,
                                                                          unit_column or None))
    categories = left.multiselect(t("import.stats.categories"), offered, key=categories_key,
                                  format_func=option_text,
                                  placeholder=placeholder(offered), help=t("import.stats.categories.help"))
    return categories, unit_column or None


def _kind(table: RawTable, key: str) -> str | None:
    """For period columns of several kinds (Ergebnis 2010, Plan 2011): which kind becomes the values."""
    kinds = statistics_columns.kinds(table.headers)
    if len(kinds) < 2:
        return None
    options = ["", *kinds]  # "": each kind its own indicator, never one series of actual and planned figures
    kind_key = f"import_stats_kind_{key}"
    keep_offered(kind_key, options, t("import.stats.kind"))
    st.session_state.setdefault(kind_key, shapes.proposed_kind(table, statistics.WIDE) or "")

    def label(kind: str) -> str:
        if not kind:
            return t("import.stats.kind.all")
        periods = [statistics_columns.period_of(column)[1] for column in kinds[kind]]
        shown = periods[0] if len(periods) == 1 else f"{periods[0]}–{periods[-1]}"
        return t("import.stats.kind.label", kind=kind or "–", periods=shown)

    chosen = st.selectbox(t("import.stats.kind"), options, key=kind_key, format_func=label,
                          placeholder=placeholder(options), help=t("import.stats.kind.help"))
    return chosen or None


def _name(table: RawTable, shape: str, key: str, upload_name: str) -> str:
    """The name of the series in front of every code and title, proposed from the file (Open SDG: its indicator)."""
    name_key = f"import_stats_name_{key}"
    st.session_state.setdefault(name_key, statistics.proposed_name(table, upload_name, shape))
    return st.text_input(t("import.stats.name"), key=name_key, max_chars=80, help=t("import.stats.name.help"))


def _choice(table: RawTable, shape: str, key: str, upload_name: str) -> Choice:
    name = _name(table, shape, key, upload_name)
    rows: list[str] = []
    categories: list[str] = []
    unit_column = kind = None
    key_column = statistics.key_column(table, shape)
    if shape == statistics.SERIES:
        if key_column:
            st.caption(t("import.stats.period", column=plain(key_column)))
            categories, unit_column = _series_categories(table, key_column, key)
    else:
        box = f"import_stats_key_{key}"
        keep_offered(box, table.headers, t("import.stats.key"))
        st.session_state.setdefault(box, key_column or table.headers[0])
        key_column = st.selectbox(t("import.stats.key"), table.headers, key=box, format_func=option_text,
                                  placeholder=placeholder(table.headers))
        labels = dict(statistics.row_options(table, shape, key_column))
        rows = st.multiselect(t("import.stats.rows.wide" if shape == statistics.WIDE else "import.stats.rows"),
                              list(labels), key=f"import_stats_rows_{key}_{key_column}",
                              format_func=lambda value: labels.get(value, value), placeholder=placeholder(labels))
        if shape == statistics.WIDE:
            kind = _kind(table, key)
    offered = statistics.value_columns(table, shape, key_column, [*categories, *([unit_column] if unit_column else [])],
                                       kind)
    columns_key = columns_key_of(key, key_column, kind, unit_column)
    st.session_state.setdefault(columns_key, shapes.proposed_columns(table, shape, key_column, categories, unit_column,
                                                                     kind))
    columns = st.multiselect(t("import.stats.columns.wide" if shape == statistics.WIDE else "import.stats.columns"),
                             offered, key=columns_key, format_func=option_text, placeholder=placeholder(offered))
    left, middle, right = st.columns(3)
    stand = None
    dated = statistics.stand_column(table, key_column) if shape == statistics.OFFICIAL else None
    if dated:  # each row's period gives its values' Stand; the preview names the Stands used
        left.caption(t("import.stats.stand.column", column=plain(dated)))
    elif shape == statistics.OFFICIAL:
        stand = left.date_input(t("import.stats.stand"), value=statistics.proposed_stand(table), format="DD.MM.YYYY",
                                key=f"import_stats_stand_{key}", help=t("import.stats.stand.help"),
                                min_value=STAND_EARLIEST, max_value=STAND_LATEST)
    st.session_state.setdefault(f"import_stats_source_{key}", statistics.proposed_source(table))
    source = middle.text_input(t("import.stats.source"), key=f"import_stats_source_{key}")
    unit = right.text_input(t("import.stats.unit"), key=f"import_stats_unit_{key}", disabled=bool(unit_column))
    return Choice(shape, rows=rows, columns=columns, stand=stand, source=source.strip(), unit=unit.strip(),
                  key_column=key_column, categories=categories, unit_column=unit_column, name=name.strip())


def _notes_frame(notes: list[statistics.Note]) -> pd.DataFrame:
    return pd.DataFrame([{t("import.stats.col.row"): row_label(note.row),
                          t("import.stats.col.column"): note.column or "",
                          t("import.stats.col.reason"): localised(note.reason)} for note in notes])


def statistics_flow(table: RawTable, shape: str, upload_name: str, file_key: str, context) -> None:
    """Choice, preview and import of a statistics file into the current plan; ends the script run."""
    st.subheader(t("import.stats.step"), anchor=False)
    st.caption(t("import.stats.target", name=plain(context.name)))
    profile_offer.offer_statistics(context.url, context.plan_id, table, shape, f"{file_key}_{shape}", upload_name)
    choice = _choice(table, shape, f"{file_key}_{shape}", upload_name)
    if not choice.columns or (shape != statistics.SERIES and not choice.rows):
        st.info(t("import.stats.choose"), icon=":material/touch_app:")
        st.stop()
    try:
        reshaped = statistics.reshape(table, choice)
    except ChoiceRefused as refused:
        st.warning(t("import.stats.refused", reason=plain(localised(refused))), icon=":material/warning:")
        st.stop()
    st.caption(t("import.stats.summary", indicators=format_number(reshaped.indicators),
                 values=format_number(reshaped.values)))
    if reshaped.stands:
        st.caption(t("import.stats.stands", stands=", ".join(format_date(when) for when in reshaped.stands)))
    if reshaped.notes:
        with st.expander(t("import.stats.notes", count=format_number(len(reshaped.notes)))):
            st.dataframe(_notes_frame(reshaped.notes), hide_index=True, width="stretch")
    target = Target(plan_id=context.plan_id)
    signature = (file_key, repr(choice))
    profile = profile_offer.statistics_profile(table, choice, upload_name)

    def check(session: Session) -> importer.Preview:
        return importer.preview(session, current_actor(), reshaped.tables, reshaped.mappings, target)

    preview = stored_preview(context.url, context.plan_id, profile, signature, check, PREVIEW,
                             "import_stats_preview_button")
    show_preview(preview, reshaped.notes)
    if not preview.ok or not preview.row_changes:
        st.stop()
    for kind, message in change_messages(existing_changes(reshaped, preview)):
        if kind == "warning":
            st.warning(plain(localised(message)), icon=":material/warning:")
        else:
            st.info(plain(localised(message)), icon=":material/update:")
    st.subheader(t("import.step.confirm"), anchor=False)
    if st.button(t("import.confirm"), type="primary", icon=":material/upload:", key="import_stats_confirm"):
        _apply(reshaped, target, preview, upload_name, signature, context)
    st.stop()


def _apply(reshaped: statistics.Reshaped, target: Target, preview, upload_name: str, signature, context) -> None:
    try:
        with run_gate.stepped_out(), write.transaction(context.url) as session:
            result = importer.apply(session, current_actor(), reshaped.tables, reshaped.mappings, target,
                                    expected_counter=preview.expected_counter, source=upload_name)
    except ImportRefused as refused:
        st.session_state[PREVIEW] = (signature, refused.preview)
        st.error(t("import.refused", count=len(refused.preview.problems)), icon=":material/error:")
        st.stop()
    except CommandError as failed:
        st.session_state.pop(PREVIEW, None)
        st.error(t("import.failed", reason=plain(localised(failed))), icon=":material/sync_problem:")
        st.stop()
    except SQLAlchemyError:
        logging.getLogger(__name__).exception("Statistics import failed in the database (rolled back)")
        st.session_state.pop(PREVIEW, None)
        st.error(t("import.database_failed"), icon=":material/sync_problem:")
        st.stop()
    st.session_state[RESULT] = result
    st.session_state.pop(PREVIEW, None)
    st.rerun()
