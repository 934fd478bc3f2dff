"""The lifecycle state machine of a case (DOMAIN.md, "Lifecycle of a case").

Legal moves (``TRANSITIONS``)::

    registered    -> notified | refused | terminated
    notified      -> investigating | mediating | terminated
    investigating -> mediating | terminated
    mediating     -> agreed | terminated
    agreed        -> performing | followed_up | confirming
    performing    -> followed_up | confirming
    followed_up   -> confirming | archived
    confirming    -> performing | followed_up | archived
    terminated    -> archived
    refused       -> archived
    archived      (final)

Two questions are answered here, both over a :class:`CaseFile`:

* :func:`check_transition` — may the case move to that status now?  A step that
  skips stages, or whose prerequisites are missing, raises
  :class:`~mediator.errors.TransitionError` whose ``missing`` lists what must be
  done first, in Chinese ("被申请人（第1位）尚未签收权利义务告知书").  Pass the
  snapshot *with* the record that motivates the move (the first session record
  when moving to mediating), so the rule sees it.
* :func:`check_can_record` — may this kind of record be added in the current
  status?  (An agreement before acceptance, a follow-up before an agreement.)

Status codes are the stable English values of :class:`CaseStatus`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import deque
from collections.abc import Callable

from mediator.domain.agreement import agreement_findings
from mediator.domain.casefile import CaseFile
from mediator.domain.completeness import (
    acceptance_findings,
    check_case,
    notice_findings,
    refusal_findings,
    session_findings,
    termination_findings,
)
from mediator.domain.deadlines import DEFAULT_POLICY, DeadlinePolicy
from mediator.domain.findings import Finding, Severity, Step, errors
from mediator.domain.judicial import application_findings
from mediator.domain.status import CaseStatus
from mediator.errors import CaseArchivedError, TransitionError

S = CaseStatus

TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    S.REGISTERED: frozenset({S.NOTIFIED, S.REFUSED, S.TERMINATED}),
    S.NOTIFIED: frozenset({S.INVESTIGATING, S.MEDIATING, S.TERMINATED}),
    S.INVESTIGATING: frozenset({S.MEDIATING, S.TERMINATED}),
    S.MEDIATING: frozenset({S.AGREED, S.TERMINATED}),
    S.AGREED: frozenset({S.PERFORMING, S.FOLLOWED_UP, S.CONFIRMING}),
    S.PERFORMING: frozenset({S.FOLLOWED_UP, S.CONFIRMING}),
    S.FOLLOWED_UP: frozenset({S.CONFIRMING, S.ARCHIVED}),
    S.CONFIRMING: frozenset({S.PERFORMING, S.FOLLOWED_UP, S.ARCHIVED}),
    S.TERMINATED: frozenset({S.ARCHIVED}),
    S.REFUSED: frozenset({S.ARCHIVED}),
    S.ARCHIVED: frozenset(),
}

TERMINAL: frozenset[CaseStatus] = frozenset({S.ARCHIVED})


def _e(step: Step, code: str, message: str) -> Finding:
    return Finding(code, message, step, Severity.ERROR)


def _needs_notified(case: CaseFile, today: dt.date, policy: DeadlinePolicy) -> list[Finding]:
    too_few = [f for f in acceptance_findings(case) if f.code == "parties.too_few"]
    return too_few + [f for f in notice_findings(case) if f.code == "notice.missing"]


def _needs_investigating(case: CaseFile, today: dt.date, policy: DeadlinePolicy) -> list[Finding]:
    if not case.investigations:
        return [_e(Step.INVESTIGATE, "investigation.missing", "尚无调查记录")]
    return []


def _needs_mediating(case: CaseFile, today: dt.date, policy: DeadlinePolicy) -> list[Finding]:
    out = list(notice_findings(case))
    if not case.sessions:
        out.append(_e(Step.MEDIATE, "session.missing", "尚无人民调解记录"))
    out += [f for f in session_findings(case) if f.code == "session.privacy"]
    return out


def _needs_agreed(case: CaseFile, today: dt.date, policy: DeadlinePolicy) -> list[Finding]:
    return errors(agreement_findings(case))


def _needs_terminated(case: CaseFile, today: dt.date, policy: DeadlinePolicy) -> list[Finding]:
    return termination_findings(case)


def _needs_refused(case: CaseFile, today: dt.date, policy: DeadlinePolicy) -> list[Finding]:
    return refusal_findings(case)


def _needs_performing(case: CaseFile, today: dt.date, policy: DeadlinePolicy) -> list[Finding]:
    if case.agreement is None or not case.agreement.obligations:
        return [_e(Step.PERFORM, "performance.none", "协议没有列出履行事项（履行方式、期限）")]
    return []


def _needs_followed_up(case: CaseFile, today: dt.date, policy: DeadlinePolicy) -> list[Finding]:
    a = case.agreement
    visits = [f for f in case.follow_ups if a is None or f.on >= a.reached_on]
    if not visits:
        return [_e(Step.FOLLOW_UP, "follow_up.missing", "尚无回访记录")]
    latest = max(visits, key=lambda f: f.on)
    if latest.performed is None:
        return [_e(Step.FOLLOW_UP, "follow_up.performance", "回访记录未写明协议是否履行")]
    return []


def _needs_confirming(case: CaseFile, today: dt.date, policy: DeadlinePolicy) -> list[Finding]:
    return errors(application_findings(case, is_rest_day=policy.is_rest_day))


def _needs_archived(case: CaseFile, today: dt.date, policy: DeadlinePolicy) -> list[Finding]:
    return list(check_case(case, today, policy, for_archive=True).errors)


_REQUIREMENTS: dict[CaseStatus, Callable[[CaseFile, dt.date, DeadlinePolicy], list[Finding]]] = {
    S.NOTIFIED: _needs_notified,
    S.INVESTIGATING: _needs_investigating,
    S.MEDIATING: _needs_mediating,
    S.AGREED: _needs_agreed,
    S.TERMINATED: _needs_terminated,
    S.REFUSED: _needs_refused,
    S.PERFORMING: _needs_performing,
    S.FOLLOWED_UP: _needs_followed_up,
    S.CONFIRMING: _needs_confirming,
    S.ARCHIVED: _needs_archived,
}


def _path(start: CaseStatus, goal: CaseStatus) -> list[CaseStatus] | None:
    """Shortest chain of legal moves from ``start`` to ``goal`` (both included)."""
    queue: deque[list[CaseStatus]] = deque([[start]])
    seen = {start}
    while queue:
        chain = queue.popleft()
        for nxt in sorted(TRANSITIONS[chain[-1]]):
            if nxt == goal:
                return [*chain, nxt]
            if nxt not in seen:
                seen.add(nxt)
                queue.append([*chain, nxt])
    return None


def missing_for(
    case: CaseFile,
    target: CaseStatus,
    today: dt.date,
    policy: DeadlinePolicy = DEFAULT_POLICY,
) -> list[Finding]:
    """What keeps ``case`` from moving to ``target`` now; empty when the move is allowed."""
    current = case.status
    if target in TRANSITIONS[current]:
        return _REQUIREMENTS[target](case, today, policy)
    if current in TERMINAL:
        return [_e(Step.ARCHIVE, "lifecycle.closed", "案件已归档，不能再变更状态")]
    if target == current:
        return [_e(Step.ACCEPT, "lifecycle.same", f"案件已经是“{current.label_zh}”状态")]
    chain = _path(current, target)
    if chain is None:
        return [
            _e(
                Step.ACCEPT,
                "lifecycle.backwards",
                f"案件不能从“{current.label_zh}”退回或转为“{target.label_zh}”",
            )
        ]
    return [
        _e(Step.ACCEPT, "lifecycle.skipped", f"须先经过“{status.label_zh}”阶段")
        for status in chain[1:-1]
    ]


def allowed_transitions(
    case: CaseFile, today: dt.date, policy: DeadlinePolicy = DEFAULT_POLICY
) -> list[CaseStatus]:
    """The statuses the case may move to right now (for the UI's action buttons)."""
    return [t for t in sorted(TRANSITIONS[case.status]) if not missing_for(case, t, today, policy)]


def check_transition(
    case: CaseFile,
    target: CaseStatus,
    today: dt.date,
    policy: DeadlinePolicy = DEFAULT_POLICY,
) -> None:
    """Raise :class:`TransitionError` unless ``case`` may move to ``target`` now."""
    missing = missing_for(case, target, today, policy)
    if not missing:
        return
    lines = [f.message for f in missing]
    head = f"案件不能从“{case.status.label_zh}”转为“{target.label_zh}”"
    shown = "；".join(lines[:3]) + ("等" if len(lines) > 3 else "")
    raise TransitionError(f"{head}：{shown}", missing=lines)


class RecordKind(enum.StrEnum):
    """Kinds of entry a mediator adds to a case file."""

    NOTICE = "notice"  # 权利义务告知书 acknowledged by a party
    INVESTIGATION = "investigation"  # 调查记录
    SESSION = "session"  # 人民调解记录
    EXTENSION = "extension"  # 延长调解期限
    AGREEMENT = "agreement"  # 调解协议 (drafting and signing)
    TERMINATION = "termination"  # 调解终止
    REFUSAL = "refusal"  # 不予受理
    PERFORMANCE = "performance"  # 履行情况
    FOLLOW_UP = "follow_up"  # 回访
    JUDICIAL_APPLICATION = "judicial_application"  # 司法确认申请
    JUDICIAL_RULING = "judicial_ruling"  # the court's ruling
    RETENTION = "retention"  # 保管期限 chosen before archiving
    ATTACHMENT = "attachment"  # photos, scans, proofs
    LEGAL_HOLD = "legal_hold"


RECORD_LABELS_ZH: dict[RecordKind, str] = {
    RecordKind.NOTICE: "权利义务告知书签收",
    RecordKind.INVESTIGATION: "调查记录",
    RecordKind.SESSION: "调解记录",
    RecordKind.EXTENSION: "延长调解期限",
    RecordKind.AGREEMENT: "调解协议",
    RecordKind.TERMINATION: "调解终止",
    RecordKind.REFUSAL: "不予受理",
    RecordKind.PERFORMANCE: "履行情况",
    RecordKind.FOLLOW_UP: "回访记录",
    RecordKind.JUDICIAL_APPLICATION: "司法确认申请",
    RecordKind.JUDICIAL_RULING: "司法确认裁定",
    RecordKind.RETENTION: "保管期限",
    RecordKind.ATTACHMENT: "附件",
    RecordKind.LEGAL_HOLD: "诉讼保留（冻结销毁）",
}

_OPEN = frozenset({S.REGISTERED, S.NOTIFIED, S.INVESTIGATING, S.MEDIATING})
_IN_MEDIATION = frozenset({S.NOTIFIED, S.INVESTIGATING, S.MEDIATING})
_AFTER_AGREEMENT = frozenset({S.AGREED, S.PERFORMING, S.FOLLOWED_UP, S.CONFIRMING})

RECORDABLE_IN: dict[RecordKind, frozenset[CaseStatus]] = {
    RecordKind.NOTICE: _OPEN,
    RecordKind.INVESTIGATION: _IN_MEDIATION,
    RecordKind.SESSION: _IN_MEDIATION,
    RecordKind.EXTENSION: _OPEN,
    RecordKind.AGREEMENT: frozenset({S.MEDIATING}),
    RecordKind.TERMINATION: _OPEN,
    RecordKind.REFUSAL: frozenset({S.REGISTERED}),
    RecordKind.PERFORMANCE: _AFTER_AGREEMENT,
    RecordKind.FOLLOW_UP: _AFTER_AGREEMENT,
    RecordKind.JUDICIAL_APPLICATION: frozenset({S.AGREED, S.PERFORMING, S.FOLLOWED_UP}),
    RecordKind.JUDICIAL_RULING: frozenset({S.CONFIRMING}),
    RecordKind.RETENTION: frozenset({S.FOLLOWED_UP, S.CONFIRMING, S.TERMINATED, S.REFUSED}),
    RecordKind.ATTACHMENT: frozenset(CaseStatus) - TERMINAL,
    RecordKind.LEGAL_HOLD: frozenset(CaseStatus),
}


def check_can_record(status: CaseStatus, kind: RecordKind) -> None:
    """Raise :class:`TransitionError` if ``kind`` cannot be added to a case in ``status``."""
    allowed = RECORDABLE_IN[kind]
    if status in allowed:
        return
    where = "、".join(s.label_zh for s in sorted(allowed, key=list(CaseStatus).index))
    what = RECORD_LABELS_ZH[kind]
    raise TransitionError(
        f"案件处于“{status.label_zh}”，不能录入{what}（可录入的阶段：{where}）",
        missing=[f"案件须处于：{where}"],
    )


def check_not_archived(status: CaseStatus) -> None:
    """Raise :class:`CaseArchivedError` for an archived case: once the dossier is
    closed (归档) nothing in it changes (records, parties, steps, attachments)."""
    if status is S.ARCHIVED:
        raise CaseArchivedError()
