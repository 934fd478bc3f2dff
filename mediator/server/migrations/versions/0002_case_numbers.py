# ruff: noqa
"""case numbers: which case holds each number of a studio

The server becomes the authority for case-number uniqueness within a studio.
Existing case rows are registered in feed order (the first to arrive keeps its
number); each studio's number counters move past every number already pushed.
A later case that duplicates an earlier one's number (possible before this
revision: two PCs numbering offline before enrolment) is renumbered here, on
the server, as a new version in the feed: its PC and every other PC of the
studio pull the new number (``former_case_no`` keeps the old one) and an audit
event says so.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 10:00:00
"""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from alembic import op

from mediator.domain.case_number import parse_case_number
from mediator.sync.protocol import digest_add


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_row = sa.table("row", sa.column("studio_id", sa.String), sa.column("id", sa.String),
                sa.column("entity", sa.String), sa.column("version", sa.BigInteger),
                sa.column("seq", sa.BigInteger), sa.column("data", sa.JSON),
                sa.column("device_id", sa.String))
_studio = sa.table("studio", sa.column("id", sa.String), sa.column("feed_seq", sa.BigInteger),
                   sa.column("digest", sa.String))
_counter = sa.table("number_counter", sa.column("studio_id", sa.String),
                    sa.column("prefix", sa.String), sa.column("year", sa.Integer),
                    sa.column("next_free", sa.Integer))
_audit = sa.table("audit_copy", sa.column("studio_id", sa.String), sa.column("id", sa.String),
                  sa.column("device_id", sa.String), sa.column("data", sa.JSON))


def upgrade() -> None:
    op.create_table('case_number',
    sa.Column('studio_id', sa.String(length=36), nullable=False),
    sa.Column('case_no', sa.String(length=60), nullable=False),
    sa.Column('case_id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('studio_id', 'case_no')
    )
    conn = op.get_bind()
    held: dict[tuple[str, str], str] = {}
    top: dict[tuple[str, str, int], int] = {}  # (studio, prefix, year) -> highest serial
    duplicates = []
    for r in conn.execute(sa.select(_row.c.studio_id, _row.c.id, _row.c.version, _row.c.data)
                          .where(_row.c.entity == "case").order_by(_row.c.studio_id,
                                                                   _row.c.seq)):
        case_no = r.data.get("case_no") if isinstance(r.data, dict) else None
        if not isinstance(case_no, str) or not case_no:
            continue
        if (r.studio_id, case_no) in held:
            duplicates.append(r)
            continue
        held[(r.studio_id, case_no)] = r.id
        try:
            number = parse_case_number(case_no)
        except Exception:
            continue
        key = (r.studio_id, number.prefix, number.year)
        top[key] = max(top.get(key, 0), number.serial)
    counters = {(c.studio_id, c.prefix, c.year): c.next_free
                for c in conn.execute(sa.select(_counter))}
    for key, serial in top.items():
        if key not in counters:
            conn.execute(_counter.insert().values(studio_id=key[0], prefix=key[1], year=key[2],
                                                  next_free=serial + 1))
            counters[key] = serial + 1
        elif counters[key] <= serial:
            conn.execute(_counter.update().where(
                _counter.c.studio_id == key[0], _counter.c.prefix == key[1],
                _counter.c.year == key[2]).values(next_free=serial + 1))
            counters[key] = serial + 1
    now = dt.datetime.now(dt.UTC).isoformat()
    for r in duplicates:
        old = r.data["case_no"]
        try:
            number = parse_case_number(old)
        except Exception:
            continue  # not a number of ours: left as it is
        key = (r.studio_id, number.prefix, number.year)
        serial = counters.get(key, 1)
        counters[key] = serial + 1
        new = f"（{number.year}）{number.prefix}{number.designator}第{serial}号"
        studio = conn.execute(sa.select(_studio).where(_studio.c.id == r.studio_id)).one()
        seq = studio.feed_seq + 1
        digest = digest_add(studio.digest, "case", r.id, r.version, -1)
        digest = digest_add(digest, "case", r.id, seq)
        conn.execute(_studio.update().where(_studio.c.id == r.studio_id)
                     .values(feed_seq=seq, digest=digest))
        data = {**r.data, "case_no": new, "seq": serial,
                "former_case_no": r.data.get("former_case_no") or old}
        conn.execute(_row.update().where(_row.c.studio_id == r.studio_id, _row.c.id == r.id)
                     .values(version=seq, seq=seq, data=data, device_id="district"))
        held[(r.studio_id, new)] = r.id
        conn.execute(_audit.insert().values(
            studio_id=r.studio_id, id=str(uuid.uuid4()), device_id="district",
            data={"at": now, "actor": "district", "action": "case.renumber", "entity": "case",
                  "entity_id": r.id, "detail": {"from": old, "to": new,
                                                "note": f"案号由 {old} 更正为 {new}"}}))
    for key in counters:
        conn.execute(_counter.update().where(
            _counter.c.studio_id == key[0], _counter.c.prefix == key[1],
            _counter.c.year == key[2]).values(next_free=counters[key]))
    if held:
        conn.execute(sa.table("case_number", sa.column("studio_id"), sa.column("case_no"),
                              sa.column("case_id")).insert(),
                     [{"studio_id": k[0], "case_no": k[1], "case_id": v}
                      for k, v in held.items()])


def downgrade() -> None:
    op.drop_table('case_number')
