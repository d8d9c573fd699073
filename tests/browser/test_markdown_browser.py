"""Stored and reflected Markdown injection in Chromium (security review B9, B10): the review's payloads
on the public pages load nothing from the attacker's host and are shown as typed."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import FINISHED_RUN, RUN_TIMEOUT_MS, VIEWPORT, expect, running_app
from tests.pages.test_markdown_injection import CODE_PAYLOAD, poisoned_database

ATTACKER = "a.test"


@pytest.fixture(scope="module")
def poisoned_app(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("poisoned-app")
    url = f"sqlite:///{folder / 'app.db'}"
    poisoned_database(url)
    with running_app(url, folder / "server.log") as base_url:
        yield base_url


STORED = "![i](http://a.test/i.png) [L](http://a.test/p) **F** :red[r] :material/home: :material_home: $x^2$"


@pytest.mark.parametrize("path, shown", [
    ("/?plan=mini", STORED),
    (f"/leitziele?plan=mini&ziel=LZ1{CODE_PAYLOAD}", STORED),
    ("/jahresziele?plan=mini&jahr=2024", STORED),
    (f"/massnahmen?plan=mini&massnahme=M1{CODE_PAYLOAD}", STORED),
    (f"/kennzahlen?plan=mini&kennzahl=K1{CODE_PAYLOAD}", STORED),
    ("/akteure?plan=mini&akteur=1", STORED),
    ("/?plan=[Neu%20anmelden](http://a.test/p)", "„[Neu anmelden](http://a.test/p)“"),
    ("/massnahmen?plan=mini&massnahme=![m](http://a.test/r.png)", "„![m](http://a.test/r.png)“"),
    ("/?plan=mini&lang=**FETT**%20:red[rot]", "„**FETT** :red[rot]“"),
])
def test_b9_b10_payloads_are_text_in_the_browser(browser: Browser, poisoned_app: str, path: str, shown: str):
    context = browser.new_context(viewport=VIEWPORT, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(poisoned_app + path)
        expect(page.locator(FINISHED_RUN)).to_be_attached()
        main = page.get_by_test_id("stMain")
        expect(main).to_contain_text(shown)
        assert main.locator(f"img[src*='{ATTACKER}'], a[href*='{ATTACKER}']").count() == 0
        assert main.locator("strong").evaluate_all(
            "nodes => nodes.filter(n => ['F', 'FETT', 'B'].includes(n.textContent.trim())).length") == 0
        assert main.locator(".katex, [data-testid=stIconMaterial]").filter(has_text="home").count() == 0
        assert main.locator(".katex").count() == 0
    finally:
        context.close()
    assert not [url for url in requests if (urlparse(url).hostname or "").endswith(ATTACKER)]
