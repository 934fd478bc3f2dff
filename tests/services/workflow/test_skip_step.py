"""跳过此步: an optional step is skipped on purpose, the rail says so and the guide moves
on; it can be taken up again; a required step cannot be skipped."""

from __future__ import annotations

import pytest

from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus
from mediator.domain.steps import StepState, can_skip
from mediator.errors import ValidationError

from .walk import NOTIFIED, walk


def _state(wf, case_id: str, step: Step) -> StepState:
    return next(v.state for v in wf.overview(case_id, NOTIFIED).steps if v.step is step)


def test_skipping_the_investigation_moves_the_guide_to_mediation_and_back(
        workspace, wf, leak) -> None:
    walk(workspace, wf, leak, CaseStatus.NOTIFIED)
    assert _state(wf, leak, Step.INVESTIGATE) is StepState.CURRENT
    wf.steps.skip(leak, Step.INVESTIGATE)
    assert _state(wf, leak, Step.INVESTIGATE) is StepState.SKIPPED
    assert _state(wf, leak, Step.MEDIATE) is StepState.CURRENT
    assert not can_skip(wf.overview(leak, NOTIFIED).casefile, Step.INVESTIGATE)
    with pytest.raises(ValidationError, match="已跳过"):
        wf.steps.skip(leak, Step.INVESTIGATE)
    wf.steps.resume(leak, Step.INVESTIGATE)
    assert _state(wf, leak, Step.INVESTIGATE) is StepState.CURRENT


def test_judicial_confirmation_can_be_skipped_ahead_of_time(workspace, wf, leak) -> None:
    walk(workspace, wf, leak, CaseStatus.NOTIFIED)
    assert _state(wf, leak, Step.CONFIRM) is StepState.TODO
    wf.steps.skip(leak, Step.CONFIRM)
    assert _state(wf, leak, Step.CONFIRM) is StepState.SKIPPED


@pytest.mark.parametrize("step", [Step.NOTIFY, Step.MEDIATE, Step.FOLLOW_UP, Step.ARCHIVE])
def test_a_required_step_cannot_be_skipped(workspace, wf, leak, step: Step) -> None:
    with pytest.raises(ValidationError, match="必经步骤"):
        wf.steps.skip(leak, step)


def test_a_step_already_taken_cannot_be_skipped(workspace, wf, leak) -> None:
    walk(workspace, wf, leak, CaseStatus.INVESTIGATING)
    with pytest.raises(ValidationError, match="已有记录"):
        wf.steps.skip(leak, Step.INVESTIGATE)
