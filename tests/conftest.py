"""Shared fixtures: real databases (a SQLite file; PostgreSQL when its server is installed)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import app_test

from models.bootstrap import prepare_database
from models.db import has_tables, make_engine, migrate
from models.seed import insert_plan_document, read_document
from tests.postgres import PostgresServer, find_bin_dir


def pytest_collection_modifyitems(items):
    """Browser tests share one app server and one Chromium: under pytest-xdist they all run on one worker."""
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.xdist_group("browser"))


class _ServedPagesManager(PagesManager):
    """AppTest's PagesManager, left as a running server leaves it after a process's first run.

    AppTest resets Streamlit's pages/ folder flag before every run, so every AppTest run would be a server
    process's first run, which ui.shell.navigation.leave_folder_mode starts again (a click of that run is
    dropped). A server has that run once per process: tests/deploy/test_first_visit.py and
    tests/browser/test_first_visit_browser.py test it on fresh servers."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        PagesManager.uses_pages_directory = False


@pytest.fixture(scope="session", autouse=True)
def _app_test_as_served():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app_test, "PagesManager", _ServedPagesManager)
        yield


FIXTURES = Path(__file__).parent / "fixtures"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_url():
    """URL of a PostgreSQL server: TEST_POSTGRES_URL, or a private one started here.

    Without an installed server the PostgreSQL variants are skipped, unless
    MPC_REQUIRE_POSTGRES=1 (set by .ci/run), where that is an error.
    """
    if os.environ.get("TEST_POSTGRES_URL"):
        yield os.environ["TEST_POSTGRES_URL"]
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("MPC_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is required (MPC_REQUIRE_POSTGRES=1) but not installed")
        pytest.skip("PostgreSQL server not installed (apt-get install postgresql); .ci/run requires it")
    server = PostgresServer(bin_dir).start()
    try:
        yield server.url
    finally:
        server.stop()


def _fresh_postgres_database(server_url: str, template: str = "template0") -> str:
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def checkpoint(path: Path) -> None:
    """Fold a SQLite file's write-ahead log into the file, so that copying the file alone copies the database."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    connection.close()


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file migrated once per test process: each test gets a copy instead of running the migrations
    (about a second each), which tests/models/test_migrations.py runs for real."""
    path = tmp_path_factory.mktemp("migrated") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    checkpoint(path)
    return path


@pytest.fixture(scope="session")
def migrated_postgres_template(postgres_url) -> str:
    """Name of a PostgreSQL database migrated once per test process, the template of each test's database."""
    url = _fresh_postgres_database(postgres_url)
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    return make_url(url).database


@pytest.fixture(params=BACKENDS)
def empty_url(request, tmp_path) -> str:
    """URL of a new, empty database on each backend; already migrated when the test also asks for `engine`."""
    migrated = "engine" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        if migrated:
            shutil.copyfile(request.getfixturevalue("migrated_sqlite_template"), path)
        return f"sqlite:///{path}"
    template = request.getfixturevalue("migrated_postgres_template") if migrated else "template0"
    return _fresh_postgres_database(request.getfixturevalue("postgres_url"), template)


@pytest.fixture
def engine(empty_url):
    """An engine on a migrated, empty database."""
    engine = make_engine(empty_url)
    if not has_tables(engine):  # asked for dynamically (getfixturevalue): empty_url could not know
        migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def mini_plan(engine) -> int:
    """The hand-made plan of tests/fixtures/mini-plan.yaml (known answers at 2024-06-30)."""
    with Session(engine) as session, session.begin():
        return insert_plan_document(session, read_document(FIXTURES / "mini-plan.yaml")).id


@pytest.fixture(scope="session")
def example_sqlite_url(tmp_path_factory) -> str:
    """A SQLite database prepared like a first start (example plans loaded), shared read-only."""
    path = tmp_path_factory.mktemp('example') / 'example.db'
    prepare_database(f"sqlite:///{path}").dispose()
    checkpoint(path)
    return f"sqlite:///{path}"


@pytest.fixture
def example_copy_url(example_sqlite_url, tmp_path) -> str:
    """URL of a fresh, writable copy of the database a first start prepares (example plans loaded)."""
    path = tmp_path / "example-copy.db"
    shutil.copyfile(make_url(example_sqlite_url).database, path)
    return f"sqlite:///{path}"
