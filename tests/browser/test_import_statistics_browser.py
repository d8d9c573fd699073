"""The page Import in a real browser with an official statistics table (issue 14, shape 6): the shape is
proposed, the admin picks a region by its code and two columns, previews and imports context indicators."""

from playwright.sync_api import expect

from tests.browser.conftest import screenshot, wait_for_run
from tests.browser import test_import_browser as journey
from tests.conftest import FIXTURES

import_app = journey.import_app  # the fixture: a fresh app with one local admin


def _pick(page, label: str, option: str, exact: bool = True) -> None:
    box = page.get_by_test_id("stMultiSelect").filter(has_text=label)
    field = box.locator("input")
    field.click()
    field.press_sequentially(option.split(" ")[0])  # typing filters the options (and opens the list)
    page.get_by_role("option", name=option, exact=exact).click()
    page.keyboard.press("Escape")
    wait_for_run(page, "Import")


def test_admin_imports_a_region_of_an_official_table(import_app):
    page = journey.open_import_page(import_app)
    main = page.get_by_test_id("stMain")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        {"name": "regionalstatistik.csv", "mimeType": "text/csv",
         "buffer": (FIXTURES / "imports" / "regionalstatistik.csv").read_bytes()})
    expect(main.get_by_text("Zeilen (z. B. Gebietsschlüssel 06432)")).to_be_visible()
    wait_for_run(page, "Import")
    expect(main.get_by_label("Amtliche Statistik (Zeilen je Gebiet, Spalten je Merkmal)")).to_be_checked()
    _pick(page, "Zeilen (z. B. Gebietsschlüssel 06432)", "06432 – ····Darmstadt-Dieburg", exact=False)
    _pick(page, "Spalten (je Spalte eine Kennzahl)", "Arbeitslose")
    _pick(page, "Spalten (je Spalte eine Kennzahl)", "Ausländer")
    expect(main.get_by_text("2 Kennzahl(en) mit 1 Wert(en).")).to_be_visible()
    main.get_by_role("button", name="Vorschau erstellen").click()
    wait_for_run(page, "Import")
    expect(main.get_by_text("Keine Probleme", exact=False)).to_be_visible()
    screenshot(page, "import-statistics-preview")
    main.get_by_role("button", name="Jetzt importieren").click()
    wait_for_run(page, "Import")
    # the preview's "Keine Probleme" may still be drawn for a moment: wait for the import's own note
    expect(main.get_by_test_id("stAlertContentSuccess").filter(has_text="Import gespeichert")).to_be_visible()
    screenshot(page, "import-statistics-done")
