"""The case desk (schema 1.5): optional steps skipped on purpose, and the history
of party details corrected after registration.

* ``case_workflow.skipped_steps``: the optional steps (调查, 司法确认) the
  mediator chose to skip with the step page's button; taking one up again
  removes it.  A JSON list of step codes, empty by default.
* ``party_correction`` (synced, append-only): one row per field a 更正 changed —
  which party, which field, the old and the new value, when (UTC, shown on the
  studio's clock) and by whom.  The values are personal data, so they live here,
  in the case file, and never in the audit log (which names only the fields).

An ADD COLUMN with a server default and a new table: an older app of the same
major ignores both.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 22:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('case_workflow', sa.Column('skipped_steps', sa.JSON(), nullable=False,
                                             server_default='[]'))
    op.create_table('party_correction',
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.Column('party_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=False),
    sa.Column('new_value', sa.Text(), nullable=False),
    sa.Column('corrected_at', sa.DateTime(), nullable=False),
    sa.Column('mediator_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], ),
    sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('party_correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_party_correction_case_id'), ['case_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_party_correction_studio_id'), ['studio_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('party_correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_party_correction_studio_id'))
        batch_op.drop_index(batch_op.f('ix_party_correction_case_id'))
    op.drop_table('party_correction')
    with op.batch_alter_table('case_workflow', schema=None) as batch_op:
        batch_op.drop_column('skipped_steps')
