"""Reading and writing a case's statistics facts (统计要素) and the studio's kind of body.

The registration and closing forms ask these where a mediator would naturally
answer them; this service is what they call.  Writing checks the facts with
:mod:`mediator.domain.case_facts` (every problem at once, Chinese messages that
name fields, never values), stores the derived group flag and grade beside them
(reports count those with plain SQL), queues the row for sync and records an
audit event with codes only.  An archived case is read-only here as everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediator.domain.case_facts import (
    BodyType,
    CaseFacts,
    Grade,
    Prevention,
    derived_grade,
    grade,
    is_group_dispute,
    problems,
)
from mediator.domain.text import clean_text
from mediator.errors import NotFoundError, ValidationError
from mediator.services.workflow.base import Context, WorkflowPart
from mediator.store import audit, outbox
from mediator.store.database import Database
from mediator.store.models import CaseParty, Studio
from mediator.store.statistics_models import CaseStatistics

PREVENTION_COLUMNS: dict[Prevention, str] = {
    Prevention.CRIMINAL: "prevented_criminal",
    Prevention.PETITION: "prevented_petition",
    Prevention.FIGHT: "prevented_fight",
    Prevention.SUICIDE: "prevented_suicide",
}


@dataclass(frozen=True)
class StatedFacts:
    """A case's facts as stored, with what follows from them for a form to show."""

    facts: CaseFacts
    stated: bool  # False: nothing stated yet (defaults shown)
    parties: int  # principals (not agents): what reports count when no people are stated
    group_dispute: bool
    derived_grade: Grade
    grade: Grade
    body_type: BodyType  # the case's own kind, or the studio's
    screening_id: str | None


def facts_of(row: CaseStatistics) -> CaseFacts:
    prevented = {p: n for p, col in PREVENTION_COLUMNS.items() if (n := getattr(row, col)) > 0}
    return CaseFacts(
        people_involved=row.people_involved, group_marked=row.group_marked,
        prevented=prevented, amount_in_dispute_fen=row.amount_in_dispute_fen,
        body_type=BodyType(row.body_type) if row.body_type else None,
        grade_override=Grade(row.grade_override) if row.grade_override else None,
        grade_reason=row.grade_reason)


def check_facts(facts: CaseFacts) -> CaseFacts:
    """The facts with the reason cleaned, or ValidationError listing every problem."""
    found = problems(facts)
    reason = facts.grade_reason
    try:
        reason = clean_text(reason, field="grade_reason", label="难易程度的理由",
                            max_len=500, multiline=True)
    except ValidationError as exc:
        found.append(("grade_reason", exc.message))
    if found:
        raise ValidationError(found[0][1], field=found[0][0], problems=found)
    override = facts.grade_override
    if override is derived_grade(facts):
        override, reason = None, ""  # restating the rule's grade is no override
    return CaseFacts(facts.people_involved, facts.group_marked, dict(facts.prevented),
                     facts.amount_in_dispute_fen, facts.body_type, override, reason)


def apply_facts(row: CaseStatistics, facts: CaseFacts) -> None:
    """Copy checked facts and what follows from them onto the row."""
    row.people_involved = facts.people_involved
    row.group_marked = facts.group_marked
    row.group_dispute = is_group_dispute(facts)
    for outcome, col in PREVENTION_COLUMNS.items():
        setattr(row, col, facts.prevented.get(outcome, 0))
    row.amount_in_dispute_fen = facts.amount_in_dispute_fen
    row.body_type = facts.body_type.value if facts.body_type else ""
    row.grade = grade(facts).value
    row.grade_override = facts.grade_override.value if facts.grade_override else ""
    row.grade_reason = facts.grade_reason


def add_facts_row(s: Session, *, studio_id: str, actor: str, case_id: str, clean: CaseFacts,
                  screening_id: str | None = None) -> CaseStatistics:
    """The statistics row of a case being registered, in the caller's transaction (the
    case and its facts are written together or not at all): queued for sync, audited."""
    row = CaseStatistics(studio_id=studio_id, case_id=case_id, screening_id=screening_id)
    apply_facts(row, clean)
    s.add(row)
    s.flush()
    outbox.enqueue(s, "case_statistics", row.id)
    audit.record(s, studio_id=studio_id, actor=actor, action="case.statistics",
                 entity="case", entity_id=case_id, detail=audit_detail(clean))
    return row


def audit_detail(facts: CaseFacts) -> dict[str, object]:
    """Codes and counts only: the reason text may hold personal data."""
    return {"people": facts.people_involved, "group": is_group_dispute(facts),
            "prevented": sorted(p.value for p in facts.prevented),
            "grade": grade(facts).value, "override": facts.grade_override is not None}


class CaseFactsService(WorkflowPart):
    def __init__(self, db: Database, context: Context) -> None:
        super().__init__(db, context)

    def read(self, case_id: str) -> StatedFacts:
        studio, _mediator = self._context()
        with self._db.read() as s:
            from mediator.store.models import Case  # noqa: PLC0415

            if s.execute(select(Case.id).where(Case.id == case_id, Case.deleted.is_(False))
                         ).first() is None:
                raise NotFoundError("找不到这个案件，可能已被删除。")
            row = _row(s, case_id)
            parties = len(s.execute(select(CaseParty.id).where(
                CaseParty.case_id == case_id, CaseParty.deleted.is_(False),
                CaseParty.role != "agent")).all())
            default = _studio_body(s, studio.id)
            facts = facts_of(row) if row is not None else CaseFacts()
            screening_id = row.screening_id if row is not None else None
            stated = row is not None
        return StatedFacts(facts, stated, parties, is_group_dispute(facts),
                           derived_grade(facts), grade(facts), facts.body_type or default,
                           screening_id)

    def save(self, case_id: str, facts: CaseFacts) -> StatedFacts:
        """Store the facts (validated, every problem at once) and return them as read."""
        clean = check_facts(facts)
        with self._unit(case_id) as u:
            row = _row(u.s, case_id)
            if row is None:
                row = u.add(CaseStatistics(case_id=case_id))
            apply_facts(row, clean)
            u.touch(row)
            u.audit("case.statistics", audit_detail(clean))
        return self.read(case_id)

    # ------------------------------------------------------------- the studio's kind
    def studio_body_type(self) -> BodyType:
        studio, _mediator = self._context()
        with self._db.read() as s:
            return _studio_body(s, studio.id)

    def set_studio_body_type(self, body: BodyType | str) -> BodyType:
        """The kind of mediating body a case counts under unless it says otherwise."""
        try:
            kind = BodyType(body)
        except ValueError:
            raise ValidationError("请选择调解组织类型。", field="body_type") from None
        studio, mediator = self._context()
        with self._db.write() as s:
            row = s.get(Studio, studio.id)
            if row is None:
                raise NotFoundError("尚未完成首次设置")
            row.body_type = kind.value
            audit.record(s, studio_id=studio.id, actor=mediator.id, action="studio.body_type",
                         entity="studio", entity_id=studio.id, detail={"body_type": kind.value})
        return kind


def _row(s: Session, case_id: str) -> CaseStatistics | None:
    return s.execute(select(CaseStatistics).where(
        CaseStatistics.case_id == case_id, CaseStatistics.deleted.is_(False))
    ).scalar_one_or_none()


def _studio_body(s: Session, studio_id: str) -> BodyType:
    value = s.execute(select(Studio.body_type).where(Studio.id == studio_id)).scalar_one_or_none()
    try:
        return BodyType(value or BodyType.VILLAGE)
    except ValueError:  # a kind a newer app knows: count it as the default here
        return BodyType.VILLAGE
