"""barrier_report: barriers reported from the page Barrierefreiheit (feedback mechanism, HVBIT)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 17:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'barrier_report',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('reported_at', sa.DateTime(), nullable=False),
        sa.Column('page', sa.String(length=200), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('contact', sa.String(length=254), nullable=True),
        sa.Column('state', sa.String(length=20), nullable=False),
        sa.Column('answered_at', sa.DateTime(), nullable=True),
        sa.Column('answer_note', sa.Text(), nullable=False),
        sa.CheckConstraint("state IN ('offen', 'beantwortet')", name=op.f('ck_barrier_report_state_known')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_barrier_report')),
    )
    op.create_index(op.f('ix_barrier_report_reported_at'), 'barrier_report', ['reported_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_barrier_report_reported_at'), table_name='barrier_report')
    op.drop_table('barrier_report')
