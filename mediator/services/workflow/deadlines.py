"""The Today view (今日待办): every deadline due soon, due today or overdue, across cases.

Answered from the maintained due-date table ``case_due`` (every unmet deadline
of every open case, kept equal to the domain's rules by :mod:`.due_table`), so
the work grows with the deadlines that need attention, not with the cases on
file: two index ranges on ``(optional, due_date, kind, case_id, seq)`` —

* required deadlines due by ``today + horizon`` (overdue ones included), and
* optional windows (司法确认) still open and closing by the horizon —

merged in display order and cut at ``limit`` (:data:`SHOWN`), their counts from
the same index, and case numbers and names joined for the rows shown only.  A
studio with 50,000 deadlines due today sees the first 500 and how many more.
Each row's state comes from :func:`mediator.domain.deadlines.attention_state`.

Cases a write outside a unit of work left marked stale (an older app of the
same major) are judged live from their case files until the next write
refreshes them, so the answer is always the rules' answer.
"""

from __future__ import annotations

import datetime as dt
import heapq
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, func, literal_column, select, true
from sqlalchemy.orm import Session

from mediator.domain.deadlines import (
    DEFAULT_POLICY,
    OPEN_STATUSES,
    Deadline,
    DeadlineKind,
    DeadlinePolicy,
    attention_state,
    pending_deadlines,
)
from mediator.domain.periods import days_left
from mediator.store.database import Database
from mediator.store.due_models import CaseDue, CaseDueStale
from mediator.store.models import Case, CaseParty, Party

from .dto import DuePage, DueRow
from .due_table import BATCH, readable_files, stale_ids

__all__ = ["DEFAULT_HORIZON_DAYS", "OPEN_STATUSES", "SHOWN", "DeadlineService", "due_page"]

DEFAULT_HORIZON_DAYS = 7
#: Rows the Today view lists at most; the rest are counted ("还有M项").
SHOWN = 500

#: (due date, kind, case id, seq, optional): display order is tuple order.
_Key = tuple[dt.date, str, str, int, bool]


class DeadlineService:
    def __init__(self, db: Database, policy: DeadlinePolicy = DEFAULT_POLICY) -> None:
        self._db = db
        self._policy = policy

    def due(self, today: dt.date | None = None,
            horizon_days: int = DEFAULT_HORIZON_DAYS) -> list[DueRow]:
        """Everything that needs attention, most urgent (most overdue) first."""
        return list(self.due_page(today, horizon_days, limit=None).rows)

    def due_page(self, today: dt.date | None = None,
                 horizon_days: int = DEFAULT_HORIZON_DAYS,
                 limit: int | None = SHOWN) -> DuePage:
        """The first ``limit`` rows of :meth:`due`, with the counts of all of them."""
        today = today or dt.date.today()
        with self._db.read() as s:
            return due_page(s, today, horizon_days, limit, self._policy)


def due_page(s: Session, today: dt.date, horizon_days: int, limit: int | None,
             policy: DeadlinePolicy = DEFAULT_POLICY) -> DuePage:
    """Today's answer inside an open session (the benchmark's bad-input case runs it
    in an uncommitted transaction)."""
    edge = today + dt.timedelta(days=horizon_days)
    stale = stale_ids(s)
    t = CaseDue
    fresh: ColumnElement[bool] = (t.case_id.not_in(select(CaseDueStale.case_id))
                                  if stale else true())
    required = and_(t.optional.is_(False), t.due_date <= edge, fresh)
    window = and_(t.optional.is_(True), t.due_date >= today, t.due_date <= edge, fresh)
    order = (t.due_date, t.kind, t.case_id, t.seq)
    ranges = []
    for where in (required, window):
        q = select(*order, t.optional).where(where).order_by(*order)
        ranges.append([tuple(r) for r in s.execute(q if limit is None else q.limit(limit))])
    keys: list[Any] = list(heapq.merge(*ranges))
    counts = s.execute(select(*(
        select(func.count()).select_from(t).where(*w).scalar_subquery()
        for w in ((required,), (window,), (required, t.due_date < today))))).one()
    total, overdue = int(counts[0]) + int(counts[1]), int(counts[2])
    if stale:
        live = _judged_live(s, stale, today, horizon_days, policy)
        keys = list(heapq.merge(keys, live))
        total += len(live)
        overdue += sum(1 for k in live if k[0] < today)
    if limit is not None:
        keys = keys[:limit]
    latest = s.execute(select(Case.registered_on).where(Case.deleted.is_(False))
                       .order_by(Case.registered_on.desc()).limit(1)).scalar()
    return DuePage(rows=tuple(_rows(s, keys, today, horizon_days)), total=total,
                   overdue=overdue, today=today, horizon_days=horizon_days,
                   latest_registered=latest)


def _judged_live(s: Session, stale: list[str], today: dt.date, horizon_days: int,
                 policy: DeadlinePolicy) -> list[_Key]:
    """The attention keys of cases whose table rows are out of date, from their files."""
    out: list[_Key] = []
    for start in range(0, len(stale), BATCH):
        for cid, case in readable_files(s, stale[start:start + BATCH]):
            for seq, d in enumerate(pending_deadlines(case, policy)):
                if attention_state(d, today, horizon_days) is not None:
                    out.append((d.due, d.kind.value, cid, seq, d.optional))
    return sorted(out)


def _rows(s: Session, keys: Sequence[_Key], today: dt.date, horizon_days: int) -> list[DueRow]:
    """The Today rows with case numbers and principal parties' names (only those listed)."""
    # The ids as one JSON parameter: no bound-parameter limit, one compiled statement.
    ids = {"ids": json.dumps(sorted({k[2] for k in keys}))}
    listed = select(literal_column("value")).select_from(
        func.json_each(bindparam("ids"))).scalar_subquery()
    numbers = {cid: no for cid, no in s.execute(
        select(Case.id, Case.case_no).where(Case.id.in_(listed)), ids)}
    names: dict[str, list[tuple[int, str]]] = defaultdict(list)
    row: Any
    for row in s.execute(
        select(CaseParty.case_id, CaseParty.position, Party.name)
        .join(Party, Party.id == CaseParty.party_id)
        .where(CaseParty.case_id.in_(listed), CaseParty.deleted.is_(False),
               CaseParty.role != "agent"), ids
    ):
        names[row.case_id].append((row.position, row.name))
    out = []
    for due, kind, cid, _seq, optional in keys:
        deadline = Deadline(DeadlineKind(kind), due, optional=optional)
        state = attention_state(deadline, today, horizon_days)
        assert state is not None  # the ranges hold only such deadlines
        out.append(DueRow(case_id=cid, case_no=numbers.get(cid, ""),
                          parties=tuple(n for _p, n in sorted(names.get(cid, []))),
                          kind=kind, label_zh=deadline.label_zh, due=due,
                          state=state.value, days_left=days_left(due, today)))
    return out
