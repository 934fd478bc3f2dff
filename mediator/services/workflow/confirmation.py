"""司法确认 — the parties' joint application to a court within 30 days of the agreement
taking effect, to the eligible court, never for marriage, adoption or identity
matters; then the court's ruling."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from mediator.domain.casefile import CourtBasis
from mediator.domain.lifecycle import RecordKind
from mediator.domain.status import CaseStatus
from mediator.errors import ValidationError
from mediator.store.workflow_models import JudicialApplication

from .base import WorkflowPart
from .checks import Problems
from .dto import JudicialInput, RulingInput


class ConfirmationService(WorkflowPart):
    def apply(self, case_id: str, inp: JudicialInput, *, today: dt.date | None = None) -> None:
        """Record the joint application; refused (with reasons) if no court may confirm it."""
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.JUDICIAL_APPLICATION)
            u.check_parties(list(inp.applicants), "applicants")
            p = Problems()
            if inp.court_basis not in {b.value for b in CourtBasis}:
                p.add("court_basis", "请选择受理法院的依据")
            court = p.text("court", inp.court, "受理申请的人民法院", max_len=100, required=True)
            p.date("applied_on", inp.applied_on, "申请日期", today=today,
                   not_before=u.case.registered_on)
            p.raise_if_any()
            row = u.s.execute(select(JudicialApplication).where(
                JudicialApplication.case_id == u.case.id)).scalar_one_or_none()
            if row is None:
                row = u.add(JudicialApplication(case_id=u.case.id, applied_on=inp.applied_on,
                                                court_basis=inp.court_basis))
            row.applied_on = inp.applied_on
            row.court_basis = inp.court_basis
            row.court = court
            row.applicants = sorted(inp.applicants)
            row.deleted = False
            u.touch(row)
            u.audit("judicial.apply", {"basis": inp.court_basis,
                                       "applicants": len(inp.applicants)},
                    entity="judicial_application", entity_id=row.id)
            u.move(CaseStatus.CONFIRMING, today)

    def record_ruling(self, case_id: str, inp: RulingInput, *,
                      today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.JUDICIAL_RULING)
            row = u.s.execute(select(JudicialApplication).where(
                JudicialApplication.case_id == u.case.id)).scalar_one_or_none()
            if row is None:
                raise ValidationError("尚未录入司法确认申请", field="judicial")
            p = Problems()
            p.date("decided_on", inp.decided_on, "裁定日期", today=today,
                   not_before=row.applied_on, not_before_label="申请日期")
            ruling_no = p.text("ruling_no", inp.ruling_no, "裁定书文号", max_len=60)
            p.raise_if_any()
            row.decided_on = inp.decided_on
            row.confirmed = inp.confirmed
            row.ruling_no = ruling_no
            u.touch(row)
            u.audit("judicial.ruling", {"confirmed": inp.confirmed},
                    entity="judicial_application", entity_id=row.id)
