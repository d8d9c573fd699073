"""The project lead's start page in chromium: the Jobcenter's editor signs in, lands on "Meine Maßnahmen", reports
one measure "unverändert" in at most 3 interactions and another one in full through its row's link in at most 8.

Its own app server on a copy of the prepared example database with the editor's local account.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.commands import SYSTEM
from models.commands.accounts import create_user
from models.db import make_engine
from models.my_measures import my_measures
from models.schema import Body, Measure, Meeting, Organisation, Plan, StatusReport
from tests.browser.conftest import (
    FINISHED_RUN,
    RUN_TIMEOUT_MS,
    VIEWPORT,
    _warm_up,
    assert_no_exception,
    running_app,
    screenshot,
    wait_for_run,
)
from tests.browser.test_sign_in_browser import _copy_sqlite, _sections, _sign_in_locally, _until

PLAN = "darmstadt-dieburg"
PASSWORD = "ein-langes-passwort-2030"
ORGANISATION = "KfB"
EDITOR = {"name": "Jana Beispiel", "email": "jana.beispiel@kfb.example.org"}


@pytest.fixture(scope="module")
def lead_app(tmp_path_factory, browser: Browser, example_sqlite_url: str):
    folder = tmp_path_factory.mktemp("my-measures-app")
    database_url = f"sqlite:///{folder / 'app.db'}"
    _copy_sqlite(example_sqlite_url, database_url)
    engine = make_engine(database_url)
    try:
        with Session(engine) as session, session.begin():
            organisation = session.scalar(select(Organisation.id).where(Organisation.short_name == ORGANISATION))
            create_user(session, SYSTEM, role="editor", password=PASSWORD, organisation_id=organisation, **EDITOR)
            # The Fachbeirat met yesterday: a new round has begun, and the Jobcenter's running measures owe reports.
            body = session.scalar(select(Body.id).join(Plan).where(Plan.slug == PLAN, Body.kind == "Fachbeirat"))
            session.add(Meeting(body_id=body, meeting_date=dt.date.today() - dt.timedelta(days=1),
                                title="Sondersitzung"))
    finally:
        engine.dispose()
    with running_app(database_url, folder / "server.log") as base_url:
        _warm_up(browser, base_url)
        yield base_url, database_url


@pytest.fixture
def lead(browser: Browser, lead_app) -> Page:
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def _owed(database_url: str) -> list[tuple[str, str, bool]]:
    """Code, title and "has a report" of each measure the Jobcenter owes in the round, as the page lists them."""
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            plan_id = session.scalar(select(Plan.id).where(Plan.slug == PLAN))
            organisation = session.scalar(select(Organisation.id).where(Organisation.short_name == ORGANISATION))
        owed = my_measures(engine, plan_id, organisation, dt.date.today()).owed
    finally:
        engine.dispose()
    return [(row.code, row.title, bool(pd.notna(row.last_report_date))) for row in owed.itertuples()]


def _reports(database_url: str, code: str) -> list[StatusReport]:
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            return list(session.scalars(select(StatusReport).join(Measure).join(Plan)
                                        .where(Plan.slug == PLAN, Measure.code == code)
                                        .order_by(StatusReport.id)))
    finally:
        engine.dispose()


def _count(database_url: str, code: str) -> int:
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            return session.scalar(select(func.count()).select_from(StatusReport).join(Measure).join(Plan)
                                  .where(Plan.slug == PLAN, Measure.code == code))
    finally:
        engine.dispose()


def _row(page: Page, code: str):
    return page.locator(f".st-key-my_measures_row_{code}")


def test_the_lead_lands_on_her_measures_and_reports_unchanged_then_in_full(lead: Page, lead_app):
    base_url, database_url = lead_app
    owed = _owed(database_url)
    assert len(owed) >= 2, owed  # the example plan: the Jobcenter owes reports on its running measures
    unchanged_code = next(code for code, _, reported in owed if reported)
    full_code, full_title, _ = next(item for item in owed if item[0] != unchanged_code)

    lead.goto(f"{base_url}/anmelden?plan={PLAN}")
    wait_for_run(lead, "Anmelden")
    _sign_in_locally(lead, EDITOR["email"], PASSWORD)
    wait_for_run(lead, "Meine Maßnahmen")  # after sign-in: what she owes
    expect(_sections(lead)).to_have_text(["Berichten", "Überblick", "Konto"])
    main = lead.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name=re.compile(r"^Jetzt zu melden \(\d+\)"))).to_be_visible()
    for code, _, _ in owed:
        expect(_row(lead, code)).to_be_visible()
    assert_no_exception(lead)
    screenshot(lead, "meine-massnahmen")

    # "unverändert": one click, one confirmation (2 interactions; at most 3 allowed)
    before = _count(database_url, unchanged_code)
    _row(lead, unchanged_code).get_by_role("button", name="Unverändert melden").click()  # 1
    confirm = _row(lead, unchanged_code).get_by_role("button", name="Ja, unverändert melden")
    expect(confirm).to_be_visible()
    screenshot(lead, "meine-massnahmen-bestaetigen")
    confirm.click()  # 2
    expect(main.get_by_test_id("stAlert").filter(has_text=f"{unchanged_code} wurde unverändert gemeldet")
           ).to_be_visible()
    _until(lambda: _count(database_url, unchanged_code) == before + 1, "the unchanged report")
    previous, report = _reports(database_url, unchanged_code)[-2:]
    assert (report.status, report.progress, report.report_date, report.author_name) == (
        previous.status, previous.progress, dt.date.today(), EDITOR["name"])
    assert report.summary.startswith("Unverändert gegenüber dem Sachstand vom ")
    # it has its report for this round now: one measure fewer to report
    expect(main.get_by_role("heading", name=f"Jetzt zu melden ({len(owed) - 1})")).to_be_visible()
    assert_no_exception(lead)

    # a full report through the row's link (3 interactions; at most 8 allowed)
    summary = "Neue Kursgruppe gestartet; zwölf Teilnehmende, Abschluss im Frühjahr."
    _row(lead, full_code).get_by_role("link", name=re.compile("Sachstand melden")).click()  # 1
    wait_for_run(lead, "Sachstand melden")
    expect(lead).to_have_url(re.compile(rf"/sachstand-melden\?.*massnahme={re.escape(full_code)}"))
    expect(main.get_by_role("heading", name=f"{full_code} – {full_title}")).to_be_visible()
    lead.get_by_label("Sachstand (Pflichtfeld)").fill(summary)  # 2
    lead.get_by_role("button", name="Sachstand speichern").click()  # 3
    expect(main.get_by_test_id("stAlert").filter(has_text=f"Der Sachstand zu {full_code} wurde gespeichert")
           ).to_be_visible()
    expect(lead.locator(FINISHED_RUN)).to_be_attached()
    report = _reports(database_url, full_code)[-1]
    assert (report.summary, report.author_name, report.report_date) == (summary, EDITOR["name"], dt.date.today())
    assert_no_exception(lead)
