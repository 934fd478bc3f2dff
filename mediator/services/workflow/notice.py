"""告知 and what goes with it: the rights-and-duties notice signed per party, an
agent's power of attorney with its powers, and an agreed extension of the term."""

from __future__ import annotations

import datetime as dt

from mediator.domain.casefile import Extension
from mediator.domain.deadlines import extension_problems, mediation_due
from mediator.domain.lifecycle import RecordKind, missing_for
from mediator.domain.status import CaseStatus
from mediator.errors import ValidationError
from mediator.store.models import CaseParty
from mediator.store.workflow_models import TermExtension

from .acceptance import party_file
from .base import WorkflowPart
from .checks import Problems
from .dto import AgentPower, AuthorisationInput, ExtensionInput, NoticeInput


class NoticeService(WorkflowPart):
    def acknowledge(self, case_id: str, inp: NoticeInput, *, today: dt.date | None = None) -> bool:
        """Record who signed the 权利义务告知书 and when.

        Once every party has, a registered case moves on to 已告知; returns whether
        it did.  Dates may not precede acceptance nor lie in the future.
        """
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.NOTICE)
            u.check_parties(list(inp.acknowledged), "acknowledged")
            p = Problems()
            for pid, on in inp.acknowledged.items():
                p.date(f"acknowledged[{pid}]", on, "签收日期", today=today,
                       not_before=u.case.registered_on, required=False)
            p.raise_if_any()
            changed = 0
            for pid, on in inp.acknowledged.items():
                pf = party_file(u, pid)
                if pf.notice_acknowledged_on != on:
                    pf.notice_acknowledged_on = on
                    u.touch(pf)
                    changed += 1
            u.audit("case.notice", {"parties_changed": changed,
                                    "acknowledged": sum(1 for v in inp.acknowledged.values() if v)})
            if u.status is CaseStatus.REGISTERED and not missing_for(
                    u.snapshot(), CaseStatus.NOTIFIED, today):
                u.move(CaseStatus.NOTIFIED, today)
                return True
            return False

    def authorise_agent(self, case_id: str, inp: AuthorisationInput) -> None:
        """授权委托书: whether it is in the file and which powers it grants."""
        powers = set(inp.powers)
        with self._unit(case_id) as u:
            if u.status is CaseStatus.ARCHIVED:
                u.require(RecordKind.NOTICE)  # raises: archived files are closed
            link = u.s.get(CaseParty, inp.agent_id)
            if link is None or link.case_id != u.case.id or link.role != "agent":
                raise ValidationError("所选的人不是本案的代理人", field="agent_id")
            if powers - {x.value for x in AgentPower}:
                raise ValidationError("委托权限选项不存在，请重新选择", field="powers")
            if inp.power_of_attorney and not powers:
                raise ValidationError("请勾选授权委托书写明的代理权限", field="powers")
            pf = party_file(u, inp.agent_id)
            pf.power_of_attorney = inp.power_of_attorney
            pf.agent_powers = [x.value for x in AgentPower if x.value in powers]
            u.touch(pf)
            u.audit("case.authorisation", {"power_of_attorney": inp.power_of_attorney,
                                           "powers": pf.agent_powers})

    def extend_term(self, case_id: str, inp: ExtensionInput, *,
                    today: dt.date | None = None) -> None:
        """延长调解期限 — only with every party's consent, before the term ends."""
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.EXTENSION)
            u.check_parties(list(inp.consented_by), "consented_by")
            p = Problems()
            reason = p.text("extension.reason", inp.reason, "延长理由", max_len=500,
                            multiline=True)
            p.date("extension.granted_on", inp.granted_on, "同意延长的日期", today=today,
                   not_before=u.case.registered_on)
            p.raise_if_any()
            case = u.snapshot()
            ext = Extension(inp.granted_on, inp.new_due, frozenset(inp.consented_by))
            problems = extension_problems(case, ext, mediation_due(case))
            if problems:
                raise ValidationError(problems[0], field="extension",
                                      problems=[("extension", x) for x in problems])
            u.add(TermExtension(case_id=u.case.id, granted_on=inp.granted_on,
                                new_due=inp.new_due, consented_by=sorted(inp.consented_by),
                                reason=reason))
            u.audit("case.extension", {"new_due": inp.new_due.isoformat(),
                                       "consented": len(inp.consented_by)})
