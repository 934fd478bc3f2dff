"""期限 — the deadline engine behind the Today view and the completeness check.

Four kinds of deadline follow from a case file:

* 调解期限 — a case is normally concluded within one month of registration,
  extendable with the consent of *every* party; a court-entrusted case has 30
  days plus at most 30 more (DOMAIN.md, "Practice").
* 司法确认申请期限 — 30 days from the day the agreement took effect (optional:
  it "lapses" rather than becomes overdue).
* 履行期限 — each obligation of the agreement.
* 回访 — a follow-up visit is due a set number of days after the last
  performance deadline (or after the agreement, if everything was performed on
  signing).  The number is the studio's policy, not law; :class:`DeadlinePolicy`
  holds it.

Periods are counted by :mod:`mediator.domain.periods` (民法典 art. 201-203).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from mediator.domain.agreement import effective_on
from mediator.domain.casefile import AgreementForm, CaseFile, Extension
from mediator.domain.judicial import WINDOW_DAYS, eligibility_findings
from mediator.domain.periods import RestDay, day_period_end, days_left, month_period_end
from mediator.domain.status import CaseStatus


class DeadlineKind(enum.StrEnum):
    MEDIATION = "mediation"  # 调解期限
    JUDICIAL_WINDOW = "judicial_window"  # 司法确认申请期限
    PERFORMANCE = "performance"  # 履行期限
    FOLLOW_UP = "follow_up"  # 回访

    @property
    def label_zh(self) -> str:
        return DEADLINE_LABELS_ZH[self]


DEADLINE_LABELS_ZH: dict[DeadlineKind, str] = {
    DeadlineKind.MEDIATION: "调解期限",
    DeadlineKind.JUDICIAL_WINDOW: "司法确认申请期限",
    DeadlineKind.PERFORMANCE: "履行期限",
    DeadlineKind.FOLLOW_UP: "回访",
}


class DeadlineState(enum.StrEnum):
    OPEN = "open"  # more than ``due_soon_days`` left
    DUE_SOON = "due_soon"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    MET = "met"  # done on or before the due day
    MET_LATE = "met_late"  # done, but after the due day
    LAPSED = "lapsed"  # an optional window that closed unused


@dataclass(frozen=True)
class DeadlinePolicy:
    """The studio's settings for deadlines; the defaults follow DOMAIN.md."""

    mediation_months: int = 1
    court_entrusted_days: int = 30
    court_extension_max_days: int = 30
    follow_up_days: int = 15  # after the last performance deadline
    due_soon_days: int = 3
    is_rest_day: RestDay | None = field(default=None, compare=False)


DEFAULT_POLICY = DeadlinePolicy()


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    due: dt.date
    done_on: dt.date | None = None
    optional: bool = False
    ref: str = ""  # the obligation id for a performance deadline

    def state(self, today: dt.date, *, due_soon_days: int = 3) -> DeadlineState:
        if self.done_on is not None:
            return DeadlineState.MET if self.done_on <= self.due else DeadlineState.MET_LATE
        left = days_left(self.due, today)
        if left < 0:
            return DeadlineState.LAPSED if self.optional else DeadlineState.OVERDUE
        if left == 0:
            return DeadlineState.DUE_TODAY
        return DeadlineState.DUE_SOON if left <= due_soon_days else DeadlineState.OPEN

    @property
    def label_zh(self) -> str:
        return self.kind.label_zh


def base_mediation_due(case: CaseFile, policy: DeadlinePolicy = DEFAULT_POLICY) -> dt.date:
    """The mediation term before any extension."""
    if case.court_entrusted:
        return day_period_end(
            case.registered_on, policy.court_entrusted_days, is_rest_day=policy.is_rest_day
        )
    return month_period_end(
        case.registered_on, policy.mediation_months, is_rest_day=policy.is_rest_day
    )


def extension_problems(
    case: CaseFile, ext: Extension, current_due: dt.date, policy: DeadlinePolicy = DEFAULT_POLICY
) -> list[str]:
    """Why ``ext`` cannot extend a term that currently ends on ``current_due``."""
    out: list[str] = []
    missing = [p.label for p in case.principals if p.id not in ext.consented_by]
    if missing:
        out.append("延长调解期限须经全部当事人同意，未同意：" + "、".join(missing))
    if ext.granted_on > current_due:
        out.append(f"调解期限已于{current_due:%Y年%m月%d日}届满，不能事后延长")
    if ext.new_due <= current_due:
        out.append("延长后的期限应晚于原期限")
    if case.court_entrusted:
        cap = base_mediation_due(case, policy) + dt.timedelta(days=policy.court_extension_max_days)
        if ext.new_due > cap:
            out.append(
                f"法院委托调解最多延长{policy.court_extension_max_days}日（至{cap:%Y年%m月%d日}）"
            )
    return out


def mediation_due(case: CaseFile, policy: DeadlinePolicy = DEFAULT_POLICY) -> dt.date:
    """The mediation term with every *valid* extension applied, in the order granted."""
    due = base_mediation_due(case, policy)
    for ext in sorted(case.extensions, key=lambda e: e.granted_on):
        if not extension_problems(case, ext, due, policy):
            due = ext.new_due
    return due


def follow_up_due(case: CaseFile, policy: DeadlinePolicy = DEFAULT_POLICY) -> dt.date | None:
    """When the follow-up visit is due; None when no agreement calls for one."""
    a = case.agreement
    if a is None:
        return None
    start = effective_on(case) or a.reached_on
    dues = [ob.due for ob in a.obligations if ob.due is not None]
    anchor = max([start, *dues])
    return day_period_end(anchor, policy.follow_up_days, is_rest_day=policy.is_rest_day)


def case_deadlines(case: CaseFile, policy: DeadlinePolicy = DEFAULT_POLICY) -> list[Deadline]:
    """Every deadline of the case, met or not, in due-date order."""
    out: list[Deadline] = []
    if case.refusal is None:
        out.append(
            Deadline(
                DeadlineKind.MEDIATION, mediation_due(case, policy), case.mediation_concluded_on
            )
        )
    a = case.agreement
    if a is not None:
        for ob in a.obligations:
            due = ob.due or a.reached_on
            out.append(Deadline(DeadlineKind.PERFORMANCE, due, ob.performed_on, ref=ob.id))
        fu_due = follow_up_due(case, policy)
        if fu_due is not None:
            after = [f.on for f in case.follow_ups if f.on >= a.reached_on]
            out.append(Deadline(DeadlineKind.FOLLOW_UP, fu_due, min(after, default=None)))
        start = effective_on(case)
        if start is not None and a.form is AgreementForm.WRITTEN and not eligibility_findings(case):
            last = day_period_end(start, WINDOW_DAYS, is_rest_day=policy.is_rest_day)
            applied = case.judicial.applied_on if case.judicial else None
            out.append(Deadline(DeadlineKind.JUDICIAL_WINDOW, last, applied, optional=True))
    return sorted(out, key=lambda d: d.due)


@dataclass(frozen=True)
class DueItem:
    """One line of the Today view: a case's deadline that needs attention."""

    case_id: str
    deadline: Deadline
    state: DeadlineState
    days_left: int


_ATTENTION = {DeadlineState.DUE_SOON, DeadlineState.DUE_TODAY, DeadlineState.OVERDUE}
_CLOSED = {CaseStatus.ARCHIVED, CaseStatus.REFUSED}
#: Statuses whose cases can have an unmet deadline.  A terminated case's only
#: deadline (the mediation term) is met by the termination itself.
OPEN_STATUSES = frozenset(CaseStatus) - {CaseStatus.ARCHIVED, CaseStatus.REFUSED,
                                         CaseStatus.TERMINATED}


def pending_deadlines(case: CaseFile, policy: DeadlinePolicy = DEFAULT_POLICY) -> list[Deadline]:
    """The deadlines of an open case not yet met, in :func:`case_deadlines` order.

    Whether one needs attention then depends only on the day asked about
    (:func:`attention_state`), so this list is what the store keeps per case for
    the Today view (``case_due``), recomputed whenever the case file changes.
    """
    if case.status not in OPEN_STATUSES:
        return []
    return [d for d in case_deadlines(case, policy) if d.done_on is None]


def attention_state(deadline: Deadline, today: dt.date, soon_days: int) -> DeadlineState | None:
    """The deadline's state on ``today`` if it needs attention (due within
    ``soon_days``, due today, overdue), else None (open, met, or a lapsed window)."""
    state = deadline.state(today, due_soon_days=soon_days)
    return state if state in _ATTENTION else None


def due_items(
    cases: Iterable[tuple[str, CaseFile]],
    today: dt.date,
    policy: DeadlinePolicy = DEFAULT_POLICY,
    *,
    horizon_days: int | None = None,
) -> list[DueItem]:
    """What is due or overdue across all cases, most urgent first.

    ``horizon_days`` widens "due soon" for the view (default: the policy's).
    Archived and refused cases never appear; an optional window appears only
    while it is still open.
    """
    soon = policy.due_soon_days if horizon_days is None else horizon_days
    items: list[DueItem] = []
    for case_id, case in cases:
        if case.status in _CLOSED:
            continue
        for d in case_deadlines(case, policy):
            state = attention_state(d, today, soon)
            if state is not None:
                items.append(DueItem(case_id, d, state, days_left(d.due, today)))
    return sorted(items, key=lambda i: (i.days_left, i.deadline.kind.value, i.case_id))
