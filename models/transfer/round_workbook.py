"""The Excel round: a pre-filled workbook of the measures one organisation owes in an open reporting round
(`build`), and reading it back after the organisation filled it in (`read`).

The sheet "Rückmeldung" has a short German how-to on top, then one row per owed measure: code, title, the round's
deadline, the last report (date, status, progress, text) beside the input cells (status as a drop-down of the
status words, progress as a whole number 0-100, Sachstand, Hindernisse, nächste Schritte, Anmerkung). Input cells
are unlocked and yellow; everything else is protected (no password) so that columns are not moved. The hidden
sheet "Vorlage-Info" names the format, plan, round, organisation and measure ids, so that an upload is recognised.

`read` checks size and rows before opening the file (the import's limits), recognises the workbook, validates
every filled row by the form's rules (models.commands.reports.report_problems) and says per measure what changes;
problems carry the sheet's row numbers. Saving is models.commands.round_reports.save_round_workbook.
Nothing here uses Streamlit.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import pandas as pd
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from models.commands.base import TEXT_MAX
from models.commands.reports import report_problems
from models.commands.round_reports import WorkbookReport
from models.commands.wording import say as command_say
from models.formats import format_date, parse_number
from models.reporting import owed_reports
from models.rules import MEASURE_STATUSES, clean_text, state_as_of
from models.schema import Measure, Organisation, Plan, ReportingRound, StatusReport
from models.texts import Message
from models.transfer.export import needs_neutralising
from models.transfer.parsing import XLSX_MAGIC, Limits, UnreadableFile, check_size, check_workbook, import_limits
from models.transfer.round_workbook_wording import say

FORMAT = "masterplan-cockpit-rueckmeldung"
FORMAT_VERSION = 1
SHEET = "Rückmeldung"
META_SHEET = "Vorlage-Info"
HEADER_ROW = 7
FIRST_ROW = HEADER_ROW + 1
DATE_FORMAT = "DD.MM.YYYY"
MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# (header, width, input?) in sheet order; column A holds the measure id (hidden).
COLUMNS = (
    ("Maßnahme-ID", 6, False),
    ("Nr.", 12, False),
    ("Maßnahme", 34, False),
    ("Melden bis", 12, False),
    ("Letzter Sachstand vom", 14, False),
    ("Status bisher", 14, False),
    ("Fortschritt bisher", 11, False),
    ("Sachstand bisher", 40, False),
    ("Status neu", 16, True),
    ("Fortschritt neu (%)", 12, True),
    ("Sachstand neu", 48, True),
    ("Hindernisse", 30, True),
    ("Nächste Schritte", 30, True),
    ("Anmerkung (z. B. warum der Fortschritt sinkt)", 30, True),
)
HEADERS = [header for header, _, _ in COLUMNS]
ID, CODE, STATUS, PROGRESS, SUMMARY, OBSTACLES, NEXT, NOTE = 0, 1, 8, 9, 10, 11, 12, 13
INPUTS = (STATUS, PROGRESS, SUMMARY, OBSTACLES, NEXT, NOTE)
FIELD_COLUMNS = {"status": STATUS, "progress": PROGRESS, "summary": SUMMARY, "obstacles": OBSTACLES,
                 "next_steps": NEXT, "progress_note": NOTE, "report_date": None}
INPUT_FILL = "FFF2CC"
HOW_TO = (
    "Rückmeldung zur Berichtsrunde – {plan}",
    "Für: {organisation} · Sitzung am {meeting} · bitte bis zum {deadline} zurück",
    "So geht es: Tragen Sie je Maßnahme in die gelben Zellen den neuen Status (Auswahlliste), den Fortschritt "
    "(ganze Zahl von 0 bis 100) und den Sachstand ein. „abgeschlossen“ gehört zu 100 % und 100 % zu „abgeschlossen“.",
    "Sinkt der Fortschritt, begründen Sie das bitte unter „Anmerkung“. Zeilen, die Sie leer lassen, werden nicht "
    "gemeldet. Spalten und Zeilen bitte nicht verschieben.",
    "Senden Sie die gespeicherte Datei an die Geschäftsstelle zurück oder laden Sie sie im Masterplan-Cockpit auf "
    "„Meine Maßnahmen“ hoch. Jede ausgefüllte Zeile wird als Sachstand Ihrer Organisation mit dem Datum des "
    "Hochladens gespeichert.",
)


class NotARoundWorkbook(UnreadableFile):
    """The upload is not (or no longer) a workbook of this plan's open round; the message is German (a Message)."""


@dataclass(frozen=True)
class RoundInfo:
    id: int
    plan_id: int
    meeting_date: dt.date
    since: dt.date
    deadline: dt.date


@dataclass(frozen=True)
class Problem:
    row: int
    code: str
    text: Message | str


@dataclass(frozen=True)
class Change:
    """What a filled row changes: the measure's state before (last report) and the new report."""

    report: WorkbookReport
    title: str
    before_status: str
    before_progress: int | None
    before_date: dt.date | None


@dataclass
class Reading:
    plan_id: int
    round_id: int
    meeting_date: dt.date
    organisation_id: int
    organisation: str
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0

    @property
    def reports(self) -> list[WorkbookReport]:
        return [change.report for change in self.changes]


# --- which round, which measures ----------------------------------------------------------------


def open_round(engine: Engine, plan_id: int, today: dt.date) -> RoundInfo | None:
    """The plan's open round whose meeting is next (not closed, meeting today or later); None without one."""
    rounds = open_rounds(engine, plan_id, today)
    return rounds[0] if rounds else None


def round_of(engine: Engine, round_id: int) -> RoundInfo:
    with engine.connect() as connection:
        row = connection.execute(
            select(ReportingRound.id, ReportingRound.plan_id, ReportingRound.meeting_date, ReportingRound.since,
                   ReportingRound.deadline).where(ReportingRound.id == round_id)).one()
    return RoundInfo(*row)


def open_rounds(engine: Engine, plan_id: int, today: dt.date) -> list[RoundInfo]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(ReportingRound.id, ReportingRound.plan_id, ReportingRound.meeting_date, ReportingRound.since,
                   ReportingRound.deadline)
            .where(ReportingRound.plan_id == plan_id, ReportingRound.closed_at.is_(None),
                   ReportingRound.meeting_date >= today)
            .order_by(ReportingRound.meeting_date)).all()
    return [RoundInfo(*row) for row in rows]


def owed_by(engine: Engine, opened: RoundInfo, organisation_id: int) -> pd.DataFrame:
    """The measures ORGANISATION_ID leads that owe a report in the round (models.reporting.owed_reports)."""
    frame = owed_reports(engine, opened.plan_id, opened.since, opened.meeting_date)
    return frame[frame["lead_organisation_id"] == organisation_id].reset_index(drop=True)


def owing_organisations(engine: Engine, opened: RoundInfo) -> dict[int, str]:
    """Organisation id -> name of every organisation that owes reports in the round (in the order of owed_reports)."""
    frame = owed_reports(engine, opened.plan_id, opened.since, opened.meeting_date)
    frame = frame[frame["lead_organisation_id"].notna()]
    return {int(row.lead_organisation_id): str(row.lead_organisation) for row in frame.itertuples()}


def file_name(organisation: str, meeting: dt.date) -> str:
    safe = "".join(char if char.isalnum() else "-" for char in organisation).strip("-")[:40] or "Organisation"
    return f"Rueckmeldung-{safe}-{meeting.isoformat()}.xlsx"


# --- the workbook ---------------------------------------------------------------------------------


def build(engine: Engine, opened: RoundInfo, organisation_id: int) -> bytes:
    """The pre-filled workbook of the measures ORGANISATION_ID owes in the round OPENED."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    owed = owed_by(engine, opened, organisation_id)
    with Session(engine) as session:
        plan = session.get(Plan, opened.plan_id)
        organisation = session.get(Organisation, organisation_id)
        plan_name, plan_slug = plan.name, plan.slug
        organisation_name = organisation.name if organisation is not None else ""
    summaries = _last_summaries(engine, [int(value) for value in owed["measure_id"]])

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    words = {"plan": plan_name, "organisation": organisation_name, "meeting": format_date(opened.meeting_date),
             "deadline": format_date(opened.deadline)}
    for number, line in enumerate(HOW_TO, start=1):
        cell = sheet.cell(row=number, column=2, value=line.format(**words))
        cell.font = Font(bold=number == 1, size=14 if number == 1 else 11)
        cell.data_type = "s"
    legend = sheet.cell(row=len(HOW_TO) + 1, column=2, value="Gelbe Zellen: hier tragen Sie ein.")
    legend.fill = PatternFill("solid", fgColor=INPUT_FILL)
    for index, (header, width, is_input) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=index, value=header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if is_input:
            cell.fill = PatternFill("solid", fgColor=INPUT_FILL)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.column_dimensions["A"].hidden = True
    last_row = FIRST_ROW + len(owed) - 1
    for number, row in enumerate(owed.itertuples(), start=FIRST_ROW):
        last = None if pd.isna(row.last_report_date) else row.last_report_date
        values = [int(row.measure_id), row.code, row.title, opened.deadline, last, row.status,
                  None if pd.isna(row.progress) else int(row.progress) / 100, summaries.get(int(row.measure_id), "")]
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=number, column=index)
            _put(cell, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            elif index == 7:
                cell.number_format = "0 %"
        for column in INPUTS:
            cell = sheet.cell(row=number, column=column + 1)
            cell.protection = Protection(locked=False)
            cell.fill = PatternFill("solid", fgColor=INPUT_FILL)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column == PROGRESS:
                cell.number_format = "0"
            else:
                cell.number_format = "@"
    if len(owed):
        _validations(sheet, DataValidation, get_column_letter, last_row)
    sheet.freeze_panes = sheet.cell(row=FIRST_ROW, column=4)
    sheet.protection.sheet = True  # no password: it keeps columns in place, it is no secret
    sheet.protection.formatColumns = False  # widths may still be changed
    sheet.protection.formatRows = False

    meta = workbook.create_sheet(META_SHEET)
    for key, value in (("format", FORMAT), ("version", FORMAT_VERSION), ("plan_id", opened.plan_id),
                       ("plan", plan_slug), ("round_id", opened.id), ("meeting", opened.meeting_date.isoformat()),
                       ("organisation_id", organisation_id), ("organisation", organisation_name),
                       ("measures", ",".join(str(int(value)) for value in owed["measure_id"]))):
        meta.append([key, value])
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _validations(sheet: Any, DataValidation: Any, letter: Any, last_row: int) -> None:
    def cells(column: int) -> str:
        return f"{letter(column + 1)}{FIRST_ROW}:{letter(column + 1)}{last_row}"

    status = DataValidation(type="list", formula1='"' + ",".join(MEASURE_STATUSES) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="Status",
                            error="Bitte wählen Sie einen Status aus der Liste.")
    progress = DataValidation(type="whole", operator="between", formula1="0", formula2="100", allow_blank=True,
                              showErrorMessage=True, errorTitle="Fortschritt",
                              error="Bitte eine ganze Zahl von 0 bis 100 eintragen.")
    texts = DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(TEXT_MAX), allow_blank=True,
                           showErrorMessage=True, errorTitle="Text zu lang",
                           error=f"Höchstens {TEXT_MAX} Zeichen.")
    status.add(cells(STATUS))
    progress.add(cells(PROGRESS))
    for column in (SUMMARY, OBSTACLES, NEXT, NOTE):
        texts.add(cells(column))
    for validation in (status, progress, texts):
        sheet.add_data_validation(validation)


def _put(cell: Any, value: Any) -> None:
    """Text as a text cell (never a formula, with Excel's quote prefix where it could be read as one)."""
    if isinstance(value, str):
        cell.value = clean_text(value)
        cell.data_type = "s"
        if needs_neutralising(value):
            cell.quotePrefix = True
        return
    cell.value = value


def _last_summaries(engine: Engine, measure_ids: list[int]) -> dict[int, str]:
    """Measure id -> the text of its latest report (by date, then entry)."""
    if not measure_ids:
        return {}
    with engine.connect() as connection:
        rows = connection.execute(
            select(StatusReport.measure_id, StatusReport.summary)
            .where(StatusReport.measure_id.in_(measure_ids))
            .order_by(StatusReport.measure_id, StatusReport.report_date, StatusReport.id)).all()
    return {row.measure_id: row.summary for row in rows}


# --- reading an upload ----------------------------------------------------------------------------


def read(engine: Engine, filename: str, data: bytes, plan_id: int, today: dt.date,
         organisation_id: int | None = None, limits: Limits | None = None) -> Reading:
    """The filled workbook, checked: NotARoundWorkbook (a German message) when it is not a workbook of an open round
    of PLAN_ID (or, with ORGANISATION_ID, of another organisation); OverLimit beyond the import's limits (checked
    before it is opened). Otherwise per filled row what changes, the problems with the sheet's row numbers, and
    how many rows were left empty. Nothing is written."""
    import openpyxl

    limits = limits or import_limits()
    if not data:
        raise NotARoundWorkbook(say("empty"))
    check_size(len(data), limits)
    if not data.startswith(XLSX_MAGIC) or PurePath(filename).suffix.lower() not in ("", ".xlsx", ".xlsm"):
        raise NotARoundWorkbook(say("not_excel", name=PurePath(filename).name))
    check_workbook(data, limits)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise NotARoundWorkbook(say("not_excel", name=PurePath(filename).name)) from exc
    try:
        names = workbook.sheetnames
        if META_SHEET not in names or SHEET not in names:
            raise NotARoundWorkbook(say("not_template", sheets=", ".join(f"„{name}“" for name in names)))
        meta = _meta(workbook[META_SHEET])
        if meta.get("format") != FORMAT:
            raise NotARoundWorkbook(say("not_template", sheets=", ".join(f"„{name}“" for name in names)))
        reading = _recognise(engine, meta, plan_id, today, organisation_id)
        rows = list(workbook[SHEET].iter_rows(min_row=HEADER_ROW, max_row=HEADER_ROW + limits.rows,
                                              max_col=len(COLUMNS), values_only=True))
    finally:
        workbook.close()
    header = [str(value).strip() if value is not None else "" for value in (rows[0] if rows else ())]
    if header[:len(HEADERS)] != HEADERS:
        raise NotARoundWorkbook(say("columns_moved", row=HEADER_ROW, expected=", ".join(HEADERS[1:])))
    _rows(engine, reading, meta["measures"], rows[1:], today)
    return reading


def _meta(sheet: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for row in sheet.iter_rows(max_row=50, max_col=2, values_only=True):
        if row and row[0] is not None:
            found[str(row[0]).strip()] = row[1] if len(row) > 1 else None
    if found.get("format") != FORMAT:
        return found
    try:
        for key in ("plan_id", "round_id", "organisation_id"):
            found[key] = int(found[key])
        raw = str(found.get("measures") or "")
        found["measures"] = [int(part) for part in raw.split(",") if part.strip()]
    except (KeyError, TypeError, ValueError) as exc:
        raise NotARoundWorkbook(say("broken", what="Vorlage-Info")) from exc
    return found


def _recognise(engine: Engine, meta: dict[str, Any], plan_id: int, today: dt.date,
               organisation_id: int | None) -> Reading:
    with Session(engine) as session:
        if meta["plan_id"] != plan_id:
            other = session.get(Plan, meta["plan_id"])
            raise NotARoundWorkbook(say("other_plan", plan=other.name if other else str(meta.get("plan") or "?")))
        opened = session.get(ReportingRound, meta["round_id"])
        if opened is None or opened.plan_id != plan_id:
            raise NotARoundWorkbook(say("round_gone"))
        if opened.closed_at is not None or opened.meeting_date < today:
            raise NotARoundWorkbook(say("round_over", meeting=opened.meeting_date))
        theirs = session.get(Organisation, meta["organisation_id"])
        if theirs is None:
            raise NotARoundWorkbook(say("broken", what="Organisation"))
        if organisation_id is not None and organisation_id != theirs.id:
            yours = session.get(Organisation, organisation_id)
            raise NotARoundWorkbook(say("other_organisation", theirs=theirs.name,
                                        yours=yours.name if yours else "?"))
        return Reading(plan_id, opened.id, opened.meeting_date, theirs.id, theirs.name)


def _rows(engine: Engine, reading: Reading, listed: list[int], rows: list[tuple], today: dt.date) -> None:
    """Every row below the header: empty ones counted, filled ones checked (problems) or taken (changes)."""
    seen: dict[int, int] = {}
    with Session(engine) as session:
        for number, cells in enumerate(rows, start=FIRST_ROW):
            cells = tuple(cells) + (None,) * (len(COLUMNS) - len(cells))
            filled = any(not _blank(cells[column]) for column in INPUTS)
            names_measure = not _blank(cells[ID]) or not _blank(cells[CODE])
            if not filled:
                reading.skipped += names_measure
                continue
            code = _text(cells[CODE])
            measure = _measure(session, cells[ID])
            problem = _scope(reading, listed, measure, seen, number)
            if problem is not None:
                reading.problems.append(Problem(number, code, problem))
                continue
            seen[measure.id] = number
            _row(reading, measure, cells, number, today)


def _scope(reading: Reading, listed: list[int], measure: Measure | None, seen: dict[int, int],
           number: int) -> Message | None:
    if measure is None:
        return say("no_measure")
    if measure.id not in listed or measure.plan_id != reading.plan_id:
        return say("not_in_workbook", organisation=reading.organisation)
    if measure.lead_organisation_id != reading.organisation_id or measure.retired:
        return say("not_lead", organisation=reading.organisation)
    if measure.id in seen:
        return say("twice", first=seen[measure.id])
    return None


def _row(reading: Reading, measure: Measure, cells: tuple, number: int, today: dt.date) -> None:
    problems: list[Message] = []
    status = _status(cells[STATUS], problems)
    progress = _progress(cells[PROGRESS], problems)
    texts = {name: _text(cells[FIELD_COLUMNS[name]]) for name in ("summary", "obstacles", "next_steps",
                                                                  "progress_note")}
    if status is not None and progress is not None:
        for name, message in report_problems(measure, status, progress, today, today, **texts).items():
            problems.append(_field(name, message))
    elif not texts["summary"]:
        problems.append(_field("summary", command_say("report.summary")))
    if problems:
        reading.problems += [Problem(number, measure.code, problem) for problem in problems]
        return
    before = state_as_of(measure.reports, dt.date.max)
    reading.changes.append(Change(
        WorkbookReport(row=number, measure_id=measure.id, code=measure.code, version=measure.version, status=status,
                       progress=progress, **texts),
        title=measure.title, before_status=before.status, before_progress=before.progress,
        before_date=before.report_date))


def _field(name: str, message: str) -> Message:
    column = FIELD_COLUMNS.get(name)
    return say("field", column=HEADERS[column] if column is not None else "Datum", message=message)


def _status(value: Any, problems: list[Message]) -> str | None:
    if _blank(value):
        problems.append(say("status_missing"))
        return None
    raw = " ".join(str(value).split())
    for word in MEASURE_STATUSES:
        if word.casefold() == raw.casefold():
            return word
    problems.append(say("status_unknown", raw=raw, allowed=", ".join(MEASURE_STATUSES)))
    return None


def _progress(value: Any, problems: list[Message]) -> int | None:
    if _blank(value):
        problems.append(say("progress_missing"))
        return None
    try:
        number = parse_number(value)
    except (TypeError, ValueError):
        problems.append(say("progress_unreadable", raw=_text(value)))
        return None
    if not float(number).is_integer() or not 0 <= number <= 100:
        problems.append(say("progress_unreadable", raw=_text(value)))
        return None
    return int(number)


def _measure(session: Session, raw: Any) -> Measure | None:
    try:
        measure_id = int(raw)
    except (TypeError, ValueError):
        return None
    return session.get(Measure, measure_id)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return format_date(value)
    return clean_text(str(value)).strip()
