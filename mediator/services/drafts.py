"""Autosaved drafts of unfinished forms (local only, never synced).

A crash while typing loses at most the seconds since the last autosave: drafts
are written through the same durable SQLite (WAL, synchronous=FULL) as cases.
The service is free to construct (the GUI holds one); its calls do database
work and belong on the worker thread, where the ORM is imported on first use.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mediator.errors import ValidationError

if TYPE_CHECKING:
    from mediator.store.database import Database

MAX_DRAFT_BYTES = 2_000_000


class DraftService:
    def __init__(self, db: Callable[[], Database]) -> None:
        self._db = db

    def save(self, kind: str, key: str, payload: dict[str, Any]) -> None:
        from mediator.store.models import Draft  # noqa: PLC0415 - ORM on the worker only

        size = len(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        if size > MAX_DRAFT_BYTES:
            raise ValidationError("草稿内容过大，无法自动保存。", field="draft")
        with self._db().write() as s:
            draft = s.get(Draft, (kind, key))
            if draft is None:
                s.add(Draft(kind=kind, key=key, payload=payload))
            else:
                draft.payload = payload

    def load(self, kind: str, key: str) -> dict[str, Any] | None:
        from mediator.store.models import Draft  # noqa: PLC0415

        with self._db().read() as s:
            draft = s.get(Draft, (kind, key))
            return dict(draft.payload) if draft is not None else None

    def discard(self, kind: str, key: str) -> None:
        from sqlalchemy import delete  # noqa: PLC0415

        from mediator.store.models import Draft  # noqa: PLC0415

        with self._db().write() as s:
            s.execute(delete(Draft).where(Draft.kind == kind, Draft.key == key))

    def keys(self, kind: str) -> list[str]:
        from sqlalchemy import select  # noqa: PLC0415

        from mediator.store.models import Draft  # noqa: PLC0415

        with self._db().read() as s:
            return list(s.execute(select(Draft.key).where(Draft.kind == kind)
                                  .order_by(Draft.updated_at.desc())).scalars())
