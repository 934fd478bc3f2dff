"""What the statistics and the screening register need (schema 1.7, issue 13).

* ``case_statistics`` (synced, one row per case): 涉及人数, 群体性纠纷 (marked, and
  the derived flag), the four prevention outcomes with their people, 标的额, the
  mediating body's kind when not the studio's, the difficulty grade (derived or
  overridden with a reason) and the screening visit the case came from.
* ``screening_visit`` (synced): 排查 — date, place, who went, disputes found and
  prevented, notes.
* ``studio.body_type``: the studio's kind of mediating body (村(居) unless set).

New tables and an ADD COLUMN with a server default: an older app of the same
major ignores all three.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 22:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column[object]]:
    return [
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('studio_id', sa.String(length=36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.add_column('studio', sa.Column('body_type', sa.String(length=20), nullable=False,
                                      server_default='village'))
    op.create_table(
        'screening_visit',
        sa.Column('visited_on', sa.Date(), nullable=False),
        sa.Column('place', sa.Text(), nullable=False),
        sa.Column('visitors', sa.String(length=200), nullable=False),
        sa.Column('disputes_found', sa.Integer(), nullable=False),
        sa.Column('disputes_prevented', sa.Integer(), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('mediator_id', sa.String(length=36), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(['mediator_id'], ['mediator.id'], ),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('screening_visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_screening_visit_studio_id'), ['studio_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_screening_visit_visited_on'), ['visited_on'],
                              unique=False)
    op.create_table(
        'case_statistics',
        sa.Column('case_id', sa.String(length=36), nullable=False),
        sa.Column('people_involved', sa.Integer(), nullable=False),
        sa.Column('group_marked', sa.Boolean(), nullable=False),
        sa.Column('group_dispute', sa.Boolean(), nullable=False),
        sa.Column('prevented_criminal', sa.Integer(), nullable=False),
        sa.Column('prevented_petition', sa.Integer(), nullable=False),
        sa.Column('prevented_fight', sa.Integer(), nullable=False),
        sa.Column('prevented_suicide', sa.Integer(), nullable=False),
        sa.Column('amount_in_dispute_fen', sa.Integer(), nullable=False),
        sa.Column('body_type', sa.String(length=20), nullable=False),
        sa.Column('grade', sa.String(length=20), nullable=False),
        sa.Column('grade_override', sa.String(length=20), nullable=False),
        sa.Column('grade_reason', sa.Text(), nullable=False),
        sa.Column('screening_id', sa.String(length=36), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
        sa.ForeignKeyConstraint(['screening_id'], ['screening_visit.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('case_id'),
    )
    with op.batch_alter_table('case_statistics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_statistics_studio_id'), ['studio_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('case_statistics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_statistics_studio_id'))
    op.drop_table('case_statistics')
    with op.batch_alter_table('screening_visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_screening_visit_visited_on'))
        batch_op.drop_index(batch_op.f('ix_screening_visit_studio_id'))
    op.drop_table('screening_visit')
    with op.batch_alter_table('studio', schema=None) as batch_op:
        batch_op.drop_column('body_type')
