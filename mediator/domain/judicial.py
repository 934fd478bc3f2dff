"""司法确认 — who may ask a court to confirm an agreement, where, and until when.

People's Mediation Law art. 33 and Civil Procedure Law art. 205: the parties
apply *jointly*, within 30 days of the agreement taking effect.  The court is the
one that entrusted the mediation (人民法院委托调解), otherwise the basic court of
a party's domicile, of where the subject matter is, or of where the committee
sits.  Courts do not confirm agreements about marriage, adoption or other
identity relationships, nor those that settle title to property or intellectual
property (民诉法解释 art. 355).  Only a written, effective agreement can be
confirmed: an oral one must first be written down.
"""

from __future__ import annotations

import datetime as dt

from mediator.domain.agreement import effective_on
from mediator.domain.casefile import (
    COURT_BASIS_LABELS_ZH,
    STATUS_MATTER_LABELS_ZH,
    AgreementForm,
    CaseFile,
    CourtBasis,
)
from mediator.domain.findings import Finding, Severity, Step
from mediator.domain.periods import RestDay, day_period_end

WINDOW_DAYS = 30


def window_last_day(case: CaseFile, *, is_rest_day: RestDay | None = None) -> dt.date | None:
    """Last day to apply (30 days after the agreement took effect), or None if not in force."""
    start = effective_on(case)
    if start is None:
        return None
    return day_period_end(start, WINDOW_DAYS, is_rest_day=is_rest_day)


def allowed_court_bases(case: CaseFile) -> tuple[CourtBasis, ...]:
    """The grounds on which a court may hear this case's application."""
    if case.court_entrusted:
        return (CourtBasis.INVITING_COURT,)
    return (
        CourtBasis.PARTY_DOMICILE,
        CourtBasis.SUBJECT_LOCATION,
        CourtBasis.COMMITTEE_LOCATION,
    )


def _f(code: str, message: str, party_id: str | None = None) -> Finding:
    return Finding(f"judicial.{code}", message, Step.CONFIRM, Severity.ERROR, party_id)


def eligibility_findings(case: CaseFile) -> list[Finding]:
    """Why this case's agreement cannot be put to a court at all (empty: it can)."""
    out: list[Finding] = []
    a = case.agreement
    if a is None:
        return [_f("no_agreement", "没有调解协议，不能申请司法确认")]
    if a.form is AgreementForm.ORAL:
        out.append(_f("oral", "口头协议不能申请司法确认，需先制作书面调解协议"))
    elif effective_on(case) is None:
        out.append(_f("not_effective", "调解协议尚未生效（签名、盖章未齐）"))
    for matter in sorted(case.status_matters):
        label = STATUS_MATTER_LABELS_ZH[matter]
        out.append(_f(f"excluded_{matter}", f"协议涉及{label}，人民法院不予司法确认"))
    return out


def application_findings(case: CaseFile, *, is_rest_day: RestDay | None = None) -> list[Finding]:
    """Problems with the recorded application (``case.judicial``), eligibility included."""
    out = eligibility_findings(case)
    j = case.judicial
    if j is None:
        return [*out, _f("no_application", "尚未录入司法确认申请")]
    start = effective_on(case)
    last = window_last_day(case, is_rest_day=is_rest_day)
    if start is not None and j.applied_on < start:
        out.append(_f("before_effective", "申请日期早于协议生效日期"))
    if last is not None and j.applied_on > last:
        out.append(
            _f(
                "late",
                f"已超过协议生效之日起{WINDOW_DAYS}日的申请期限（最后一日为{last:%Y年%m月%d日}）",
            )
        )
    for p in case.principals:
        if p.id not in j.applicants:
            out.append(_f("not_joint", f"{p.label}未参加共同申请", p.id))
    if j.court_basis not in allowed_court_bases(case):
        allowed = "、".join(COURT_BASIS_LABELS_ZH[b] for b in allowed_court_bases(case))
        out.append(_f("court", f"受理法院不符：本案应向{allowed}申请"))
    if not j.court.strip():
        out.append(_f("court_name", "请填写受理申请的人民法院"))
    if j.decided_on is not None and j.decided_on < j.applied_on:
        out.append(_f("decided_before", "裁定日期早于申请日期"))
    return out
