"""The screening register (矛盾纠纷排查): visits looking for disputes before they come in.

A studio goes out — to a village, a market, a building site — and writes down
where, who went, how many disputes it found and how many it settled on the spot
(prevented).  The monthly report counts the visits and the disputes found.  A
dispute found that needs mediation becomes a registered case in one step
(:meth:`ScreeningService.register_case`): the registration is prefilled from
the visit (:meth:`ScreeningService.prefill`: source 调委会主动调解, the visit's
date), checked like any registration, and the new case's statistics row names
the visit, all in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from mediator.domain.case_facts import CaseFacts
from mediator.errors import NotFoundError, ValidationError
from mediator.services.case_facts import apply_facts, audit_detail, check_facts
from mediator.services.dto import CaseRef, RegistrationInput
from mediator.services.registration import check_registration
from mediator.services.workflow.base import Context
from mediator.services.workflow.checks import Problems
from mediator.store import audit, outbox
from mediator.store.database import Database
from mediator.store.statistics_models import CaseStatistics, ScreeningVisit

MAX_DISPUTES = 10_000  # disputes found on one visit: a typo guard
SCREENING_SOURCE = "committee_initiative"  # 调委会主动调解


@dataclass(frozen=True)
class ScreeningInput:
    """One visit as the register's form states it."""

    visited_on: dt.date | None
    place: str
    visitors: str = ""  # who went (names of mediators, grid workers)
    disputes_found: int = 0
    disputes_prevented: int = 0
    notes: str = ""


@dataclass(frozen=True)
class ScreeningView:
    id: str
    visited_on: dt.date
    place: str
    visitors: str
    disputes_found: int
    disputes_prevented: int
    notes: str
    cases_registered: int  # cases registered from this visit
    case_nos: tuple[str, ...] = ()  # their case numbers (案号), in order of registration


class ScreeningService:
    def __init__(self, db: Database, context: Context,
                 catalogue_codes: Callable[[], tuple[frozenset[str], frozenset[str]]]) -> None:
        self._db = db
        self._context = context
        self._codes = catalogue_codes

    def record(self, inp: ScreeningInput, *, today: dt.date | None = None) -> str:
        """Add a visit to the register (every problem at once); returns its id."""
        today = today or dt.date.today()
        p = Problems()
        p.date("visited_on", inp.visited_on, "排查日期", today=today)
        if inp.visited_on is not None and inp.visited_on.year < 2000:
            p.add("visited_on", "排查日期不正确（早于2000年）。")
        place = p.text("place", inp.place, "排查地点", max_len=200, required=True)
        visitors = p.text("visitors", inp.visitors, "排查人员", max_len=200)
        notes = p.text("notes", inp.notes, "排查情况", max_len=2000, multiline=True)
        if not 0 <= inp.disputes_found <= MAX_DISPUTES:
            p.add("disputes_found", f"发现纠纷数应在0到{MAX_DISPUTES}之间。")
        if not 0 <= inp.disputes_prevented <= max(inp.disputes_found, 0):
            p.add("disputes_prevented", "化解（防止）的纠纷数不能多于发现的纠纷数。")
        p.raise_if_any()
        assert inp.visited_on is not None
        studio, mediator = self._context()
        with self._db.write() as s:
            row = ScreeningVisit(studio_id=studio.id, visited_on=inp.visited_on, place=place,
                                 visitors=visitors, disputes_found=inp.disputes_found,
                                 disputes_prevented=inp.disputes_prevented, notes=notes,
                                 mediator_id=mediator.id)
            s.add(row)
            s.flush()
            outbox.enqueue(s, "screening_visit", row.id)
            audit.record(s, studio_id=studio.id, actor=mediator.id, action="screening.record",
                         entity="screening_visit", entity_id=row.id,
                         detail={"found": inp.disputes_found,
                                 "prevented": inp.disputes_prevented})
            return row.id

    def visits(self, start: dt.date, end: dt.date) -> list[ScreeningView]:
        """The register between two dates (inclusive), newest first, each visit with
        the case numbers of the cases registered from it (the register shows them)."""
        from mediator.store.models import Case  # noqa: PLC0415

        with self._db.read() as s:
            visits = s.execute(
                select(ScreeningVisit)
                .where(ScreeningVisit.deleted.is_(False),
                       ScreeningVisit.visited_on.between(start, end))
                .order_by(ScreeningVisit.visited_on.desc(), ScreeningVisit.id.desc())
            ).scalars().all()
            case_nos: dict[str, list[str]] = {}
            linked = (select(CaseStatistics.screening_id, Case.case_no)
                      .join(Case, Case.id == CaseStatistics.case_id)
                      .join(ScreeningVisit, ScreeningVisit.id == CaseStatistics.screening_id)
                      .where(CaseStatistics.deleted.is_(False), Case.deleted.is_(False),
                             ScreeningVisit.deleted.is_(False),
                             ScreeningVisit.visited_on.between(start, end))
                      .order_by(Case.registered_on, Case.local_id))
            for visit_id, case_no in s.execute(linked):
                case_nos.setdefault(str(visit_id), []).append(case_no)
            return [ScreeningView(v.id, v.visited_on, v.place, v.visitors, v.disputes_found,
                                  v.disputes_prevented, v.notes, len(case_nos.get(v.id, [])),
                                  tuple(case_nos.get(v.id, []))) for v in visits]

    def prefill(self, visit_id: str, *, today: dt.date | None = None) -> RegistrationInput:
        """A registration to complete for a dispute found on the visit: the case comes
        from the committee's own screening (调委会主动调解), registered today; the
        mediator adds the parties and completes the summary."""
        visit = self._visit(visit_id)
        summary = f"{visit.visited_on.year}年{visit.visited_on.month}月{visit.visited_on.day}日" \
                  f"在{visit.place}排查时发现的纠纷。"
        return RegistrationInput(dispute_type="", source=SCREENING_SOURCE, summary=summary,
                                 parties=[], registered_on=today or dt.date.today(),
                                 referral_note="")

    def register_case(self, visit_id: str, reg: RegistrationInput,
                      facts: CaseFacts | None = None) -> CaseRef:
        """Register a dispute found on the visit as a case, linked to the visit (one
        transaction: the case, its parties and its statistics row naming the visit)."""
        from mediator.services.case_writes import insert_registration  # noqa: PLC0415

        visit = self._visit(visit_id)
        types, sources = self._codes()
        checked = check_registration(reg, dispute_types=types, sources=sources)
        found = list(checked.problems)
        clean_facts = CaseFacts()
        try:
            clean_facts = check_facts(facts or reg.facts or CaseFacts())  # the form's own
        except ValidationError as exc:
            found += [(f"facts.{f}", m) for f, m in exc.problems]
        if checked.reg.registered_on is not None and checked.reg.registered_on < visit.visited_on:
            found.append(("registered_on", "受理日期不能早于发现该纠纷的排查日期。"))
        if found:
            raise ValidationError(found[0][1], field=found[0][0], problems=found)
        studio, mediator = self._context()
        with self._db.write() as s:
            ref = insert_registration(s, checked.reg, studio, mediator,
                                      action="case.register_screened")
            row = CaseStatistics(studio_id=studio.id, case_id=ref.id, screening_id=visit.id)
            apply_facts(row, clean_facts)
            s.add(row)
            s.flush()
            outbox.enqueue(s, "case_statistics", row.id)
            audit.record(s, studio_id=studio.id, actor=mediator.id, action="case.statistics",
                         entity="case", entity_id=ref.id, detail=audit_detail(clean_facts))
            return ref

    def _visit(self, visit_id: str) -> ScreeningVisit:
        with self._db.read() as s:
            visit = s.execute(select(ScreeningVisit).where(
                ScreeningVisit.id == visit_id, ScreeningVisit.deleted.is_(False))
            ).scalar_one_or_none()
            if visit is None:
                raise NotFoundError("找不到这次排查记录，可能已被删除。")
            s.expunge(visit)
            return visit
