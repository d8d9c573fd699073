"""The page Berichte: the previous meeting to compare with, and the report's files, built once per
key (plan, change counter, Stand, meeting, public or not) and shared by every session of the process."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from models.rules import FACHBEIRAT_ELSE_ANY, previous_meeting
from models.documents.content import ReportContent, build_content, meeting_title
from models.documents.names import report_file_name
from models.documents.pdf import build_pdf
from models.documents.pptx import build_pptx
from models.formats import format_date, format_number
from ui.reads import plan as plan_reads
from ui.reads.db import engine_for
from ui.reads.key import PlanKey
from ui.shell import run_gate
from ui.reads.memo import shared
from ui.shell.context import PlanContext
from ui.shell.texts import t

NO_MEETING = "none"


@dataclass(frozen=True)
class ReportKey:
    """What a built report depends on: a new report anywhere moves the change counter."""

    plan: PlanKey
    since: dt.date | None  # the previous meeting to compare with, None for none

    @property
    def as_of(self) -> dt.date:
        return self.plan.as_of

    @property
    def released_only(self) -> bool:
        return self.plan.released_only


@st.cache_data(show_spinner=False, max_entries=16)
def report_content(key: ReportKey) -> ReportContent:
    return build_content(engine_for(key.plan.url), key.plan.plan_id, key.as_of, key.since, use_default_meeting=False,
                         released_only=key.released_only)


@st.cache_data(show_spinner=False, max_entries=8)
def pdf_bytes(key: ReportKey) -> bytes:
    return build_pdf(report_content(key))


@st.cache_data(show_spinner=False, max_entries=8)
def pptx_bytes(key: ReportKey) -> bytes:
    return build_pptx(report_content(key))


@shared(32)
def _meeting_choices(key: PlanKey) -> tuple[dict, dt.date | None]:
    """Meeting date -> title of the meetings before the Stand (newest first), and the default: the last
    Fachbeirat meeting before the Stand, else the newest meeting."""
    meetings = plan_reads.meetings(key)
    earlier = meetings[meetings["meeting_date"] < key.as_of]
    earlier = earlier.sort_values("meeting_date", ascending=False).drop_duplicates("meeting_date")
    titles = {row.meeting_date: meeting_title(pd.Series(row._asdict())) for row in earlier.itertuples()}
    # As models.documents.content.default_meeting; from all meetings, so that a Fachbeirat meeting sharing
    # its day with another body's is not lost to the de-duplication above.
    default = previous_meeting(meetings, key.as_of, FACHBEIRAT_ELSE_ANY)
    return titles, default


def meeting_picker(context: PlanContext) -> dt.date | None:
    """The previous meeting to compare with: by default the last Fachbeirat meeting before the Stand."""
    titles, default = _meeting_choices(context.key)
    if not titles:
        st.info(t("reports.no_meetings"), icon=":material/info:")
        return None
    options = [*titles, NO_MEETING]
    if st.session_state.get("reports_meeting") not in options or st.session_state.get("_reports_as_of") != context.as_of:
        st.session_state["reports_meeting"] = default  # a new Stand: compare with the meeting before it
    st.session_state["_reports_as_of"] = context.as_of
    pick = st.selectbox(t("reports.meeting"), options, key="reports_meeting", help=t("reports.meeting_help"),
                        format_func=lambda day: t("reports.meeting_none") if day == NO_MEETING else titles[day])
    return None if pick == NO_MEETING else pick


# file -> (its builder, the progress step's text key, the German name in a message)
FILES = {
    "pdf": (pdf_bytes, "reports.step.pdf", "reports.file.pdf"),
    "pptx": (pptx_bytes, "reports.step.pptx", "reports.file.pptx"),
}


def build(key: ReportKey) -> tuple[str, ...]:
    """Build the files with the steps shown, each on its own (a failing PDF keeps the PowerPoint); the
    files built ("pdf", "pptx"). A German message names what failed."""
    built: list[str] = []
    failed: list[str] = []
    with st.status(t("reports.building"), expanded=True) as status:
        bar = st.progress(0.0, text=t("reports.step.content"))
        with run_gate.stepped_out():  # seconds of work: other visitors' runs go ahead meanwhile
            try:
                report_content(key)
            except Exception as exc:  # noqa: BLE001 - shown to the user in German, the detail for the admins
                status.update(label=t("reports.failed", detail=type(exc).__name__), state="error")
                return ()
            for index, (name, (builder, step, label)) in enumerate(FILES.items()):
                bar.progress(0.2 + 0.4 * index, text=t(step))
                try:
                    builder(key)
                    built.append(name)
                except Exception as exc:  # noqa: BLE001 - as above
                    failed.append(t("reports.failed_file", file=t(label), detail=type(exc).__name__))
        bar.progress(1.0, text=t("reports.done"))
        if failed:
            status.update(label=" ".join(failed), state="error", expanded=False)
        else:
            status.update(label=t("reports.done"), state="complete", expanded=False)
    return tuple(built)


def downloads(key: ReportKey, slug: str, built: tuple[str, ...] = tuple(FILES)) -> None:
    """The download buttons of the files built (the bytes come from the cache, nothing is rebuilt)."""
    since = format_date(key.since) if key.since else t("reports.meeting_none")

    def name(extension: str) -> str:  # the internal and the public version differ in name
        return report_file_name(slug, key.as_of, key.released_only, extension)

    st.success(t("reports.ready", date=format_date(key.as_of), meeting=since), icon=":material/task_alt:")
    for missing in (file for file in FILES if file not in built):
        st.warning(t("reports.missing_file", file=t(FILES[missing][2])), icon=":material/warning:")
    left, right = st.columns(2)
    if "pdf" in built:
        pdf = pdf_bytes(key)
        left.download_button(t("reports.download_pdf", size=_size(pdf)), pdf, file_name=name("pdf"),
                             mime="application/pdf", icon=":material/picture_as_pdf:", on_click="ignore",
                             key="reports_pdf", type="primary")
    if "pptx" in built:
        pptx = pptx_bytes(key)
        right.download_button(
            t("reports.download_pptx", size=_size(pptx)), pptx, file_name=name("pptx"),
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            icon=":material/slideshow:", on_click="ignore", key="reports_pptx",
        )
        st.caption(t("reports.pptx_note"))


def _size(payload: bytes) -> str:
    return f"{format_number(len(payload) / 1024)} KB"
