"""reporting_round and mail_sent: rounds the office opens and the mails the reminder job sent; plan lead time
and reminder days; an organisation's contact address; an account's opt-out of reminder mails

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 17:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'reporting_round',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('plan_id', sa.Integer(), nullable=False),
        sa.Column('meeting_date', sa.Date(), nullable=False),
        sa.Column('since', sa.Date(), nullable=False),
        sa.Column('deadline', sa.Date(), nullable=False),
        sa.Column('opened_on', sa.Date(), nullable=False),
        sa.Column('opened_by', sa.String(length=200), nullable=False),
        sa.Column('closed_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_reporting_round_plan_id_plan'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_round')),
        sa.UniqueConstraint('plan_id', 'meeting_date', name='uq_reporting_round_plan_meeting'),
    )
    op.create_index(op.f('ix_reporting_round_plan_id'), 'reporting_round', ['plan_id'], unique=False)
    op.create_table(
        'mail_sent',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('recipient', sa.String(length=254), nullable=False),
        sa.Column('subject', sa.String(length=300), nullable=False),
        sa.Column('sent_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['round_id'], ['reporting_round.id'], name=op.f('fk_mail_sent_round_id_reporting_round'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_sent')),
        sa.UniqueConstraint('round_id', 'kind', 'organisation_id', 'recipient', name='uq_mail_sent_once'),
    )
    op.create_index(op.f('ix_mail_sent_round_id'), 'mail_sent', ['round_id'], unique=False)
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('round_lead_days', sa.Integer(), server_default='14', nullable=False))
        batch_op.add_column(sa.Column('reminder_days', sa.Integer(), server_default='7', nullable=False))
        batch_op.create_check_constraint(op.f('ck_plan_round_lead_days_range'), 'round_lead_days BETWEEN 0 AND 90')
        batch_op.create_check_constraint(op.f('ck_plan_reminder_days_range'), 'reminder_days BETWEEN 1 AND 60')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_email', sa.String(length=254), nullable=True))
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reminders_off', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_column('reminders_off')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_column('contact_email')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_plan_reminder_days_range'), type_='check')
        batch_op.drop_constraint(op.f('ck_plan_round_lead_days_range'), type_='check')
        batch_op.drop_column('reminder_days')
        batch_op.drop_column('round_lead_days')
    op.drop_index(op.f('ix_mail_sent_round_id'), table_name='mail_sent')
    op.drop_table('mail_sent')
    op.drop_index(op.f('ix_reporting_round_plan_id'), table_name='reporting_round')
    op.drop_table('reporting_round')
