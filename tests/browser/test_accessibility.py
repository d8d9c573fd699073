"""axe-core over every page, for every role, in the light theme: no serious or critical violation.

One browser, one context per role; a role signs in once through the sign-in page (a local account
made in the app's database) and then visits each of its pages by the top navigation, as a person
would. Each page's findings go to test-artifacts/accessibility/<role>.json for the record.

No rule is excluded: the one serious finding (captions' contrast) was fixed in the theme
(.streamlit/config.toml). Moderate and minor findings are recorded, not failed; the README's
accessibility statement (Erklärung zur Barrierefreiheit) names them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Browser, Page, expect

from models.texts import text
from tests.browser.conftest import (
    EXAMPLE_PLAN_SLUG,
    FINISHED_RUN,
    LOCAL_PASSWORD,
    ROOT,
    RUN_TIMEOUT_MS,
    VIEWPORT,
    assert_no_exception,
    wait_for_run,
)
from ui.shell.auth import ANONYMOUS
from ui.shell.navigation import PageSpec, visible_pages
from ui.presentation.params import THEME_NAMES

REPORTS = ROOT / "test-artifacts" / "accessibility"
BLOCKING = ("serious", "critical")
ROLES = (ANONYMOUS, "viewer", "editor", "admin")
PRESENTATION = "praesentation"  # full-screen mode without the navigation: checked on its own


@dataclass(frozen=True)
class Finding:
    page: str
    rule: str
    impact: str
    target: str
    html: str
    summary: str

    def line(self) -> str:
        return f"{self.page}: {self.rule} ({self.impact}) at {self.target}: {self.summary}\n    {self.html[:200]}"


def de(key: str) -> str:
    return text(key, "de")


def sign_in(page: Page, app_url: str, email: str, start: str = "page.overview") -> None:
    """Sign in locally; the run ends on the role's start page (title key START)."""
    page.goto(f"{app_url}/anmelden")
    wait_for_run(page, de("page.sign_in"))
    page.get_by_label(text("sign_in.email", "de"), exact=True).fill(email)
    page.get_by_label(text("sign_in.password", "de"), exact=True).fill(LOCAL_PASSWORD)
    page.get_by_role("button", name=de("sign_in.submit")).click()
    wait_for_run(page, de(start))


def open_by_navigation(page: Page, spec: PageSpec) -> None:
    page.get_by_test_id("stTopNavSection").filter(has_text=de(spec.section_key)).click()
    page.get_by_role("menuitem", name=de(spec.title_key), exact=True).click()
    wait_for_run(page, de(spec.title_key))


def findings(page: Page, name: str) -> tuple[list[Finding], dict]:
    """axe-core's violations on the page as it is now (axe is injected once per document: the
    navigation between pages does not reload it)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    response = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    found = [
        Finding(name, violation["id"], violation["impact"] or "", ", ".join(map(str, node["target"])),
                node["html"], violation["help"])
        for violation in response["violations"]
        for node in violation["nodes"]
    ]
    return found, {"violations": response["violations"]}


def blocking(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.impact in BLOCKING]


def wait_for_presentation(page: Page) -> None:
    """The presentation has no page heading of its own: the slide is a region named "Folie n von m"."""
    expect(page.get_by_role("region", name=re.compile(r"^Folie \d+ von \d+"))).to_be_visible()
    expect(page.locator(FINISHED_RUN)).to_be_attached()


def check_pages(page: Page, role: str) -> list[Finding]:
    """Visit each page of the role by the top navigation (the presentation comes apart) and run axe."""
    found: list[Finding] = []
    record: dict[str, dict] = {}
    try:
        for spec in visible_pages(role, public_view=True):
            if spec.url_path == PRESENTATION:
                continue
            open_by_navigation(page, spec)
            assert_no_exception(page)
            page_found, record[spec.url_path] = findings(page, spec.url_path)
            found += page_found
    finally:
        save(role, record)
    return found


def save(name: str, record: dict) -> None:
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{name}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("role", ROLES)
def test_every_page_has_no_serious_violation(browser: Browser, app_url: str, local_accounts, role: str):
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    try:
        page = context.new_page()
        if role == ANONYMOUS:
            page.goto(f"{app_url}/?plan={EXAMPLE_PLAN_SLUG}")
            wait_for_run(page, de("page.overview"))
        else:
            sign_in(page, app_url, local_accounts[role], visible_pages(role, public_view=True)[0].title_key)
        found = check_pages(page, role)
    finally:
        context.close()
    problems = blocking(found)
    assert not problems, "\n".join(f.line() for f in problems)


def test_presentation_has_no_serious_violation(page: Page, app_url: str):
    """Presentation mode, anonymous, in both of its themes (light and dark), first and second slide."""
    found: list[Finding] = []
    record: dict[str, dict] = {}
    try:
        for theme in THEME_NAMES:
            page.goto(f"{app_url}/{PRESENTATION}?plan={EXAMPLE_PLAN_SLUG}&thema={theme}")
            wait_for_presentation(page)
            assert_no_exception(page)
            for slide in (1, 2):
                if slide > 1:
                    page.get_by_role("button", name=re.compile("^Weiter")).click()
                    expect(page.get_by_role("region", name=re.compile(rf"^Folie {slide} von "))).to_be_visible()
                    expect(page.locator(FINISHED_RUN)).to_be_attached()
                name = f"{PRESENTATION}-{theme}-{slide}"
                page_found, record[name] = findings(page, name)
                found += page_found
    finally:
        save(PRESENTATION, record)
    problems = blocking(found)
    assert not problems, "\n".join(f.line() for f in problems)
