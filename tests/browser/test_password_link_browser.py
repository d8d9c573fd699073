"""The admin's one-time set-password link in Chromium: issued in Pflege > Konten, opened in a fresh browser
(another person's), the password set there, and that person signed in; the link then fails in German."""

from __future__ import annotations

from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlalchemy import update
from sqlalchemy.orm import Session

from models.actors import SYSTEM
from models.auth import authenticate
from models.commands.accounts import create_user
from models.db import make_engine
from models.schema import Plan
from tests.browser.conftest import (
    RUN_TIMEOUT_MS,
    VIEWPORT,
    assert_no_exception,
    expect,
    screenshot,
    wait_for_run,
    widget,
)

ADMIN_PASSWORD = "Verwaltung im Kreishaus 1"
NEW = "Neuer Weg durchs Moor 42"


def _accounts(database_url: str) -> None:
    engine = make_engine(database_url)
    with Session(engine) as session, session.begin():
        create_user(session, SYSTEM, name="Linda Link-Admin", email="linda.admin@kreis.example", role="admin",
                    password=ADMIN_PASSWORD)
        create_user(session, SYSTEM, name="Nora Neu", email="nora.neu@kreis.example", role="viewer")
        # Written beside the app, not through its pages: move every plan's change counter so that a Pflege page
        # another test opened earlier on this shared database reads the accounts again (its reads are cached).
        session.execute(update(Plan).values(change_counter=Plan.change_counter + 1))
    engine.dispose()


def _fresh_page(browser: Browser) -> Page:
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    return context.new_page()


def test_admin_issues_a_link_and_the_person_sets_a_password_and_is_signed_in(page: Page, browser: Browser,
                                                                               app_url: str, app_database_url: str):
    _accounts(app_database_url)
    page.goto(f"{app_url}/anmelden")
    wait_for_run(page, "Anmelden")
    page.get_by_label("E-Mail-Adresse").fill("linda.admin@kreis.example")
    page.get_by_label("Passwort", exact=True).fill(ADMIN_PASSWORD)
    page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Anmelden").click()
    wait_for_run(page, "Übersicht")
    page.goto(f"{app_url}/pflege?bereich=konten")
    wait_for_run(page, "Pflege")
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Link erzeugen"))
    account = widget(page, "stSelectbox", "Konto", within=form)
    _choose_account(page, account, "Nora Neu · nora.neu@kreis.example", "nora.neu@kreis.example")
    form.get_by_role("button", name="Link erzeugen").click()
    expect(page.get_by_text("Link für nora.neu@kreis.example erzeugt.")).to_be_visible()
    link = page.get_by_test_id("stCode").filter(has_text="/passwort-setzen?token=").inner_text().strip()
    assert link.startswith(f"{app_url}/passwort-setzen?token=")
    screenshot(page, "password-link-issued")

    nora = _fresh_page(browser)
    try:
        nora.goto(link)
        wait_for_run(nora, "Passwort setzen")
        expect(nora.get_by_text("Nora Neu", exact=False).first).to_be_visible()
        nora.get_by_label("Neues Passwort", exact=True).fill(NEW)
        nora.get_by_label("Neues Passwort wiederholen").fill(NEW)
        screenshot(nora, "password-link-page")
        nora.get_by_role("button", name="Passwort setzen und anmelden").click()
        nora.wait_for_url(f"{app_url}/")
        wait_for_run(nora, "Übersicht")
        nora.goto(f"{app_url}/konto")
        wait_for_run(nora, "Mein Konto")
        expect(nora.get_by_text("Angemeldet als")).to_contain_text("Nora Neu")
        assert_no_exception(nora)
        nora.goto(link)
        wait_for_run(nora, "Passwort setzen")
        expect(nora.get_by_test_id("stAlertContentError")).to_contain_text("Dieser Link gilt nicht (mehr)")
    finally:
        nora.context.close()
    engine = make_engine(app_database_url)
    assert authenticate(engine, "nora.neu@kreis.example", NEW).name == "Nora Neu"
    engine.dispose()


def _choose_account(page: Page, account, option: str, typed: str) -> None:
    """Open the account select box, type to filter and click the option. The box sits in a form low on the page:
    a click alone may leave it closed, and with the accounts other tests made on the shared database the list is
    longer than the options drawn at once; so type, and try the opening again if the option does not appear."""
    for attempt in range(3):
        account.get_by_role("combobox").click()
        page.keyboard.press("ArrowDown")
        page.keyboard.type(typed)
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=15_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
