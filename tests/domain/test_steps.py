"""The step rail: done, current, to do, skipped, not applicable, with what is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from mediator.domain.casefile import RefusalRecord
from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus as S
from mediator.domain.steps import StepState, current_step, step_views
from tests.domain import casefiles as cf

TODAY = dt.date(2026, 3, 11)
DONE, CUR, TODO, SKIP, NA = (
    StepState.DONE,
    StepState.CURRENT,
    StepState.TODO,
    StepState.SKIPPED,
    StepState.NOT_APPLICABLE,
)


def _states(case) -> list[StepState]:  # type: ignore[no-untyped-def]
    return [v.state for v in step_views(case, TODAY)]


def test_rail_order_and_labels() -> None:
    views = step_views(cf.registered(), TODAY)
    assert "→".join(v.label_zh for v in views) == "受理→告知→调查→调解→结果→履行→回访→司法确认→归档"


def test_new_case_waits_for_the_notice_and_says_who_has_not_signed() -> None:
    views = step_views(cf.registered(), TODAY)
    assert [v.state for v in views] == [DONE, CUR, TODO, TODO, TODO, TODO, TODO, TODO, TODO]
    # Nothing is "missing" yet for a new case: the notice is owed from the next stage on.
    assert not views[1].findings


def test_notified_case_may_investigate_or_mediate() -> None:
    assert current_step(cf.notified()) is Step.INVESTIGATE
    no_investigation = replace(cf.mediating(), investigations=(), status=S.NOTIFIED)
    assert current_step(no_investigation) is Step.MEDIATE
    assert _states(replace(no_investigation, status=S.MEDIATING))[:4] == [DONE, DONE, SKIP, CUR]


def test_agreed_case_moves_to_performance_then_follow_up() -> None:
    assert _states(cf.agreed()) == [DONE, DONE, DONE, DONE, DONE, CUR, TODO, TODO, TODO]
    assert current_step(replace(cf.performed(), status=S.PERFORMING)) is Step.FOLLOW_UP
    assert _states(cf.followed_up()) == [DONE, DONE, DONE, DONE, DONE, DONE, DONE, SKIP, CUR]


def test_failed_case_has_no_performance_steps() -> None:
    assert _states(cf.terminated()) == [DONE, DONE, DONE, DONE, DONE, NA, NA, NA, CUR]
    early = cf.terminated(after_sessions=False)
    assert _states(early) == [DONE, NA, NA, NA, DONE, NA, NA, NA, CUR]


def test_refused_case_skips_straight_to_archive() -> None:
    refused = replace(
        cf.registered(), status=S.REFUSED, refusal=RefusalRecord(TODAY, "不属于调解范围")
    )
    assert _states(refused) == [DONE, NA, NA, NA, NA, NA, NA, NA, CUR]


def test_missing_items_sit_on_their_step() -> None:
    case = replace(cf.agreed(), agreement=cf.written_agreement(sealed=False))
    views = {v.step: v for v in step_views(case, TODAY)}
    assert views[Step.OUTCOME].has_errors
    assert [f.message for f in views[Step.OUTCOME].findings] == ["尚未加盖人民调解委员会印章"]
    assert not views[Step.NOTIFY].findings


def test_archived_case_has_no_current_step() -> None:
    archived = replace(cf.ready_to_archive(), status=S.ARCHIVED)
    assert current_step(archived) is None
    assert CUR not in _states(archived)
