"""调解不成/终止 — mediation ended without agreement: the reason, and the legal routes
the parties were told of (People's Mediation Law art. 26)."""

from __future__ import annotations

import datetime as dt

from mediator.domain.lifecycle import RecordKind
from mediator.domain.status import CaseStatus

from .base import WorkflowPart
from .checks import SUMMARY_MAX, Problems
from .dto import TerminationInput

MAX_ROUTES = 10


class OutcomeService(WorkflowPart):
    def terminate(self, case_id: str, inp: TerminationInput, *,
                  today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.TERMINATION)
            p = Problems()
            reason = p.text("termination.reason", inp.reason, "终止调解的原因",
                            max_len=SUMMARY_MAX, required=True, multiline=True)
            routes = [p.text(f"termination.routes[{i}]", r, "告知的解决途径", max_len=200)
                      for i, r in enumerate(inp.routes)]
            routes = [r for r in routes if r.strip()][:MAX_ROUTES]
            if not routes:
                p.add("termination.routes",
                      "请选择或填写已告知当事人的其他解决途径（如向人民法院起诉）")
            p.date("termination.on", inp.on, "终止日期", today=today,
                   not_before=u.case.registered_on)
            p.raise_if_any()
            wf = u.workflow()
            wf.terminated_on = inp.on
            wf.termination_reason = reason
            wf.routes_explained = routes
            u.touch(wf)
            u.case.status_reason = reason
            u.move(CaseStatus.TERMINATED, today)
            u.audit("case.terminated", {"routes": len(routes)})
