"""Pages and slides fit the screen (issue 16, items 4 and 5) at 1920x1080, 1440x900, 1280x720 and 390x844.

Every page of every role that can see it (public visitor, editor, admin; the presentation apart): nothing
sticks out at the right of the viewport, except inside a place that scrolls sideways on purpose (named in
FIT_JS's EXEMPT); at 1,440 px and wider every data grid shows all its columns, except the tables named in
WIDE_TABLES; on a phone no chart label is cut at the edge of its chart and no toolbar covers a heading.
The presentation: every slide of the example plan, its Zurück/Weiter included, inside 1280x720 and
1920x1080 without scrolling.

Cost: one browser context per role (signed in once), each page opened once and measured at the four sizes
by resizing the viewport (a resize lays the page out anew; FIT_JS runs once the grids and charts have
settled).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from models.texts import text
from tests.browser.conftest import (
    EXAMPLE_PLAN_SLUG,
    FINISHED_RUN,
    LOCAL_PASSWORD,
    RUN_TIMEOUT_MS,
    SCREENSHOTS,
    assert_no_exception,
    screenshot,
    wait_for_run,
)
from ui.shell.auth import ANONYMOUS
from ui.shell.navigation import PageSpec, visible_pages
from ui.widgets.measure_filters import TABLE_KEY as MEASURES_TABLE_KEY

VIEWPORTS = ({"width": 1920, "height": 1080}, {"width": 1440, "height": 900}, {"width": 1280, "height": 720},
             {"width": 390, "height": 844})
PHONE = 390
ALL_COLUMNS_FROM = 1440  # from this width on, a data grid shows all its columns (issue 16: "at 1,440 px")
HALLS = ({"width": 1280, "height": 720}, {"width": 1920, "height": 1080})
ROLES = (ANONYMOUS, "editor", "admin")
PRESENTATION = "praesentation"
# Tables with more columns than any screen: they scroll sideways in their own grid with the first column
# (Nr.) pinned, so each row keeps its name. By page, the grid named by its widget key (class st-key-...).
WIDE_TABLES = {
    "massnahmen": f"st-key-{MEASURES_TABLE_KEY}",  # the measure list: 13 columns (state, reason, plan, lead)
}
# The editor's pages beyond the public ones: the public pages are measured for the visitor and the admin
# (who sees everything the editor sees on them, and more); measuring them a third time costs ~40 s.
EDITOR_OWN = {"meine-massnahmen", "sachstand-melden", "konto"}

# What is measured, in the page (returns lists of findings, empty when everything fits).
FIT_JS = """() => {
  const W = window.innerWidth;
  const describe = el => {
    const owner = el.closest('[data-testid]');
    const words = (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    return `${el.tagName.toLowerCase()}${owner ? ' in ' + owner.dataset.testid : ''} "${words}"`;
  };
  const shown = el => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0';
  };
  // Places off the screen or scrolling sideways on purpose, and nothing else:
  const EXEMPT = [
    '[data-testid=stSidebar][aria-expanded=false]',  // the closed sidebar waits left of the screen (phone)
    '.js-plotly-plot svg defs', 'svg .js-reference-point',  // Plotly's measuring helpers at -10,000 px
    '[data-testid=stDataFrame] canvas', '[data-testid=stDataFrame] .dvn-scroller *',  // a grid's own scroller
    '[role=tablist] > *',  // a row of tabs wider than a phone scrolls sideways in its own tab list
  ].join(',');
  const outside = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest(EXEMPT) || !shown(el)) continue;
    const right = el.getBoundingClientRect().right;
    if (right > W + 1) outside.push(`${describe(el)} ends at ${Math.round(right)} px`);
  }
  const grids = [];
  for (const grid of document.querySelectorAll('[data-testid=stDataFrame]')) {
    const scroller = grid.querySelector('.dvn-scroller');
    if (scroller && shown(grid) && scroller.scrollWidth > scroller.clientWidth + 1)
      grids.push({key: [...(grid.closest('[class*="st-key-"]') || grid).classList]
                    .filter(name => name.startsWith('st-key-')).join(' '),
                  width: scroller.scrollWidth, room: scroller.clientWidth});
  }
  const labels = [];
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const svg = plot.querySelector('svg.main-svg');
    if (!svg || !shown(svg)) continue;
    const box = svg.getBoundingClientRect();
    for (const label of plot.querySelectorAll('svg text')) {
      if (!label.textContent.trim() || !shown(label)) continue;
      const r = label.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1)
        labels.push(`"${label.textContent.trim().slice(0, 50)}" at ${Math.round(r.left)}..${Math.round(r.right)} px,`
                    + ` its chart ${Math.round(box.left)}..${Math.round(box.right)} px`);
    }
  }
  const covered = [];
  const headings = [...document.querySelectorAll('[data-testid=stMain] :is(h1, h2, h3, h4)')].filter(shown);
  for (const bar of document.querySelectorAll('[data-testid=stElementToolbar], [data-testid=stHeader]')) {
    if (!shown(bar)) continue;
    const b = bar.getBoundingClientRect();
    for (const heading of headings) {
      const r = heading.getBoundingClientRect();
      if (b.left < r.right && r.left < b.right && b.top < r.bottom && r.top < b.bottom)
        covered.push(`${describe(bar)} over ${describe(heading)}`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: W, outside: outside.slice(0, 10),
          grids, labels: labels.slice(0, 10), covered};
}"""

# Resolves once the grids' and charts' widths have not changed for a few frames (after a resize).
SETTLED_JS = """() => new Promise(done => {
  const widths = () => [...document.querySelectorAll(
      '[data-testid=stDataFrame] canvas, .js-plotly-plot svg.main-svg, [data-testid=stMain]')]
    .map(el => Math.round(el.getBoundingClientRect().width)).join(',');
  let last = null, same = 0, frames = 0;
  const step = () => {
    const now = widths();
    same = now === last ? same + 1 : 0;
    last = now;
    if (same >= 6 || ++frames > 180) done(); else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})"""


def de(key: str) -> str:
    return text(key, "de")


def sign_in(page: Page, app_url: str, email: str) -> None:
    page.goto(f"{app_url}/anmelden")
    wait_for_run(page, de("page.sign_in"))
    page.get_by_label(de("sign_in.email"), exact=True).fill(email)
    page.get_by_label(de("sign_in.password"), exact=True).fill(LOCAL_PASSWORD)
    page.get_by_role("button", name=de("sign_in.submit")).click()
    expect(page).not_to_have_url(re.compile(r"/anmelden"))
    expect(page.locator(FINISHED_RUN)).to_be_attached()


def open_page(page: Page, spec: PageSpec) -> None:
    """By the top navigation, as a person would (a page switch costs a fraction of a new load)."""
    page.get_by_test_id("stTopNavSection").filter(has_text=de(spec.section_key)).click()
    page.get_by_role("menuitem", name=de(spec.title_key), exact=True).click()
    wait_for_run(page, de(spec.title_key))
    assert_no_exception(page)


def problems_at(page: Page, name: str, viewport: dict) -> list[str]:
    """What does not fit on this page at this size, in words (empty: it fits)."""
    page.set_viewport_size(viewport)
    page.evaluate(SETTLED_JS)
    found = page.evaluate(FIT_JS)
    where = f"{name} at {viewport['width']}x{viewport['height']}"
    problems = [f"{where}: {item}" for item in found["outside"]]
    if found["scrollWidth"] > found["innerWidth"]:
        problems.append(f"{where}: the page is {found['scrollWidth']} px wide")
    if viewport["width"] >= ALL_COLUMNS_FROM:
        wide = WIDE_TABLES.get(name)
        problems += [f"{where}: a table's columns need {grid['width']} px, it has {grid['room']} px ({grid['key']})"
                     for grid in found["grids"] if not (wide and wide in grid["key"].split())]
    if viewport["width"] <= PHONE:
        problems += [f"{where}: chart label cut: {label}" for label in found["labels"]]
        problems += [f"{where}: covered heading: {item}" for item in found["covered"]]
    return problems


@pytest.mark.parametrize("role", ROLES)
def test_every_page_fits_every_screen(browser: Browser, app_url: str, local_accounts, role: str):
    context = browser.new_context(viewport=VIEWPORTS[0], locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    problems: list[str] = []
    try:
        page = context.new_page()
        if role == ANONYMOUS:
            page.goto(f"{app_url}/?plan={EXAMPLE_PLAN_SLUG}")
            wait_for_run(page, de("page.overview"))
        else:
            sign_in(page, app_url, local_accounts[role])
        organisation = role == "editor"  # the editor reports for an organisation (conftest.local_accounts)
        for spec in visible_pages(role, public_view=True, organisation=organisation):
            if spec.url_path == PRESENTATION or (role == "editor" and spec.url_path not in EDITOR_OWN):
                continue
            page.set_viewport_size(VIEWPORTS[0])
            open_page(page, spec)
            for viewport in VIEWPORTS:
                problems += problems_at(page, spec.url_path, viewport)
            if role == ANONYMOUS and spec.url_path == "uebersicht":
                for width in (1440, PHONE):
                    page.set_viewport_size(next(v for v in VIEWPORTS if v["width"] == width))
                    page.evaluate(SETTLED_JS)
                    screenshot(page, f"fit-uebersicht-{width}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


# --- the presentation in the hall ------------------------------------------------------------------

SLIDE_JS = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const inside = el => { const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1; };
  const controls = [...document.querySelectorAll('[data-testid=stMain] button')]
    .filter(b => /^(Zurück|Weiter)/.test(b.innerText.trim()));
  const slide = document.querySelector('.mpc-slide');
  return {scrollHeight: document.documentElement.scrollHeight, scrollWidth: document.documentElement.scrollWidth,
          innerHeight, innerWidth, scrolled: main.scrollTop, controls: controls.length,
          controlsInside: controls.every(inside), slideInside: inside(slide),
          slideBottom: Math.round(slide.getBoundingClientRect().bottom),
          controlsBottom: Math.max(...controls.map(b => Math.round(b.getBoundingClientRect().bottom)))};
}"""


def slide_region(page: Page, number: int):
    return page.get_by_role("region", name=re.compile(rf"^Folie {number} von \d+"))


@pytest.mark.parametrize("hall", HALLS, ids=lambda hall: f"{hall['width']}x{hall['height']}")
def test_every_slide_with_its_controls_fits_the_hall(browser: Browser, app_url: str, hall: dict):
    context = browser.new_context(viewport=hall, locale="de-DE")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    problems: list[str] = []
    try:
        page = context.new_page()
        page.goto(f"{app_url}/{PRESENTATION}?plan={EXAMPLE_PLAN_SLUG}&folie=1")
        expect(slide_region(page, 1)).to_be_visible()
        expect(page.locator(FINISHED_RUN)).to_be_attached()
        count = int(re.search(r"von (\d+)", slide_region(page, 1).get_attribute("aria-label")).group(1))
        state = page.locator(".mpc-title-state")
        expect(state).to_have_text(re.compile(
            r"^Stand \d\d\.\d\d\.\d{4}: [\d.]+ Maßnahmen, davon [\d.]+ rot und [\d.]+ gelb; "
            r"die Jahresziele \d{4} stehen bei [\d,]+\u00a0%\.$"))
        size = f"{hall['width']}x{hall['height']}"
        for number in range(1, count + 1):
            if number > 1:
                page.keyboard.press("ArrowRight")
                expect(slide_region(page, number)).to_be_visible()
                expect(page.locator(FINISHED_RUN)).to_be_attached()
            # The slide may stand before its buttons (a first run reruns once): measure once both are drawn.
            expect(page.get_by_test_id("stMain").get_by_role("button", name=re.compile("^Weiter"))).to_be_attached()
            expect(page.get_by_test_id("stMain").get_by_role("button", name=re.compile("^Zurück"))).to_be_attached()
            found = page.evaluate(SLIDE_JS)
            if found["controls"] != 2 or not (found["controlsInside"] and found["slideInside"]) \
                    or found["scrolled"] or found["scrollHeight"] > found["innerHeight"] \
                    or found["scrollWidth"] > found["innerWidth"]:
                problems.append(f"slide {number} at {size}: {found}")
            if number in (1, count):
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / f"fit-folie-{number}-{size}.png"))
        assert_no_exception(page)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
