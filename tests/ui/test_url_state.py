"""URL parameters: plain values, validated, with a German hint for anything unusable."""

import datetime as dt

import pytest

from ui.shell.url_state import parse_choice, parse_choices, parse_date, parse_flag
from ui.views.measure_filter_options import LIGHT_SLUGS, STATUS_SLUGS, slug_of

EARLY, TODAY = dt.date(2015, 1, 1), dt.date(2026, 11, 22)


@pytest.mark.parametrize("raw", ["2025-03-12", "12.03.2025", "12.3.2025", " 2025-03-12 "])
def test_url_date_accepts_iso_and_german_formats(raw):
    assert parse_date(raw, EARLY, TODAY) == (dt.date(2025, 3, 12), None)


@pytest.mark.parametrize(
    "raw, hint",
    [
        ("morgen", "kein gültiges Datum"),
        ("2025-02-30", "kein gültiges Datum"),
        ("2027-01-01", "in der Zukunft"),
        ("1999-01-01", "liegt vor dem 01.01.2015"),
        ("1' OR '1'='1", "kein gültiges Datum"),
        ("9" * 5000, "zu lang"),
    ],
)
def test_url_date_rejects_bad_values_with_a_hint(raw, hint):
    value, message = parse_date(raw, EARLY, TODAY)
    assert value is None and hint in message


def test_url_date_missing_is_no_hint():
    assert parse_date(None, EARLY, TODAY) == (None, None)


def test_url_choice_maps_known_words_and_refuses_others():
    assert parse_choice("verzoegert", STATUS_SLUGS, "Status") == ("verzögert", None)
    value, hint = parse_choice("<script>", STATUS_SLUGS, "Status")
    assert value is None and "ist für „Status“ nicht bekannt" in hint


def test_url_choices_keep_known_and_drop_unknown_values():
    values, hint = parse_choices("rot,gelb,lila,rot", LIGHT_SLUGS, "Ampel")
    assert values == ["red", "yellow"]
    assert "„lila“" in hint


def test_url_flag():
    assert parse_flag("1", "Priorisiert") == (True, None)
    assert parse_flag(None, "Priorisiert") == (False, None)
    assert parse_flag("vielleicht", "Priorisiert")[1].startswith("„vielleicht“")


def test_slug_of_is_the_inverse_of_the_mapping():
    assert slug_of("gefährdet", STATUS_SLUGS) == "gefaehrdet"
    assert all(STATUS_SLUGS[slug_of(v, STATUS_SLUGS)] == v for v in STATUS_SLUGS.values())


def test_code_slugs_and_finding_a_code_from_a_link():
    from ui.shell.url_state import code_in_url, code_slug, find_code

    codes = ["M2024-01-03", "Üneu1", "B5+6", "b 7", "B5-6x"]
    assert [code_slug(code) for code in codes] == ["M2024-01-03", "Ueneu1", "B5-6", "b-7", "B5-6x"]
    assert code_in_url("M2024-01-03", codes) == "M2024-01-03"  # safe codes keep their links
    assert code_in_url("B5+6", codes) == "B5-6"
    assert find_code("B5 6", codes) == "B5+6" and find_code("Üneu1", codes) == "Üneu1"
    assert find_code("B5-6", [*codes, "B5 6"]) is None  # two codes share the slug: only the code itself
    assert code_in_url("B5+6", [*codes, "B5 6"]) == "B5+6"
    assert find_code("x" * 300, codes) is None
