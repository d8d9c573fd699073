"""The models and the Alembic migrations agree, on SQLite and on PostgreSQL."""

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

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


def test_issue14_0014_lets_a_report_name_no_figure_and_the_downgrade_fills_the_old_made_up_one(engine, mini_plan):
    """Up: an empty progress is allowed, the CHECKs still bind reports with a figure; down: the empty one
    gets what the importer used to invent (100 when abgeschlossen, else 0) and the column is required again."""
    with engine.begin() as connection:
        first = connection.execute(text("SELECT MIN(id) FROM status_report")).scalar_one()
        connection.execute(text("UPDATE status_report SET progress = NULL, status = 'in Umsetzung' WHERE id = :id"),
                           {"id": first})
    for status, progress in (("in Umsetzung", 100), ("abgeschlossen", 50)):
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(text("UPDATE status_report SET status = :status, progress = :progress WHERE id = :id"),
                               {"status": status, "progress": progress, "id": first})
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0013")
    columns = {column["name"]: column for column in inspect(engine).get_columns("status_report")}
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT progress FROM status_report WHERE id = :id"), {"id": first}).scalar_one()
    assert stored == 0 and columns["progress"]["nullable"] is False
    migrate(engine)
    columns = {column["name"]: column for column in inspect(engine).get_columns("status_report")}
    assert columns["progress"]["nullable"] is True
