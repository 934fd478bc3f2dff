# ruff: noqa
"""district statistics: per-day totals by studio and by dispute type

A year's district report grouped a year of per-case facts (about 333,000 rows in
a district of a million cases) twice: 1.6 s on PostgreSQL under load, over the
1 s target.  The report only shows one breakdown at a time (by studio, by type,
by month), so ``district_day_total`` keeps, per day, each studio's and each
dispute type's counts and sums (``dim`` 's' or 't', ``key`` the studio id or
the type); a year is then about 365 × (studios + types) rows.  The facts'
refresh keeps it in step (mediator.server.stats_facts); filled here from the
facts already taken in.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 02:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('district_day_total',
    sa.Column('dim', sa.String(length=1), nullable=False),
    sa.Column('day', sa.Text(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('accepted', sa.BigInteger(), nullable=False),
    sa.Column('closed', sa.BigInteger(), nullable=False),
    sa.Column('succeeded', sa.BigInteger(), nullable=False),
    sa.Column('terminated', sa.BigInteger(), nullable=False),
    sa.Column('fen', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('dim', 'day', 'key')
    )
    # The same contribution as stats_facts.day_delta(+1) over every fact.
    op.execute(
        "INSERT INTO district_day_total (dim, day, key, accepted, closed, succeeded, "
        "terminated, fen) SELECT dim, day, key, SUM(accepted), SUM(closed), SUM(succeeded), "
        "SUM(terminated), SUM(fen) FROM (SELECT d.dim AS dim, "
        "CASE WHEN s.side = 'r' THEN f.registered_on ELSE f.closed_on END AS day, "
        "CASE WHEN d.dim = 's' THEN f.studio_id ELSE f.dispute_type END AS key, "
        "CASE WHEN s.side = 'r' AND f.status <> 'refused' THEN 1 ELSE 0 END AS accepted, "
        "CASE WHEN s.side = 'c' THEN 1 ELSE 0 END AS closed, "
        "CASE WHEN s.side = 'c' AND f.outcome = 'succeeded' THEN 1 ELSE 0 END AS succeeded, "
        "CASE WHEN s.side = 'c' AND f.outcome = 'terminated' THEN 1 ELSE 0 END AS terminated, "
        "CASE WHEN s.side = 'c' THEN f.fen ELSE 0 END AS fen "
        "FROM district_case_fact f "
        "CROSS JOIN (SELECT 's' AS dim UNION ALL SELECT 't') d "
        "CROSS JOIN (SELECT 'r' AS side UNION ALL SELECT 'c') s "
        "WHERE s.side = 'r' OR f.closed_on IS NOT NULL) x GROUP BY dim, day, key")


def downgrade() -> None:
    op.drop_table('district_day_total')
