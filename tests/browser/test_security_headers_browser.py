"""B11 in Chromium: the app behind deploy/nginx.conf (a real nginx in front of the test app) works under
the site's Content-Security-Policy on every screen, and another site cannot show it in a frame.

The policy's worth is that the browser enforces it: every page of the admin (who sees them all) and the
presentation are opened through nginx while the browser reports each CSP violation; there must be none.
The framing attack of the review (an iframe of the sign-in page on another origin) still works against
the bare app server, which sets no header, and fails through nginx."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from bench.two_processes import running_nginx
from tests.browser.conftest import EXAMPLE_PLAN_SLUG, RUN_TIMEOUT_MS, VIEWPORT, assert_no_exception, wait_for_run
from tests.browser.test_accessibility import PRESENTATION, de, open_by_navigation, sign_in, wait_for_presentation
from ui.navigation import visible_pages

# The tab icon Streamlit loads from Google for page_icon=":material/flag:": blocked on purpose (deploy/nginx.conf).
GOOGLE_FONTS = "https://fonts.gstatic.com/"
BLOCKED_ON_PURPOSE = f"img-src blocked {GOOGLE_FONTS}"
# Collects the violations the browser reports, in every document and frame, before any page script runs.
REPORT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
"""


@pytest.fixture(scope="module")
def proxied_url(app_url: str, tmp_path_factory) -> Iterator[str]:
    """deploy/nginx.conf (rendered for loopback ports) in front of the test app."""
    with running_nginx(tmp_path_factory.mktemp("nginx"), [urlsplit(app_url).port]) as base_url:
        yield base_url


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    context.add_init_script(REPORT_VIOLATIONS)
    yield context
    context.close()


def violations(page: Page) -> list[str]:
    """The violations reported in this document so far, but the one blocked on purpose."""
    return [found for found in page.evaluate("() => window.__cspViolations") if not found.startswith(BLOCKED_ON_PURPOSE)]


def test_b11_every_page_works_under_the_content_security_policy(context: BrowserContext, proxied_url: str,
                                                                 local_accounts):
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    sign_in(page, proxied_url, local_accounts["admin"])
    seen = {}
    for spec in visible_pages("admin", public_view=True):
        if spec.url_path == PRESENTATION:
            continue
        open_by_navigation(page, spec)
        assert_no_exception(page)
        seen[spec.url_path] = violations(page)
    page.goto(f"{proxied_url}/{PRESENTATION}?plan={EXAMPLE_PLAN_SLUG}")
    wait_for_presentation(page)
    seen[PRESENTATION] = violations(page)
    assert not any(seen.values()), seen
    # Also no header the browser could not read (an unknown Permissions-Policy feature is reported there).
    assert not [text for text in console if ("Content Security Policy" in text and GOOGLE_FONTS not in text)
                or "Permissions-Policy" in text], console


class _AttackerPage(BaseHTTPRequestHandler):
    """Any path /<port> answers a page that shows http://127.0.0.1:<port>/anmelden in an iframe."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        body = (f'<!doctype html><title>Gewinnspiel</title>'
                f'<iframe src="http://127.0.0.1:{self.path.strip("/")}/anmelden" width="1200" height="800"></iframe>')
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def attacker_url() -> Iterator[str]:
    """A real server of another origin (localhost, its own port), as the review's attacker page; on loopback,
    because Chromium does not let a public site frame a loopback address at all."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _AttackerPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{server.server_address[1]}"
    server.shutdown()
    thread.join()


def _frame_the_sign_in_page(page: Page, attacker_url: str, base_url: str) -> None:
    page.goto(f"{attacker_url}/{urlsplit(base_url).port}")


def test_b11_another_site_cannot_frame_the_app(context: BrowserContext, app_url: str, proxied_url: str,
                                               attacker_url: str):
    bare = context.new_page()
    _frame_the_sign_in_page(bare, attacker_url, app_url)
    framed = bare.frame_locator("iframe")
    # Control: without the proxy's headers the framed sign-in form renders (the review's finding).
    expect(framed.get_by_label(de("sign_in.email"), exact=True)).to_be_visible()

    proxied = context.new_page()
    with proxied.expect_console_message(lambda message: "frame-ancestors" in message.text) as refused, \
            proxied.expect_response(f"{proxied_url}/anmelden") as response:
        _frame_the_sign_in_page(proxied, attacker_url, proxied_url)
    assert "frame-ancestors 'self'" in response.value.headers["content-security-policy"]
    assert "has been blocked" in refused.value.text
    expect(proxied.frame_locator("iframe").locator("[data-testid=stApp]")).to_have_count(0)


def test_b11_signed_out_page_loads_through_nginx(context: BrowserContext, proxied_url: str):
    page = context.new_page()
    page.goto(f"{proxied_url}/?plan={EXAMPLE_PLAN_SLUG}")
    wait_for_run(page, de("page.overview"))
    assert_no_exception(page)
    assert violations(page) == []
