"""Sync state (schema 1.1): enrolment and pull cursor, pending push batch, conflicts,
leased case-number blocks, blob transfers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 00:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('server_url', sa.String(length=300), nullable=False),
    sa.Column('ca_file', sa.Text(), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('access_token', sa.String(length=100), nullable=False),
    sa.Column('access_expires_at', sa.DateTime(), nullable=True),
    sa.Column('refresh_token', sa.String(length=100), nullable=False),
    sa.Column('cursor', sa.Integer(), nullable=False),
    sa.Column('audit_cursor', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('last_sync_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('sync_batch',
    sa.Column('batch_id', sa.String(length=36), nullable=False),
    sa.Column('upto_outbox_seq', sa.Integer(), nullable=False),
    sa.Column('upto_audit_seq', sa.Integer(), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('batch_id')
    )
    op.create_table('sync_conflict',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('mine', sa.JSON(), nullable=False),
    sa.Column('mine_deleted', sa.Boolean(), nullable=False),
    sa.Column('theirs', sa.JSON(), nullable=False),
    sa.Column('theirs_deleted', sa.Boolean(), nullable=False),
    sa.Column('theirs_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolution', sa.String(length=20), nullable=False),
    sa.Column('server_told', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflict_row_id', ['row_id'], unique=False)
    op.create_table('leased_number_block',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('prefix', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('first', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.Column('next_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('blob_transfer',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('received', sa.Integer(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )


def downgrade() -> None:
    op.drop_table('blob_transfer')
    op.drop_table('leased_number_block')
    with op.batch_alter_table('sync_conflict', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_conflict_row_id')
    op.drop_table('sync_conflict')
    op.drop_table('sync_batch')
    op.drop_table('sync_state')
