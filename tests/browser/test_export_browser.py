"""Export in a real browser: the download buttons build the files on click (deferred), with the Stand
and the filters of the link."""

from __future__ import annotations

import csv
import io
import zipfile

from openpyxl import load_workbook
from playwright.sync_api import Page

from tests.browser.conftest import assert_no_exception, screenshot, wait_for_run


def test_excel_and_csv_download_with_stand_and_filter_from_the_link(page: Page, app_url: str, tmp_path):
    page.goto(f"{app_url}/export?plan=darmstadt-dieburg&stand=2024-06-30&hf=HF1")
    wait_for_run(page, "Export")
    assert_no_exception(page)

    with page.expect_download() as excel:
        page.get_by_role("button", name="Excel-Datei herunterladen").click()
    assert excel.value.suggested_filename == "masterplan-darmstadt-dieburg-2024-06-30.xlsx"
    excel.value.save_as(tmp_path / "plan.xlsx")
    book = load_workbook(tmp_path / "plan.xlsx")
    info = {row[0]: row[1] for row in book["Info"].iter_rows(values_only=True)}
    assert info["Stand"].date().isoformat() == "2024-06-30" and info["Filter der Maßnahmen"] == "Handlungsfeld: HF1"
    assert 1 < book["Maßnahmen"].max_row < 106  # only the measures of HF1

    with page.expect_download() as archive:
        page.get_by_role("button", name="CSV-Dateien herunterladen (Zip)").click()
    archive.value.save_as(tmp_path / "plan.zip")
    raw = zipfile.ZipFile(tmp_path / "plan.zip").read("05-Massnahmen.csv")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Code" and len(rows) == book["Maßnahmen"].max_row
    assert_no_exception(page)
    screenshot(page, "export")
