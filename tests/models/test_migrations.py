"""The models and the Alembic migrations agree, on SQLite and on PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from models.db import make_engine, migrate
from models.schema import Base


def test_migrations_create_exactly_the_models_schema(empty_url):
    engine = make_engine(empty_url)
    migrate(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_migrations_create_every_table_and_check_constraint(empty_url):
    engine = make_engine(empty_url)
    migrate(engine)
    inspector = inspect(engine)
    tables = set(inspector.get_table_names()) - {"alembic_version"}
    assert tables == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        expected = {c.name for c in table.constraints if c.__class__.__name__ == "CheckConstraint"}
        found = {c["name"] for c in inspector.get_check_constraints(name)}
        assert expected <= found, name
    engine.dispose()


def test_migrate_twice_changes_nothing(empty_url):
    engine = make_engine(empty_url)
    migrate(engine)
    before = sorted(inspect(engine).get_table_names())
    migrate(engine)
    assert sorted(inspect(engine).get_table_names()) == before
    engine.dispose()


def test_upgrading_a_database_of_the_first_version_keeps_its_rows_and_fills_defaults(empty_url):
    from alembic import command
    from sqlalchemy import text

    from models.db import alembic_config

    engine = make_engine(empty_url)
    config = alembic_config(empty_url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(text(
            "INSERT INTO plan (slug, name, owner, description, horizon_year, is_example, change_counter,"
            " green_tolerance, stale_after_days, created_at)"
            " VALUES ('alt', 'Alter Plan', 'Kreis', '', 2030, false, 3, 15, 180, CURRENT_TIMESTAMP)"
        ))
    migrate(engine)
    with engine.connect() as connection:
        row = connection.execute(text(
            "SELECT name, change_counter, public_view, release_required, confidentiality_threshold FROM plan"
        )).one()
    engine.dispose()
    assert (row.name, row.change_counter, bool(row.public_view), bool(row.release_required),
            row.confidentiality_threshold) == ("Alter Plan", 3, True, False, 5)
