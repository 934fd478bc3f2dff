# ruff: noqa
"""district accounts and dashboard sessions; indexes for the district statistics

District staff (司法所 / 司法局) log in to /dashboard with an account of their own
(``mediator-server admin add``): the password as an argon2 hash, never the
password.  A session is kept by the SHA-256 of its cookie's secret, with the
per-session CSRF token its forms carry.

On PostgreSQL the statistics read JSON fields of ``row``; partial expression
indexes find a case's agreements, details and workflow by index (0005 drops the
date ones again: the reports moved to per-case facts).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# (index name, entity, JSON key)
_PG_INDEXES = (
    ("ix_row_case_registered", "case", "registered_on"),
    ("ix_row_agreement_effective", "agreement", "effective_on"),
    ("ix_row_agreement_case", "agreement", "case_id"),
    ("ix_row_detail_reached", "agreement_detail", "reached_on"),
    ("ix_row_detail_agreement", "agreement_detail", "agreement_id"),
    ("ix_row_workflow_terminated", "case_workflow", "terminated_on"),
    ("ix_row_workflow_case", "case_workflow", "case_id"),
)


def upgrade() -> None:
    op.create_table('district_account',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('password_changed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('district_session',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('account', sa.String(length=64), nullable=False),
    sa.Column('csrf', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('token_hash')
    )
    with op.batch_alter_table('district_session', schema=None) as batch_op:
        batch_op.create_index('ix_district_session_account', ['account'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        for name, entity, key in _PG_INDEXES:
            op.execute(f"CREATE INDEX {name} ON row (studio_id, (data ->> '{key}')) "
                       f"WHERE entity = '{entity}' AND deleted = false")
        op.execute("CREATE INDEX ix_row_date_registered ON row ((data ->> 'registered_on')) "
                   "WHERE entity = 'case' AND deleted = false")
        op.execute("CREATE INDEX ix_row_date_terminated ON row ((data ->> 'terminated_on')) "
                   "WHERE entity = 'case_workflow' AND deleted = false")
        op.execute("CREATE INDEX ix_row_date_reached ON row ((data ->> 'reached_on')) "
                   "WHERE entity = 'agreement_detail' AND deleted = false")
        op.execute("CREATE INDEX ix_row_date_effective ON row ((data ->> 'effective_on')) "
                   "WHERE entity = 'agreement' AND deleted = false")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, _entity, _key in _PG_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
        for name in ("ix_row_date_registered", "ix_row_date_terminated",
                     "ix_row_date_reached", "ix_row_date_effective"):
            op.execute(f"DROP INDEX IF EXISTS {name}")
    with op.batch_alter_table('district_session', schema=None) as batch_op:
        batch_op.drop_index('ix_district_session_account')
    op.drop_table('district_session')
    op.drop_table('district_account')
