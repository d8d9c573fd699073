"""AppTest fixtures: the real dashboard.py on a real SQLite file."""

from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from models.db import make_engine, migrate
from models.seed import insert_plan_document, read_document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def mini_app_url(tmp_path, monkeypatch) -> str:
    """DATABASE_URL of a SQLite file holding only the hand-made mini plan."""
    url = f"sqlite:///{tmp_path / 'mini.db'}"
    engine = make_engine(url)
    migrate(engine)
    with Session(engine) as session, session.begin():
        insert_plan_document(session, read_document(FIXTURES / "mini-plan.yaml"))
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture
def example_app_url(example_sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("DATABASE_URL", example_sqlite_url)
    return example_sqlite_url


def app() -> AppTest:
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


def metrics(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def query_param(at: AppTest, name: str) -> str | None:
    """A URL parameter after a run (AppTest gives a list or a plain string)."""
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value
