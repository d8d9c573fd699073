"""Presentation without a server: URL parameters of the slides, auto-advance order, theme contrast (WCAG AA)."""

import datetime as dt

import pytest

from ui.presentation.slides import SHORT_LIST, SNAPSHOT_BANNER, THEMES, _items, annual_heading, e, state_sentence
from ui.presentation.params import next_slide, parse_auto, parse_meeting, parse_slide, parse_theme


@pytest.mark.parametrize(("raw", "expected", "hinted"), [
    (None, None, False), ("", None, False), ("1", 1, False), ("9", 9, False), (" 4 ", 4, False),
    ("0", 1, True), ("-3", 1, True), ("zehn", 1, True), ("3.5", 1, True), ("10", 9, True),
    ("9" * 40, 9, True), ("-" + "9" * 40, 1, True),
])
def test_parse_slide_clamps_to_the_first_or_last_slide_with_a_hint(raw, expected, hinted):
    value, hint = parse_slide(raw, 9)
    assert value == expected and bool(hint) == hinted


def test_parse_auto_theme_and_meeting():
    assert parse_auto("30") == (30, None) and parse_auto("0") == (None, None)
    assert parse_auto("4")[0] is None and "5 bis 3.600" in parse_auto("4")[1]
    assert parse_auto("3601")[0] is None and parse_auto("abc")[1]
    assert parse_theme("dunkel") == ("dunkel", None) and parse_theme("DUNKEL")[0] is None
    refs = [(7, 3, dt.date(2024, 9, 15)), (8, None, dt.date(2024, 3, 15))]
    assert parse_meeting("3", refs) == (7, None)
    assert parse_meeting("15.03.2024", refs) == (8, None) and parse_meeting("2024-03-15", refs) == (8, None)
    assert parse_meeting("2024-02-30", refs)[0] is None and "kein Sitzungsstand" in parse_meeting("x" * 300, refs)[1]


def test_auto_advance_wraps_around_after_the_last_slide():
    assert [next_slide(number, 3) for number in (1, 2, 3)] == [2, 3, 1]


def test_database_text_is_escaped():
    assert e('<script>alert("x")</script>\n  **fett**') == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; **fett**"


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_both_themes_meet_wcag_aa(name):
    theme = THEMES[name]
    for text in (theme.text, theme.muted):
        for background in (theme.background, theme.card):
            assert _contrast(text, background) >= 4.5, (name, text, background)
    for background, text in [*theme.lights.values(), SNAPSHOT_BANNER]:
        assert _contrast(text, background) >= 4.5, (name, text, background)
    # the progress bar (a graphic) against its track and the page: 3:1
    assert _contrast(theme.accent, theme.track) >= 3 and _contrast(theme.accent, theme.background) >= 3


def _title(this_year: dict | None) -> dict:
    return {"as_of": "2026-12-06", "this_year": this_year,
            "figures": {"measures": 105, "lights": {"green": 73, "yellow": 13, "red": 14, "grey": 5}}}


def test_the_title_slide_says_the_plans_state_in_one_sentence():
    assert state_sentence(_title({"year": 2026, "goals": 6, "progress": 37.4})) == (
        "Stand 06.12.2026: 105 Maßnahmen, davon 14 rot und 13 gelb; die Jahresziele 2026 stehen bei 37\u00a0%.")
    assert state_sentence(_title({"year": 2026, "goals": 0, "progress": None})).endswith(
        "; für 2026 sind keine Jahresziele erfasst.")
    assert state_sentence(_title({"year": 2026, "goals": 2, "progress": None})).endswith(
        "; die Jahresziele 2026 haben noch keine Maßnahmen.")
    # a deck frozen before the sentence had this year's figures: the sentence without them
    assert state_sentence(_title(None)) == "Stand 06.12.2026: 105 Maßnahmen, davon 14 rot und 13 gelb."


def test_an_earlier_years_annual_goals_say_so():
    assert annual_heading(2026, 2026) == "Jahresziele 2026"
    assert annual_heading(2025, 2026) == "Jahresziele 2025 (Vorjahr; für 2026 ist keines erfasst)"
    assert annual_heading(2022, 2026) == "Jahresziele 2022 (für 2026 ist keines erfasst)"
    assert annual_heading(2022, None) == "Jahresziele 2022"  # no Stand known: as before


def test_a_long_list_says_how_many_more_on_a_big_and_on_a_low_screen():
    rows = [f"<li>{n}</li>" for n in range(4)]
    html = _items(rows, 9, "presentation.issues.more")
    assert html.count('class="mpc-extra"') == len(rows) - SHORT_LIST
    assert '<li class="mpc-note mpc-more-long">… und 5 weitere</li>' in html
    assert f'<li class="mpc-note mpc-more-short">… und {9 - SHORT_LIST} weitere</li>' in html
    assert _items(rows[:SHORT_LIST], SHORT_LIST, "presentation.issues.more") == "".join(rows[:SHORT_LIST])
