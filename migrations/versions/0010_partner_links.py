"""partner_link: a reporting round's personal report links for organisations without accounts

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 19:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'partner_link',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('plan_id', sa.Integer(), nullable=False),
        sa.Column('round_id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by', sa.String(length=200), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.Column('revoked_at', sa.DateTime(), nullable=True),
        sa.Column('revoked_by', sa.String(length=200), nullable=True),
        sa.Column('revoke_reason', sa.String(length=20), nullable=True),
        sa.Column('last_used_at', sa.DateTime(), nullable=True),
        sa.Column('use_count', sa.Integer(), server_default='0', nullable=False),
        sa.CheckConstraint("revoke_reason IS NULL OR revoke_reason IN ('revoked', 'replaced')",
                           name=op.f('ck_partner_link_revoke_reason_known')),
        sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_partner_link_plan_id_plan'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['round_id'], ['reporting_round.id'],
                                name=op.f('fk_partner_link_round_id_reporting_round'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'],
                                name=op.f('fk_partner_link_organisation_id_organisation'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_link')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_partner_link_token_hash')),
    )
    op.create_index(op.f('ix_partner_link_round_id'), 'partner_link', ['round_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_partner_link_round_id'), table_name='partner_link')
    op.drop_table('partner_link')
