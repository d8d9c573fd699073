"""No English in the interface (issue 16, item 3), in a real browser: the page with a file uploader (Import), the
Maßnahmen page while typing in its search field, an address the visitor may not open, and the Leitziele charts.
Neither the visible text (inner_text: what is drawn, pseudo-elements aside) nor the aria-labels and titles
Streamlit sets on its own controls carry the English strings listed in the UX review. Screenshots of the Leitziele
map and the overview go to test-artifacts/screenshots/."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests import big_files
from tests.browser.conftest import assert_no_exception, screenshot, wait_for_run
from tests.browser.test_import_browser import import_app, open_import_page  # noqa: F401 (fixture)

ENGLISH = (
    "Press Enter", "Press Ctrl+Enter", "Press ⌘+Enter", "to apply", "to submit form", "Drag and drop", "per file",
    "Browse files", "Upload", "must be", "or smaller", "files are not allowed", "Page not found",
    "does not seem to exist", "Running the app's main page", "Skip to main content", "Download plot",
    "Download as CSV", "Show/hide columns", "Fullscreen", "Search", "Zoom", "Autoscale", "Reset axes",
    "Produced with Plotly", "Select all", "matches",
)
LABELLED = "[aria-label], [title]"


def _labels(page: Page) -> list[str]:
    """aria-label and title of every rendered element (what a screen reader or a tooltip says); elements
    hidden with display:none are not read out."""
    return page.eval_on_selector_all(
        LABELLED, "nodes => nodes.filter(n => n.checkVisibility())"
                  ".flatMap(n => [n.getAttribute('aria-label'), n.getAttribute('title')]).filter(Boolean)")


# The uploader button keeps Streamlit's own word for screen readers, out of sight (ui/shell/chrome.py: a button
# needs a name, and CSS content is none); the README's accessibility statement names it.
SCREEN_READER_ONLY = '[data-testid="stFileUploaderDropzone"] button:not([data-testid="stFileChips"] *) > *'


def _shown_text(page: Page) -> str:
    """The page's visible text, without the words kept for screen readers only."""
    return page.evaluate("""selector => {
        const kept = [...document.querySelectorAll(selector)];
        const before = kept.map(node => node.style.display);
        kept.forEach(node => { node.style.display = 'none'; });
        const text = document.body.innerText;
        kept.forEach((node, index) => { node.style.display = before[index]; });
        return text;
    }""", SCREEN_READER_ONLY)


def _assert_german(page: Page, where: str) -> None:
    shown = _shown_text(page)
    labels = _labels(page)
    found = [word for word in ENGLISH if word in shown]
    assert not found, f"{where}: English text on the page: {found}"
    found = [(word, label) for word in ENGLISH for label in labels if word in label]
    assert not found, f"{where}: English aria-label/title: {found}"


def test_no_english_on_the_uploader_page_the_measures_page_and_a_closed_page(import_app, tmp_path):  # noqa: F811
    page, app_url = import_app

    # Signed out: an address that needs a sign-in answers with the sign-in, in German, not "Page not found".
    page.goto(f"{app_url}/pflege")
    wait_for_run(page, "Anmelden")
    assert_no_exception(page)
    expect(page.get_by_text("um „Pflege“ zu öffnen")).to_be_visible()
    _assert_german(page, "sign-in at a closed page")

    # Maßnahmen while typing in the search field (Streamlit's hint appears only then).
    page.goto(f"{app_url}/massnahmen")
    wait_for_run(page, "Maßnahmen")
    search = page.get_by_label("Suche", exact=False).first
    search.click()
    search.type("Sprach")
    expect(page.get_by_test_id("InputInstructions").first).to_be_attached()
    expect(page.get_by_text("Eingabetaste: übernehmen")).to_have_count(0)  # CSS content, not text
    _assert_german(page, "Maßnahmen while typing")
    search.press("Enter")
    wait_for_run(page, "Maßnahmen")
    _assert_german(page, "Maßnahmen after the search")

    # A filter's drop-down: Streamlit's bulk option "Select all" is drawn in German.
    page.get_by_test_id("stMultiSelect").first.locator("input").click()
    bulk = page.locator('[data-key="__select_all__"] [data-item-hl]')
    expect(bulk).to_be_attached()
    assert bulk.evaluate("node => getComputedStyle(node, '::after').content") == '"Alle auswählen"'
    _assert_german(page, "Maßnahmen with a filter's list open")
    page.keyboard.press("Escape")

    # Leitziele and Übersicht: charts without Plotly's English mode bar; screenshots to look at.
    page.goto(f"{app_url}/leitziele")
    wait_for_run(page, "Leitziele 2030")
    expect(page.locator(".modebar")).to_have_count(0)
    _assert_german(page, "Leitziele")
    screenshot(page, "glance-leitziele-map")
    page.goto(f"{app_url}/")
    wait_for_run(page, "Übersicht")
    _assert_german(page, "Übersicht")
    screenshot(page, "glance-uebersicht")

    # Import (the page with the uploader), then a file over the 20 MB limit.
    open_import_page(import_app)
    expect(page.get_by_text("Höchstens 20 MB je Datei")).to_be_visible()
    choose = page.get_by_test_id("stFileUploaderDropzone").get_by_test_id("stBaseButton-secondary")
    expect(choose).to_be_visible()
    expect(choose).to_have_accessible_name("Upload Datei auswählen")  # Streamlit's word, then the CSS content
    _assert_german(page, "Import")
    big = tmp_path / "sachstaende.csv"
    big.write_bytes(big_files.big_csv(25))
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(big)
    expect(page.get_by_test_id("stFileChipIconError")).to_be_visible()
    _assert_german(page, "Import, file too large")
    screenshot(page, "glance-import-too-large")
