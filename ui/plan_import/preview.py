"""The import page's preview and result: counts per level, the problem list, the new and changed rows."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlalchemy.orm import Session

from models.formats import format_number
from models.transfer import layout
from models.transfer.importer import Preview, level_summary
from models.transfer.problem_sheet import FILE_NAME, problems_xlsx
from models.transfer.profiles import Profile
from ui.plan_import import profiles
from ui.reads.db import engine_for
from ui.shell import run_gate
from ui.widgets.components import plain
from ui.shell.texts import localised, t

SHOWN_CHANGES = 200
NO_ROW = "–"


def counts_frame(result: Preview) -> pd.DataFrame:
    return pd.DataFrame(
        [{t("import.col.level"): label, t("import.col.new"): count.new, t("import.col.changed"): count.changed,
          t("import.col.unchanged"): count.unchanged} for label, count in level_summary(result)]
    )


def show_counts(result: Preview) -> None:
    """The counts per level; never an empty table (Streamlit labels it "empty" in English): a refused preview
    has no counts, and says why."""
    frame = counts_frame(result)
    if frame.empty:
        st.caption(t("import.counts.refused" if result.problems else "import.counts.none"))
    else:
        st.dataframe(frame, hide_index=True, width="content")


def row_label(row: int | None) -> str:
    """A row number as the tables show it ("1.234"), "–" for a problem or change of a whole sheet, file or of the
    plan (a missing column, the Info sheet): never "None"."""
    return format_number(row) if row else NO_ROW


def problems_frame(result: Preview) -> pd.DataFrame:
    return pd.DataFrame(
        [{t("import.col.sheet"): p.sheet, t("import.col.row"): row_label(p.row), t("import.col.column"): p.column or "",
          t("import.col.problem"): localised(p.message)} for p in result.problems],
        columns=[t("import.col.sheet"), t("import.col.row"), t("import.col.column"), t("import.col.problem")],
    )


def _level_sheet(name: str) -> str:
    return layout.INFO_SHEET if name == "plan" else layout.level(name).sheet


def _changes_text(level: str, changes: dict) -> str:
    """"Titel: alt → neu; Handlungsfeld: HF1 → HF2": each field by its column header in the file layout."""
    headers = {} if level == "plan" else {column.attribute: column.header for column in layout.level(level).columns}
    parts = []
    for field, (old, new) in changes.items():
        parts.append(f"{headers.get(field, field)}: {'' if old is None else old} → {'' if new is None else new}")
    return "; ".join(parts)


def changes_frame(result: Preview) -> pd.DataFrame:
    rows = [{t("import.col.level"): _level_sheet(change.level), t("import.col.row"): row_label(change.row),
             t("import.col.key"): change.key, t("import.col.what"): t(f"import.action.{change.action}"),
             t("import.col.changes"): _changes_text(change.level, change.changes)}
            for change in result.row_changes[:SHOWN_CHANGES]]
    return pd.DataFrame(rows)


def stored_preview(url: str, plan_id: int, profile: Profile, signature: tuple, check: Callable[[Session], Preview],
                   state_key: str, button_key: str) -> Preview:
    """The form to save the choices as a profile, the preview button and the preview it stored for these choices
    (signature: the file and everything chosen). A preview without problems offers the choices as a profile (the
    form stands above, hence the rerun). Ends the script run while there is no preview, or when the stored one was
    made for another file or other choices (then says so)."""
    profiles.save_form(url, plan_id, profile)
    st.subheader(t("import.step.preview"), anchor=False)
    if st.button(t("import.preview.button"), icon=":material/preview:", key=button_key):
        with run_gate.stepped_out(), Session(engine_for(url)) as session:
            st.session_state[state_key] = (signature, check(session))
        if not st.session_state[state_key][1].problems:
            profiles.remember(plan_id, profile)
            st.rerun()
    stored = st.session_state.get(state_key)
    if stored is None:
        st.stop()
    if stored[0] != signature:
        st.info(t("import.preview.stale"), icon=":material/refresh:")
        st.stop()
    return stored[1]


def show_preview(result: Preview, notes=()) -> None:
    """Counts, problems and changes of a preview (user text in tables is shown as plain text); the problems
    (and notes: what a statistics import leaves out) can be downloaded as an Excel file."""
    if result.plan_slug:
        state = t("import.preview.plan.new") if result.new_plan else t("import.preview.plan.existing")
        st.markdown(plain(t("import.preview.plan", name=result.plan_name, slug=result.plan_slug, state=state)))
    show_counts(result)
    for line in result.sample_lines():
        st.caption(plain(localised(line)))
    if result.left_out:
        lines = "\n".join(f"- {plain(localised(line))}" for line in result.left_out_lines())
        st.warning(t("import.left_out", count=format_number(len(result.left_out))) + "\n\n" + lines,
                   icon=":material/visibility_off:")
    if result.problems:
        st.error(t("import.problems", count=format_number(len(result.problems))), icon=":material/error:")
        st.dataframe(problems_frame(result), hide_index=True, width="stretch",
                     column_config={t("import.col.problem"): st.column_config.TextColumn(width="large")})
        st.download_button(t("import.problems.download"), problems_xlsx(result.problems, notes), file_name=FILE_NAME,
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           icon=":material/download:", on_click="ignore", key="import_problems_download")
        return
    st.success(t("import.no_problems"), icon=":material/check_circle:")
    if not result.row_changes:
        st.info(t("import.nothing_to_do"), icon=":material/info:")
        return
    with st.expander(t("import.changes", count=format_number(len(result.row_changes)))):
        st.dataframe(changes_frame(result), hide_index=True, width="stretch")
        if len(result.row_changes) > SHOWN_CHANGES:
            st.caption(t("import.changes.more", count=format_number(len(result.row_changes) - SHOWN_CHANGES)))


def show_result(result: Preview) -> None:
    rows = result.changed_rows
    if rows or result.new_plan:
        st.success(t("import.done", rows=format_number(rows)), icon=":material/task_alt:")
    else:
        st.info(t("import.done.nothing"), icon=":material/info:")
    show_counts(result)
    if result.new_plan:
        st.info(t("import.switch_plan", name=plain(result.plan_name)), icon=":material/swap_horiz:")
        st.info(t("import.new_plan_private"), icon=":material/visibility_off:")
