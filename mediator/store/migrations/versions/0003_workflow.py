"""Guided mediation workflow (schema 1.2): per-party file facts (rights notice,
identity proof, power of attorney), record sign-offs, agreement signing state,
obligations and payments, termination/refusal, term extensions, judicial
confirmation; an index of cases by status for the Today view.

Only new tables and one new index: an older app (same major) ignores them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 01:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('case_workflow',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('written_application', sa.Boolean(), nullable=False),
    sa.Column('status_matters', sa.JSON(), nullable=False),
    sa.Column('refused_on', sa.Date(), nullable=True),
    sa.Column('refusal_reason', sa.Text(), nullable=False),
    sa.Column('terminated_on', sa.Date(), nullable=True),
    sa.Column('termination_reason', sa.Text(), nullable=False),
    sa.Column('routes_explained', sa.JSON(), nullable=False),
    sa.Column('archived_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id')
    )
    with op.batch_alter_table('case_workflow', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_workflow_studio_id'), ['studio_id'], unique=False)

    op.create_table('judicial_application',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('court_basis', sa.String(length=30), nullable=False),
    sa.Column('court', sa.String(length=100), nullable=False),
    sa.Column('applicants', sa.JSON(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('confirmed', sa.Boolean(), nullable=True),
    sa.Column('ruling_no', sa.String(length=60), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id')
    )
    with op.batch_alter_table('judicial_application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_judicial_application_studio_id'), ['studio_id'], unique=False)

    op.create_table('record_signoff',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('record_kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('record_kind', 'record_id', name='uq_signoff_record')
    )
    with op.batch_alter_table('record_signoff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_signoff_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_record_signoff_studio_id'), ['studio_id'], unique=False)

    op.create_table('term_extension',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('granted_on', sa.Date(), nullable=False),
    sa.Column('new_due', sa.Date(), nullable=False),
    sa.Column('consented_by', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('term_extension', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_term_extension_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_term_extension_studio_id'), ['studio_id'], unique=False)

    op.create_table('agreement_detail',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('agreement_id', sa.String(length=36), nullable=False),
    sa.Column('reached_on', sa.Date(), nullable=False),
    sa.Column('signature_slots', sa.JSON(), nullable=False),
    sa.Column('signed_by', sa.JSON(), nullable=False),
    sa.Column('mediator_signed', sa.Boolean(), nullable=False),
    sa.Column('recorder_signed', sa.Boolean(), nullable=False),
    sa.Column('sealed', sa.Boolean(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('proofread', sa.Boolean(), nullable=False),
    sa.Column('acknowledged_terms', sa.JSON(), nullable=False),
    sa.Column('recorder', sa.String(length=100), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('agreement_id')
    )
    with op.batch_alter_table('agreement_detail', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_detail_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_detail_studio_id'), ['studio_id'], unique=False)

    op.create_table('case_party_file',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('case_party_id', sa.String(length=36), nullable=False),
    sa.Column('notice_acknowledged_on', sa.Date(), nullable=True),
    sa.Column('identity_proof', sa.Boolean(), nullable=False),
    sa.Column('power_of_attorney', sa.Boolean(), nullable=False),
    sa.Column('agent_powers', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.ForeignKeyConstraint(['case_party_id'], ['case_party.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_party_id')
    )
    with op.batch_alter_table('case_party_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_party_file_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_party_file_studio_id'), ['studio_id'], unique=False)

    op.create_table('obligation',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('agreement_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('obligor_id', sa.String(length=36), nullable=True),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('performed_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('obligation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_obligation_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_obligation_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_obligation_studio_id'), ['studio_id'], unique=False)

    op.create_table('payment',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('obligation_id', sa.String(length=36), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=40), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('proof_attachment_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.ForeignKeyConstraint(['obligation_id'], ['obligation.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_obligation_id'), ['obligation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_studio_id'), ['studio_id'], unique=False)

    op.create_index('ix_case_status', 'case', ['status', 'deleted'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_case_status', table_name='case')
    op.drop_table('payment')
    op.drop_table('obligation')
    op.drop_table('case_party_file')
    op.drop_table('agreement_detail')
    op.drop_table('term_extension')
    op.drop_table('record_signoff')
    op.drop_table('judicial_application')
    op.drop_table('case_workflow')
