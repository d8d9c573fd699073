"""The Excel round in chromium: the Jobcenter's editor downloads her workbook of the open round on "Meine
Maßnahmen", fills it as a person would (openpyxl), uploads it, sees a wrong row named, uploads the corrected file,
sees the preview and saves: one report per filled row.

Its own app server on a copy of the prepared example database with the editor's account and an open round.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import SYSTEM
from models.commands.accounts import create_user
from models.commands.rounds import open_round
from models.db import make_engine
from models.reporting import cutoff_meetings, reporting_round
from models.schema import Body, Measure, Meeting, Organisation, Plan, StatusReport
from models.transfer import round_workbook
from tests.browser.conftest import RUN_TIMEOUT_MS, VIEWPORT, _warm_up, assert_no_exception, running_app, \
    screenshot, wait_for_run
from tests.browser.test_sign_in_browser import _copy_sqlite, _sign_in_locally, _until

PLAN = "darmstadt-dieburg"
PASSWORD = "ein-langes-passwort-2030"
ORGANISATION = "KfB"
EDITOR = {"name": "Jana Beispiel", "email": "jana.beispiel@kfb.example.org"}


@pytest.fixture(scope="module")
def round_app(tmp_path_factory, browser: Browser, example_sqlite_url: str):
    folder = tmp_path_factory.mktemp("round-workbook-app")
    database_url = f"sqlite:///{folder / 'app.db'}"
    _copy_sqlite(example_sqlite_url, database_url)
    engine = make_engine(database_url)
    today = dt.date.today()
    try:
        with Session(engine) as session, session.begin():
            organisation = session.scalar(select(Organisation.id).where(Organisation.short_name == ORGANISATION))
            create_user(session, SYSTEM, role="editor", password=PASSWORD, organisation_id=organisation, **EDITOR)
            # The Fachbeirat met yesterday: a new round has begun (the Jobcenter's running measures owe reports),
            # and the office opens it for the next meeting, as the Berichtsrunde page proposes.
            plan = session.scalar(select(Plan.id).where(Plan.slug == PLAN))
            body = session.scalar(select(Body.id).where(Body.plan_id == plan, Body.kind == "Fachbeirat"))
            session.add(Meeting(body_id=body, meeting_date=today - dt.timedelta(days=1), title="Sondersitzung"))
        window = reporting_round(cutoff_meetings(engine, plan), today)
        with Session(engine) as session, session.begin():
            open_round(session, SYSTEM, plan, window.until, window.since, today)
    finally:
        engine.dispose()
    with running_app(database_url, folder / "server.log") as base_url:
        _warm_up(browser, base_url)
        yield base_url, database_url


@pytest.fixture
def lead(browser: Browser, round_app) -> Page:
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE", accept_downloads=True)
    context.set_default_timeout(RUN_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def _fill(data: bytes, rows: dict[int, tuple]) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[round_workbook.SHEET]
    for number, values in rows.items():
        for offset, value in enumerate(values):
            sheet.cell(row=number, column=round_workbook.STATUS + 1 + offset, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _today_reports(database_url: str) -> list[tuple[str, int, str]]:
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            return [tuple(row) for row in session.execute(
                select(Measure.code, StatusReport.progress, StatusReport.summary).join(Measure).join(Plan)
                .where(Plan.slug == PLAN, StatusReport.report_date == dt.date.today(),
                       StatusReport.author_name == EDITOR["name"]).order_by(Measure.code))]
    finally:
        engine.dispose()


def _upload(page: Page, data: bytes) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        {"name": "Rueckmeldung.xlsx", "mimeType": round_workbook.MIME, "buffer": data})


def test_the_lead_downloads_fills_and_uploads_her_workbook(lead: Page, round_app, tmp_path):
    base_url, database_url = round_app
    lead.goto(f"{base_url}/anmelden?plan={PLAN}")
    wait_for_run(lead, "Anmelden")
    _sign_in_locally(lead, EDITOR["email"], PASSWORD)
    wait_for_run(lead, "Meine Maßnahmen")
    main = lead.get_by_test_id("stMain")
    main.get_by_text("Per Excel melden").click()
    with lead.expect_download() as download:
        main.get_by_role("button", name="Excel-Vorlage für diese Runde").click()
    assert download.value.suggested_filename.startswith("Rueckmeldung-") and \
        download.value.suggested_filename.endswith(".xlsx")
    download.value.save_as(tmp_path / "vorlage.xlsx")
    blank = (tmp_path / "vorlage.xlsx").read_bytes()
    sheet = openpyxl.load_workbook(io.BytesIO(blank))[round_workbook.SHEET]
    rows = {sheet.cell(row=number, column=2).value: number
            for number in range(round_workbook.FIRST_ROW, sheet.max_row + 1)}
    assert len(rows) >= 2, rows
    (first, first_row), (second, second_row) = list(rows.items())[:2]
    # progress as it was (column G, a percent cell) plus a little: a drop would need a reason, as in the form
    first_progress, second_progress = (min(99, round(sheet.cell(row=row, column=7).value * 100) + 1)
                                       for row in (first_row, second_row))

    _upload(lead, _fill(blank, {first_row: ("in Umsetzung", 120, "Läuft gut"),
                                second_row: ("in Umsetzung", second_progress, "Zweite Gruppe")}))
    expect(main.get_by_text(f"Zeile {first_row} ({first}): „120“ ist keine ganze Zahl von 0 bis 100")).to_be_visible()
    expect(main.get_by_role("button", name="Speichern")).to_have_count(0)
    assert _today_reports(database_url) == []

    _upload(lead, _fill(blank, {first_row: ("in Umsetzung", first_progress, "Läuft gut"),
                                second_row: ("in Umsetzung", second_progress, "Zweite Gruppe")}))
    expect(main.get_by_text("Das wird gemeldet (2)")).to_be_visible()
    assert_no_exception(lead)
    screenshot(lead, "excel-runde-vorschau")
    main.get_by_role("button", name="Speichern").click()
    expect(main.get_by_text("2 Sachstand/Sachstände von")).to_be_visible()
    _until(lambda: len(_today_reports(database_url)) == 2, "the two reports")
    assert _today_reports(database_url) == sorted([(first, first_progress, "Läuft gut"),
                                                     (second, second_progress, "Zweite Gruppe")])
    assert_no_exception(lead)
