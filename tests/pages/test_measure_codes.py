"""Codes as districts write them (issue 14, shape 4): a measure imported with the code "Üneu1" or "B5+6" opens
from a link, whether the link carries the code URL-encoded, its slug, or a hand-typed "+" that arrives as a
space."""

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.commands import Actor
from models.db import make_engine
from models.schema import Measure, Plan
from models.transfer import tree
from models.transfer.importer import Target
from tests.conftest import FIXTURES
from tests.pages.conftest import open_page, query_param, rendered

PAGE = "pages/massnahmen.py"


@pytest.fixture
def codes_app(mini_app_url) -> str:
    """The mini plan with the measures of tests/fixtures/imports/tree-codes.xlsx added."""
    found = tree.read_tree_file("tree-codes.xlsx", (FIXTURES / "imports" / "tree-codes.xlsx").read_bytes())
    table = found.tables[0]
    mapping = tree.propose_tree(table, found.shapes[table.name], today=dt.date(2024, 6, 30))
    mapping.plan_start = "2024-01-01"
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        plan = session.scalar(select(Plan).where(Plan.slug == "mini"))
        tree.apply(session, Actor(name="Büro", role="admin"), tree.reshape(table, mapping, found.shapes[table.name]),
                   Target(plan_id=plan.id), today=dt.date(2024, 6, 30))
    with Session(engine) as session:
        codes = set(session.scalars(select(Measure.code)))
    engine.dispose()
    assert {"Üneu1", "B5+6", "b 7", "m-1"} <= codes  # stored as given
    return mini_app_url


@pytest.mark.parametrize(("link", "code", "title", "in_url"), [
    ("Üneu1", "Üneu1", "Neue Brückenkurse", "Ueneu1"),
    ("Ueneu1", "Üneu1", "Neue Brückenkurse", "Ueneu1"),
    ("B5+6", "B5+6", "Berufseinstieg (B5 und B6 zusammengelegt)", "B5-6"),
    ("B5 6", "B5+6", "Berufseinstieg (B5 und B6 zusammengelegt)", "B5-6"),  # "+" typed into a link
    ("b-7", "b 7", "kleine Werkstatt", "b-7"),
])
def test_a_measure_with_a_foreign_code_opens_from_a_link(codes_app, link, code, title, in_url):
    at = open_page(PAGE, plan="mini", massnahme=link, stand="2024-06-30")
    text = rendered("\n".join(md.value for md in at.markdown))
    assert f"### {code} – {title}" in text
    assert query_param(at, "massnahme") == in_url
    assert not at.warning or all("nicht" not in warning.value for warning in at.warning)
