"""回访 — the follow-up visit: performed or not, satisfaction, any lawsuit, signs of
escalation and the measures taken.  A visit after the agreement moves the case to
已回访 when the rules allow it (the visit says whether the agreement was performed)."""

from __future__ import annotations

import datetime as dt

from mediator.domain.lifecycle import RecordKind, missing_for
from mediator.domain.status import CaseStatus
from mediator.store.models import FollowUp

from .base import WorkflowPart
from .checks import SUMMARY_MAX, Problems
from .dto import FollowUpInput, Satisfaction
from .records import sign_off


class FollowUpService(WorkflowPart):
    def add_visit(self, case_id: str, inp: FollowUpInput, *,
                  today: dt.date | None = None) -> str:
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.FOLLOW_UP)
            p = Problems()
            p.date("visited_on", inp.visited_on, "回访日期", today=today,
                   not_before=u.case.registered_on)
            if inp.satisfaction and inp.satisfaction not in {s.value for s in Satisfaction}:
                p.add("satisfaction", "请选择满意程度")
            if inp.performed is None:
                p.add("performed", "请选择协议是否已履行")
            lawsuit = p.text("lawsuit", inp.lawsuit, "是否起诉及结果", max_len=SUMMARY_MAX,
                             multiline=True)
            escalation = p.text("escalation", inp.escalation, "矛盾激化迹象",
                                max_len=SUMMARY_MAX, multiline=True)
            measures = p.text("measures", inp.measures, "采取的措施", max_len=SUMMARY_MAX,
                              multiline=True)
            visitor = p.text("visitor", inp.visitor, "回访人", required=True)
            p.raise_if_any()
            visit = u.add(FollowUp(case_id=u.case.id, visited_on=inp.visited_on,
                                   performed=inp.performed, satisfaction=inp.satisfaction,
                                   lawsuit=lawsuit, escalation=escalation, measures=measures,
                                   visitor=visitor))
            if inp.signed:
                sign_off(u, "follow_up", visit.id, inp.visited_on)
            u.audit("record.follow_up", {"performed": inp.performed,
                                         "satisfaction": inp.satisfaction,
                                         "signed": inp.signed},
                    entity="follow_up", entity_id=visit.id)
            if u.status in (CaseStatus.AGREED, CaseStatus.PERFORMING) and not missing_for(
                    u.snapshot(), CaseStatus.FOLLOWED_UP, today):
                u.move(CaseStatus.FOLLOWED_UP, today)
            return str(visit.id)
