"""The main journeys with the keyboard alone: Tab moves the focus, keys type and choose; no clicks.

1. Open a measure: on Maßnahmen, choose a measure in the picker; its history shows.
2. Submit a status report: sign in as an editor, go to Sachstand melden by the top navigation, choose
   a measure, write the summary and save with Enter on the button.
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Locator, Page, expect
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.db import make_engine
from models.schema import Measure, Plan, StatusReport
import ui.strings  # noqa: F401  (registers the UI strings in the catalogue)
from models.texts import text
from tests.browser.conftest import (
    EXAMPLE_PLAN_SLUG,
    LOCAL_PASSWORD,
    RUN_TIMEOUT_MS,
    VIEWPORT,
    assert_no_exception,
    wait_for_run,
)

MAX_TABS = 400  # a bounded walk through the page's focusable elements


def de(key: str, **params) -> str:
    return text(key, "de", **params)


def has_focus(target: Locator) -> bool:
    return target.evaluate("element => element === document.activeElement || element.contains(document.activeElement)")


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until the focus is in TARGET (the element must be reachable by Tab alone)."""
    expect(target).to_be_attached()
    for _ in range(MAX_TABS):
        if has_focus(target):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} is not reachable with the Tab key within {MAX_TABS} presses")


def choose_by_typing(page: Page, combobox: Locator, typed: str, option: str) -> None:
    """Focus a select box by Tab, type to filter its options, pick the option with the arrow keys and Enter."""
    tab_to(page, combobox)
    page.keyboard.type(typed)
    expect(page.get_by_role("option", name=option, exact=True)).to_be_visible()
    for _ in range(50):
        if page.get_by_role("option", name=option, exact=True).get_attribute("aria-selected") == "true":
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def combobox(page: Page, label: str) -> Locator:
    return page.get_by_test_id("stSelectbox").filter(
        has=page.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True)).get_by_role("combobox")


def first_measure(engine) -> tuple[str, str, int]:
    """Code, title and number of reports of the example plan's first measure."""
    with Session(engine) as session:
        measure = session.scalars(select(Measure).join(Plan).where(Plan.slug == EXAMPLE_PLAN_SLUG)
                                  .order_by(Measure.id).limit(1)).one()
        reports = session.scalar(select(func.count()).select_from(StatusReport)
                                 .where(StatusReport.measure_id == measure.id))
        return measure.code, measure.title, reports


def test_open_a_measure_by_keyboard(page: Page, app_url: str, app_database_url: str):
    engine = make_engine(app_database_url)
    code, title, _ = first_measure(engine)
    engine.dispose()
    page.goto(f"{app_url}/massnahmen?plan={EXAMPLE_PLAN_SLUG}")
    wait_for_run(page, de("page.measures"))

    choose_by_typing(page, combobox(page, de("measures.detail.pick")), code, f"{code} – {title}")

    main = page.get_by_test_id("stMain")
    expect(main.locator("h3", has_text=f"{code} – {title}")).to_be_visible()
    expect(main.get_by_role("heading", name=re.compile(r"^Sachstände \(\d+\), neueste zuerst"))).to_be_visible()
    assert_no_exception(page)


def sign_in_by_keyboard(page: Page, app_url: str, email: str) -> None:
    page.goto(f"{app_url}/anmelden")
    wait_for_run(page, de("page.sign_in"))
    tab_to(page, page.get_by_label(de("sign_in.email"), exact=True))
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    expect(page.get_by_label(de("sign_in.password"), exact=True)).to_be_focused()
    page.keyboard.type(LOCAL_PASSWORD)
    page.keyboard.press("Enter")  # the sign-in form submits on Enter
    wait_for_run(page, de("page.my_measures"))  # an editor starts on her measures


def open_report_page_by_keyboard(page: Page) -> None:
    section = page.get_by_test_id("stTopNavSection").filter(has_text=de("app.section.report"))
    tab_to(page, section)
    page.keyboard.press("Enter")
    item = page.get_by_role("menuitem", name=de("page.report"), exact=True)
    expect(item).to_be_visible()
    for _ in range(20):
        if has_focus(item):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_for_run(page, de("page.report"))


def test_submit_a_status_report_by_keyboard(browser: Browser, app_url: str, app_database_url: str,
                                            local_accounts: dict[str, str]):
    engine = make_engine(app_database_url)
    code, title, reports_before = first_measure(engine)
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    try:
        page = context.new_page()
        sign_in_by_keyboard(page, app_url, local_accounts["editor"])
        open_report_page_by_keyboard(page)
        choose_by_typing(page, combobox(page, de("report.pick")), code, f"{code} – {title}")

        summary = page.get_by_label(de("report.field.summary"), exact=True)
        tab_to(page, summary)
        page.keyboard.type("Mit der Tastatur gemeldet: Kurs läuft planmäßig.")
        tab_to(page, page.get_by_role("button", name=de("report.submit")))
        page.keyboard.press("Enter")

        expect(page.get_by_test_id("stAlert").filter(has_text=f"Der Sachstand zu {code} wurde gespeichert")
               ).to_be_visible()
        assert_no_exception(page)
    finally:
        context.close()
    with Session(engine) as session:
        latest = session.scalars(select(StatusReport).join(Measure).join(Plan)
                                 .where(Plan.slug == EXAMPLE_PLAN_SLUG, Measure.code == code)
                                 .order_by(StatusReport.id.desc()).limit(1)).one()
        reports_after = session.scalar(select(func.count()).select_from(StatusReport)
                                       .where(StatusReport.measure_id == latest.measure_id))
    engine.dispose()
    assert reports_after == reports_before + 1
    assert latest.summary == "Mit der Tastatur gemeldet: Kurs läuft planmäßig."
