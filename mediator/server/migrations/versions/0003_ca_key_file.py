# ruff: noqa
"""district CA key out of the database

The district CA's private key was a column of ``district_ca``: anyone with a
copy of the database (a dump, a backup) could issue studio certificates.  It
moves to ``district-ca-key.pem`` in the server's data dir, readable by the
server's user only (0600), and the column is emptied.  Without a data dir
(a migration run by an administrative command given only ``--db``) the key
stays in the row until the server starts, when ``ca.ensure_ca`` moves it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 20:00:00
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import op

from mediator.server.ca import store_key


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_ca = sa.table("district_ca", sa.column("id", sa.Integer), sa.column("key_pem", sa.LargeBinary))


def upgrade() -> None:
    config = op.get_context().config
    data_dir = config.attributes.get("data_dir") if config is not None else None
    if data_dir is None:
        return
    conn = op.get_bind()
    key = conn.execute(sa.select(_ca.c.key_pem).where(_ca.c.id == 1)).scalar_one_or_none()
    if not key:
        return
    if store_key(Path(data_dir), bytes(key)) != bytes(key):
        raise RuntimeError(f"{Path(data_dir) / 'district-ca-key.pem'} 已存在且与数据库中的区级CA私钥不同")
    conn.execute(sa.update(_ca).where(_ca.c.id == 1).values(key_pem=b""))


def downgrade() -> None:
    config = op.get_context().config
    data_dir = config.attributes.get("data_dir") if config is not None else None
    if data_dir is None:
        return
    path = Path(data_dir) / "district-ca-key.pem"
    if path.exists():
        op.get_bind().execute(sa.update(_ca).where(_ca.c.id == 1).values(
            key_pem=path.read_bytes()))
