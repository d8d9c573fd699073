"""The models and the Alembic migrations agree, on SQLite and on PostgreSQL."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from models.db import alembic_config, make_engine, migrate
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


OLD_PLAN = ("INSERT INTO plan (slug, name, owner, description, horizon_year, is_example, change_counter,"
            " green_tolerance, stale_after_days, created_at)"
            " VALUES ('alt', :name, 'Kreis', :description, 2030, false, 3, 15, 180, CURRENT_TIMESTAMP)")


def _upgrade_from_the_first_version(url: str, fill) -> Engine:
    """A database at the first migration, filled by fill(connection), then upgraded to the newest."""
    engine = make_engine(url)
    config = alembic_config(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        fill(connection)
    migrate(engine)
    return engine


def test_upgrading_a_database_of_the_first_version_keeps_its_rows_and_fills_defaults(empty_url):
    engine = _upgrade_from_the_first_version(empty_url, lambda connection: connection.execute(
        text(OLD_PLAN), {"name": "Alter Plan", "description": ""}))
    with engine.connect() as connection:
        row = connection.execute(text(
            "SELECT name, change_counter, public_view, release_required, confidentiality_threshold FROM plan"
        )).one()
    engine.dispose()
    assert (row.name, row.change_counter, bool(row.public_view), bool(row.release_required),
            row.confidentiality_threshold) == ("Alter Plan", 3, True, False, 5)


def test_b6_the_migration_cleans_control_characters_out_of_stored_rows(empty_url):
    def fill(connection):  # rows as stored before the commands cleaned texts
        connection.execute(text(OLD_PLAN), {"name": "Alter\x0bPlan", "description": "Zeile eins\r\nZeile zwei\x1b\r"})
        connection.execute(  # more rows than one batch, the dirty one in the second
            text("INSERT INTO organisation (id, name, short_name, kind, retired) VALUES (:id, :name, '', :kind, false)"),
            [{"id": number, "name": f"Träger {number}", "kind": "Sonstige\x0c" if number == 555 else "Sonstige"}
             for number in range(1, 601)])

    engine = _upgrade_from_the_first_version(empty_url, fill)
    with engine.connect() as connection:
        plan = connection.execute(text("SELECT name, description, change_counter FROM plan")).one()
        kinds = dict(connection.execute(text("SELECT id, kind FROM organisation")).all())
    engine.dispose()
    assert tuple(plan) == ("Alter\nPlan", "Zeile eins\nZeile zwei\n", 3)
    assert kinds[555] == "Sonstige\n" and set(kinds.values()) == {"Sonstige", "Sonstige\n"} and len(kinds) == 600
