"""AppTest fixtures: the real dashboard.py on a real SQLite file."""

import base64
import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from models.db import make_engine
from models.seed import insert_plan_document, read_document
from tests.conftest import checkpoint
from tests.signed_in import sign_in

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="session")
def mini_template(migrated_sqlite_template, tmp_path_factory) -> Path:
    """A SQLite file holding only the hand-made mini plan, written once per test process."""
    path = tmp_path_factory.mktemp("mini") / "mini.db"
    shutil.copyfile(migrated_sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    with Session(engine) as session, session.begin():
        insert_plan_document(session, read_document(FIXTURES / "mini-plan.yaml"))
    engine.dispose()
    checkpoint(path)
    return path


@pytest.fixture
def mini_app_url(mini_template, tmp_path, monkeypatch) -> str:
    """DATABASE_URL of a fresh copy of the mini plan's SQLite file."""
    path = tmp_path / "mini.db"
    shutil.copyfile(mini_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture
def example_app_url(example_sqlite_url, monkeypatch) -> str:
    monkeypatch.setenv("DATABASE_URL", example_sqlite_url)
    return example_sqlite_url


def app() -> AppTest:
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)


# A traffic-light metric is labelled with a badge (icon and colour name) and the meaning in words.
_LIGHT_LABEL = re.compile(r"^:[a-z]+-badge\[:material/[a-z_]+: (\w+)\] (.+)$")


def metrics(at: AppTest) -> dict[str, str]:
    """Label -> value; a light's label read as 'Grün – im Plan'."""
    return {_LIGHT_LABEL.sub(r"\1 – \2", metric.label): metric.value for metric in at.metric}


def rendered(markdown: str) -> str:
    """Markdown source as the reader sees it: escapes resolved (ui.views.markdown.plain escapes user text)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u200b", "")


def query_param(at: AppTest, name: str) -> str | None:
    """A URL parameter after a run (AppTest gives a list or a plain string)."""
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def run_as(actor=None, page: str | None = None, **params: str) -> AppTest:
    """Run the dashboard as this actor (None: anonymous) with these URL parameters, optionally switch to
    page, and check it raised nothing."""
    at = app()
    if actor is not None:
        sign_in(at, actor)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, (page, params, at.exception)
    return at


def open_page(page: str, **params: str) -> AppTest:
    """Run the dashboard with these URL parameters, switch to page, and check it raised nothing."""
    at = app()
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def plotly_array(value) -> list:
    """A plotly data array as a list (plotly 7 encodes number arrays as base64)."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def bar_chart(at: AppTest, index: int = 0) -> tuple[list, list, list]:
    """x values, text labels and y labels of the first trace of the index-th plotly chart."""
    trace = json.loads(at.get("plotly_chart")[index].proto.spec)["data"][0]
    return plotly_array(trace["x"]), trace["text"], trace["y"]
