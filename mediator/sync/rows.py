"""Local rows to and from the wire: the desktop side of :class:`~mediator.sync.protocol.WireRow`.

``data`` holds every column of the model except the sync columns (``id``,
``studio_id``, ``version``, ``deleted``) and the local-only ``local_id``.  Dates
travel as ISO strings, datetimes as ISO with their UTC offset.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from sqlalchemy import Date, inspect
from sqlalchemy.orm import Session

from mediator.store.models import Synced, UTCDateTime
from mediator.store.tables import SYNCED_MODELS

SKIP = frozenset({"id", "studio_id", "version", "deleted", "local_id"})


@cache
def columns(entity: str) -> tuple[tuple[str, str], ...]:
    """(attribute, kind) of the data columns of ``entity``; kind is date|datetime|plain."""
    mapper = inspect(SYNCED_MODELS[entity])
    out = []
    for attr in mapper.column_attrs:
        if attr.key in SKIP:
            continue
        col = attr.columns[0]
        kind = ("datetime" if isinstance(col.type, UTCDateTime)
                else "date" if isinstance(col.type, Date) else "plain")
        out.append((attr.key, kind))
    return tuple(out)


def to_data(entity: str, row: Synced) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, kind in columns(entity):
        value = getattr(row, key)
        if value is not None and kind in ("date", "datetime"):
            value = value.isoformat()
        data[key] = value
    return data


def mapping_to_data(entity: str, row: Any) -> dict[str, Any]:
    """Like :func:`to_data` for a Core result row's mapping (no ORM objects: fast)."""
    data: dict[str, Any] = {}
    for key, kind in columns(entity):
        value = row[key]
        if value is not None and kind == "datetime":
            value = value.replace(tzinfo=dt.UTC).isoformat()
        elif value is not None and kind == "date":
            value = value.isoformat()
        data[key] = value
    return data


def from_data(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """Column values for the model from wire ``data`` (unknown keys ignored, so a newer
    desktop's extra columns do not break an older one)."""
    out: dict[str, Any] = {}
    for key, kind in columns(entity):
        if key not in data:
            continue
        value = data[key]
        if value is not None and kind == "date":
            value = dt.date.fromisoformat(value)
        elif value is not None and kind == "datetime":
            value = dt.datetime.fromisoformat(value)
            if value.tzinfo is None:
                value = value.replace(tzinfo=dt.UTC)
        out[key] = value
    return out


def get_row(s: Session, entity: str, row_id: str) -> Synced | None:
    model = SYNCED_MODELS[entity]
    return s.query(model).filter(model.id == row_id).one_or_none()
