"""The Today view's maintained due-date table (schema 1.9, issue 15).

* ``case_due``: every unmet deadline of every open case with its due date,
  indexed for Today's two ranges (derived locally, never synced; see
  :mod:`mediator.store.due_models`).
* ``case_due_stale`` and triggers on the tables the deadline rules read: a write
  marks its case, the unit of work recomputes it before committing.

Backfill: every open case is marked (one INSERT … SELECT) and recomputed here,
in batches of a few thousand cases with the domain's rules — the one definition
of what is due when.  New tables and triggers only: an older app of the same
major ignores the table, and its writes still mark cases for the next refresh.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 00:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from mediator.domain.deadlines import OPEN_STATUSES  # noqa: PLC0415
    from mediator.services.workflow.due_table import refresh_stale  # noqa: PLC0415
    from mediator.store.due_models import trigger_ddl  # noqa: PLC0415

    op.create_table(
        'case_due',
        sa.Column('case_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('ref', sa.String(length=36), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('due_date', sa.Date(), nullable=False),
        sa.Column('optional', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('case_id', 'kind', 'ref'),
    )
    op.create_index('ix_case_due_when', 'case_due',
                    ['optional', 'due_date', 'kind', 'case_id', 'seq'], unique=False)
    op.create_table(
        'case_due_stale',
        sa.Column('case_id', sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint('case_id'),
    )
    for ddl in trigger_ddl():
        op.execute(ddl)
    statuses = ", ".join(f"'{s.value}'" for s in sorted(OPEN_STATUSES))
    op.execute("INSERT OR IGNORE INTO case_due_stale (case_id) SELECT id FROM \"case\""
               f" WHERE deleted = 0 AND status IN ({statuses})")
    session = Session(bind=op.get_bind())
    try:
        refresh_stale(session)
        session.flush()
    finally:
        session.close()


def downgrade() -> None:
    from mediator.store.due_models import trigger_names  # noqa: PLC0415

    for name in trigger_names():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('case_due_stale')
    op.drop_index('ix_case_due_when', table_name='case_due')
    op.drop_table('case_due')
