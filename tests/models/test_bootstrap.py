"""First start: the example plans go into a database only when the start creates it."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.bootstrap import prepare_database
from models.schema import Plan


def _plans(engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count(Plan.id)))


def test_rule_examples_only_into_a_new_database(tmp_path):
    fresh = prepare_database(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert _plans(fresh) > 0
    fresh.dispose()

    url = f"sqlite:///{tmp_path / 'own.db'}"
    prepare_database(url, with_examples=False).dispose()   # cli init --no-examples
    started = prepare_database(url)                        # the app's first run afterwards
    assert _plans(started) == 0
    started.dispose()
