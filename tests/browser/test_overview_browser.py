"""Übersicht in a real browser: the example plans load, with figures and charts, without errors."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from models.seed import example_files, read_document
from tests.browser.conftest import assert_no_exception, screenshot, wait_for_run

OVERVIEW = "Übersicht"
MAIN_PLAN = "Integration in Arbeit"


def _example_plans() -> list[dict]:
    return [read_document(path)["plan"] for path in example_files()]


def _assert_overview(page: Page, plan_name: str) -> None:
    main = page.get_by_test_id("stMain")
    expect(main.locator("strong", has_text=plan_name).first).to_be_visible()
    expect(main).to_contain_text("Beispieldaten")
    for label in ("Handlungsfelder", "Leitziele 2030", "Maßnahmen"):
        expect(main.get_by_test_id("stMetricLabel").filter(has_text=label).first).to_be_visible()
    expect(main).to_contain_text("Fortschritt nach Handlungsfeld")
    expect(main.locator(".js-plotly-plot").first).to_be_visible()
    expect(main.locator(".js-plotly-plot .bars path").first).to_be_attached()
    assert_no_exception(page)


def test_overview_of_example_plan(page: Page, app_url: str):
    page.goto(f"{app_url}/")
    wait_for_run(page, OVERVIEW)

    _assert_overview(page, MAIN_PLAN)
    screenshot(page, "uebersicht")


def test_unknown_plan_in_link_shows_hint_and_overview(page: Page, app_url: str):
    page.goto(f"{app_url}/?plan=gibt-es-nicht")
    wait_for_run(page, OVERVIEW)

    expect(page.get_by_test_id("stAlert").filter(has_text="gibt es nicht")).to_be_visible()
    _assert_overview(page, MAIN_PLAN)


def test_other_example_plans_by_link(page: Page, app_url: str):
    others = [plan for plan in _example_plans() if MAIN_PLAN not in plan["name"]]
    assert others, "data/example/ should hold a second example plan besides the district's"
    for plan in others:
        page.goto(f"{app_url}/?plan={plan['slug']}")
        wait_for_run(page, OVERVIEW)

        _assert_overview(page, plan["name"])
        expect(page.get_by_test_id("stMain")).not_to_contain_text("gibt es nicht")
        expect(page).to_have_url(re.compile(rf"[?&]plan={re.escape(plan['slug'])}(&|$)"))
