"""plan.district_key and plan.contributor_id: the area a plan covers (its AGS) and its contributor in the
DCAT-AP.de vocabulary, for the catalogue of its open data (models.dcat)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06 20:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('plan') as batch:
        batch.add_column(sa.Column('district_key', sa.String(length=8), nullable=False, server_default=''))
        batch.add_column(sa.Column('contributor_id', sa.String(length=200), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('plan') as batch:
        batch.drop_column('contributor_id')
        batch.drop_column('district_key')
