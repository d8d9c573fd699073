"""The browser journey of issue 14's import profiles: an admin uploads a tree file with report rows, maps its
levels, report labels and status values, imports it and sees a measure's four dated reports; saves the choices
as the profile „Quartal“; imports the next quarter's file (same columns, one more report label per measure) with
the saved profile in one step (the new label confirmed). The same file through the command line with the profile,
into a copy of the database as it was before the browser's second import, gives the same database (the plan's
tables compared row by row, ids and times left out)."""

from __future__ import annotations

import sqlite3

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlalchemy import DateTime, create_engine, select
from sqlalchemy.orm import Session

from cli.main import main
from models.bootstrap import prepare_database
from models.commands import SYSTEM
from models.commands.accounts import create_user
from models.schema import Base
from models.seed import insert_plan_document
from tests.browser.conftest import (
    FINISHED_RUN,
    LOCAL_PASSWORD,
    RUN_TIMEOUT_MS,
    VIEWPORT,
    assert_no_exception,
    running_app,
    screenshot,
    wait_for_run,
    widget,
)
from tests.conftest import FIXTURES

ADMIN_EMAIL = "profil-admin@kreis.example"
FIRST = FIXTURES / "imports" / "tree-reports.xlsx"
NEXT = FIXTURES / "imports" / "tree-reports-next.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Not the plan's content: who signed in when, and the audit trail (the page's admin, the command line's system).
NOT_COMPARED = {"audit_event", "sign_in_session", "sign_in_throttle", "app_user", "password_token", "import_profile"}


@pytest.fixture
def profile_app(browser: Browser, tmp_path):
    """A fresh app with one empty plan „baum“ and one local admin."""
    path = tmp_path / "profile-app.db"
    engine = prepare_database(f"sqlite:///{path}", with_examples=False)
    with Session(engine) as session, session.begin():
        insert_plan_document(session, {"plan": {"slug": "baum", "name": "Integrationsplan Musterstadt",
                                                "owner": "Landkreis Musterstadt"}})
        create_user(session, SYSTEM, name="Profil Admin", email=ADMIN_EMAIL, role="admin", password=LOCAL_PASSWORD)
    engine.dispose()
    with running_app(f"sqlite:///{path}", tmp_path / "server.log") as base_url:
        context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
        context.set_default_timeout(RUN_TIMEOUT_MS)
        page = context.new_page()
        page.goto(f"{base_url}/")
        expect(page.locator(FINISHED_RUN)).to_be_attached()
        yield page, base_url, path
        context.close()


def _sign_in(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/anmelden")
    wait_for_run(page, "Anmelden")
    page.get_by_label("E-Mail-Adresse", exact=True).fill(ADMIN_EMAIL)
    page.get_by_label("Passwort", exact=True).fill(LOCAL_PASSWORD)
    page.get_by_test_id("stFormSubmitButton").get_by_role("button", name="Anmelden").click()
    wait_for_run(page, "Übersicht")


def _open_import(page: Page) -> None:
    page.get_by_test_id("stTopNavSection").filter(has_text="Verwaltung").click()
    page.get_by_role("menuitem", name="Import", exact=True).click()
    wait_for_run(page, "Import")


def _upload_tree(page: Page, path, name: str) -> None:
    main = page.get_by_test_id("stMain")
    main.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        {"name": name, "mimeType": XLSX, "buffer": path.read_bytes()})
    expect(main.get_by_text("Gelesen:")).to_be_visible()
    wait_for_run(page, "Import")
    main.get_by_text("Ein Baum in einer Tabelle (ganzer Plan mit Sachständen)").click()
    expect(main.get_by_text("Woran erkennt man in der Datei die Ebenen?")).to_be_visible()
    wait_for_run(page, "Import")


def _choose(page: Page, box, option: str) -> None:
    """Open the select box, type to filter and click the option (a click alone may leave a box closed)."""
    for attempt in range(3):
        box.get_by_role("combobox").click()
        page.keyboard.type(option[:8])
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=15_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")


def _rows(path) -> dict[str, list[tuple]]:
    """Every table of the plan's database, rows without ids and times, sorted."""
    engine = create_engine(f"sqlite:///{path}")
    tables = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_COMPARED:
                continue
            columns = [column for column in table.columns
                       if column.name != "id" and not isinstance(column.type, DateTime)]
            tables[table.name] = sorted((tuple(map(repr, row)) for row in connection.execute(select(*columns))))
    engine.dispose()
    return tables


def test_a_tree_file_then_the_next_quarter_with_the_saved_profile(profile_app, tmp_path, capsys):
    page, app_url, database = profile_app
    main = page.get_by_test_id("stMain")
    _sign_in(page, app_url)
    _open_import(page)

    _upload_tree(page, FIRST, "massnahmenplan-q2.xlsx")
    # levels: depth by depth, as the user confirms them
    for depth, level in [("Tiefe 1 (1 Zeilen, z. B. „Ankommen“)", "Handlungsfelder"),
                         ("Tiefe 2 (1 Zeilen, z. B. „Erstorientierung für alle“)", "Leitziele"),
                         ("Tiefe 3 (2 Zeilen, z. B. „Willkommensmappe“)", "Maßnahmen"),
                         ("Tiefe 4 (6 Zeilen, z. B. „geplant“)", "Sachstand (Zeile unter einer Maßnahme)")]:
        _choose(page, widget(page, "stSelectbox", depth, within=main), level)
        wait_for_run(page, "Import")
    # labels and status values: the tables of proposals, confirmed as shown
    expect(main.get_by_text("Sachstand 2015 / 2016").first).to_be_attached()
    expect(main.get_by_text("So wird die Datei gelesen")).to_be_visible()
    main.get_by_role("button", name="Vorschau erstellen").click()
    expect(main.get_by_text("Keine Probleme gefunden.")).to_be_visible()
    wait_for_run(page, "Import")
    main.get_by_role("button", name="Jetzt importieren").click()
    expect(main.get_by_text("Import gespeichert:")).to_be_visible()
    wait_for_run(page, "Import")
    assert_no_exception(page)

    main.get_by_label("Name des Profils", exact=True).fill("Quartal")
    main.get_by_role("button", name="Als Importprofil speichern").click()
    expect(main.get_by_text("Importprofil „Quartal“ gespeichert.")).to_be_visible()
    wait_for_run(page, "Import")

    page.goto(f"{app_url}/massnahmen?plan=baum&massnahme=A1.1")
    wait_for_run(page, "Maßnahmen")
    expect(main.get_by_text("Sachstände (4), neueste zuerst")).to_be_visible()
    for date in ("31.12.2016", "31.12.2014", "31.12.2013"):
        expect(main.get_by_text(date).first).to_be_visible()
    assert_no_exception(page)
    screenshot(page, "import-profile-measure-history")

    before_second = tmp_path / "before-second.db"
    with sqlite3.connect(database) as source, sqlite3.connect(before_second) as copy:
        source.backup(copy)

    page.goto(f"{app_url}/import?plan=baum")
    wait_for_run(page, "Import")
    _upload_tree(page, NEXT, "massnahmenplan-q3.xlsx")
    assert_no_exception(page)
    screenshot(page, "import-profile-offer")
    main.get_by_role("button", name="Gespeichertes Profil „Quartal“ passt zu dieser Datei – anwenden").click()
    expect(main.get_by_text("Profil „Quartal“ angewendet")).to_be_visible()
    expect(main.get_by_text("Bezeichnung „Sachstand 2017“: Vorschlag 31.12.2017")).to_be_visible()
    wait_for_run(page, "Import")
    screenshot(page, "import-profile-applied")
    main.get_by_text("Vorschläge für die neuen Werte übernehmen").click()
    wait_for_run(page, "Import")
    main.get_by_role("button", name="Vorschau erstellen").click()
    expect(main.get_by_text("Keine Probleme gefunden.")).to_be_visible()
    wait_for_run(page, "Import")
    main.get_by_role("button", name="Jetzt importieren").click()
    expect(main.get_by_text("Import gespeichert:")).to_be_visible()
    wait_for_run(page, "Import")
    assert_no_exception(page)

    page.goto(f"{app_url}/massnahmen?plan=baum&massnahme=A1.1")
    wait_for_run(page, "Maßnahmen")
    expect(main.get_by_text("Sachstände (5), neueste zuerst")).to_be_visible()
    expect(main.get_by_text("31.12.2017").first).to_be_visible()

    assert main_cli(before_second, NEXT) == 0
    assert "Import gespeichert" in capsys.readouterr().out
    assert _rows(before_second) == _rows(database)


def main_cli(database, path) -> int:
    return main(["--database-url", f"sqlite:///{database}", "import", str(path), "--plan", "baum",
                 "--profile", "Quartal", "--confirm-new"])
