"""The statistics report's maintained tables (schema 1.10, issue 13).

* ``case_figures``: per case, the date each family of figures counts it by and
  what it adds (derived locally, never synced; see
  :mod:`mediator.store.figures_models`).
* ``statistics_day``: their sums per family, day and dimensions, which the report
  reads instead of joining every case of the period (0.6 s -> a few ms a year).
* Triggers on every table a figure reads keep both exact in the writing
  transaction, whoever writes.

Backfill: both tables are filled from the source rows by plain INSERT … SELECT
before the triggers exist.  New tables and triggers only: an older app of the
same major ignores the tables, and its writes still go through the triggers.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_DAY_COUNTS = (
    "cases", "people", "group_n", "succeeded", "terminated", "amount",
    *(f"prevented_{p}{s}" for p in ("criminal", "petition", "fight", "suicide")
      for s in ("", "_people")),
    "grade_simple", "grade_ordinary", "grade_major")


def upgrade() -> None:
    from mediator.store.figures_models import backfill_sql, trigger_ddl  # noqa: PLC0415

    op.create_table(
        'case_figures',
        sa.Column('case_id', sa.String(length=36), nullable=False),
        sa.Column('dispute_type', sa.String(length=40), nullable=False),
        sa.Column('source', sa.String(length=40), nullable=False),
        sa.Column('mediator_id', sa.String(length=36), nullable=False),
        sa.Column('body_type', sa.String(length=20), nullable=False),
        sa.Column('accepted_on', sa.Date(), nullable=True),
        sa.Column('people', sa.Integer(), nullable=False),
        sa.Column('group_n', sa.Integer(), nullable=False),
        sa.Column('closed_on', sa.Date(), nullable=True),
        sa.Column('succeeded', sa.Integer(), nullable=False),
        sa.Column('fen', sa.Integer(), nullable=False),
        sa.Column('prevented_criminal', sa.Integer(), nullable=False),
        sa.Column('prevented_petition', sa.Integer(), nullable=False),
        sa.Column('prevented_fight', sa.Integer(), nullable=False),
        sa.Column('prevented_suicide', sa.Integer(), nullable=False),
        sa.Column('grade', sa.String(length=20), nullable=False),
        sa.Column('performed_on', sa.Date(), nullable=True),
        sa.Column('confirmed_on', sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint('case_id'),
    )
    op.create_table(
        'statistics_day',
        sa.Column('basis', sa.String(length=12), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('dispute_type', sa.String(length=40), nullable=False),
        sa.Column('source', sa.String(length=40), nullable=False),
        sa.Column('mediator_id', sa.String(length=36), nullable=False),
        sa.Column('body_type', sa.String(length=20), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False, server_default='0')
          for name in _DAY_COUNTS),
        sa.PrimaryKeyConstraint('basis', 'day', 'dispute_type', 'source', 'mediator_id',
                                'body_type'),
        sqlite_with_rowid=False,
    )
    for statement in backfill_sql():
        op.execute(statement)
    for ddl in trigger_ddl():
        op.execute(ddl)


def downgrade() -> None:
    from mediator.store.figures_models import trigger_names  # noqa: PLC0415

    for name in trigger_names():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('statistics_day')
    op.drop_table('case_figures')
