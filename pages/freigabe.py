"""Freigabe: reports of project leads that wait for an admin's release before the public view shows them."""

import pandas as pd
import streamlit as st

from models.commands import CommandError
from models.formats import format_date, format_datetime, format_number
from models.rules import progress_text
from models.commands.release import release_reports
from ui.widgets import components
from ui.reads import admin as reads
from ui.shell import write
from ui.shell.auth import current_actor, require
from ui.shell.context import current, link_params
from ui.shell.texts import language, localised, t
from ui.shell.navigation import leave_folder_mode

leave_folder_mode()

SELECTION = "release_selection"
DONE = "release_done"

context = current()
require("admin", refusal="release.admin_only")
components.plan_header(context, t("page.release"))
st.caption(t("release.intro"))
done = st.session_state.pop(DONE, None)
if done:
    st.success(t("release.released_one") if done == 1 else t("release.released", count=format_number(done)),
               icon=":material/check_circle:")
if not context.release_required:
    st.info(t("release.off"), icon=":material/info:")
    st.page_link("pages/einstellungen.py", label=t("release.to_settings"), icon=":material/settings:",
                 query_params=link_params(context))

pending = reads.pending_reports(context.key)
if pending.empty:
    st.success(t("release.none"), icon=":material/task_alt:")
    st.stop()

count = len(pending)
st.markdown(f"**{t('release.waiting_one') if count == 1 else t('release.waiting', count=format_number(count))}**")
table = pd.DataFrame({
    t("release.col.measure"): pending["code"] + " · " + pending["title"],
    t("release.col.date"): [format_date(day) for day in pending["report_date"]],
    t("release.col.status"): [t(f"status.{status}") for status in pending["status"]],
    t("release.col.progress"): [progress_text(progress, language()) for progress in pending["progress"]],
    t("release.col.summary"): pending["summary"],
    t("release.col.obstacles"): pending["obstacles"],
    t("release.col.next_steps"): pending["next_steps"],
    t("release.col.progress_note"): pending["progress_note"],
    t("release.col.author"): pending["author_name"].replace("", t("release.unknown_author")),
    t("release.col.created"): [format_datetime(at) for at in pending["created_at"]],
})
st.dataframe(table, hide_index=True, width="stretch", height=min(35 * (count + 1) + 3, 500),
             column_config={t("release.col.measure"): st.column_config.TextColumn(width="medium"),
                            t("release.col.summary"): st.column_config.TextColumn(width="large")})

options = {
    int(row.report_id): t("release.option", code=row.code, date=format_date(row.report_date),
                          status=t(f"status.{row.status}"), progress=progress_text(row.progress, language()),
                          author=row.author_name or t("release.unknown_author"))
    for row in pending.itertuples()
}
if any(report_id not in options for report_id in st.session_state.get(SELECTION, [])):
    st.session_state.pop(SELECTION)
chosen = st.multiselect(t("release.select"), list(options), format_func=options.__getitem__, key=SELECTION,
                        placeholder=t("release.select_placeholder"))


def release(report_ids: list[int]) -> None:
    """Release through the command (which checks the role itself); show the new state on success."""
    try:
        with write.transaction(context.url) as session:
            released = release_reports(session, current_actor(), context.plan_id, report_ids)
    except CommandError as refused:
        st.error(components.plain(localised(refused)), icon=":material/error:")
        return
    st.session_state[DONE] = released
    st.session_state.pop(SELECTION, None)
    st.rerun()


left, right, _ = st.columns([1, 1, 2])
if left.button(t("release.release_selected"), type="primary", disabled=not chosen, key="release_selected",
               icon=":material/task_alt:", width="stretch"):
    release(chosen)
if right.button(t("release.release_all", count=format_number(count)), key="release_all",
                icon=":material/done_all:", width="stretch"):
    release(list(options))
