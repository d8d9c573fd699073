"""The page Import in a real browser: an admin uploads a CSV file, sees the preview with a problem, uploads the
corrected file and imports it. On an app server of its own, so the shared app's example plan stays as it is."""

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy.orm import Session

from models.commands.accounts import create_user
from models.bootstrap import prepare_database
from models.commands import SYSTEM
from tests.browser.conftest import (
    FINISHED_RUN,
    LOCAL_PASSWORD,
    RUN_TIMEOUT_MS,
    VIEWPORT,
    assert_no_exception,
    running_app,
    screenshot,
    wait_for_run,
)

ADMIN_EMAIL = "import-admin@kreis.example"

BAD = "Code;Titel;Beschreibung\nHF-IMPORT-1;Neues Handlungsfeld;<b>aus</b> dem Browser\nHF-IMPORT-1;Doppelt;\n"
GOOD = "Code;Titel;Beschreibung\nHF-IMPORT-1;Neues Handlungsfeld;<b>aus</b> dem Browser\n"


def _sign_in(page: Page, app_url: str, email: str) -> None:
    page.goto(f"{app_url}/anmelden")
    wait_for_run(page, "Anmelden")
    page.get_by_label("E-Mail-Adresse", exact=True).fill(email)
    page.get_by_label("Passwort", exact=True).fill(LOCAL_PASSWORD)
    page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Anmelden").click()
    wait_for_run(page, "Übersicht")


def _upload(page: Page, content: str, rows: int) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        {"name": "Handlungsfelder.csv", "mimeType": "text/csv", "buffer": content.encode("cp1252")})
    expect(page.get_by_text(f"Gelesen: „Handlungsfelder“ ({rows} Zeilen)")).to_be_visible()
    wait_for_run(page, "Import")


@pytest.fixture
def import_app(browser: Browser, tmp_path):
    """A page of a fresh app (example plans, one local admin), after a first full run of the app."""
    url = f"sqlite:///{tmp_path / 'import-app.db'}"
    engine = prepare_database(url)
    with Session(engine) as session, session.begin():
        create_user(session, SYSTEM, name="Import Admin", email=ADMIN_EMAIL, role="admin", password=LOCAL_PASSWORD)
    engine.dispose()
    with running_app(url, tmp_path / "server.log") as base_url:
        context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
        context.set_default_timeout(RUN_TIMEOUT_MS)
        page = context.new_page()
        page.goto(f"{base_url}/")
        expect(page.locator(FINISHED_RUN)).to_be_attached()
        expect(page.get_by_test_id("stTopNav")).to_be_visible()
        yield page, base_url
        context.close()


def open_import_page(import_app) -> Page:
    """The admin, signed in, on the Import page."""
    page, app_url = import_app
    _sign_in(page, app_url, ADMIN_EMAIL)
    page.get_by_test_id("stTopNavSection").filter(has_text="Verwaltung").click()
    page.get_by_role("menuitem", name="Import", exact=True).click()
    wait_for_run(page, "Import")
    return page


def test_admin_imports_a_csv_file_after_a_preview(import_app):
    page = open_import_page(import_app)
    main = page.get_by_test_id("stMain")

    _upload(page, BAD, rows=2)
    # The selected plan is example data, so the page proposes a new plan; this admin picks the example.
    expect(main.get_by_role("radio", name="Als neuen Plan anlegen")).to_be_checked()
    main.get_by_text("In den gewählten Plan").click()
    wait_for_run(page, "Import")
    main.get_by_role("button", name="Vorschau erstellen").click()
    expect(main.get_by_text("1 Problem(e)")).to_be_visible()
    wait_for_run(page, "Import")
    assert_no_exception(page)
    expect(main.get_by_role("button", name="Jetzt importieren")).to_have_count(0)
    screenshot(page, "import-problems")

    main.get_by_role("button", name="Remove Handlungsfelder.csv").click()
    expect(main.get_by_role("button", name="Vorschau erstellen")).to_have_count(0)
    wait_for_run(page, "Import")
    _upload(page, GOOD, rows=1)
    # Streamlit forgets widgets left out of a run: the choice made beside the removed file is kept anyway.
    expect(main.get_by_role("radio", name="In den gewählten Plan", exact=False)).to_be_checked()
    main.get_by_role("button", name="Vorschau erstellen").click()
    expect(main.get_by_text("Keine Probleme gefunden.")).to_be_visible()
    main.get_by_role("button", name="Jetzt importieren").click()
    expect(main.get_by_text("Import gespeichert: 1 Zeile(n) neu oder geändert.")).to_be_visible()
    wait_for_run(page, "Import")
    assert_no_exception(page)
    screenshot(page, "import-done")
