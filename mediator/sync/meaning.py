"""What a row *says*, as opposed to how it was written down: the comparison that
decides whether two versions of a row are a conflict a person must look at.

Why: the server used to record a conflict whenever a stale push's ``data`` was not
byte-for-byte the stored copy.  Two PCs that saved the same correction, or merely
re-saved a form, differ only in ``updated_at`` (display-only bookkeeping, stamped
by each PC's clock), yet the mediator was asked to choose between two identical
records.  Values also travel in more than one spelling — a date-time with or
without its UTC offset or microseconds, an empty text as ``null`` or ``""`` — and
those are the same value to anyone reading the screen or the printed document.

So both sides (the server deciding the push, the desktop recording and showing a
conflict) compare rows through :func:`meaningful`: bookkeeping columns dropped,
each field normalised by its kind in the shared row schema
(:mod:`mediator.sync.schema`).  Like the schema, this module imports neither
SQLAlchemy nor Qt: the server reaches it through :mod:`mediator.sync.protocol`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mediator.sync.schema import fields

# Stamped by the PC that wrote the row, never typed by a person: when it was last
# saved (display only, never used for ordering) and when it was first entered
# (set once; both copies hold the same instant, perhaps spelled differently).
BOOKKEEPING = frozenset({"updated_at", "created_at"})

_MISSING = object()


def _instant(value: Any) -> Any:
    """A date-time as an aware UTC instant to the second (no field a person enters or
    reads carries fractions of a second); the value itself if it is not one."""
    if not isinstance(value, str):
        return value
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if parsed.tzinfo is None:  # the wire's convention: naive means UTC (sync.rows)
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC).replace(microsecond=0)


def _day(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        try:  # a date written as a date-time at midnight
            return dt.datetime.fromisoformat(value).date()
        except ValueError:
            return value


def _normal(kind: str, value: Any) -> Any:
    if kind in {"s", "t"}:
        return "" if value is None else value  # an empty field, however it was saved
    if kind == "l":
        return [] if value is None else value
    if kind == "dt":
        return _instant(value)
    if kind == "d":
        return _day(value)
    return value


def meaningful(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without bookkeeping, every known field in one spelling; a field
    missing from ``data`` reads as empty (an older PC without the column)."""
    out: dict[str, Any] = {}
    known = set()
    for f in fields(entity):
        known.add(f.name)
        if f.name in BOOKKEEPING:
            continue
        out[f.name] = _normal(f.kind, data.get(f.name))
    for key, value in data.items():
        if key not in known and key not in BOOKKEEPING and value is not None:
            out[key] = value  # a newer PC's column: compared as it is
    return out


def differing_fields(entity: str, mine: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """The fields whose meaning differs, in the schema's order (the order of the
    forms), then any unknown ones alphabetically."""
    a, b = meaningful(entity, mine), meaningful(entity, theirs)
    order = [f.name for f in fields(entity)]
    rest = sorted((set(a) | set(b)) - set(order))
    return [k for k in (*order, *rest)
            if k not in BOOKKEEPING and a.get(k, _MISSING) != b.get(k, _MISSING)]


def _without_bookkeeping(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in BOOKKEEPING}


def same_meaning(entity: str, mine: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """True if the two versions differ at most in bookkeeping and spelling."""
    if _without_bookkeeping(mine) == _without_bookkeeping(theirs):
        return True  # the usual case (only updated_at moved): no parsing needed
    return meaningful(entity, mine) == meaningful(entity, theirs)
