"""settings, sign-in throttling, progress note

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 20:34:29.873995
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('oidc_subject', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('locked_until', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('last_login_at', sa.DateTime(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_app_user_oidc_subject'), ['oidc_subject'])

    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('public_view', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('release_required', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('confidentiality_threshold', sa.Integer(), server_default='5', nullable=False))
        batch_op.create_check_constraint(
            op.f('ck_plan_confidentiality_threshold_positive'), 'confidentiality_threshold >= 0'
        )

    with op.batch_alter_table('status_report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('progress_note', sa.Text(), server_default='', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('status_report', schema=None) as batch_op:
        batch_op.drop_column('progress_note')

    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_plan_confidentiality_threshold_positive'), type_='check')
        batch_op.drop_column('confidentiality_threshold')
        batch_op.drop_column('release_required')
        batch_op.drop_column('public_view')

    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_app_user_oidc_subject'), type_='unique')
        batch_op.drop_column('last_login_at')
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_logins')
        batch_op.drop_column('oidc_subject')

