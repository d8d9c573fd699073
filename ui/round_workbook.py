"""The Excel round's widgets: the workbook of an open reporting round to download, and the upload of a filled one
with its preview (what changes per measure, problems with the sheet's row numbers) and "Speichern".

On Meine Maßnahmen (`editor_section`) for the signed-in person's organisation; on Berichtsrunde (`office_section`)
per organisation, the upload for any organisation. The workbook is built when the button is pressed (deferred
download); reading it is models.transfer.round_workbook.read within the import's limits; saving is
models.commands.round_reports.save_round_workbook in ui.shell.write's one transaction (all or nothing). A refused
upload stays in the uploader with its problems listed until a corrected file replaces it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from models.commands.round_reports import save_round_workbook
from models.formats import format_date, format_number, format_percent
from models.rules import progress_text
from models.transfer import round_workbook
from models.transfer.parsing import MB, UnreadableFile, import_limits
from models.transfer.round_workbook import Reading, RoundInfo
from ui.reads import reporting as reads
from ui.reads.db import engine_for
from ui.shell import write
from ui.shell.auth import current_actor
from ui.shell.context import PlanContext
from ui.shell.texts import language, localised, t
from ui.views.markdown import plain

FLASH = "round_workbook_flash"


def editor_section(context: PlanContext, organisation_id: int, organisation: str, today: dt.date) -> None:
    """Meine Maßnahmen: the open round's workbook of the person's organisation and its upload (nothing without an
    open round: the workbook belongs to one)."""
    write.show_flash(FLASH)
    opened = round_workbook.open_round(engine_for(context.url), context.plan_id, today)
    if opened is None:
        return
    with st.expander(t("round_workbook.title"), icon=":material/table_view:"):
        st.caption(t("round_workbook.intro"))
        owed = _owed(context, opened, organisation_id)
        if owed:
            _download(context, opened, organisation_id, organisation, owed, "mine")
        else:
            st.caption(t("round_workbook.nothing_owed", meeting=format_date(opened.meeting_date),
                         organisation=plain(organisation)))
        _upload(context, today, organisation_id, "mine")


def office_section(context: PlanContext, round_id: int, meeting: dt.date, since: dt.date, deadline: dt.date,
                   today: dt.date) -> None:
    """Berichtsrunde: the workbook of any owing organisation, and the upload of a workbook that came back."""
    write.show_flash(FLASH)
    opened = RoundInfo(round_id, context.plan_id, meeting, since, deadline)
    with st.expander(t("round_workbook.title"), icon=":material/table_view:"):
        st.caption(t("round_workbook.office_intro"))
        owing = _owing(context, opened)
        if owing:
            names = dict(owing)
            chosen = st.selectbox(t("round_workbook.organisation"), list(names), format_func=names.__getitem__,
                                  key="round_workbook_organisation")
            _download(context, opened, chosen, names[chosen], _owed(context, opened, chosen), "office")
        _upload(context, today, None, "office")


def _owed_frame(context: PlanContext, opened: RoundInfo) -> pd.DataFrame:
    return reads.owed_reports(context.key, opened.since, opened.meeting_date)


def _owed(context: PlanContext, opened: RoundInfo, organisation_id: int) -> int:
    frame = _owed_frame(context, opened)
    return int((frame["lead_organisation_id"] == organisation_id).sum())


def _owing(context: PlanContext, opened: RoundInfo) -> list[tuple[int, str]]:
    frame = _owed_frame(context, opened).dropna(subset=["lead_organisation_id"])
    return list(dict(zip(frame["lead_organisation_id"].astype(int), frame["lead_organisation"])).items())


def _download(context: PlanContext, opened: RoundInfo, organisation_id: int, organisation: str, count: int,
              where: str) -> None:
    url = context.url
    st.download_button(
        t("round_workbook.download"), lambda: round_workbook.build(engine_for(url), opened, organisation_id),
        file_name=round_workbook.file_name(organisation, opened.meeting_date), mime=round_workbook.MIME,
        icon=":material/download:", on_click="ignore", key=f"round_workbook_download_{where}",
        help=t("round_workbook.download_help", count=format_number(count), organisation=organisation,
               meeting=format_date(opened.meeting_date), deadline=format_date(opened.deadline)))


def _upload(context: PlanContext, today: dt.date, organisation_id: int | None, where: str) -> None:
    limits = import_limits()
    megabytes = limits.file_bytes // MB
    st.caption(t("round_workbook.limits", megabytes=megabytes))
    # Every type is let through (type=None), so that Streamlit's English refusal never fires: read() refuses in
    # German. A new key after saving empties the uploader.
    generation = st.session_state.get(f"round_workbook_generation_{where}", 0)
    upload = st.file_uploader(t("round_workbook.upload"), type=None, key=f"round_workbook_upload_{where}_{generation}",
                              help=t("round_workbook.upload_help", megabytes=megabytes),
                              max_upload_size=megabytes)  # Streamlit refuses bigger files itself
    if upload is None:
        return
    try:
        reading = round_workbook.read(engine_for(context.url), upload.name, upload.getvalue(), context.plan_id, today,
                                      organisation_id, limits)
    except UnreadableFile as refused:
        st.error(plain(localised(refused)), icon=":material/error:")
        return
    _preview(reading)
    if reading.problems or not reading.changes:
        return
    if st.button(t("round_workbook.save"), type="primary", icon=":material/save:", key=f"round_workbook_save_{where}",
                 help=t("round_workbook.save_help")):
        write.run(context.url, lambda session: save_round_workbook(
            session, current_actor(), reading.round_id, reading.organisation_id, reading.reports, today),
            flash_key=FLASH, success=lambda saved: t("round_workbook.saved", count=format_number(len(saved)),
                                                     organisation=reading.organisation),
            on_success=lambda _: _empty_uploader(where))


def _empty_uploader(where: str) -> None:
    name = f"round_workbook_generation_{where}"
    st.session_state[name] = st.session_state.get(name, 0) + 1


def _preview(reading: Reading) -> None:
    st.markdown(t("round_workbook.recognised", organisation=plain(reading.organisation),
                  meeting=format_date(reading.meeting_date)))
    if reading.problems:
        lines = "\n".join(f"- {plain(t('round_workbook.problem', row=problem.row, code=problem.code, text=localised(problem.text)))}"
                          for problem in reading.problems)
        st.error(f"{t('round_workbook.problems', count=format_number(len(reading.problems)))}\n\n{lines}",
                 icon=":material/error:")
    if reading.skipped:
        st.caption(t("round_workbook.skipped", count=format_number(reading.skipped)))
    if not reading.changes:
        if not reading.problems:
            st.info(t("round_workbook.empty"), icon=":material/info:")
        return
    st.markdown(f"**{t('round_workbook.changes', count=format_number(len(reading.changes)))}**")
    st.dataframe(pd.DataFrame({
        t("round_workbook.col.row"): [change.report.row for change in reading.changes],
        t("round_workbook.col.code"): [change.report.code for change in reading.changes],
        t("round_workbook.col.title"): [change.title for change in reading.changes],
        t("round_workbook.col.before"): [
            t("round_workbook.state", status=t(f"status.{change.before_status}"),
              progress=progress_text(change.before_progress, language()), date=format_date(change.before_date))
            if change.before_date else t("round_workbook.never") for change in reading.changes],
        t("round_workbook.col.after"): [f"{t(f'status.{change.report.status}')}, {format_percent(change.report.progress)}"
                                        for change in reading.changes],
        t("round_workbook.col.summary"): [change.report.summary for change in reading.changes],
    }), hide_index=True)
