"""受理 / 不予受理 — the papers in the file at acceptance, or the refusal with its reason."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from mediator.domain.casefile import StatusMatter
from mediator.domain.lifecycle import RecordKind
from mediator.domain.status import CaseStatus
from mediator.errors import TransitionError
from mediator.store.workflow_models import CasePartyFile

from .base import Unit, WorkflowPart
from .checks import SUMMARY_MAX, Problems
from .dto import AcceptanceInput, RefusalInput


def party_file(u: Unit, case_party_id: str) -> CasePartyFile:
    """The dossier facts of one party, made on first use."""
    row = u.s.execute(select(CasePartyFile).where(CasePartyFile.case_party_id == case_party_id)
                      ).scalar_one_or_none()
    if row is None:
        row = u.add(CasePartyFile(case_id=u.case.id, case_party_id=case_party_id))
    return row


class AcceptanceService(WorkflowPart):
    def save_acceptance(self, case_id: str, inp: AcceptanceInput) -> None:
        """Record the written application, identity copies and excluded matters."""
        matters = set(inp.status_matters)
        unknown = matters - {m.value for m in StatusMatter}
        with self._unit(case_id) as u:
            if u.status is CaseStatus.ARCHIVED:
                raise TransitionError("案件已归档，不能再修改受理材料",
                                      missing=["案件须处于未归档状态"])
            u.check_parties(list(inp.identity_proofs), "identity_proofs")
            if unknown:
                p = Problems()
                p.add("status_matters", "所选事项类别不存在，请重新选择")
                p.raise_if_any()
            wf = u.workflow()
            wf.written_application = inp.written_application
            wf.status_matters = sorted(matters)
            u.touch(wf)
            for pid, present in inp.identity_proofs.items():
                pf = party_file(u, pid)
                if pf.identity_proof != present:
                    pf.identity_proof = present
                    u.touch(pf)
            u.audit("case.acceptance", {
                "written_application": inp.written_application,
                "identity_proofs": sum(1 for v in inp.identity_proofs.values() if v),
                "status_matters": sorted(matters),
            })

    def refuse(self, case_id: str, inp: RefusalInput, *, today: dt.date | None = None) -> None:
        """不予受理: the reason is required; the case then only waits to be archived."""
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.REFUSAL)
            p = Problems()
            reason = p.text("refusal.reason", inp.reason, "不予受理的理由", max_len=SUMMARY_MAX,
                            required=True, multiline=True)
            p.date("refusal.on", inp.on, "不予受理日期", today=today,
                   not_before=u.case.registered_on)
            p.raise_if_any()
            wf = u.workflow()
            wf.refused_on = inp.on
            wf.refusal_reason = reason
            u.touch(wf)
            u.case.status_reason = reason
            u.move(CaseStatus.REFUSED, today)
