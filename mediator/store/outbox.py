"""The outbox: every local change to a synced row, written in the same transaction.

The sync engine pushes the *current* state of each listed row (so several edits
of one row between syncs travel once) and removes the entries it pushed.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mediator.store.models import OutboxEntry


def enqueue(session: Session, entity: str, entity_id: str, op: str = "upsert") -> None:
    session.add(OutboxEntry(entity=entity, entity_id=entity_id, op=op))


def pending_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(OutboxEntry)).scalar_one())
