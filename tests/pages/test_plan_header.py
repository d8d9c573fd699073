"""The line under every page's title: plan, owner and Stand."""

from sqlalchemy import update
from sqlalchemy.orm import Session

from models.db import make_engine
from models.schema import Plan
from tests.pages.conftest import run_as


def _header_line(at) -> str:
    return next(markdown.value for markdown in at.markdown if "Stand" in markdown.value and "·" in markdown.value)


def test_a_plan_without_an_owner_shows_no_empty_separator(mini_app_url):
    engine = make_engine(mini_app_url)
    with Session(engine) as session, session.begin():
        session.execute(update(Plan).values(owner=""))
    engine.dispose()
    line = _header_line(run_as())
    assert "· ·" not in line and not line.startswith("·") and line.count("·") == 1, line


def test_the_header_names_plan_owner_and_stand(mini_app_url):
    line = _header_line(run_as())
    assert line.count("·") == 2, line
