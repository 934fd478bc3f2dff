"""The audit log (审计日志): every state change, hash-chained.

Each event's hash is SHA-256 over the previous event's hash and the event's own
canonical JSON, so removing or editing an event breaks :func:`verify_chain`.
Details name fields and codes, never personal values (no names, ID numbers).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from types import SimpleNamespace
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from mediator.domain.ids import new_id
from mediator.store.models import AuditEvent, utcnow


def _digest(prev_hash: str, ev: AuditEvent) -> str:
    payload = json.dumps(
        [prev_hash, ev.id, ev.at.astimezone(dt.UTC).isoformat(), ev.actor, ev.action,
         ev.entity, ev.entity_id, ev.detail],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(session: Session, *, studio_id: str, actor: str, action: str, entity: str = "",
           entity_id: str = "", detail: dict[str, Any] | None = None) -> AuditEvent:
    """Append one event in the caller's transaction."""
    last = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).scalar_one_or_none()
    prev = last or ""
    ev = AuditEvent(studio_id=studio_id, at=utcnow(), actor=actor, action=action,
                    entity=entity, entity_id=entity_id, detail=detail or {}, prev_hash=prev)

    ev.id = new_id()
    ev.hash = _digest(prev, ev)
    session.add(ev)
    session.flush()
    return ev

def record_many(session: Session, events: list[dict[str, Any]]) -> None:
    """Append many events in the caller's transaction, chained in the order given:
    what :func:`record` does for each, with one query and one multi-row INSERT for
    them all (a ledger import writes thousands).  Each dict holds :func:`record`'s
    keywords."""
    if not events:
        return
    last = session.execute(
        select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).scalar_one_or_none()
    prev = last or ""
    rows = []
    for fields in events:
        ev = SimpleNamespace(**{"studio_id": "", "entity": "", "entity_id": "", "detail": {},
                                **fields, "id": new_id(), "at": utcnow(), "prev_hash": prev})
        ev.hash = _digest(prev, ev)  # type: ignore[arg-type]  # the fields _digest reads
        rows.append(vars(ev))
        prev = ev.hash
    session.execute(insert(AuditEvent), rows)


def verify_chain(session: Session) -> int | None:
    """The seq of the first broken event, or None if the whole chain holds."""
    prev = ""
    for ev in session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars():
        expected = _digest(prev, ev)
        if ev.prev_hash != prev or ev.hash != expected:
            return ev.seq
        prev = ev.hash
    return None
