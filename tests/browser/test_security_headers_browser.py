"""B11 in Chromium: the app behind deploy/nginx.conf (a real nginx in front of the test app) works under
the site's Content-Security-Policy on every screen and through the OIDC sign-in and sign-out, and another site
cannot show it in a frame.

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
from tests.browser.conftest import (
    EXAMPLE_PLAN_SLUG,
    ROOT,
    RUN_TIMEOUT_MS,
    VIEWPORT,
    assert_no_exception,
    free_port,
    running_app,
    wait_for_run,
)
from tests.browser.test_accessibility import PRESENTATION, de, open_by_navigation, sign_in, wait_for_presentation
from tests.browser.test_sign_in_browser import (  # noqa: F401 (provider_url is a fixture)
    SignInApp,
    _copy_sqlite,
    _preset_provider_user,
    _sign_in_at_provider,
    provider_url,
)
from ui.shell.navigation import visible_pages

# The tab icon Streamlit loads from Google for page_icon=":material/flag:": blocked on purpose (deploy/nginx.conf).
GOOGLE_FONTS = "https://fonts.gstatic.com/"
BLOCKED_ON_PURPOSE = f"img-src blocked {GOOGLE_FONTS}"
# Collects the violations the browser reports, in every document and frame, before any page script runs.
REPORT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__cspViolations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
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
    reported = page.evaluate("() => window.__cspViolations")
    return [found for found in reported if not found.startswith(BLOCKED_ON_PURPOSE)]


def header_complaints(page: Page) -> list[str]:
    """Collects, from now on, the browser's console complaints about the headers in every document of the page:
    CSP violations (but the one on purpose) and unreadable headers (Chromium names an unknown Permissions-Policy
    feature there)."""
    complaints = []

    def keep(text: str) -> None:
        if ("Content Security Policy" in text and GOOGLE_FONTS not in text) or "Permissions-Policy" in text:
            complaints.append(text)

    page.on("console", lambda message: keep(message.text))
    return complaints


def test_b11_every_page_works_under_the_content_security_policy(context: BrowserContext, proxied_url: str,
                                                                 local_accounts):
    page = context.new_page()
    complaints = header_complaints(page)
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
    assert complaints == []


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


@pytest.fixture(scope="module")
def oidc_behind_nginx(tmp_path_factory, provider_url: str, example_sqlite_url: str) -> Iterator[SignInApp]:
    """The app with st.login ([auth] towards the test provider) behind nginx, whose address is the redirect URI."""
    folder = tmp_path_factory.mktemp("oidc-nginx")
    database_url = f"sqlite:///{folder / 'app.db'}"
    _copy_sqlite(example_sqlite_url, database_url)
    public_port = free_port()
    (folder / ".streamlit").mkdir()
    (folder / ".streamlit" / "config.toml").write_bytes((ROOT / ".streamlit" / "config.toml").read_bytes())
    (folder / ".streamlit" / "secrets.toml").write_text(
        f'[auth]\nredirect_uri = "http://127.0.0.1:{public_port}/oauth2callback"\ncookie_secret = "{"ab" * 32}"\n'
        f'client_id = "masterplan-cockpit"\nclient_secret = "nur-fuer-tests"\n'
        f'server_metadata_url = "{provider_url}/.well-known/openid-configuration"\n', encoding="utf-8")
    with running_app(database_url, folder / "server.log", cwd=folder) as app_url, \
            running_nginx(folder / "nginx", [urlsplit(app_url).port], port=public_port) as proxied:
        yield SignInApp(proxied, database_url, provider_url)


def test_b11_oidc_sign_in_and_out_work_under_the_policy(context: BrowserContext, oidc_behind_nginx: SignInApp):
    """st.login leaves for the provider and comes back through nginx (redirects, the identity cookie); sign-out too."""
    _preset_provider_user(oidc_behind_nginx.provider_url, "csp.pruefung",
                          {"name": "CSP Prüfung", "email": "csp@kreis.example", "roles": ["masterplan-admin"]})
    page = context.new_page()
    complaints = header_complaints(page)
    _sign_in_at_provider(page, oidc_behind_nginx, "csp.pruefung")
    wait_for_run(page, de("page.overview"))
    account = next(spec for spec in visible_pages("admin", public_view=True) if spec.url_path == "konto")
    open_by_navigation(page, account)
    expect(page.get_by_test_id("stMain")).to_contain_text("Angemeldet als CSP Prüfung")
    page.get_by_role("button", name="Abmelden").click()
    expect(page.get_by_role("heading", name="End Session")).to_be_visible()
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{oidc_behind_nginx.base_url}/**")
    wait_for_run(page, de("page.overview"))
    assert violations(page) == [] and complaints == []
