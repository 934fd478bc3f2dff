"""The Today view (今日待办): every deadline due soon, due today or overdue, across cases.

Only cases that can still have an open deadline are read: archived, refused and
terminated cases are left out in SQL (the status index), and the remaining
files are loaded with one column-only query per table (:mod:`.snapshot`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select

from mediator.domain.deadlines import due_items
from mediator.domain.status import CaseStatus
from mediator.store.database import Database
from mediator.store.models import Case, CaseParty, Party

from .dto import DueRow
from .snapshot import load_casefiles

#: Statuses whose cases can have an unmet deadline.  A terminated case's only
#: deadline (the mediation term) is met by the termination itself.
OPEN_STATUSES = frozenset(CaseStatus) - {CaseStatus.ARCHIVED, CaseStatus.REFUSED,
                                         CaseStatus.TERMINATED}
DEFAULT_HORIZON_DAYS = 7


class DeadlineService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def due(self, today: dt.date | None = None,
            horizon_days: int = DEFAULT_HORIZON_DAYS) -> list[DueRow]:
        """What needs attention, most urgent (most overdue) first."""
        today = today or dt.date.today()
        open_ids = select(Case.id).where(Case.status.in_(sorted(OPEN_STATUSES)),
                                         Case.deleted.is_(False))
        with self._db.read() as s:
            files = load_casefiles(s, open_ids)
            items = due_items(files.items(), today, horizon_days=horizon_days)
            if not items:
                return []
            numbers = {cid: no for cid, no in s.execute(
                select(Case.id, Case.case_no).where(Case.id.in_(open_ids)))}
            names: dict[str, list[tuple[int, str]]] = defaultdict(list)
            for case_id, pos, name in s.execute(
                select(CaseParty.case_id, CaseParty.position, Party.name)
                .join(Party, Party.id == CaseParty.party_id)
                .where(CaseParty.case_id.in_(open_ids), CaseParty.deleted.is_(False),
                       CaseParty.role != "agent")
            ):
                names[case_id].append((pos, name))
        return [
            DueRow(case_id=i.case_id, case_no=numbers.get(i.case_id, ""),
                   parties=tuple(n for _p, n in sorted(names.get(i.case_id, []))),
                   kind=i.deadline.kind.value, label_zh=i.deadline.label_zh,
                   due=i.deadline.due, state=i.state.value, days_left=i.days_left)
            for i in items
        ]
