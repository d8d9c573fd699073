"""The very first visitor of a freshly started server, in chromium: no warm-up run before (unlike the
app_url fixture), so the visit meets Streamlit's old pages/ folder mode (see ui.shell.navigation.leave_folder_mode
and tests/deploy/test_first_visit.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from models.db import make_engine
from models.measures import MeasureFilters, apply_filters, measure_list
from models.queries import plans
from tests.browser.conftest import RUN_TIMEOUT_MS, VIEWPORT, assert_no_exception, running_app, wait_for_run, widget
from tests.browser.test_pages_browser import measure_count_text, plan_document, query, tags
from tests.browser.test_sign_in_browser import (
    EDITOR,
    PASSWORD,
    _copy_sqlite,
    _local_accounts,
    _open,
    _sections,
    _sign_in_locally,
)

FIELD = "HF2"


def _fresh_server(tmp_path: Path, example_sqlite_url: str, *, accounts: bool = False):
    """A new server process on its own copy of the example database; nobody has visited it yet."""
    database_url = f"sqlite:///{tmp_path / 'app.db'}"
    _copy_sqlite(example_sqlite_url, database_url)
    if accounts:
        _local_accounts(database_url)
    return database_url, running_app(database_url, tmp_path / "server.log")


@pytest.fixture
def first_visitor(browser: Browser) -> Page:
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    yield context.new_page()
    context.close()


def _open_first(page: Page, url: str, heading: str) -> None:
    """The server's first visit: the page with this heading, inside the app's frame, and no dialog."""
    page.goto(url)
    wait_for_run(page, heading)
    assert_no_exception(page)  # no "Page not found" dialog
    expect(page.get_by_test_id("stTopNav")).to_be_visible()  # st.navigation of dashboard.py has run


def _filtered_count(database_url: str) -> tuple[int, int]:
    """(measures of the example plan in action field FIELD today, all its measures), as the page computes them."""
    engine = make_engine(database_url)
    try:
        rows = plans(engine)
        plan_id = int(rows.loc[rows["slug"] == plan_document()["plan"]["slug"], "id"].iloc[0])
        measures = measure_list(engine, plan_id, dt.date.today())
    finally:
        engine.dispose()
    return len(apply_filters(measures, MeasureFilters(action_fields=(FIELD,)))), len(measures)


def test_the_first_visitor_on_a_filtered_deep_link_sees_the_filtered_measures(
        first_visitor: Page, tmp_path: Path, example_sqlite_url: str):
    database_url, server = _fresh_server(tmp_path, example_sqlite_url)
    with server as base_url:
        _open_first(first_visitor, f"{base_url}/massnahmen?hf={FIELD}", "Maßnahmen")
        main = first_visitor.get_by_test_id("stMain")
        fields = {spec["code"]: spec["title"] for spec in plan_document()["action_fields"]}
        expect(tags(widget(first_visitor, "stMultiSelect", "Handlungsfeld", within=main))).to_have_text(
            [fields[FIELD]])
        shown, total = _filtered_count(database_url)
        assert 0 < shown < total
        expect(main.get_by_text(measure_count_text(shown, total), exact=True)).to_be_visible()
        assert urlsplit(first_visitor.url).path == "/massnahmen"
        assert query(first_visitor)["hf"] == FIELD


def test_the_first_visitor_on_the_start_page_sees_the_overview(
        first_visitor: Page, tmp_path: Path, example_sqlite_url: str):
    _, server = _fresh_server(tmp_path, example_sqlite_url)
    with server as base_url:
        _open_first(first_visitor, f"{base_url}/", "Übersicht")
        assert urlsplit(first_visitor.url).path == "/"


def test_the_first_visitor_signs_in_and_opens_a_signed_in_page(
        first_visitor: Page, tmp_path: Path, example_sqlite_url: str):
    _, server = _fresh_server(tmp_path, example_sqlite_url, accounts=True)
    with server as base_url:
        _open_first(first_visitor, f"{base_url}/anmelden?plan={plan_document()['plan']['slug']}", "Anmelden")
        _sign_in_locally(first_visitor, EDITOR["email"], PASSWORD)
        wait_for_run(first_visitor, "Meine Maßnahmen")  # an editor starts on her measures
        expect(_sections(first_visitor)).to_have_text(["Berichten", "Überblick", "Konto"])
        _open(first_visitor, "Berichten", "Sachstand melden")
        assert urlsplit(first_visitor.url).path == "/sachstand-melden"
        _open(first_visitor, "Konto", "Mein Konto")
        assert urlsplit(first_visitor.url).path == "/konto"
