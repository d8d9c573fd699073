"""status_report.progress may be empty: a report that names no figure (an imported "Sachstand 2013" with a
text only) stores none instead of a made-up 0 %. The CHECKs stay as they are: with an empty progress they hold
(SQL's unknown passes a CHECK), so "abgeschlossen means 100 %; 100 % only by abgeschlossen" binds every report
that has a figure (models.rules.completion_matches, models.rules.report_progress).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 22:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('status_report') as batch:
        batch.alter_column('progress', existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # The old schema needs a figure: the one the importer used to make up (100 when abgeschlossen, else 0).
    op.execute("UPDATE status_report SET progress = CASE WHEN status = 'abgeschlossen' THEN 100 ELSE 0 END"
               " WHERE progress IS NULL")
    with op.batch_alter_table('status_report') as batch:
        batch.alter_column('progress', existing_type=sa.Integer(), nullable=False)
