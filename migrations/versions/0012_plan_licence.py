"""plan.licence: the licence of a plan's open data (default Datenlizenz Deutschland – Namensnennung 2.0)

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-06 20:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('plan') as batch:
        batch.add_column(sa.Column('licence', sa.String(length=40), nullable=False, server_default='dl-de/by-2-0'))


def downgrade() -> None:
    with op.batch_alter_table('plan') as batch:
        batch.drop_column('licence')
