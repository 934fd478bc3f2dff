"""From the database to the documents' plain inputs (:mod:`mediator.documents.model`).

:func:`load_bundle` reads everything one case's documents need in a single read
transaction and detaches it; the builders below turn that bundle into frozen
document inputs with Chinese labels.  Nothing here writes.

Ages are computed on the document's own date (an agreement signed in March
keeps the ages of March), so re-rendering a document later gives the same text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediator.documents import model
from mediator.domain.idcard import age_on
from mediator.domain.status import (
    PARTY_ROLE_LABELS_ZH,
    REPRESENTATIVE_ROLE_LABELS_ZH,
    SEX_LABELS_ZH,
    PartyRole,
    RepresentativeRole,
    Sex,
)
from mediator.domain.studio_time import DEFAULT_ZONE, wall_clock
from mediator.errors import NotFoundError, ValidationError
from mediator.services.catalogue import load_catalogue
from mediator.services.workflow.dto import SATISFACTION_LABELS_ZH, Satisfaction
from mediator.store.models import (
    Agreement,
    Attachment,
    Case,
    CaseParty,
    FollowUp,
    InvestigationRecord,
    Mediator,
    Party,
    SessionRecord,
    Studio,
)
from mediator.store.workflow_models import AgreementDetail

ROLE_ORDER = {PartyRole.APPLICANT: 0, PartyRole.RESPONDENT: 1, PartyRole.THIRD_PARTY: 2,
              PartyRole.AGENT: 3}
RETENTION_LABELS = {"permanent": "永久", "long": "长期", "short": "短期"}
DEFAULT_ROUTES = "可以依法申请仲裁，或者向有管辖权的人民法院提起诉讼。"
DEFAULT_TERM = "自本委托书签署之日起至本纠纷调解终结之日止"
ADDENDUM_LEAD = "本协议是对"


@dataclass
class CaseBundle:
    """One case with everything its documents print, detached from the session."""

    case: Case
    studio: Studio
    mediator_name: str
    links: list[CaseParty]  # principals first by role, then agents
    investigations: list[InvestigationRecord] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    time_zone: str = DEFAULT_ZONE  # the studio's clock, for the times printed
    #: agreement id -> its separate 记录人 (empty: the studio has none for it)
    recorders: dict[str, str] = field(default_factory=dict)

    @property
    def principals(self) -> list[CaseParty]:
        return [lk for lk in self.links if lk.role != PartyRole.AGENT]

    @property
    def agents(self) -> list[CaseParty]:
        return [lk for lk in self.links if lk.role == PartyRole.AGENT]

    def agreement(self, agreement_id: str) -> Agreement:
        for a in self.agreements:
            if a.id == agreement_id:
                return a
        raise NotFoundError("找不到这份协议，可能已被删除。")


def _live(rows: Sequence[Any]) -> list[Any]:
    return [r for r in rows if not r.deleted]


def load_bundle(s: Session, *, case_id: str | None = None, case_no: str | None = None
                ) -> CaseBundle:
    """Read one case (by id or by case number) with its records, then detach them."""
    query = select(Case).where(Case.deleted.is_(False))
    query = query.where(Case.id == case_id) if case_id is not None else \
        query.where(Case.case_no == (case_no or "").strip())
    case = s.execute(query).scalar_one_or_none()
    if case is None:
        raise NotFoundError("找不到这个案件，请核对案号。" if case_no is not None
                            else "找不到这个案件，可能已被删除。")
    studio = s.execute(select(Studio).where(Studio.id == case.studio_id)).scalar_one()
    mediator = s.get(Mediator, case.mediator_id) if case.mediator_id else None
    links = sorted(_live(case.parties),
                   key=lambda lk: (ROLE_ORDER.get(PartyRole(lk.role), 9), lk.position))

    def rows(model_cls: Any, order: Any) -> list[Any]:
        return _live(list(s.execute(select(model_cls).where(model_cls.case_id == case.id)
                                    .order_by(order)).scalars()))

    bundle = CaseBundle(
        case=case, studio=studio, mediator_name=mediator.name if mediator else "",
        links=links,
        investigations=rows(InvestigationRecord, InvestigationRecord.held_at),
        sessions=rows(SessionRecord, SessionRecord.held_at),
        agreements=rows(Agreement, Agreement.updated_at),
        follow_ups=rows(FollowUp, FollowUp.visited_on),
        attachments=rows(Attachment, Attachment.created_at),
        time_zone=studio.time_zone or DEFAULT_ZONE,
        # The mediator recording his own mediation is no separate 记录人: no line, no
        # second signature of his (the approval would wait for it).
        recorders={d.agreement_id: rec for d in s.execute(
            select(AgreementDetail).where(AgreementDetail.case_id == case.id,
                                          AgreementDetail.deleted.is_(False))).scalars()
                   if (rec := d.recorder.strip()) and rec != (mediator.name if mediator else "")},
    )
    for lk in links:
        _ = lk.party  # joined-loaded; touched so it survives the expunge
    s.expunge_all()
    return bundle


# ------------------------------------------------------------------ labels
def dispute_label(code: str) -> str:
    try:
        label = load_catalogue("dispute_types").label(code, "zh")
    except Exception:  # a retired or unknown code still prints something readable
        label = code
    return label if label.endswith("纠纷") else f"{label}纠纷"


def source_label(code: str) -> str:
    try:
        return load_catalogue("case_sources").label(code, "zh")
    except Exception:
        return code


#: The offices an organisation acts through (the party table's row label), by
#: the stored code and by the Chinese an older registration typed as a job title.
LEGAL_REPRESENTATIVE = REPRESENTATIVE_ROLE_LABELS_ZH[RepresentativeRole.LEGAL]
PRINCIPAL_OFFICER = REPRESENTATIVE_ROLE_LABELS_ZH[RepresentativeRole.PRINCIPAL]
_OFFICES = {**{role.value: label for role, label in REPRESENTATIVE_ROLE_LABELS_ZH.items()},
            LEGAL_REPRESENTATIVE: LEGAL_REPRESENTATIVE, PRINCIPAL_OFFICER: PRINCIPAL_OFFICER,
            "负责人": PRINCIPAL_OFFICER}


def representative_office(p: Party) -> tuple[str, str]:
    """(office, 职务) of an organisation's representative.

    The office is what the party records (``representative_role``: legal /
    principal); a registration that typed the office into the job title
    (法定代表人, 负责人) is read as that office with no separate 职务.
    """
    title = str(p.representative_title or "").strip()
    recorded = _OFFICES.get(p.representative_role or "")
    if title in _OFFICES:
        return recorded or _OFFICES[title], ""
    return recorded or LEGAL_REPRESENTATIVE, title


def satisfaction_label(code: str) -> str:
    """满意 / 基本满意 / 不满意 for the stored code; text from older records as it is."""
    try:
        return SATISFACTION_LABELS_ZH[Satisfaction(code)]
    except ValueError:
        return code


def doc_party(link: CaseParty, on: dt.date) -> model.DocParty:
    p = link.party
    role = PartyRole(link.role)
    office, title = representative_office(p)
    return model.DocParty(
        role=PARTY_ROLE_LABELS_ZH[role] if role is not PartyRole.AGENT else "受托人",
        name=p.name,
        kind=model.PartyKind(p.kind),
        sex=SEX_LABELS_ZH[Sex(p.sex)] if p.sex else "",
        ethnicity=p.ethnicity,
        age=age_on(p.birth_date, on) if p.birth_date else None,
        occupation=p.occupation, phone=p.phone, address=p.address, id_number=p.id_number,
        representative=p.representative, representative_title=title,
        representative_role=office,
    )


def doc_case(b: CaseBundle, on: dt.date, *, recorder: str = "") -> model.DocCase:
    c = b.case
    return model.DocCase(
        case_no=c.case_no, committee_name=b.studio.committee_name,
        dispute_type=dispute_label(c.dispute_type), source=source_label(c.source),
        summary=c.summary, parties=tuple(doc_party(lk, on) for lk in b.principals),
        registered_on=c.registered_on, mediator=b.mediator_name, recorder=recorder,
        requests=tuple(str(r) for r in c.requests),
    )


def agreement_number(case_no: str) -> str:
    """（2026）桂城人调字第12号 -> （2026）桂城人调协字第12号 (the agreement's 编号)."""
    return case_no.replace("人调字", "人调协字", 1) if "人调字" in case_no else case_no


def case_title(b: CaseBundle) -> str:
    """卷名, e.g. 王珺与𠮷野家明等邻里纠纷 (first applicant and respondent)."""
    names = [lk.party.name for lk in b.principals]
    first = names[0] if names else ""
    other = names[1] if len(names) > 1 else ""
    more = "等" if len(names) > 2 else ""
    joined = f"{first}与{other}" if other else first
    return f"{joined}{more}{dispute_label(b.case.dispute_type)}"


# ------------------------------------------------------------------ signatures
def signature_to_json(sig: model.Signature) -> dict[str, Any]:
    if sig.thumbprint:
        return {"thumbprint": True}
    return {"strokes": [[[round(x, 4), round(y, 4)] for x, y in stroke]
                        for stroke in sig.strokes]}


def signature_from_json(data: Mapping[str, Any] | None) -> model.Signature | None:
    if not data:
        return None
    if data.get("thumbprint"):
        return model.Signature(thumbprint=True)
    strokes = data.get("strokes")
    if not isinstance(strokes, list):
        raise ValidationError("保存的签名数据已损坏，请重新签名", field="signature")
    return model.Signature(strokes=tuple(tuple((float(p[0]), float(p[1])) for p in stroke)
                                         for stroke in strokes))


# ------------------------------------------------------------------ documents
def performance_text(a: Agreement) -> str:
    text = a.performance_method.strip()
    if a.performance_deadline is not None:
        d = a.performance_deadline
        deadline = f"履行期限：{d.year}年{d.month}月{d.day}日前。"
        text = f"{text}\n{deadline}" if text else deadline
    return text or "按本协议约定的方式和期限履行。"


def agreement_input(b: CaseBundle, a: Agreement, *, on: dt.date,
                    signatures: Mapping[str, model.Signature] | None = None,
                    mediator_signature: model.Signature | None = None,
                    recorder_signature: model.Signature | None = None,
                    seal: model.Seal | None = None) -> model.AgreementInput:
    """The agreement as printed; ``signatures`` maps party ids to what they signed.

    The 记录人 line is printed (and signed) only when the agreement names a
    separate recorder.
    """
    signatures = signatures or {}
    sigs = tuple(signatures.get(lk.party_id) for lk in b.principals)
    facts = a.facts.strip() or b.case.summary
    if a.kind == "addendum" and facts.startswith(ADDENDUM_LEAD):
        # Addenda made before amends_id carried the reference in their facts; the
        # page now prints it under the number, so it is not repeated here.
        facts = facts.partition("\n")[2].strip() or facts
    number = agreement_number(b.case.case_no)
    amends_number, amends_date = "", None
    if a.kind == "addendum":
        number = f"{number}（补充）"
        amended = _amended(b, a)
        amends_number = agreement_number(b.case.case_no)
        if amended is not None and amended.kind == "addendum":
            amends_number += "（补充）"
        amends_date = amended.effective_on if amended is not None else None
    return model.AgreementInput(
        case=doc_case(b, on, recorder=b.recorders.get(a.id, "")), date=on,
        signatures=sigs if any(sigs) else (), agreement_id=a.id, number=number, facts=facts,
        terms=tuple(str(t) for t in a.terms if str(t).strip()),
        performance=performance_text(a), mediator_signature=mediator_signature,
        recorder_signature=recorder_signature if b.recorders.get(a.id) else None, seal=seal,
        amends_number=amends_number, amends_date=amends_date,
    )


def _amended(b: CaseBundle, addendum: Agreement) -> Agreement | None:
    """The agreement an addendum amends: its recorded ``amends_id``, else the case's
    final written agreement (records made before the column existed)."""
    wanted = addendum.amends_id
    for a in b.agreements:
        if wanted and a.id == wanted:
            return a
    finals = [a for a in b.agreements if a.kind in ("written", "oral") and a.status == "final"]
    return finals[-1] if finals else None


def application_input(b: CaseBundle) -> model.ApplicationInput:
    return model.ApplicationInput(case=doc_case(b, b.case.registered_on),
                                  date=b.case.registered_on)


def registration_input(b: CaseBundle, seal: model.Seal | None) -> model.RegistrationFormInput:
    return model.RegistrationFormInput(case=doc_case(b, b.case.registered_on),
                                       date=b.case.registered_on, registrar=b.mediator_name,
                                       seal=seal)


def rights_notice_input(b: CaseBundle) -> model.RightsNoticeInput:
    return model.RightsNoticeInput(case=doc_case(b, b.case.registered_on),
                                   date=b.case.registered_on)


def authorisation_input(b: CaseBundle, agent: CaseParty) -> model.AuthorisationInput | None:
    principals = b.principals
    index = next((i for i, lk in enumerate(principals) if lk.id == agent.represents_id), None)
    if index is None:
        return None
    on = b.case.registered_on
    return model.AuthorisationInput(
        case=doc_case(b, on), principal_index=index, agent=doc_party(agent, on),
        powers=frozenset({model.Power.PARTICIPATE, model.Power.STATE}), term=DEFAULT_TERM,
        date=on)


def brief(text: str, limit: int = 120) -> str:
    """The first sentence of ``text`` as a short 事由/纠纷事项, never cut mid-word unmarked."""
    first = text.strip().split("。", 1)[0].strip()
    return first if len(first) <= limit else first[:limit - 2] + "……"


def studio_time(b: CaseBundle, ts: dt.datetime) -> dt.datetime:
    """A stored (UTC) timestamp on the studio's clock, as documents print it."""
    return wall_clock(ts, b.time_zone)


def investigation_input(b: CaseBundle, r: InvestigationRecord, index: int
                        ) -> model.InvestigationInput:
    start = wall_clock(r.held_at, b.time_zone)
    entries = tuple(model.QA(str(e.get("q", "")), str(e.get("a", "")))
                    for e in r.content if isinstance(e, dict))
    return model.InvestigationInput(
        case=doc_case(b, start.date()), index=index, started_at=start, ended_at=start,
        place=r.place, investigator=r.investigator or b.mediator_name,
        interviewee=r.interviewee,
        interviewee_details=interviewee_details(b, r.interviewee, start.date()),
        recorder=r.recorder, entries=entries)


def interviewee_details(b: CaseBundle, name: str, on: dt.date) -> str:
    """基本情况 of an interviewee who is a party of the case (role, sex, age, address);
    empty for anyone else (a neighbour, a repairman), whom the record names only."""
    link = next((lk for lk in b.links if lk.party.name == name.strip()), None)
    if link is None:
        return ""
    p = doc_party(link, on)
    age = f"{p.age}岁" if p.age is not None else ""
    return "，".join(x for x in (p.role, p.sex, age, p.address) if x)


def statement_speaker(b: CaseBundle, statement: Mapping[str, Any]) -> str:
    """Who made a statement, as the form writes it: 申请人张三 / 被申请人李四 / 调解员.

    A statement records the case-party link's id (``party_id``); older records
    may hold the party's own id, or a ``speaker`` ("mediator" or a label).
    """
    key = str(statement.get("party_id", "") or "")
    for lk in b.links:
        if key and key in (lk.id, lk.party_id):
            role = PartyRole(lk.role)
            label = PARTY_ROLE_LABELS_ZH[role] if role is not PartyRole.AGENT else "委托代理人"
            return f"{label}{lk.party.name}"
    speaker = str(statement.get("speaker", "") or "")
    if speaker == "mediator" or (not speaker and key == "mediator"):
        return f"调解员{b.mediator_name}"
    return speaker or "当事人"


def session_input(b: CaseBundle, r: SessionRecord, index: int,
                  seal: model.Seal | None) -> model.SessionRecordInput:
    start = wall_clock(r.held_at, b.time_zone)
    statements = tuple(
        model.Statement(statement_speaker(b, st), str(st.get("text", "")))
        for st in r.statements if isinstance(st, dict))
    succeeded = any(a.status == "final" for a in b.agreements) and index == len(b.sessions)
    return model.SessionRecordInput(
        case=doc_case(b, start.date(), recorder=r.recorder), date=start.date(), index=index,
        started_at=start, place=r.place, matter=r.subject or brief(b.case.summary),
        participants=r.participants, public=r.is_public, statements=statements,
        evidence=r.evidence, risk_warning=r.risk_warning, succeeded=succeeded,
        outcome=r.result, routes="" if succeeded else DEFAULT_ROUTES, seal=seal)


def follow_up_input(b: CaseBundle, f: FollowUp, index: int) -> model.FollowUpInput:
    written = [a for a in b.agreements if a.kind in ("written", "oral")]
    performed = {True: "已履行", False: "未履行", None: "履行情况待核实"}[f.performed]
    return model.FollowUpInput(
        case=doc_case(b, f.visited_on), index=index, visited_on=f.visited_on,
        agreement_no=agreement_number(b.case.case_no) if written else "",
        matter=brief(b.case.summary), performed=performed,
        satisfaction=satisfaction_label(f.satisfaction) if f.satisfaction else "—",
        lawsuit=f.lawsuit or "无",
        escalation="；".join(t for t in (f.escalation, f.measures) if t) or "无",
        visitor=f.visitor or b.mediator_name)


def notice_number(case_no: str, infix: str) -> str:
    return case_no.replace("人调字", f"人调{infix}字", 1) if "人调字" in case_no else case_no


def refusal_input(b: CaseBundle, seal: model.Seal | None) -> model.RefusalNoticeInput:
    c = b.case
    return model.RefusalNoticeInput(
        case=doc_case(b, c.registered_on), number=notice_number(c.case_no, "不受"),
        reason=c.status_reason or "不属于人民调解委员会受理范围。", routes=DEFAULT_ROUTES,
        date=c.registered_on, seal=seal)


def termination_input(b: CaseBundle, seal: model.Seal | None, on: dt.date
                      ) -> model.TerminationNoticeInput:
    c = b.case
    return model.TerminationNoticeInput(
        case=doc_case(b, on), number=notice_number(c.case_no, "终"),
        reason=c.status_reason or "调解不成，终止调解。", routes=DEFAULT_ROUTES, date=on,
        seal=seal)
