"""import_profile: named import profiles (the choices the user confirmed for a file's shape and columns)

Revision ID: 0011
Revises: 0009 (to be re-chained onto 0010 when the branches are merged)
Create Date: 2026-12-06 19:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'import_profile',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('plan_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('shape', sa.String(length=20), nullable=False),
        sa.Column('signature', sa.Text(), nullable=False),
        sa.Column('choices', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by', sa.String(length=200), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by', sa.String(length=200), nullable=False),
        sa.CheckConstraint("shape IN ('plan', 'tree', 'official', 'series', 'wide')",
                           name=op.f('ck_import_profile_shape_known')),
        sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_import_profile_plan_id_plan'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_import_profile')),
        sa.UniqueConstraint('plan_id', 'name', name='uq_import_profile_plan_name'),
    )
    op.create_index(op.f('ix_import_profile_plan_id'), 'import_profile', ['plan_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_import_profile_plan_id'), table_name='import_profile')
    op.drop_table('import_profile')
