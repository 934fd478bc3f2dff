"""Reading one case for the workspace: its records in full plus what the rules say."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediator.domain.completeness import check_case
from mediator.domain.deadlines import case_deadlines, mediation_due
from mediator.domain.judicial import allowed_court_bases, eligibility_findings, window_last_day
from mediator.domain.lifecycle import allowed_transitions
from mediator.domain.status import CaseStatus, PartyKind, PartyRole
from mediator.domain.steps import step_views
from mediator.domain.studio_time import DEFAULT_ZONE, wall_clock
from mediator.errors import NotFoundError
from mediator.store import models as m
from mediator.store import workflow_models as w

from .dto import (
    AgreementView,
    AttachmentView,
    CaseOverview,
    ExtensionView,
    FollowUpView,
    InvestigationView,
    JudicialView,
    ObligationView,
    PartyRef,
    PaymentView,
    SessionView,
)
from .snapshot import AGREEMENT_KINDS, load_casefile, within_role_positions


def _signoffs(s: Session, case_id: str) -> dict[str, dt.date]:
    return {r.record_id: r.signed_on for r in s.execute(
        select(w.RecordSignoff.record_id, w.RecordSignoff.signed_on)
        .where(w.RecordSignoff.case_id == case_id, w.RecordSignoff.deleted.is_(False)))}


def read_overview(s: Session, case_id: str, today: dt.date) -> CaseOverview:
    c = s.execute(select(m.Case).where(m.Case.id == case_id, m.Case.deleted.is_(False))
                  ).scalar_one_or_none()
    if c is None:
        raise NotFoundError("找不到这个案件，可能已被删除。")
    casefile = load_casefile(s, case_id)
    studio = s.execute(select(m.Studio).where(m.Studio.id == c.studio_id)).scalar_one()
    mediator = s.get(m.Mediator, c.mediator_id) if c.mediator_id else None
    signed = _signoffs(s, case_id)
    files = {f.case_party_id: f for f in s.execute(
        select(w.CasePartyFile).where(w.CasePartyFile.case_id == case_id)).scalars()}
    links = [lk for lk in c.parties if not lk.deleted]
    positions = within_role_positions((lk.id, lk.role, lk.position) for lk in links)
    parties = []
    for lk in links:
        pf = files.get(lk.id)
        parties.append(PartyRef(
            id=lk.id, role=PartyRole(lk.role), position=positions[lk.id],
            kind=PartyKind(lk.party.kind), name=lk.party.name, represents=lk.represents_id,
            notice_acknowledged_on=pf.notice_acknowledged_on if pf else None,
            identity_proof=bool(pf and pf.identity_proof),
            power_of_attorney=bool(pf and pf.power_of_attorney),
            agent_powers=tuple(pf.agent_powers or ()) if pf else ()))
    clock = studio.time_zone or DEFAULT_ZONE  # times shown as the documents print them
    investigations = tuple(
        InvestigationView(r.id, wall_clock(r.held_at, clock), r.place, r.investigator,
                          r.interviewee, r.recorder,
                          tuple((x.get("q", ""), x.get("a", "")) for x in r.content),
                          signed.get(r.id))
        for r in s.execute(select(m.InvestigationRecord).where(
            m.InvestigationRecord.case_id == case_id, m.InvestigationRecord.deleted.is_(False))
            .order_by(m.InvestigationRecord.held_at)).scalars())
    sessions = tuple(
        SessionView(r.id, wall_clock(r.held_at, clock), r.place, r.subject, r.participants,
                    r.is_public, r.privacy_consent,
                    tuple((x.get("party_id", ""), x.get("text", "")) for x in r.statements),
                    r.evidence, r.risk_warning, r.result, r.recorder, signed.get(r.id))
        for r in s.execute(select(m.SessionRecord).where(
            m.SessionRecord.case_id == case_id, m.SessionRecord.deleted.is_(False))
            .order_by(m.SessionRecord.held_at)).scalars())
    agreement = _agreement(s, case_id)
    follow_ups = tuple(
        FollowUpView(r.id, r.visited_on, r.performed, r.satisfaction, r.lawsuit, r.escalation,
                     r.measures, r.visitor, signed.get(r.id))
        for r in s.execute(select(m.FollowUp).where(
            m.FollowUp.case_id == case_id, m.FollowUp.deleted.is_(False))
            .order_by(m.FollowUp.visited_on)).scalars())
    extensions = tuple(
        ExtensionView(r.id, r.granted_on, r.new_due, frozenset(r.consented_by or ()), r.reason)
        for r in s.execute(select(w.TermExtension).where(
            w.TermExtension.case_id == case_id, w.TermExtension.deleted.is_(False))
            .order_by(w.TermExtension.granted_on)).scalars())
    j = s.execute(select(w.JudicialApplication).where(
        w.JudicialApplication.case_id == case_id, w.JudicialApplication.deleted.is_(False))
        ).scalar_one_or_none()
    judicial = None if j is None else JudicialView(
        j.id, j.applied_on, j.court_basis, j.court, frozenset(j.applicants or ()),
        j.decided_on, j.confirmed, j.ruling_no)
    attachments = tuple(
        AttachmentView(a.id, a.filename, a.mime, a.size, a.kind, a.sha256, a.created_at)
        for a in s.execute(select(m.Attachment).where(
            m.Attachment.case_id == case_id, m.Attachment.deleted.is_(False))
            .order_by(m.Attachment.created_at)).scalars())
    wf = s.execute(select(w.CaseWorkflow).where(w.CaseWorkflow.case_id == case_id)
                   ).scalar_one_or_none()
    status = CaseStatus(c.status)
    return CaseOverview(
        id=c.id, case_no=c.case_no, status=status, dispute_type=c.dispute_type,
        source=c.source, summary=c.summary, requests=tuple(str(r) for r in c.requests),
        registered_on=c.registered_on, mediator_name=mediator.name if mediator else "",
        committee_name=studio.committee_name,
        written_application=bool(wf and wf.written_application),
        status_matters=frozenset(wf.status_matters or ()) if wf else frozenset(),
        refused_on=wf.refused_on if wf else None,
        refusal_reason=wf.refusal_reason if wf else "",
        terminated_on=wf.terminated_on if wf else None,
        termination_reason=wf.termination_reason if wf else "",
        routes_explained=tuple(wf.routes_explained or ()) if wf else (),
        retention_class=c.retention_class, legal_hold=c.legal_hold,
        archived_on=wf.archived_on if wf else None,
        parties=tuple(parties), investigations=investigations, sessions=sessions,
        agreement=agreement, follow_ups=follow_ups, extensions=extensions, judicial=judicial,
        attachments=attachments, casefile=casefile, today=today,
        steps=step_views(casefile, today), report=check_case(casefile, today),
        deadlines=tuple(case_deadlines(casefile)),
        allowed=tuple(allowed_transitions(casefile, today)),
        mediation_due=None if casefile.refusal else mediation_due(casefile),
        judicial_last_day=window_last_day(casefile),
        court_bases=tuple(b.value for b in allowed_court_bases(casefile)),
        judicial_blockers=tuple(f.message for f in eligibility_findings(casefile)),
        time_zone=clock,
    )


def _agreement(s: Session, case_id: str) -> AgreementView | None:
    a = s.execute(select(m.Agreement).where(
        m.Agreement.case_id == case_id, m.Agreement.deleted.is_(False),
        m.Agreement.kind.in_(AGREEMENT_KINDS))
        .order_by(m.Agreement.id.desc()).limit(1)).scalar_one_or_none()
    if a is None:
        return None
    d = s.execute(select(w.AgreementDetail).where(w.AgreementDetail.agreement_id == a.id)
                  ).scalar_one_or_none()
    pays: dict[str, list[PaymentView]] = defaultdict(list)
    for p in s.execute(select(w.Payment).where(w.Payment.case_id == case_id,
                                               w.Payment.deleted.is_(False))
                       .order_by(w.Payment.paid_on)).scalars():
        pays[p.obligation_id].append(PaymentView(p.id, p.obligation_id, p.paid_on, p.amount_fen,
                                                 p.method, p.note, p.proof_attachment_id))
    obligations = tuple(
        ObligationView(o.id, o.position, o.description, o.obligor_id, o.amount_fen, o.due,
                       o.performed_on, tuple(pays.get(o.id, ())))
        for o in s.execute(select(w.Obligation).where(
            w.Obligation.agreement_id == a.id, w.Obligation.deleted.is_(False))
            .order_by(w.Obligation.position)).scalars())
    return AgreementView(
        id=a.id, kind=a.kind, facts=a.facts, terms=tuple(str(t) for t in a.terms),
        performance_method=a.performance_method, performance_deadline=a.performance_deadline,
        amount_fen=a.amount_fen, copies=a.copies, status=a.status, effective_on=a.effective_on,
        reached_on=d.reached_on if d else None,
        signature_slots=frozenset(d.signature_slots or ()) if d else frozenset(),
        signed_by=frozenset(d.signed_by or ()) if d else frozenset(),
        mediator_signed=bool(d and d.mediator_signed),
        recorder_signed=bool(d and d.recorder_signed),
        sealed=bool(d and d.sealed), completed_on=d.completed_on if d else None,
        proofread=bool(d and d.proofread),
        acknowledged_terms=frozenset(d.acknowledged_terms or ()) if d else frozenset(),
        recorder=d.recorder if d else "", obligations=obligations)
