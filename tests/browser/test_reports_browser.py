"""The page Berichte in a real browser (issue 16 item 6): a signed-in viewer downloads the internal
PowerPoint, named …_intern.pptx and marked "Intern – nicht zur Veröffentlichung" on every slide; a
signed-out visitor gets the public version, named …_oeffentlich.pptx and without the mark."""

from __future__ import annotations

import io

import pptx
from playwright.sync_api import Page

from tests.browser.conftest import EXAMPLE_PLAN_SLUG, assert_no_exception, screenshot, wait_for_run
from tests.browser.test_accessibility import sign_in

STAND = "2024-06-30"
MARK = "Intern – nicht zur Veröffentlichung"


def _download_deck(page: Page, app_url: str, tmp_path) -> tuple[str, list]:
    page.goto(f"{app_url}/berichte?plan={EXAMPLE_PLAN_SLUG}&stand={STAND}")
    wait_for_run(page, "Berichte")
    page.get_by_role("button", name="Bericht erstellen").click()
    download_button = page.get_by_role("button", name="PowerPoint herunterladen")
    download_button.wait_for(timeout=180_000)  # the example plan's deck takes some seconds
    assert_no_exception(page)
    with page.expect_download() as download:
        download_button.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return download.value.suggested_filename, list(pptx.Presentation(io.BytesIO(path.read_bytes())).slides)


def _marked(slide) -> bool:
    return any(shape.has_text_frame and shape.text_frame.text == MARK for shape in slide.shapes)


def test_a_viewer_gets_the_internal_deck_marked_and_a_visitor_the_public_one(page: Page, app_url: str,
                                                                               local_accounts, tmp_path):
    name, slides = _download_deck(page, app_url, tmp_path)
    assert name == f"Fachbeirat-Bericht_{EXAMPLE_PLAN_SLUG}_{STAND}_oeffentlich.pptx"
    assert slides and not any(_marked(slide) for slide in slides)

    sign_in(page, app_url, local_accounts["viewer"])
    name, slides = _download_deck(page, app_url, tmp_path)
    assert name == f"Fachbeirat-Bericht_{EXAMPLE_PLAN_SLUG}_{STAND}_intern.pptx"
    assert all(_marked(slide) for slide in slides)
    screenshot(page, "berichte-intern")
