"""plan: thresholds of a level's traffic light (red_share, yellow_share)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 15:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('red_share', sa.Integer(), server_default='20', nullable=False))
        batch_op.add_column(sa.Column('yellow_share', sa.Integer(), server_default='20', nullable=False))
        batch_op.create_check_constraint(op.f('ck_plan_red_share_range'), 'red_share BETWEEN 1 AND 100')
        batch_op.create_check_constraint(op.f('ck_plan_yellow_share_range'), 'yellow_share BETWEEN 1 AND 100')


def downgrade() -> None:
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_plan_yellow_share_range'), type_='check')
        batch_op.drop_constraint(op.f('ck_plan_red_share_range'), type_='check')
        batch_op.drop_column('yellow_share')
        batch_op.drop_column('red_share')
