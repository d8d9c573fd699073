"""Browser tests: the real app as a subprocess, driven by Debian's chromium through Playwright.

Never `playwright install`: the browser is /usr/bin/chromium (scripts/test.sh installs it as root).
Without it these tests are skipped, unless MPC_REQUIRE_BROWSER=1, where that is an error.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright
from sqlalchemy.engine import make_url

from bench.common import free_port, healthy

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT_S = 90
# The server gets SIGTERM when pytest dies, also when pytest is killed (e.g. by a timeout) before the
# fixture's teardown could stop it: util-linux setpriv sets the parent-death signal (Linux).
DIE_WITH_PARENT = ["setpriv", "--pdeathsig", "TERM"] if shutil.which("setpriv") else []
# A first load takes ~4 s here (chromium parsing Streamlit's JS), the app's very first run also
# migrates and seeds the database: every wait and assertion may take up to a minute.
RUN_TIMEOUT_MS = 60_000
FINISHED_RUN = (
    "[data-testid=stApp][data-test-connection-state=CONNECTED][data-test-script-state=notRunning]"
)
expect.set_options(timeout=RUN_TIMEOUT_MS)
VIEWPORT = {"width": 1400, "height": 1000}
# Streamlit scrolls inside its main container, so a full-page screenshot shows only the viewport:
# the screenshot helper makes the viewport as tall as the content, up to this height.
MAX_SCREENSHOT_HEIGHT = 12_000


@pytest.fixture(scope="session")
def app_database_url(tmp_path_factory) -> str:
    """SQLAlchemy URL of the app's fresh SQLite file, for tests that compute expected values with models/."""
    return f"sqlite:///{tmp_path_factory.mktemp('browser-app') / 'app.db'}"


@pytest.fixture(scope="session")
def app_url(app_database_url: str, browser: Browser) -> str:
    """Base URL of the app, started once on a fresh SQLite file (created, migrated and seeded with
    the example plans by the app itself on first start), warmed up by one plain load of "/"."""
    folder = Path(make_url(app_database_url).database).parent
    with running_app(app_database_url, folder / "server.log") as base_url:
        _warm_up(browser, base_url)
        yield base_url


@contextmanager
def running_app(database_url: str, log_path: Path, *, cwd: Path = ROOT, env: dict[str, str] | None = None,
                port: int | None = None) -> Iterator[str]:
    """The app (dashboard.py of this checkout) as a subprocess on PORT (default: a free one) of 127.0.0.1,
    started in the working directory CWD (where Streamlit reads .streamlit/secrets.toml and config.toml)
    with DATABASE_URL and the extra environment ENV; yields its base URL once healthy, stops it afterwards."""
    port = port or free_port()
    base_url = f"http://127.0.0.1:{port}"
    environment = {**os.environ, **(env or {}), "DATABASE_URL": database_url}
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [*DIE_WITH_PARENT, sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
             "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=cwd, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not healthy(base_url):
            if server.poll() is not None or time.monotonic() > deadline:
                output = log_path.read_text(encoding="utf-8", errors="replace")
                pytest.fail(f"the app did not become healthy on {base_url}:\n{output}")
            time.sleep(0.25)
        yield base_url
    finally:
        _stop(server)


def _warm_up(browser: Browser, base_url: str) -> None:
    """One full run of dashboard.py before any test: the app's first run creates, migrates and seeds its
    database, which should not count against the first test's waits.

    It is not needed against Streamlit's old pages/ folder mode of a process's first run (deep links
    answered with "Page not found"): ui.shell.navigation.leave_folder_mode handles that, and
    test_first_visit_browser.py opens a fresh server's first page without this warm-up.
    """
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    try:
        page = context.new_page()
        page.set_default_timeout(RUN_TIMEOUT_MS)
        page.goto(f"{base_url}/")
        expect(page.locator(FINISHED_RUN)).to_be_attached()
        expect(page.get_by_test_id("stTopNav")).to_be_visible()  # st.navigation has run
    finally:
        context.close()


def _stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@pytest.fixture(scope="session")
def browser() -> Browser:
    """Debian's chromium, headless, with a fresh temporary profile."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium; scripts/test.sh does it as root)"
        if os.environ.get("MPC_REQUIRE_BROWSER") == "1":
            pytest.fail(f"a browser is required (MPC_REQUIRE_BROWSER=1): {reason}")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, app_url: str) -> Page:
    """A page in a new browser context (German locale, desktop size) for each test."""
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def wait_for_run(page: Page, heading_text: str) -> None:
    """Wait until the page with this heading is on screen and its script run has finished.

    The script state reads notRunning for a moment after a click, before the new run starts, so the
    page's own heading (an h1) comes first; st.title runs early, so the finished state is checked after.
    """
    expect(page.locator("h1", has_text=heading_text)).to_be_visible()
    expect(page.locator(FINISHED_RUN)).to_be_attached()
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)


def assert_no_exception(page: Page) -> None:
    """No Streamlit exception box, no traceback text and no dialog (e.g. "Page not found") on the page."""
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("Traceback")
    expect(page.get_by_role("dialog")).to_have_count(0)


def widget(page: Page, testid: str, label: str, *, within: Locator | None = None) -> Locator:
    """The Streamlit widget (e.g. testid stSelectbox, stMultiSelect) whose label reads exactly LABEL."""
    scope = within if within is not None else page
    return scope.get_by_test_id(testid).filter(has=page.get_by_test_id("stWidgetLabel").get_by_text(label, exact=True))


def choose_option(page: Page, selectbox: Locator, option: str) -> None:
    """Open a Streamlit select box and click the option with exactly this text."""
    selectbox.click()
    page.get_by_role("option", name=option, exact=True).click()


def screenshot(page: Page, name: str) -> Path:
    """Save a screenshot of the whole page to test-artifacts/screenshots/NAME.png (git-ignored).

    Streamlit scrolls inside its main container (stMain), not the document: the viewport is made as
    tall as that container's content for the shot, then set back.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    viewport = page.viewport_size or VIEWPORT
    try:
        for _ in range(3):  # a taller viewport may let content grow (lazy rows): settle in a few rounds
            height = min(MAX_SCREENSHOT_HEIGHT, max(viewport["height"], _content_height(page)))
            if height == page.viewport_size["height"]:
                break
            page.set_viewport_size({"width": viewport["width"], "height": height})
            _next_frames(page)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(viewport)
    return path


def _content_height(page: Page) -> int:
    return page.evaluate(
        "() => { const main = document.querySelector('[data-testid=stMain]');"
        " return Math.ceil(main ? main.scrollHeight : document.documentElement.scrollHeight); }"
    )


def _next_frames(page: Page) -> None:
    """Let the browser lay out and paint after a resize (two animation frames)."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


# --- local accounts per role (accessibility and keyboard tests) ---------------------------------------

LOCAL_PASSWORD = "Barrierefrei-2030!"
EXAMPLE_PLAN_SLUG = "darmstadt-dieburg"


@pytest.fixture(scope="session")
def local_accounts(app_database_url: str, app_url: str) -> dict[str, str]:
    """E-mail address per signed-in role (viewer, editor, admin): local accounts with LOCAL_PASSWORD in the
    app's database (app_url first: the app creates it). The editor belongs to the lead organisation of
    the example plan's first measure."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from models.commands.accounts import create_user
    from models.commands import SYSTEM
    from models.db import make_engine
    from models.schema import Measure, Plan

    engine = make_engine(app_database_url)
    try:
        with Session(engine) as session, session.begin():
            organisation_id = session.scalar(
                select(Measure.lead_organisation_id).join(Plan).where(Plan.slug == EXAMPLE_PLAN_SLUG)
                .where(Measure.lead_organisation_id.is_not(None)).order_by(Measure.id).limit(1))
            emails = {}
            for role in ("viewer", "editor", "admin"):
                emails[role] = f"pruefung-{role}@kreis.example"
                create_user(session, SYSTEM, name=f"Prüfung {role}", email=emails[role], role=role,
                            password=LOCAL_PASSWORD, organisation_id=organisation_id if role == "editor" else None)
        return emails
    finally:
        engine.dispose()
