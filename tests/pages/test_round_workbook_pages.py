"""AppTest of the Excel round: on Meine Maßnahmen an editor downloads her organisation's workbook of the open round
and uploads it filled (wrong rows named with their row numbers, nothing saved; corrected: a preview per measure, then
"Speichern"); on Berichtsrunde the office gets a workbook per organisation and uploads one for any organisation."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands import SYSTEM
from models.commands.rounds import open_round
from models.db import make_engine
from models.schema import Measure, StatusReport
from models.transfer import round_workbook
from tests.pages.conftest import app
from tests.pages.test_reporting_round import _account
from tests.signed_in import sign_in

MINE = "pages/meine-massnahmen.py"
OFFICE = "pages/berichtsrunde.py"


def _today() -> dt.date:
    return dt.date.today()


def _round(url) -> tuple[round_workbook.RoundInfo, bytes]:
    """A round for a meeting in 60 days counting reports since the mini plan's last meeting: the VHS owes M1, M2;
    and the VHS's workbook of it."""
    meeting = _today() + dt.timedelta(days=60)
    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():
            open_round(session, SYSTEM, 1, meeting, dt.date(2024, 9, 15), _today())
        opened = round_workbook.open_round(engine, 1, _today())
        return opened, round_workbook.build(engine, opened, 1)
    finally:
        engine.dispose()


def _fill(data: bytes, entries: dict[str, tuple]) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[round_workbook.SHEET]
    for number in range(round_workbook.FIRST_ROW, sheet.max_row + 1):
        for offset, value in enumerate(entries.get(sheet.cell(row=number, column=2).value, ())):
            sheet.cell(row=number, column=round_workbook.STATUS + 1 + offset, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _reports(url, on: dt.date) -> list[tuple[str, str, int, str]]:
    engine = make_engine(url)
    with Session(engine) as session:
        rows = session.execute(select(Measure.code, StatusReport.status, StatusReport.progress,
                                      StatusReport.author_name).join(Measure)
                               .where(StatusReport.report_date == on).order_by(Measure.code)).all()
    engine.dispose()
    return [tuple(row) for row in rows]


def _count(url) -> int:
    engine = make_engine(url)
    with Session(engine) as session:
        count = session.scalar(select(func.count(StatusReport.id)))
    engine.dispose()
    return count


def _upload(at, key: str, name: str, data: bytes):
    uploader = next(element for element in at.get("file_uploader") if element.key.startswith(key))
    uploader.set_value((name, data, round_workbook.MIME)).run()
    assert not at.exception
    return at


def _text(elements) -> str:
    return " ".join(element.value.replace("\\", "") for element in elements)


def test_an_editor_downloads_her_workbook_uploads_it_filled_and_saves_after_fixing_it(mini_app_url):
    opened, blank = _round(mini_app_url)
    editor = _account(mini_app_url, "editor", "VHS", name="Vera", email="vera@vhs.example")
    at = app()
    sign_in(at, editor)
    at.run()
    at.switch_page(MINE).run()
    assert not at.exception
    [download] = [button for button in at.get("download_button") if button.key == "round_workbook_download_mine"]
    assert download.proto.label == "Excel-Vorlage für diese Runde"
    before = _count(mini_app_url)

    wrong = _fill(blank, {"M1": ("fertig", 80, "Kurs läuft"), "M2": ("in Umsetzung", 120, "Zweiter Kurs")})
    _upload(at, "round_workbook_upload_mine", "Rueckmeldung.xlsx", wrong)
    errors = _text(at.error)
    assert "Die Vorlage hat 2 Problem(e). Es wird nichts gespeichert" in errors
    rows = {sheet_row[1].value: sheet_row[1].row for sheet_row in openpyxl.load_workbook(io.BytesIO(blank))[
        round_workbook.SHEET].iter_rows(min_row=round_workbook.FIRST_ROW)}
    assert f"Zeile {rows['M1']} (M1): „fertig“ ist kein Status. Erlaubt sind: geplant, in Umsetzung" in errors
    assert f"Zeile {rows['M2']} (M2): „120“ ist keine ganze Zahl von 0 bis 100" in errors
    assert not [button for button in at.button if button.key == "round_workbook_save_mine"]
    assert _count(mini_app_url) == before

    right = _fill(blank, {"M1": ("in Umsetzung", 70, "Kurs läuft"), "M2": ("abgeschlossen", 100, "Fertig")})
    _upload(at, "round_workbook_upload_mine", "Rueckmeldung.xlsx", right)
    assert not at.error
    preview = at.dataframe[-1].value
    assert sorted(preview["Nr."].tolist()) == ["M1", "M2"]
    assert "abgeschlossen, 100\u00a0%" in preview["Neu"].tolist()
    at.button(key="round_workbook_save_mine").click().run()
    assert not at.exception
    assert "2 Sachstand/Sachstände von Volkshochschule Testkreis aus der Excel-Vorlage gespeichert" in _text(at.success)
    assert _reports(mini_app_url, _today()) == [("M1", "in Umsetzung", 70, "Vera"), ("M2", "abgeschlossen", 100, "Vera")]


def test_an_editor_gets_a_german_refusal_for_another_file_and_another_organisations_workbook(mini_app_url):
    opened, blank = _round(mini_app_url)
    editor = _account(mini_app_url, "editor", "JC", name="Jana", email="jana@jc.example")
    at = app()
    sign_in(at, editor)
    at.run()
    at.switch_page(MINE).run()
    workbook = openpyxl.Workbook()
    buffer = io.BytesIO()
    workbook.save(buffer)
    _upload(at, "round_workbook_upload_mine", "Liste.xlsx", buffer.getvalue())
    assert "keine Rückmelde-Vorlage des Masterplan-Cockpits" in _text(at.error)
    _upload(at, "round_workbook_upload_mine", "Rueckmeldung.xlsx", _fill(blank, {"M1": ("in Umsetzung", 70, "x")}))
    assert "Diese Vorlage ist für „Volkshochschule Testkreis“; Sie melden für „Jobcenter Testkreis“" in _text(at.error)
    _upload(at, "round_workbook_upload_mine", "Bericht.pdf", b"%PDF-1.4")
    assert "„Bericht.pdf“ ist keine Excel-Datei" in _text(at.error)


def test_the_office_downloads_per_organisation_and_saves_an_upload_for_any_organisation(mini_app_url):
    opened, blank = _round(mini_app_url)
    at = app()
    at.query_params["sitzung"] = opened.meeting_date.isoformat()
    sign_in(at, _account(mini_app_url, "admin"))
    at.run()
    at.switch_page(OFFICE).run()
    assert not at.exception
    choice = at.selectbox(key="round_workbook_organisation")
    assert "Volkshochschule Testkreis" in choice.options and "Jobcenter Testkreis" in choice.options
    assert [button for button in at.get("download_button") if button.key == "round_workbook_download_office"]
    _upload(at, "round_workbook_upload_office", "Rueckmeldung VHS.xlsx",
            _fill(blank, {"M2": ("in Umsetzung", 40, "Per Mail zurück")}))
    assert "Rückmelde-Vorlage von **Volkshochschule Testkreis**" in _text(at.markdown)
    assert "1 Zeile(n) leer gelassen" in _text(at.caption)
    at.button(key="round_workbook_save_office").click().run()
    assert not at.exception
    assert _reports(mini_app_url, _today()) == [("M2", "in Umsetzung", 40, "Büro Migration")]
    assert not [element for element in at.get("file_uploader") if element.key.startswith("round_workbook_upload_office")
                and element.value]
    at.switch_page("pages/aenderungsprotokoll.py").run()
    assert not at.exception
    log = at.dataframe[0].value
    workbook_rows = log[log["Objekt"].str.startswith("Excel-Vorlage der Berichtsrunde")]
    assert len(workbook_rows) == 1
    assert "Volkshochschule Testkreis" in workbook_rows.iloc[0]["Änderungen (alt → neu)"]
    report_rows = log[log["Objekt"].str.startswith("Sachstand")]
    assert "Quelle: Excel-Vorlage" in " ".join(report_rows["Änderungen (alt → neu)"])
