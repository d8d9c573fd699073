"""Präsentation in a real browser: full-screen slides without the app's chrome, in both themes,
forward by click and by the arrow key; screenshots of the title slide and of a Leitziel slide."""

from __future__ import annotations

from functools import cache

from playwright.sync_api import Page, expect

from models.seed import read_document
from tests.browser.conftest import FINISHED_RUN, ROOT, SCREENSHOTS, assert_no_exception

PLAN = read_document(ROOT / "data" / "example" / "landkreis-darmstadt-dieburg.yaml")
HALL = {"width": 1600, "height": 900}  # a 16:9 projector


@cache
def first_goal() -> tuple[str, str]:
    """The first Leitziel's title; its slide is the third (title, the first Handlungsfeld, its first Leitziel)."""
    field = PLAN["action_fields"][0]
    return field["title"], field["guiding_goals"][0]["title"]


def _open(page: Page, app_url: str, theme: str, slide: int, heading: str) -> None:
    page.set_viewport_size(HALL)
    page.goto(f"{app_url}/praesentation?plan={PLAN['plan']['slug']}&thema={theme}&folie={slide}")
    _wait(page, heading)


def _wait(page: Page, heading: str) -> None:
    expect(page.locator(".mpc-slide h1", has_text=heading)).to_be_visible()
    expect(page.locator(FINISHED_RUN)).to_be_attached()
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    expect(page.get_by_test_id("stBaseButton-secondary").get_by_text("Weiter", exact=True)).to_be_visible()


def _shot(page: Page, name: str) -> None:
    """What the hall sees: the viewport only."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def _assert_full_screen(page: Page) -> None:
    for testid in ("stHeader", "stSidebar", "stTopNav", "stToolbar"):
        expect(page.get_by_test_id(testid)).to_have_count(0) if page.get_by_test_id(testid).count() == 0 \
            else expect(page.get_by_test_id(testid).first).to_be_hidden()
    assert_no_exception(page)


def test_title_and_guiding_goal_slides_in_both_themes(page: Page, app_url: str):
    field, goal = first_goal()
    for theme, background in (("hell", "rgb(255, 255, 255)"), ("dunkel", "rgb(0, 0, 0)")):
        _open(page, app_url, theme, 1, PLAN["plan"]["name"])
        slide = page.locator(".mpc-slide")
        expect(slide).to_contain_text("Beispieldaten")
        expect(slide).to_contain_text("Folie 1 von")
        expect(slide.locator(".mpc-light-red")).to_contain_text("Rot – kritisch")
        assert page.get_by_test_id("stApp").evaluate("e => getComputedStyle(e).backgroundColor") == background
        _assert_full_screen(page)
        _shot(page, f"praesentation-titel-{theme}")

        _open(page, app_url, theme, 3, goal)
        expect(page.locator(".mpc-slide .mpc-kicker")).to_contain_text(f"Handlungsfeld {field}")
        expect(page.locator(".mpc-slide")).to_contain_text("Jahresziele")
        _shot(page, f"praesentation-leitziel-{theme}")


def test_forward_by_button_and_arrow_key_keeps_the_slide_in_the_url(page: Page, app_url: str):
    field, goal = first_goal()
    _open(page, app_url, "hell", 1, PLAN["plan"]["name"])
    page.get_by_role("button", name="Weiter").click()
    _wait(page, field)
    expect(page).to_have_url(f"{app_url}/praesentation?plan={PLAN['plan']['slug']}&folie=2")
    page.keyboard.press("ArrowRight")
    _wait(page, goal)
    expect(page.locator(".mpc-slide")).to_contain_text("Folie 3 von")
