"""The embeds (web/embeds.py) in Chromium: a page of another origin (a second port on 127.0.0.1, allowed in
MPC_EMBED_ORIGINS) shows each widget in an iframe, sized by the height the widget posts (the README's listener);
a page of a third origin (not allowed) is refused by the browser (frame-ancestors)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from models import embeds
from models.bootstrap import prepare_database
from models.open_data import public_plan
from tests.browser.conftest import EXAMPLE_PLAN_SLUG, RUN_TIMEOUT_MS, VIEWPORT, running_app, screenshot

TITLES = {embeds.MEASURE: "Maßnahme", embeds.GOAL: "Leitziel", embeds.INDICATOR: "Kennzahl",
          embeds.HEADLINES: "Eckzahlen"}


class _Host(BaseHTTPRequestHandler):
    """The district's page: the four iframes and the README's listener; records every height it is told."""
    body = b""

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


def _host_page(app: str, urls: dict[str, str]) -> bytes:
    frames = "\n".join(f'<h2>{title}</h2>{embeds.iframe_snippet(urls[widget], title)}'
                       for widget, title in TITLES.items())
    recorder = ('<script>window.__heights = []; addEventListener("message", function (e) {'
                ' if (e.data && e.data.type === "masterplan-cockpit:height") window.__heights.push(e.data.height);'
                '});</script>')
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Landkreis</title></head>'
            f'<body style="max-width:720px;margin:1rem auto;font-family:sans-serif"><h1>Unser Masterplan</h1>'
            f'{recorder}{frames}{embeds.listener(app)}</body></html>').encode()


@pytest.fixture(scope="module")
def hosts(tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(the allowed host page's URL, the third origin's page's URL), both embedding the four widgets of the app
    started with the first host's origin in MPC_EMBED_ORIGINS."""
    folder = tmp_path_factory.mktemp("embeds")
    database_url = f"sqlite:///{folder / 'app.db'}"
    engine = prepare_database(database_url)
    codes = embeds.example_codes(engine, public_plan(engine, EXAMPLE_PLAN_SLUG).id)
    engine.dispose()
    allowed = ThreadingHTTPServer(("127.0.0.1", 0), _Host)  # the port first, the page once the app's is known
    third = ThreadingHTTPServer(("127.0.0.1", 0), _Host)
    allowed_origin = f"http://127.0.0.1:{allowed.server_address[1]}"
    with running_app(database_url, folder / "server.log", env={embeds.ORIGINS_ENV: allowed_origin}) as app:
        urls = {widget: app + embeds.embed_path(EXAMPLE_PLAN_SLUG, widget, codes.get(widget)) for widget in TITLES}
        page = _host_page(app, urls)
        threads = []
        for server in (allowed, third):
            server.RequestHandlerClass = type("Host", (_Host,), {"body": page})
            threads.append(threading.Thread(target=server.serve_forever, daemon=True))
            threads[-1].start()
        try:
            yield f"{allowed_origin}/", f"http://127.0.0.1:{third.server_address[1]}/"
        finally:
            for server, thread in zip((allowed, third), threads):
                server.shutdown()
                server.server_close()
                thread.join()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    yield context
    context.close()


def test_an_allowed_origin_shows_each_widget_sized_to_its_height(context: BrowserContext, hosts):
    page = context.new_page()
    page.goto(hosts[0])
    frames = page.locator("iframe")
    expect(frames).to_have_count(len(TITLES))
    for index in range(len(TITLES)):
        content = page.frame_locator("iframe").nth(index)
        expect(content.locator("h1")).to_be_visible()
        expect(content.get_by_text("Stand: ")).to_be_visible()
    page.wait_for_function("() => window.__heights.length >= 4")
    # Each frame was set to the height its page posted: its whole content shows, no inner scrollbar.
    for index in range(len(TITLES)):
        frame = frames.nth(index)
        page.wait_for_function("frame => frame.style.height.endsWith('px')", arg=frame.element_handle())
        inner = page.frame_locator("iframe").nth(index).locator("html")
        inner_height = inner.evaluate("html => Math.ceil(html.getBoundingClientRect().height)")
        outer_height = frame.evaluate("frame => Math.round(frame.getBoundingClientRect().height)")
        assert abs(outer_height - inner_height) <= 1, (index, outer_height, inner_height)
        assert outer_height != 192  # not the snippet's starting height of 12rem
    expect(page.frame_locator("iframe").nth(2).locator('svg[role="img"]')).to_be_visible()
    screenshot(page, "embeds-host-page")


def test_a_third_origin_is_refused(context: BrowserContext, hosts):
    page = context.new_page()
    with page.expect_console_message(lambda message: "frame-ancestors" in message.text) as refused:
        page.goto(hosts[1])
    assert "has been blocked" in refused.value.text or "Refused" in refused.value.text
    expect(page.locator("iframe")).to_have_count(len(TITLES))
    page.wait_for_load_state("load")
    # Chromium shows its own error page in each frame instead (chrome-error://), none of the widgets' content.
    frames = [frame for frame in page.frames if frame != page.main_frame]
    assert len(frames) == len(TITLES)
    for frame in frames:
        assert not frame.url.startswith("http://127.0.0.1"), frame.url
        assert "Stand: " not in frame.evaluate("() => document.body ? document.body.innerText : ''")
    assert page.evaluate("() => window.__heights.length") == 0
