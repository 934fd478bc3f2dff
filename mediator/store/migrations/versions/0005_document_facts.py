"""What the documents print and the schema lacked (schema 1.4).

* ``agreement.amends_id``: the agreement a 补充协议 amends, so the addendum says
  on the page which agreement it changes (a case may carry an oral and a
  written agreement, or an addendum to an addendum).
* ``party.representative_role``: whether an organisation acts through its
  法定代表人 (a legal person) or its 主要负责人 (an unincorporated
  organisation); the documents label the row with the office, the job title
  (``representative_title``) is its 职务.  Empty means 法定代表人.
* ``studio.time_zone``: the studio's clock for the times on documents and on
  screen (``Asia/Shanghai`` unless the studio says otherwise).

Plain ADD COLUMNs with server defaults: an older app (same major) still inserts
rows, and no table is rebuilt.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 19:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('agreement', sa.Column('amends_id', sa.String(length=36), nullable=True))
    op.add_column('party', sa.Column('representative_role', sa.String(length=20),
                                     nullable=False, server_default=''))
    op.add_column('studio', sa.Column('time_zone', sa.String(length=40), nullable=False,
                                      server_default='Asia/Shanghai'))
    # Addenda made before this revision amend the case's final written agreement.
    op.execute(
        "UPDATE agreement SET amends_id = ("
        " SELECT o.id FROM agreement AS o WHERE o.case_id = agreement.case_id"
        " AND o.kind IN ('written', 'oral') AND o.status = 'final'"
        " ORDER BY o.effective_on DESC LIMIT 1)"
        " WHERE kind = 'addendum' AND amends_id IS NULL")


def downgrade() -> None:
    with op.batch_alter_table('studio', schema=None) as batch_op:
        batch_op.drop_column('time_zone')
    with op.batch_alter_table('party', schema=None) as batch_op:
        batch_op.drop_column('representative_role')
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_column('amends_id')
