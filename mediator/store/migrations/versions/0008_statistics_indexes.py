"""Covering indexes for the statistics report (schema 1.8, issue 13).

The report aggregates a year of cases per figure family; without these, every
case, agreement and workflow row of the period was read in full (summaries,
terms) to take a few short columns.  Indexes only: an older app of the same
major keeps working, and SQLite keeps them current on every write.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 22:50:00
"""

from __future__ import annotations

from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

INDEXES = {
    "ix_case_stats_range": ("case", ["registered_on", "deleted", "status", "dispute_type",
                                     "source", "mediator_id", "id"]),
    "ix_case_stats_by_id": ("case", ["id", "deleted", "status", "dispute_type", "source",
                                     "mediator_id", "registered_on"]),
    "ix_case_statistics_cover": ("case_statistics", [
        "case_id", "deleted", "people_involved", "group_dispute", "body_type", "grade",
        "prevented_criminal", "prevented_petition", "prevented_fight", "prevented_suicide"]),
    "ix_agreement_stats": ("agreement", ["case_id", "deleted", "kind", "amount_fen",
                                         "effective_on", "id"]),
    "ix_agreement_detail_stats": ("agreement_detail", ["agreement_id", "deleted",
                                                       "reached_on"]),
    "ix_case_workflow_stats": ("case_workflow", ["case_id", "deleted", "terminated_on"]),
    "ix_obligation_stats": ("obligation", ["case_id", "deleted", "performed_on"]),
    "ix_follow_up_stats": ("follow_up", ["case_id", "deleted", "performed", "visited_on"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
