"""meeting snapshots of the presentation

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 22:50:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'meeting_snapshot',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('plan_id', sa.Integer(), nullable=False),
        sa.Column('meeting_id', sa.Integer(), nullable=True),
        sa.Column('meeting_date', sa.Date(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('as_of', sa.Date(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by', sa.String(length=200), nullable=False),
        sa.Column('content', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'],
                                name=op.f('fk_meeting_snapshot_meeting_id_meeting'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['plan_id'], ['plan.id'],
                                name=op.f('fk_meeting_snapshot_plan_id_plan'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_snapshot')),
        sa.UniqueConstraint('plan_id', 'meeting_date', name='uq_meeting_snapshot_plan_date'),
    )
    with op.batch_alter_table('meeting_snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_snapshot_plan_id'), ['plan_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('meeting_snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_snapshot_plan_id'))
    op.drop_table('meeting_snapshot')
