"""履行 — the committee supervises performance (art. 31): payments with their proof,
and obligations marked performed.  The first entry moves an agreed case to 履行中."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from mediator.domain.lifecycle import RecordKind
from mediator.domain.money import MAX_FEN
from mediator.domain.status import CaseStatus
from mediator.errors import ValidationError
from mediator.store.models import Attachment
from mediator.store.workflow_models import Obligation, Payment

from .base import Unit, WorkflowPart
from .checks import Problems
from .dto import PaymentInput


def _obligation(u: Unit, obligation_id: str) -> Obligation:
    ob = u.s.get(Obligation, obligation_id)
    if ob is None or ob.case_id != u.case.id or ob.deleted:
        raise ValidationError("找不到这项履行事项，协议可能已修改，请刷新", field="obligation_id")
    return ob


class PerformanceService(WorkflowPart):
    def record_payment(self, case_id: str, inp: PaymentInput, *,
                       today: dt.date | None = None) -> str:
        """A payment (or act of performance) towards an obligation, with its proof."""
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.PERFORMANCE)
            ob = _obligation(u, inp.obligation_id)
            p = Problems()
            p.date("paid_on", inp.paid_on, "履行日期", today=today,
                   not_before=u.case.registered_on)
            if not 0 <= inp.amount_fen <= MAX_FEN:
                p.add("amount", "金额不正确")
            method = p.text("method", inp.method, "履行方式", max_len=40)
            note = p.text("note", inp.note, "备注", max_len=500, multiline=True)
            if inp.proof_attachment_id is not None:
                att = u.s.get(Attachment, inp.proof_attachment_id)
                if att is None or att.case_id != u.case.id or att.deleted:
                    p.add("proof", "所选凭证不是本案的附件")
            p.raise_if_any()
            pay = u.add(Payment(case_id=u.case.id, obligation_id=ob.id, paid_on=inp.paid_on,
                                amount_fen=inp.amount_fen, method=method, note=note,
                                proof_attachment_id=inp.proof_attachment_id))
            if inp.completes and ob.performed_on is None:
                ob.performed_on = inp.paid_on
                u.touch(ob)
            u.audit("performance.payment", {"proof": inp.proof_attachment_id is not None,
                                            "completes": inp.completes},
                    entity="payment", entity_id=pay.id)
            self._start(u, today)
            return str(pay.id)

    def mark_performed(self, case_id: str, obligation_id: str, on: dt.date | None, *,
                       today: dt.date | None = None) -> None:
        """An obligation performed (or, with ``on=None``, not yet after all)."""
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.PERFORMANCE)
            ob = _obligation(u, obligation_id)
            p = Problems()
            p.date("performed_on", on, "履行日期", today=today,
                   not_before=u.case.registered_on, required=False)
            p.raise_if_any()
            ob.performed_on = on
            u.touch(ob)
            u.audit("performance.performed", {"performed": on is not None},
                    entity="obligation", entity_id=ob.id)
            self._start(u, today)

    @staticmethod
    def _start(u: Unit, today: dt.date) -> None:
        if u.status is CaseStatus.AGREED:
            u.move(CaseStatus.PERFORMING, today)


def payments_of(u: Unit, obligation_id: str) -> list[Payment]:
    return list(u.s.execute(select(Payment).where(Payment.obligation_id == obligation_id)
                            ).scalars())
