"""The step rail of the case workspace: where a case stands, step by step.

受理 → 告知 → 调查 → 调解 → 结果 → 履行 → 回访 → 司法确认 → 归档.  For each step
the rail shows whether it is done, the one to work on now, still to come,
skipped (the optional 调查 and 司法确认), or not applicable (a refused case has
no mediation; a failed one no performance), together with the completeness
findings that belong to it, so "what is missing" is said where it is fixed.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from mediator.domain.casefile import CaseFile
from mediator.domain.completeness import check_case
from mediator.domain.deadlines import DEFAULT_POLICY, DeadlinePolicy
from mediator.domain.findings import STEP_ORDER, Finding, Severity, Step
from mediator.domain.status import CaseStatus


class StepState(enum.StrEnum):
    DONE = "done"
    CURRENT = "current"
    TODO = "todo"
    SKIPPED = "skipped"  # optional and not taken
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class StepView:
    step: Step
    state: StepState
    findings: tuple[Finding, ...] = ()

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def label_zh(self) -> str:
        return self.step.label_zh


S = CaseStatus
#: Steps a mediator may skip with the page's button (and take up again).
OPTIONAL_STEPS: frozenset[Step] = frozenset({Step.INVESTIGATE, Step.CONFIRM})
_MEDIATION_STEPS = (Step.NOTIFY, Step.INVESTIGATE, Step.MEDIATE, Step.OUTCOME)
_AFTER_AGREEMENT = (Step.PERFORM, Step.FOLLOW_UP, Step.CONFIRM)


def current_step(case: CaseFile) -> Step | None:
    """The step to work on now (None once archived)."""
    status = case.status
    if status is S.REGISTERED:
        return Step.NOTIFY
    if status is S.NOTIFIED:
        skipped = Step.INVESTIGATE.value in case.skipped_steps
        return Step.MEDIATE if case.sessions or skipped else Step.INVESTIGATE
    if status is S.INVESTIGATING:
        return Step.INVESTIGATE
    if status is S.MEDIATING:
        return Step.OUTCOME if case.agreement is not None else Step.MEDIATE
    if status in (S.AGREED, S.PERFORMING):
        a = case.agreement
        pending = (
            a is None or not a.obligations or any(ob.performed_on is None for ob in a.obligations)
        )
        return Step.PERFORM if pending and not case.follow_ups else Step.FOLLOW_UP
    if status is S.CONFIRMING:
        return Step.CONFIRM
    if status in (S.FOLLOWED_UP, S.TERMINATED, S.REFUSED):
        return Step.ARCHIVE
    return None


def _not_applicable(case: CaseFile) -> set[Step]:
    if case.status is S.REFUSED or case.refusal is not None:
        return {*_MEDIATION_STEPS, *_AFTER_AGREEMENT}
    if case.termination is not None:
        out = set(_AFTER_AGREEMENT)
        if not case.sessions:  # ended before mediation began (a party refused, art. 17)
            out |= {Step.INVESTIGATE, Step.MEDIATE}
            if not any(p.notice_acknowledged_on for p in case.principals):
                out.add(Step.NOTIFY)
        return out
    return set()


def _taken(case: CaseFile, step: Step) -> bool:
    """Whether an optional step was actually used."""
    if step is Step.INVESTIGATE:
        return bool(case.investigations)
    if step is Step.CONFIRM:
        return case.judicial is not None
    return True


def is_skipped(case: CaseFile, step: Step) -> bool:
    """Skipped on purpose (the page's 跳过此步) and not taken since."""
    return step in OPTIONAL_STEPS and step.value in case.skipped_steps and not (
        _taken(case, step))


def can_skip(case: CaseFile, step: Step) -> bool:
    """An optional step not yet taken, of a case still open, may be skipped."""
    return (step in OPTIONAL_STEPS and not _taken(case, step) and case.status is not S.ARCHIVED
            and step not in _not_applicable(case) and not is_skipped(case, step))


def step_views(
    case: CaseFile, today: dt.date, policy: DeadlinePolicy = DEFAULT_POLICY
) -> tuple[StepView, ...]:
    """The rail, in order, with each step's state and findings."""
    report = check_case(case, today, policy)
    current = current_step(case)
    na = _not_applicable(case)
    cut = STEP_ORDER.index(current) if current is not None else len(STEP_ORDER)
    views: list[StepView] = []
    for i, step in enumerate(STEP_ORDER):
        if step in na:
            state = StepState.NOT_APPLICABLE
        elif is_skipped(case, step):
            state = StepState.SKIPPED
        elif step is current:
            state = StepState.CURRENT
        elif i < cut:
            state = StepState.DONE if _taken(case, step) else StepState.SKIPPED
        else:
            state = StepState.TODO
        views.append(StepView(step, state, report.for_step(step)))
    return tuple(views)
