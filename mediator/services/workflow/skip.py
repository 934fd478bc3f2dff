"""跳过此步 — skip an optional step (调查, 司法确认) on purpose, or take it up again.

Why a record and not just "no investigation yet": the rail must tell a step the
mediator decided against apart from one still to do, and the guide must move on
to the next step without waiting for a record that will never come.  The choice
lives on the case's workflow row (``skipped_steps``), is synced like the rest of
the case, and is audited by step code only.
"""

from __future__ import annotations

from mediator.domain.findings import Step
from mediator.domain.steps import OPTIONAL_STEPS, can_skip
from mediator.errors import ValidationError

from .base import WorkflowPart


class StepSkipService(WorkflowPart):
    def skip(self, case_id: str, step: Step) -> None:
        """Mark ``step`` skipped; refused for a required step or one already taken."""
        if step not in OPTIONAL_STEPS:
            raise ValidationError(f"“{step.label_zh}”是必经步骤，不能跳过", field="step")
        with self._unit(case_id) as u:
            if not can_skip(u.snapshot(), step):
                raise ValidationError(f"“{step.label_zh}”已有记录或已跳过，不能再跳过",
                                      field="step")
            wf = u.workflow()
            wf.skipped_steps = sorted({*(wf.skipped_steps or ()), step.value})
            u.touch(wf)
            u.audit("case.step_skipped", {"step": step.value})

    def resume(self, case_id: str, step: Step) -> None:
        """Take a skipped step up again (it shows as to do / current once more)."""
        with self._unit(case_id) as u:
            wf = u.workflow()
            if step.value not in (wf.skipped_steps or ()):
                return
            wf.skipped_steps = sorted(set(wf.skipped_steps) - {step.value})
            u.touch(wf)
            u.audit("case.step_resumed", {"step": step.value})
