"""models/embeds.py: the allowed origins setting is validated (a bad entry voids it), the widgets' addresses and
snippets are escaped, and the example codes are read on a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import embeds
from models.schema import GuidingGoal, Indicator, Measure


@pytest.mark.parametrize("raw, allowed, bad", [
    ("", (), ()),
    ("https://www.ladadi.de, https://ladadi.de/", ("https://www.ladadi.de", "https://ladadi.de"), ()),
    ("http://127.0.0.1:8080 HTTPS://Example.org", ("http://127.0.0.1:8080", "https://example.org"), ()),
    ("https://www.ladadi.de *", (), ("*",)),
    ("https://www.ladadi.de/seite", (), ("https://www.ladadi.de/seite",)),
    ("ladadi.de 'none'", (), ("ladadi.de", "'none'")),
    ("https://ladadi.de:99999", (), ("https://ladadi.de:99999",)),
    ("javascript:alert(1)", (), ("javascript:alert(1)",)),
])
def test_origins_setting_is_validated_and_a_bad_entry_voids_it(raw, allowed, bad):
    assert embeds.parse_origins(raw) == embeds.Origins(allowed, bad)


def test_frame_ancestors_names_self_and_the_allowed_origins():
    assert embeds.frame_ancestors(embeds.parse_origins("")) == "frame-ancestors 'self'"
    assert embeds.frame_ancestors(embeds.parse_origins("https://a.de https://b.de")) == \
        "frame-ancestors 'self' https://a.de https://b.de"


def test_addresses_quote_the_code_and_the_snippet_escapes_its_title():
    assert embeds.embed_path("mini", embeds.MEASURE, "M 1/2") == "/einbetten/v1/mini/massnahme/M%201%2F2"
    assert embeds.embed_path("mini", embeds.HEADLINES) == "/einbetten/v1/mini/ueberblick"
    snippet = embeds.iframe_snippet("https://c.de/einbetten/v1/mini/ueberblick", 'Eck"zahlen <b>')
    assert 'title="Eck&quot;zahlen &lt;b&gt;"' in snippet and snippet.startswith('<iframe src="https://c.de/')
    assert '"https://c.de"' in embeds.listener("https://c.de")


def test_example_codes_are_the_plans_first_measure_goal_and_indicator(engine, mini_plan):
    with Session(engine) as session:
        first = {widget: session.scalars(select(model.code).where(model.plan_id == mini_plan).order_by(model.id))
                 .first() for widget, model in ((embeds.MEASURE, Measure), (embeds.GOAL, GuidingGoal),
                                                (embeds.INDICATOR, Indicator))}
    assert embeds.example_codes(engine, mini_plan) == first
    assert all(first.values())
    assert embeds.example_codes(engine, mini_plan + 1000) == {widget: None for widget in first}
