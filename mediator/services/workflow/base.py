"""The shared shape of every workflow use case: one unit of work per public method.

A use case opens a :class:`Unit` on one case: it loads the case row (refusing a
deleted or missing case), lets the use case add or change rows, and on the way
out checks the lifecycle rule that applies, records the change in the outbox
and the audit log — all in the one SQLite transaction, so either everything is
saved or nothing is (a refused transition rolls back the record that asked
for it; the form still holds what was typed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediator.domain.casefile import CaseFile
from mediator.domain.lifecycle import (
    RecordKind,
    check_can_record,
    check_not_archived,
    check_transition,
)
from mediator.domain.status import CaseStatus
from mediator.errors import NotFoundError, ValidationError
from mediator.store import audit, outbox
from mediator.store.database import Database
from mediator.store.models import Case, CaseParty, Mediator, Studio, Synced
from mediator.store.tables import SYNCED_MODELS
from mediator.store.workflow_models import CaseWorkflow

from .snapshot import load_casefile

Context = Callable[[], tuple[Studio, Mediator]]

def entity_name(row: Synced) -> str:
    """The sync entity name of a row (``SYNCED_MODELS`` key)."""
    for name, cls in SYNCED_MODELS.items():
        if type(row) is cls:
            return name
    raise KeyError(type(row).__name__)


class Unit:
    """One case inside one write transaction."""

    def __init__(self, s: Session, case: Case, studio: Studio, mediator: Mediator) -> None:
        self.s = s
        self.case = case
        self.studio = studio
        self.mediator = mediator
        self._touched: dict[tuple[str, str], None] = {}

    @property
    def status(self) -> CaseStatus:
        return CaseStatus(self.case.status)

    def require(self, kind: RecordKind) -> None:
        """Refuse a record the case's stage does not allow (agreement before acceptance)."""
        check_can_record(self.status, kind)

    def add(self, row: Synced) -> Any:
        """Add a new synced row of this case (studio set, outbox entry queued)."""
        row.studio_id = self.studio.id
        self.s.add(row)
        self.s.flush()
        self.touch(row)
        return row

    def touch(self, row: Synced) -> None:
        """Queue ``row`` for sync (once per unit of work)."""
        key = (entity_name(row), row.id)
        if key not in self._touched:
            self._touched[key] = None
            outbox.enqueue(self.s, key[0], key[1])

    def workflow(self) -> CaseWorkflow:
        """The case's lifecycle-facts row, made on first use."""
        row = self.s.execute(select(CaseWorkflow).where(CaseWorkflow.case_id == self.case.id)
                             ).scalar_one_or_none()
        if row is None:
            row = self.add(CaseWorkflow(case_id=self.case.id))
        return row

    def party_ids(self, *, principals_only: bool = False) -> set[str]:
        q = select(CaseParty.id, CaseParty.role).where(CaseParty.case_id == self.case.id,
                                                       CaseParty.deleted.is_(False))
        return {pid for pid, role in self.s.execute(q)
                if not principals_only or role != "agent"}

    def check_parties(self, ids: Sequence[str], path: str) -> None:
        known = self.party_ids()
        if any(i not in known for i in ids):
            raise ValidationError("所选当事人不属于本案，请刷新后重试", field=path)

    def snapshot(self) -> CaseFile:
        self.s.flush()
        return load_casefile(self.s, self.case.id)

    def move(self, target: CaseStatus, today: dt.date) -> None:
        """Change the case's status if the rules allow it now (raises TransitionError)."""
        before = self.status
        check_transition(self.snapshot(), target, today)
        self.case.status = target.value
        self.touch(self.case)
        self.audit("case.status", {"from": before.value, "to": target.value})

    def audit(self, action: str, detail: dict[str, Any] | None = None,
              entity: str = "case", entity_id: str | None = None) -> None:
        """Append an audit event: codes, counts and dates only, never personal values."""
        audit.record(self.s, studio_id=self.studio.id, actor=self.mediator.id, action=action,
                     entity=entity, entity_id=entity_id or self.case.id, detail=detail or {})


class WorkflowPart:
    """Base of the use-case groups: the database and who is working."""

    def __init__(self, db: Database, context: Context) -> None:
        self._db = db
        self._context = context

    @contextmanager
    def _unit(self, case_id: str, *, archived_ok: bool = False) -> Iterator[Unit]:
        """The case in one write transaction; an archived case is refused
        (CaseArchivedError) unless the use case is one an archive allows."""
        studio, mediator = self._context()
        with self._db.write() as s:
            case = s.execute(select(Case).where(Case.id == case_id, Case.deleted.is_(False))
                             ).scalar_one_or_none()
            if case is None:
                raise NotFoundError("找不到这个案件，可能已被删除。")
            if not archived_ok:
                check_not_archived(CaseStatus(case.status))
            unit = Unit(s, case, studio, mediator)
            yield unit
