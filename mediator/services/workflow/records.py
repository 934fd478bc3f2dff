"""调查记录 and 人民调解记录 — append-only records of the investigation and the sessions.

The first investigation record moves an notified case to 调查中, the first
session record to 调解中 — in the same transaction, so a session recorded
before every party signed the rights notice is refused as a whole (with the
list of who has not signed) and nothing half-saved remains.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from mediator.domain.lifecycle import RecordKind
from mediator.domain.status import CaseStatus
from mediator.domain.studio_time import DEFAULT_ZONE, zone
from mediator.domain.text import LONG_TEXT_MAX
from mediator.errors import ValidationError
from mediator.store.models import FollowUp, InvestigationRecord, SessionRecord
from mediator.store.workflow_models import RecordSignoff

from .base import Unit, WorkflowPart
from .checks import SUMMARY_MAX, Problems
from .dto import InvestigationInput, SessionInput

MAX_QA = 200
_RECORD_TABLES: dict[str, type[InvestigationRecord] | type[SessionRecord] | type[FollowUp]] = {
    "investigation": InvestigationRecord, "session": SessionRecord, "follow_up": FollowUp,
}


def sign_off(u: Unit, kind: str, record_id: str, on: dt.date) -> None:
    u.add(RecordSignoff(case_id=u.case.id, record_kind=kind, record_id=record_id, signed_on=on))


class RecordService(WorkflowPart):
    def add_investigation(self, case_id: str, inp: InvestigationInput, *,
                          today: dt.date | None = None) -> str:
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.INVESTIGATION)
            p = Problems()
            p.date("held_at", inp.held_at.date(), "调查时间", today=today,
                   not_before=u.case.registered_on)
            place = p.text("place", inp.place, "调查地点", max_len=200, required=True)
            investigator = p.text("investigator", inp.investigator, "调查人", required=True)
            interviewee = p.text("interviewee", inp.interviewee, "被调查人", required=True)
            recorder = p.text("recorder", inp.recorder, "记录人", required=True)
            qa = []
            if not inp.qa:
                p.add("qa", "请至少记录一组问答")
            if len(inp.qa) > MAX_QA:
                p.add("qa", f"问答最多{MAX_QA}组")
            for i, (q, a) in enumerate(inp.qa):
                qa.append({
                    "q": p.text(f"qa[{i}].q", q, f"第{i + 1}问", max_len=LONG_TEXT_MAX,
                                required=True, multiline=True),
                    "a": p.text(f"qa[{i}].a", a, f"第{i + 1}答", max_len=LONG_TEXT_MAX,
                                required=True, multiline=True),
                })
            p.raise_if_any()
            rec = u.add(InvestigationRecord(
                case_id=u.case.id, held_at=_aware(inp.held_at, u.studio.time_zone), place=place,
                investigator=investigator, interviewee=interviewee, recorder=recorder,
                content=qa))
            if inp.signed:
                sign_off(u, "investigation", rec.id, inp.held_at.date())
            u.audit("record.investigation", {"questions": len(qa), "signed": inp.signed},
                    entity="investigation_record", entity_id=rec.id)
            if u.status is CaseStatus.NOTIFIED:
                u.move(CaseStatus.INVESTIGATING, today)
            return str(rec.id)

    def add_session(self, case_id: str, inp: SessionInput, *,
                    today: dt.date | None = None) -> str:
        today = today or dt.date.today()
        with self._unit(case_id) as u:
            u.require(RecordKind.SESSION)
            principals = u.party_ids(principals_only=True)
            p = Problems()
            p.date("held_at", inp.held_at.date(), "调解时间", today=today,
                   not_before=u.case.registered_on)
            place = p.text("place", inp.place, "调解地点", max_len=200, required=True)
            subject = p.text("subject", inp.subject, "事由", max_len=500, required=True)
            participants = p.text("participants", inp.participants, "参加人", max_len=500)
            consent = p.text("privacy_consent", inp.privacy_consent, "不公开调解的依据",
                             max_len=500, multiline=True)
            if not inp.is_public and not consent.strip():
                p.add("privacy_consent",
                      "不公开调解须写明是哪位当事人要求或同意的（人民调解法第二十三条）")
            statements = []
            for i, (pid, text) in enumerate(inp.statements):
                if pid not in principals:
                    p.add(f"statements[{i}]", "陈述人不是本案当事人")
                clean = p.text(f"statements[{i}]", text, "当事人陈述", max_len=LONG_TEXT_MAX,
                               multiline=True)
                if clean.strip():
                    statements.append({"party_id": pid, "text": clean})
            if not statements:
                p.add("statements", "请至少记录一方当事人的陈述")
            evidence = p.text("evidence", inp.evidence, "证据核对情况", max_len=SUMMARY_MAX,
                              multiline=True)
            risk = p.text("risk_warning", inp.risk_warning, "风险告知", max_len=SUMMARY_MAX,
                          multiline=True)
            result = p.text("result", inp.result, "调解结果", max_len=SUMMARY_MAX,
                            required=True, multiline=True)
            recorder = p.text("recorder", inp.recorder, "记录人", required=True)
            p.raise_if_any()
            rec = u.add(SessionRecord(
                case_id=u.case.id, held_at=_aware(inp.held_at, u.studio.time_zone), place=place,
                subject=subject,
                participants=participants, is_public=inp.is_public, privacy_consent=consent,
                statements=statements, evidence=evidence, risk_warning=risk, result=result,
                recorder=recorder))
            if inp.signed:
                sign_off(u, "session", rec.id, inp.held_at.date())
            u.audit("record.session", {"public": inp.is_public, "statements": len(statements),
                                       "signed": inp.signed},
                    entity="session_record", entity_id=rec.id)
            if u.status in (CaseStatus.NOTIFIED, CaseStatus.INVESTIGATING):
                u.move(CaseStatus.MEDIATING, today)
            return str(rec.id)

    def sign_record(self, case_id: str, kind: str, record_id: str, on: dt.date) -> None:
        """A record read back and signed later than it was written."""
        table = _RECORD_TABLES.get(kind)
        if table is None:
            raise ValidationError("记录类型不存在", field="kind")
        with self._unit(case_id) as u:
            if u.status is CaseStatus.ARCHIVED:
                u.require(RecordKind.SESSION)  # raises: archived files are closed
            owner = u.s.execute(select(table.case_id).where(table.id == record_id)
                                ).scalar_one_or_none()
            if owner != u.case.id:
                raise ValidationError("找不到这份记录", field="record_id")
            done = u.s.execute(select(RecordSignoff.id).where(
                RecordSignoff.record_kind == kind, RecordSignoff.record_id == record_id)).first()
            if done is None:
                sign_off(u, kind, record_id, on)
                u.audit("record.signed", {"kind": kind}, entity=kind, entity_id=record_id)


def _aware(value: dt.datetime, time_zone: str) -> dt.datetime:
    """Form times are the studio's wall-clock times (whatever zone the PC is set to);
    stored as UTC like every datetime."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone(time_zone or DEFAULT_ZONE))
    return value.astimezone(dt.UTC)
