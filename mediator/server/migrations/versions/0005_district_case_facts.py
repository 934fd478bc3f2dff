# ruff: noqa
"""district statistics: one narrow row of facts per synced case

The figures need, per case, a handful of fields spread over JSON rows of four
entities (the case, its agreements and their details, its workflow).  Read from
the JSON at every report, a month of a district of a million cases took seconds
on PostgreSQL (tens of thousands of index probes into wide rows).  Instead
``district_case_fact`` keeps them, brought up to date before each report from the
feed rows that arrived since (``district_fact_cursor``: per studio, the feed
position already taken in), so a report is one GROUP BY over narrow indexed rows.

SQLite gets partial expression indexes for the per-case look-ups of the refresh
(agreements and workflows by case, details by agreement); PostgreSQL has them
from 0004, whose date indexes (the reports' period filters on the JSON) are no
longer read and are dropped: every push would keep them up to date for nothing.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 22:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_PG_UNUSED = ("ix_row_case_registered", "ix_row_agreement_effective", "ix_row_detail_reached",
              "ix_row_workflow_terminated", "ix_row_date_registered", "ix_row_date_terminated",
              "ix_row_date_reached", "ix_row_date_effective")
_SQLITE_INDEXES = (
    ("ix_row_agreement_case", "agreement", "case_id"),
    ("ix_row_detail_agreement", "agreement_detail", "agreement_id"),
    ("ix_row_workflow_case", "case_workflow", "case_id"),
)


def upgrade() -> None:
    op.create_table('district_case_fact',
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('case_no', sa.Text(), nullable=False),
    sa.Column('dispute_type', sa.Text(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('registered_on', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=12), nullable=False),
    sa.Column('closed_on', sa.Text(), nullable=True),
    sa.Column('fen', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('studio_id', 'case_id')
    )
    with op.batch_alter_table('district_case_fact', schema=None) as batch_op:
        # Covering: a report reads the index alone (the period's range, then the
        # grouping columns and the measures), never the rows.
        batch_op.create_index('ix_district_case_fact_registered',
                              ['registered_on', 'studio_id', 'dispute_type', 'status'])
        batch_op.create_index('ix_district_case_fact_closed',
                              ['closed_on', 'studio_id', 'dispute_type', 'outcome', 'fen'])
    op.create_table('district_fact_cursor',
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('studio_id')
    )
    if op.get_bind().dialect.name == "sqlite":
        for name, entity, key in _SQLITE_INDEXES:
            # json_valid: a row an older, trusting server stored as malformed JSON
            # must neither stop this index being built nor a later write (SQLite
            # evaluates json_extract only for the rows the WHERE admits).
            op.execute(f"CREATE INDEX {name} ON row (studio_id, json_extract(data, '$.{key}')) "
                       f"WHERE entity = '{entity}' AND deleted = 0 AND json_valid(data)")
    else:
        for name in _PG_UNUSED:
            op.execute(f"DROP INDEX IF EXISTS {name}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name, _entity, _key in _SQLITE_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_table('district_fact_cursor')
    with op.batch_alter_table('district_case_fact', schema=None) as batch_op:
        batch_op.drop_index('ix_district_case_fact_closed')
        batch_op.drop_index('ix_district_case_fact_registered')
    op.drop_table('district_case_fact')
