"""Rows set aside by sync: kept in the local database, listed on the sync page,
reported to the district server.

Why: one row this PC cannot apply (a pulled case with no fields, stored by an older
server; a local row the schema refuses) used to stop every sync of the studio, on
every PC, for good.  Now such a row is kept here instead, the rest of the sync goes
on, and a person can see what was left out and tell the district administrator.

Two kinds:

* ``pulled``: a row of the studio's feed that could not be applied.  Its version
  counts in this PC's digest as if applied (the server's digest holds it), so the
  sides still agree and no repair pull runs for it; a later, valid version of the
  row replaces it (:func:`resolve`).
* ``local``: a row of this PC the schema or the server refused; it stays in the
  local tables, unsent, until it is edited into a valid state.

They live in the ``meta`` table (``sync_aside:<id>``, one JSON value each): no new
table, no migration.  The row's data is kept with a pulled row (it is in no other
local table) when it fits in the row-size limit.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mediator.store.database import Database
from mediator.store.models import Meta
from mediator.sync.schema import MAX_ROW_BYTES, row_size

PREFIX = "sync_aside:"


@dataclass(frozen=True)
class SetAside:
    entity: str
    id: str
    version: int
    kind: str  # pulled | local
    reason: str
    at: str
    reported: bool
    data: dict[str, Any] | None


def _decode(value: str) -> SetAside | None:
    try:
        raw = json.loads(value)
        return SetAside(str(raw["entity"]), str(raw["id"]), int(raw["version"]),
                        str(raw["kind"]), str(raw["reason"]), str(raw.get("at", "")),
                        bool(raw.get("reported")), raw.get("data"))
    except (ValueError, KeyError, TypeError):
        return None


def _encode(item: SetAside) -> str:
    return json.dumps({"entity": item.entity, "id": item.id, "version": item.version,
                       "kind": item.kind, "reason": item.reason, "at": item.at,
                       "reported": item.reported, "data": item.data},
                      ensure_ascii=False, allow_nan=True)


def put(s: Session, *, entity: str, row_id: str, version: int, kind: str, reason: str,
        data: Any = None) -> None:
    """Keep (or replace) the set-aside record of ``row_id``."""
    keep = None
    if isinstance(data, dict):
        try:
            if row_size(data) <= MAX_ROW_BYTES:
                keep = json.loads(json.dumps(data, ensure_ascii=False,
                                             allow_nan=True).encode("utf-8", "replace"))
        except (ValueError, TypeError):
            keep = None
    item = SetAside(entity, row_id[:36], version, kind, reason[:300],
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), False, keep)
    s.merge(Meta(key=PREFIX + row_id[:36], value=_encode(item)))


def get(s: Session, row_id: str) -> SetAside | None:
    value = s.execute(select(Meta.value).where(Meta.key == PREFIX + row_id[:36])
                      ).scalar_one_or_none()
    return _decode(value) if value is not None else None


def all_rows(s: Session) -> list[SetAside]:
    """Every set-aside row, oldest first."""
    items = [_decode(v) for v in s.execute(select(Meta.value).where(
        Meta.key.startswith(PREFIX))).scalars()]
    return sorted((i for i in items if i is not None), key=lambda i: i.at)


def versions(s: Session) -> dict[tuple[str, str], int]:
    """(entity, id) -> version of the pulled rows set aside (they count in the digest)."""
    return {(i.entity, i.id): i.version for i in all_rows(s) if i.kind == "pulled"}


def listing(db: Database) -> list[SetAside]:
    """Every set-aside row, for the sync page (read on a worker thread)."""
    with db.read() as s:
        return all_rows(s)


def resolve(s: Session, row_id: str) -> None:
    """The row was applied (a valid version came) or sent: it is no longer set aside."""
    s.execute(delete(Meta).where(Meta.key == PREFIX + row_id[:36]))


def mark_reported(s: Session, ids: list[str]) -> None:
    for row_id in ids:
        item = get(s, row_id)
        if item is not None and not item.reported:
            s.merge(Meta(key=PREFIX + row_id[:36], value=_encode(
                SetAside(item.entity, item.id, item.version, item.kind, item.reason,
                         item.at, True, item.data))))
