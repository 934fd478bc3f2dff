"""调解协议 — when an agreement is complete, and when it takes effect.

People's Mediation Law art. 29: a written agreement (人民调解协议书) takes effect
when every party has signed, sealed or thumbprinted, the mediator has signed
and the committee's seal is applied; it is made in one copy per party plus one
for the committee.  Art. 28: an oral agreement (口头协议) takes effect when it is
reached, and the mediator registers it.

"Party" here means a party to the dispute (申请人, 被申请人, 第三人); an agent
signs *for* a party (the service then records that party as signed) and gets no
copy of their own.  A company signs by its representative plus its seal: one
signature for the purpose of these rules.
"""

from __future__ import annotations

import datetime as dt

from mediator.domain.casefile import AgreementForm, CaseFile
from mediator.domain.findings import Finding, Severity, Step


def copies_required(principals: int) -> int:
    """本协议一式N份: one copy per party plus one for the committee."""
    if principals < 1:
        raise ValueError("an agreement needs at least one party")
    return principals + 1


def copies_sentence(principals: int) -> str:
    """The closing sentence of the agreement, with N computed."""
    return f"本协议一式{copies_required(principals)}份，当事人、人民调解委员会各持一份。"


def _fully_signed(case: CaseFile) -> bool:
    a = case.agreement
    if a is None:
        return False
    parties = {p.id for p in case.principals}
    return parties <= a.signed_by and a.mediator_signed and a.sealed


def effective_on(case: CaseFile) -> dt.date | None:
    """The day the agreement took effect, or None while it has not.

    Oral: the day it was reached.  Written: the day the last signature or the
    seal was applied, once everything required is there.
    """
    a = case.agreement
    if a is None:
        return None
    if a.form is AgreementForm.ORAL:
        return a.reached_on if a.mediator_signed else None
    return a.completed_on if _fully_signed(case) else None


def _f(code: str, message: str, party_id: str | None = None, *, warn: bool = False) -> Finding:
    severity = Severity.WARNING if warn else Severity.ERROR
    return Finding(f"agreement.{code}", message, Step.OUTCOME, severity, party_id)


def agreement_findings(case: CaseFile) -> list[Finding]:
    """What the agreement still lacks before it is complete and in force."""
    a = case.agreement
    if a is None:
        return [_f("missing", "尚未录入调解协议")]
    out: list[Finding] = []
    if a.terms < 1:
        out.append(_f("terms", "协议还没有约定的内容（条款）"))
    first = case.first_session_on
    if first is None:
        out.append(_f("no_session", "没有调解记录：协议须在调解中达成"))
    elif a.reached_on < first:
        out.append(_f("before_session", "协议日期早于首次调解日期"))
    for ob in a.obligations:
        if ob.due is not None and ob.due < a.reached_on:
            out.append(_f("obligation_due", "有履行期限早于协议日期"))
            break
    if a.form is AgreementForm.ORAL:
        if not a.mediator_signed:
            out.append(_f("oral_registered", "口头协议尚未由人民调解员登记签名"))
        return out

    if not a.states_performance:
        out.append(_f("performance", "协议未写明履行方式和期限"))
    for p in case.principals:
        if p.id not in a.signature_slots:
            out.append(_f("signature_slot", f"{p.label}没有签名栏", p.id))
    n = len(case.principals)
    if n and a.copies != copies_required(n):
        out.append(
            _f(
                "copies",
                f"协议份数应为{copies_required(n)}份（当事人{n}方各一份、调委会一份），"
                f"现为{a.copies}份",
            )
        )
    for p in case.principals:
        if p.id not in a.signed_by:
            out.append(_f("unsigned", f"{p.label}尚未签名、盖章或按指印", p.id))
    if not a.mediator_signed:
        out.append(_f("mediator", "人民调解员尚未签名"))
    if not a.recorder_signed:
        out.append(_f("recorder", "记录人尚未签名"))
    if not a.sealed:
        out.append(_f("seal", "尚未加盖人民调解委员会印章"))
    if _fully_signed(case) and a.completed_on is None:
        out.append(_f("completed_on", "未记录协议签章完成（生效）的日期"))
    if a.completed_on is not None and a.completed_on < a.reached_on:
        out.append(_f("completed_before", "签章完成日期早于协议日期"))
    if not a.proofread:
        out.append(_f("proofread", "协议尚未经用语校对（抚养/扶养、订金/定金等）", warn=True))
    return out
