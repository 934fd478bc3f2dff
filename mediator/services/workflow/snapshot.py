"""Reading a case's file out of the database as the domain's :class:`CaseFile`.

Two callers with different needs share this module: one case for the workspace
(with the records in full), and every open case at once for the Today view.
Both go through :func:`load_casefiles`, which issues one column-only query per
table filtered by a sub-query of case ids — no ORM objects, no N+1 — so 100k
cases cost a dozen queries.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Select, func, literal_column, select
from sqlalchemy.orm import Session

from mediator.domain.archive import RetentionClass
from mediator.domain.casefile import (
    AgreementForm,
    AgreementRecord,
    ArchiveRecord,
    CaseFile,
    CourtBasis,
    Extension,
    FollowUpRecord,
    InvestigationRecord,
    JudicialRecord,
    LedgerOrigin,
    Obligation,
    PartyRecord,
    RefusalRecord,
    SessionRecord,
    StatusMatter,
    TerminationRecord,
)
from mediator.domain.ledger import NO_SUMMARY
from mediator.domain.status import CaseStatus, PartyKind, PartyRole
from mediator.domain.studio_time import wall_clock
from mediator.store import models as m
from mediator.store import workflow_models as w

#: Agreement.kind of the agreement itself; a 补充协议 (``addendum``) amends it.
AGREEMENT_KINDS = ("written", "oral")
#: The audit action of a case imported from an Excel ledger (services/ledger_import.py).
LEDGER_ACTION = "case.import_ledger"

# Retention codes written before the domain's classes were fixed (early demo data).
_LEGACY_RETENTION = {"long": RetentionClass.LONG, "short": RetentionClass.SHORT}


def retention_of(code: str) -> RetentionClass | None:
    if not code:
        return None
    try:
        return RetentionClass(code)
    except ValueError:
        return _LEGACY_RETENTION.get(code)


def within_role_positions(rows: Iterable[tuple[str, str, int]]) -> dict[str, int]:
    """case_party id -> position within its role, from 1, for rows (id, role, position)."""
    counters: dict[str, int] = defaultdict(int)
    out: dict[str, int] = {}
    for pid, role, _pos in sorted(rows, key=lambda r: (r[1], r[2], r[0])):
        counters[role] += 1
        out[pid] = counters[role]
    return out


@dataclass
class _Raw:
    case: Any
    parties: list[Any] = field(default_factory=list)
    files: dict[str, Any] = field(default_factory=dict)
    investigations: list[Any] = field(default_factory=list)
    sessions: list[Any] = field(default_factory=list)
    agreement: Any = None
    detail: Any = None
    obligations: list[Any] = field(default_factory=list)
    follow_ups: list[Any] = field(default_factory=list)
    workflow: Any = None
    extensions: list[Any] = field(default_factory=list)
    judicial: Any = None
    evidence: int = 0
    ledger: dict[str, Any] | None = None  # the ledger import's audit detail


def load_casefiles(s: Session, case_ids: Select[Any]) -> dict[str, CaseFile]:
    """The :class:`CaseFile` of every case whose id ``case_ids`` (a sub-query) selects."""
    raws: dict[str, _Raw] = {}
    row: Any
    for row in s.execute(
        select(m.Case.id, m.Case.status, m.Case.source, m.Case.dispute_type,
               m.Case.registered_on, m.Case.retention_class, m.Case.legal_hold,
               (m.Case.summary == NO_SUMMARY).label("no_summary"),
               m.Studio.time_zone)  # the studio's clock gives a record's date
        .join(m.Studio, m.Studio.id == m.Case.studio_id)
        .where(m.Case.id.in_(case_ids))
    ):
        raws[row.id] = _Raw(row)
    if not raws:
        return {}
    cp = m.CaseParty
    for row in s.execute(
        select(cp.id, cp.case_id, cp.role, cp.position, cp.represents_id, m.Party.kind)
        .join(m.Party, m.Party.id == cp.party_id)
        .where(cp.case_id.in_(case_ids), cp.deleted.is_(False))
    ):
        raws[row.case_id].parties.append(row)
    f = w.CasePartyFile
    for row in s.execute(
        select(f.case_id, f.case_party_id, f.notice_acknowledged_on, f.identity_proof,
               f.power_of_attorney).where(f.case_id.in_(case_ids), f.deleted.is_(False))
    ):
        raws[row.case_id].files[row.case_party_id] = row
    signed = {
        r.record_id for r in s.execute(
            select(w.RecordSignoff.record_id)
            .where(w.RecordSignoff.case_id.in_(case_ids), w.RecordSignoff.deleted.is_(False)))
    }
    ir = m.InvestigationRecord
    for row in s.execute(select(ir.id, ir.case_id, ir.held_at)
                         .where(ir.case_id.in_(case_ids), ir.deleted.is_(False))):
        raws[row.case_id].investigations.append(row)
    sr = m.SessionRecord
    for row in s.execute(select(sr.id, sr.case_id, sr.held_at, sr.is_public, sr.privacy_consent)
                         .where(sr.case_id.in_(case_ids), sr.deleted.is_(False))):
        raws[row.case_id].sessions.append(row)
    ag = m.Agreement
    for row in s.execute(
        select(ag.id, ag.case_id, ag.kind, ag.terms, ag.performance_method, ag.copies,
               ag.amount_fen, ag.status, ag.effective_on)
        .where(ag.case_id.in_(case_ids), ag.deleted.is_(False), ag.kind.in_(AGREEMENT_KINDS))
        .order_by(ag.id)
    ):
        raws[row.case_id].agreement = row  # the newest (UUIDv7 order) wins
    d = w.AgreementDetail
    for det in s.execute(select(d).where(d.case_id.in_(case_ids), d.deleted.is_(False))
                         ).scalars():
        raw = raws[det.case_id]
        if raw.agreement is not None and raw.agreement.id == det.agreement_id:
            raw.detail = det
    proofs = {
        r.obligation_id for r in s.execute(
            select(w.Payment.obligation_id)
            .where(w.Payment.case_id.in_(case_ids), w.Payment.deleted.is_(False),
                   w.Payment.proof_attachment_id.is_not(None)))
    }
    ob = w.Obligation
    for row in s.execute(
        select(ob.id, ob.case_id, ob.agreement_id, ob.position, ob.due, ob.performed_on,
               ob.amount_fen).where(ob.case_id.in_(case_ids), ob.deleted.is_(False))
        .order_by(ob.position)
    ):
        raw = raws[row.case_id]
        if raw.agreement is not None and raw.agreement.id == row.agreement_id:
            raw.obligations.append(row)
    fu = m.FollowUp
    for row in s.execute(select(fu.id, fu.case_id, fu.visited_on, fu.performed)
                         .where(fu.case_id.in_(case_ids), fu.deleted.is_(False))):
        raws[row.case_id].follow_ups.append(row)
    for wf in s.execute(select(w.CaseWorkflow).where(w.CaseWorkflow.case_id.in_(case_ids),
                                                     w.CaseWorkflow.deleted.is_(False))).scalars():
        raws[wf.case_id].workflow = wf
    ex = w.TermExtension
    for row in s.execute(select(ex.case_id, ex.granted_on, ex.new_due, ex.consented_by)
                         .where(ex.case_id.in_(case_ids), ex.deleted.is_(False))):
        raws[row.case_id].extensions.append(row)
    for ja in s.execute(select(w.JudicialApplication)
                        .where(w.JudicialApplication.case_id.in_(case_ids),
                               w.JudicialApplication.deleted.is_(False))).scalars():
        raws[ja.case_id].judicial = ja
    at = m.Attachment
    for row in s.execute(select(at.case_id, func.count())
                         .where(at.case_id.in_(case_ids), at.deleted.is_(False),
                                at.kind == "evidence").group_by(at.case_id)):
        raws[row[0]].evidence = int(row[1])
    _ledger_marks(s, raws, case_ids)
    return {cid: _casefile(raw, signed, proofs) for cid, raw in raws.items()}


def written_casefiles(written: Iterable[tuple[dict[str, Any], list[dict[str, Any]],
                                             list[dict[str, Any]], dict[str, Any]]],
                      time_zone: str) -> dict[str, CaseFile]:
    """The :class:`CaseFile` of cases just inserted with their parties and roles and
    nothing else (the ledger import's thousands at 受理), from the rows as written.

    The same mapping as :func:`load_casefiles` (:func:`_casefile`, the ledger mark
    read only at 受理), without reading back what the caller has just written: that
    was half a second of a 5,000-row import.  Each item is (the case's row, its
    party rows, its role rows, its registration event's detail);
    tests/services/test_ledger_import_tables.py holds the two equal."""
    out: dict[str, CaseFile] = {}
    for case, parties, links, detail in written:
        kinds = {p["id"]: p["kind"] for p in parties}
        raw = _Raw(SimpleNamespace(
            id=case["id"], status=case["status"], source=case["source"],
            dispute_type=case["dispute_type"], registered_on=case["registered_on"],
            retention_class=case["retention_class"], legal_hold=case["legal_hold"],
            no_summary=case["summary"] == NO_SUMMARY, time_zone=time_zone))
        raw.parties = [SimpleNamespace(id=lk["id"], case_id=lk["case_id"], role=lk["role"],
                                       position=lk["position"],
                                       represents_id=lk["represents_id"],
                                       kind=kinds[lk["party_id"]])
                       for lk in links if not lk["deleted"]]
        if case["status"] == CaseStatus.REGISTERED.value:
            raw.ledger = detail
        out[case["id"]] = _casefile(raw, set(), set())
    return out


def _ledger_marks(s: Session, raws: dict[str, _Raw], case_ids: Select[Any]) -> None:
    """The ledger import's mark (its audit event) of the cases still at 受理.

    An imported case starts at 受理 and the ledger's outcome is what its report
    asks for; once the mediator moves it on, the records speak for it.  Only then
    is the audit log read (it has no index on the case, and opening any other case
    must not scan it)."""
    if not any(r.case.status == CaseStatus.REGISTERED.value for r in raws.values()):
        return
    ev = m.AuditEvent
    for entity_id, detail in s.execute(
        select(ev.entity_id, ev.detail).where(ev.action == LEDGER_ACTION,
                                              ev.entity_id.in_(case_ids))
    ):
        if entity_id in raws and isinstance(detail, dict):
            raws[entity_id].ledger = detail


def _ledger_origin(raw: _Raw) -> LedgerOrigin | None:
    detail, no_summary = raw.ledger, bool(raw.case.no_summary)
    if detail is None and not no_summary:
        return None
    detail = detail or {}
    closed = detail.get("ledger_closed_on")
    try:
        closed_on = dt.date.fromisoformat(closed) if isinstance(closed, str) else None
    except ValueError:
        closed_on = None
    row = detail.get("ledger_row")
    return LedgerOrigin(row=row if isinstance(row, int) else None,
                        result=str(detail.get("ledger_result") or ""), closed_on=closed_on,
                        summary_missing=no_summary)


def _casefile(raw: _Raw, signed: set[str], proofs: set[str]) -> CaseFile:
    c = raw.case
    positions = within_role_positions((p.id, p.role, p.position) for p in raw.parties)
    parties = []
    for p in sorted(raw.parties, key=lambda p: p.position):
        pf = raw.files.get(p.id)
        parties.append(PartyRecord(
            id=p.id, role=PartyRole(p.role), position=positions[p.id],
            kind=PartyKind(p.kind), represents=p.represents_id,
            identity_proof=bool(pf and pf.identity_proof),
            notice_acknowledged_on=pf.notice_acknowledged_on if pf else None,
            power_of_attorney=bool(pf and pf.power_of_attorney),
        ))
    agreement = None
    a, det = raw.agreement, raw.detail
    if a is not None:
        agreement = _agreement(a, det, raw, c.registered_on, proofs)
    wf = raw.workflow
    termination = refusal = None
    matters: frozenset[StatusMatter] = frozenset()
    archived_on = None
    if wf is not None:
        if wf.terminated_on is not None:
            termination = TerminationRecord(wf.terminated_on, wf.termination_reason,
                                            tuple(wf.routes_explained or ()))
        if wf.refused_on is not None:
            refusal = RefusalRecord(wf.refused_on, wf.refusal_reason)
        matters = frozenset(StatusMatter(x) for x in wf.status_matters or ())
        archived_on = wf.archived_on
    status = CaseStatus(c.status)
    retention = retention_of(c.retention_class)
    archive = None
    if retention is not None or c.legal_hold or archived_on is not None:
        archive = ArchiveRecord(retention, bool(c.legal_hold), archived_on)
    j = raw.judicial
    judicial = None
    if j is not None:
        judicial = JudicialRecord(j.applied_on, CourtBasis(j.court_basis), j.court,
                                  frozenset(j.applicants or ()), j.decided_on, j.confirmed)
    return CaseFile(
        status=status, source=c.source, dispute_type=c.dispute_type,
        registered_on=c.registered_on, parties=tuple(parties),
        investigations=tuple(
            InvestigationRecord(r.id, wall_clock(r.held_at, c.time_zone).date(), r.id in signed)
            for r in sorted(raw.investigations, key=lambda r: r.held_at)),
        sessions=tuple(
            SessionRecord(r.id, wall_clock(r.held_at, c.time_zone).date(), not r.is_public,
                          bool((r.privacy_consent or "").strip()), r.id in signed)
            for r in sorted(raw.sessions, key=lambda r: r.held_at)),
        agreement=agreement, termination=termination, refusal=refusal,
        follow_ups=tuple(
            FollowUpRecord(r.id, r.visited_on, r.performed, r.id in signed)
            for r in sorted(raw.follow_ups, key=lambda r: r.visited_on)),
        extensions=tuple(
            Extension(e.granted_on, e.new_due, frozenset(e.consented_by or ()))
            for e in raw.extensions),
        judicial=judicial, archive=archive, status_matters=matters,
        written_application=bool(wf and wf.written_application),
        evidence_items=raw.evidence,
        skipped_steps=frozenset(str(x) for x in (wf.skipped_steps or ())) if wf else frozenset(),
        ledger=_ledger_origin(raw),
    )


def listed_cases(case_ids: Iterable[str]) -> Select[Any]:
    """The sub-query of the cases ``case_ids`` lists, for :func:`load_casefiles`.

    The ids go to SQLite as one JSON array (``json_each``): each of the loader's
    dozen queries binds one parameter, not thousands (compiling and binding a
    5,000-id list a dozen times cost more than the queries), and there is no
    bound-parameter limit."""
    wanted: Select[Any] = select(literal_column("value")).select_from(
        func.json_each(json.dumps(list(case_ids))))
    return select(m.Case.id).where(m.Case.id.in_(wanted))


def one_case(case_id: str) -> Select[Any]:
    return select(m.Case.id).where(m.Case.id == case_id)


def load_casefile(s: Session, case_id: str) -> CaseFile:
    return load_casefiles(s, one_case(case_id))[case_id]


def today_default(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def _agreement(a: Any, det: Any, raw: _Raw, registered_on: dt.date,
               proofs: set[str]) -> AgreementRecord:
    """The agreement as the rules see it.

    An agreement finalised by the documents flow (定稿: signed on screen or wet
    ink, sealed, digitally signed — ``status == "final"``) is complete whatever
    this table recorded; one made elsewhere without a detail row gets a
    signature block per party and the date it took effect.
    """
    principals = [p.id for p in raw.parties if p.role != PartyRole.AGENT.value]
    final = a.status == "final"
    reached = det.reached_on if det is not None else (a.effective_on or registered_on)
    slots = frozenset(det.signature_slots or []) if det is not None else frozenset(principals)
    signed = frozenset(det.signed_by or []) if det is not None else frozenset()
    if final:
        signed = frozenset(principals)
    return AgreementRecord(
        form=AgreementForm(a.kind), reached_on=reached, terms=len(a.terms or []),
        obligations=tuple(
            Obligation(o.id, o.due, o.performed_on, o.id in proofs, o.amount_fen)
            for o in raw.obligations),
        states_performance=bool((a.performance_method or "").strip()) and bool(raw.obligations),
        signature_slots=slots | (frozenset(principals) if final else frozenset()),
        signed_by=signed,
        mediator_signed=final or bool(det and det.mediator_signed),
        # No separate 记录人 named: no 记录人 line to sign (the mediator records).
        recorder_signed=final or bool(det and (det.recorder_signed
                                               or not (det.recorder or "").strip())),
        sealed=final or bool(det and det.sealed),
        copies=a.copies,
        completed_on=(a.effective_on if final else None) or (det.completed_on if det else None),
        amount_fen=a.amount_fen, proofread=final or bool(det and det.proofread),
        final=final or a.kind != AgreementForm.WRITTEN.value,
    )
