"""The Today view (今日待办): every deadline due soon, due today or overdue, across cases.

Fast at any size (a studio with 100 000 files opens Today in well under a second):
SQL narrows the open cases to those that *can* have a deadline needing
attention by ``today + horizon``, and only those are judged by the domain's
deadline rules (:func:`mediator.domain.deadlines.due_items`), so the answer is
the rules' answer:

* a case still in mediation (no agreement, termination or refusal, no
  extension) has only the mediation term, which ends no earlier than
  ``registered_on`` + the shortest term: those old enough are read as four
  columns and judged without loading anything else;
* every other candidate — an unperformed obligation due by the horizon, a
  follow-up not yet visited once it can be due, a judicial-confirmation window
  closing within the horizon, an extended term — is loaded whole
  (:func:`.snapshot.load_casefiles`, column-only queries) and judged.

Archived, refused and terminated cases are left out in SQL (the status index).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, exists, func, not_, or_, select
from sqlalchemy.orm import Session

from mediator.domain.casefile import CaseFile
from mediator.domain.deadlines import DEFAULT_POLICY, DeadlinePolicy, DueItem, due_items
from mediator.domain.judicial import WINDOW_DAYS
from mediator.domain.periods import day_period_end
from mediator.domain.status import CaseStatus
from mediator.store.database import Database
from mediator.store.models import Agreement, Case, CaseParty, FollowUp, Party
from mediator.store.workflow_models import (
    AgreementDetail,
    CaseWorkflow,
    JudicialApplication,
    Obligation,
    TermExtension,
)

from .dto import DueRow
from .snapshot import AGREEMENT_KINDS, load_casefiles

#: Statuses whose cases can have an unmet deadline.  A terminated case's only
#: deadline (the mediation term) is met by the termination itself.
OPEN_STATUSES = frozenset(CaseStatus) - {CaseStatus.ARCHIVED, CaseStatus.REFUSED,
                                         CaseStatus.TERMINATED}
DEFAULT_HORIZON_DAYS = 7
_CHUNK = 5000  # case ids per load (SQLite allows 32766 bound parameters)


class DeadlineService:
    def __init__(self, db: Database, policy: DeadlinePolicy = DEFAULT_POLICY) -> None:
        self._db = db
        self._policy = policy

    def due(self, today: dt.date | None = None,
            horizon_days: int = DEFAULT_HORIZON_DAYS) -> list[DueRow]:
        """What needs attention, most urgent (most overdue) first."""
        today = today or dt.date.today()
        with self._db.read() as s:
            files = _candidates(s, today, horizon_days, self._policy)
            items = due_items(files, today, self._policy, horizon_days=horizon_days)
            if not items:
                return []
            return _rows(s, items)


def _candidates(s: Session, today: dt.date, horizon_days: int,
                policy: DeadlinePolicy) -> Iterable[tuple[str, CaseFile]]:
    """(case id, case file) of every open case that may need attention by the horizon."""
    edge = today + dt.timedelta(days=max(horizon_days, policy.due_soon_days))
    shortest_term = min(28 * policy.mediation_months, policy.court_entrusted_days)
    term_edge = edge - dt.timedelta(days=shortest_term)
    c = Case
    open_case = and_(c.status.in_(sorted(OPEN_STATUSES)), c.deleted.is_(False))
    has_agreement = exists().where(Agreement.case_id == c.id, Agreement.deleted.is_(False),
                                   Agreement.kind.in_(AGREEMENT_KINDS))
    concluded = exists().where(CaseWorkflow.case_id == c.id, CaseWorkflow.deleted.is_(False),
                               or_(CaseWorkflow.terminated_on.is_not(None),
                                   CaseWorkflow.refused_on.is_not(None)))
    extended = exists().where(TermExtension.case_id == c.id, TermExtension.deleted.is_(False))
    out: list[tuple[str, CaseFile]] = []
    # 1. In mediation, nothing but the term: judged from four columns.
    for cid, status, source, dispute_type, registered_on in s.execute(
        select(c.id, c.status, c.source, c.dispute_type, c.registered_on)
        .where(open_case, c.registered_on <= term_edge, not_(has_agreement),
               not_(concluded), not_(extended))
    ):
        out.append((cid, CaseFile(status=CaseStatus(status), source=source,
                                  dispute_type=dispute_type, registered_on=registered_on,
                                  parties=())))
    # 2. Everything else that may be due by the horizon: loaded whole, judged by the rules.
    pending_obligation = exists().where(
        Obligation.case_id == c.id, Obligation.deleted.is_(False),
        Obligation.performed_on.is_(None),
        or_(Obligation.due.is_(None), Obligation.due <= edge))
    reached = (select(func.max(AgreementDetail.reached_on))
               .where(AgreementDetail.case_id == c.id, AgreementDetail.deleted.is_(False))
               .correlate(c).scalar_subquery())
    visited = exists().where(FollowUp.case_id == c.id, FollowUp.deleted.is_(False),
                             FollowUp.visited_on >= func.coalesce(reached, c.registered_on))
    # The visit is due follow_up_days after the agreement and after its last obligation.
    fu_edge = edge - dt.timedelta(days=policy.follow_up_days)
    late_obligation = exists().where(
        Obligation.case_id == c.id, Obligation.deleted.is_(False), Obligation.due > fu_edge,
        Obligation.agreement_id.in_(select(Agreement.id).where(
            Agreement.case_id == c.id, Agreement.kind.in_(AGREEMENT_KINDS))))
    follow_up_pending = and_(
        has_agreement, not_(visited), not_(late_obligation),
        func.coalesce(reached, c.registered_on) <= fu_edge)
    window_start_from = _first_open_window_start(today, policy)
    window_start_to = edge - dt.timedelta(days=WINDOW_DAYS)
    window_closing = and_(
        not_(exists().where(JudicialApplication.case_id == c.id,
                            JudicialApplication.deleted.is_(False))),
        or_(exists().where(Agreement.case_id == c.id, Agreement.deleted.is_(False),
                           Agreement.kind == "written",
                           Agreement.effective_on.between(window_start_from, window_start_to)),
            exists().where(AgreementDetail.case_id == c.id, AgreementDetail.deleted.is_(False),
                           AgreementDetail.completed_on.between(window_start_from,
                                                                window_start_to))))
    extended_term = and_(extended, not_(has_agreement), not_(concluded),
                         c.registered_on <= term_edge)
    heavy = select(c.id).where(open_case, or_(pending_obligation, follow_up_pending,
                                              window_closing, extended_term))
    ids = list(s.execute(heavy).scalars())
    for start in range(0, len(ids), _CHUNK):  # ids as values: the filter runs once
        chunk = select(c.id).where(c.id.in_(ids[start:start + _CHUNK]))
        out.extend(load_casefiles(s, chunk).items())
    return out


def _first_open_window_start(today: dt.date, policy: DeadlinePolicy) -> dt.date:
    """The earliest day a judicial-confirmation window can have started and still be
    open today (its last day moves past rest days)."""
    start = today - dt.timedelta(days=WINDOW_DAYS)
    for _ in range(60):
        earlier = start - dt.timedelta(days=1)
        if day_period_end(earlier, WINDOW_DAYS, is_rest_day=policy.is_rest_day) < today:
            break
        start = earlier
    return start


def _rows(s: Session, items: list[DueItem]) -> list[DueRow]:
    """The Today rows with case numbers and principal parties' names (only those listed)."""
    ids = sorted({i.case_id for i in items})
    numbers: dict[str, str] = {}
    names: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit
        chunk = ids[start:start + 900]
        numbers.update((cid, no) for cid, no in s.execute(
            select(Case.id, Case.case_no).where(Case.id.in_(chunk))))
        row: Any
        for row in s.execute(
            select(CaseParty.case_id, CaseParty.position, Party.name)
            .join(Party, Party.id == CaseParty.party_id)
            .where(CaseParty.case_id.in_(chunk), CaseParty.deleted.is_(False),
                   CaseParty.role != "agent")
        ):
            names[row.case_id].append((row.position, row.name))
    return [
        DueRow(case_id=i.case_id, case_no=numbers.get(i.case_id, ""),
               parties=tuple(n for _p, n in sorted(names.get(i.case_id, []))),
               kind=i.deadline.kind.value, label_zh=i.deadline.label_zh,
               due=i.deadline.due, state=i.state.value, days_left=i.days_left)
        for i in items
    ]
