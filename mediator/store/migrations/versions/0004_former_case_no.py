"""Former case number (schema 1.3): the number a case carried before sync corrected
a clash with another PC of its studio (both numbered offline before enrolment).
It travels with the case, so every PC of the studio and the district can show
"原案号" and find the case by the number on documents printed earlier.

One new column with a server default: an older app (same major) still inserts cases.
And an index on outbox(entity_id): the status bar counts the records waiting to be
sent (distinct entities) without a temporary B-tree of every entry — before
enrolment a busy PC's outbox holds hundreds of thousands of them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 04:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: the case table (and its local ids) stays as it is.
    op.add_column('case', sa.Column('former_case_no', sa.String(length=60), nullable=False,
                                    server_default=''))
    op.create_index('ix_outbox_entity', 'outbox', ['entity_id'])


def downgrade() -> None:
    op.drop_index('ix_outbox_entity', table_name='outbox')
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_column('former_case_no')
