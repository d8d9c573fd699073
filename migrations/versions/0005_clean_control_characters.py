"""clean control characters out of every stored text

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 12:00:00.000000

Texts stored before the commands cleaned them may hold control characters (a vertical tab pasted from
PowerPoint): openpyxl refuses them, so the plan's Excel export failed. Every text column of every table is
cleaned in place with the commands' own rule (models.rules.clean_text), in batches by primary key; only
rows that change are written. JSON columns (audit changes, meeting snapshots) keep their text escaped and
are left alone. There is nothing to undo.
"""
from alembic import op
import sqlalchemy as sa

from models.rules import clean_text


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

BATCH = 500


def upgrade() -> None:
    connection = op.get_bind()
    metadata = sa.MetaData()
    metadata.reflect(connection)
    for table in metadata.sorted_tables:
        texts = [column for column in table.columns if isinstance(column.type, sa.String)]
        keys = list(table.primary_key.columns)
        if texts and keys and table.name != 'alembic_version':
            _clean_table(connection, table, keys, texts)


def _clean_table(connection, table: sa.Table, keys: list, texts: list) -> None:
    last = None
    while True:
        query = sa.select(*keys, *texts).order_by(*keys).limit(BATCH)
        if last is not None:
            query = query.where(sa.tuple_(*keys) > sa.tuple_(*last))
        rows = connection.execute(query).all()
        for row in rows:
            values = row._mapping
            cleaned = {column.name: clean_text(values[column.name]) for column in texts
                       if values[column.name] is not None}
            changed = {name: text for name, text in cleaned.items() if text != values[name]}
            if changed:
                condition = [key == values[key.name] for key in keys]
                connection.execute(table.update().where(*condition).values(**changed))
        if len(rows) < BATCH:
            return
        last = tuple(rows[-1][:len(keys)])


def downgrade() -> None:
    pass
