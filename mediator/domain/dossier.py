"""卷宗 — what goes into a closed case's dossier, and in which order.

The contents list (卷内目录) of a People's Mediation dossier follows a fixed
order (DOMAIN.md, document 10): application or registration, rights notice,
identity proofs, power of attorney, investigation records, evidence, mediation
records, agreement, proof of performance, follow-up, judicial-confirmation
materials, case notes, back cover.  :func:`dossier_contents` lists the entries
this case's file holds, with how many of each, for the printed 卷内目录 and the
cover's date range.

:class:`DocumentKind` codes double as the ``kind`` of an attachment where a
scan stands for the document (an identity copy, a proof of payment).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from mediator.domain.casefile import AgreementForm, CaseFile


class DocumentKind(enum.StrEnum):
    APPLICATION = "application"  # 人民调解申请书
    REGISTRATION = "registration"  # 人民调解受理登记表
    RIGHTS_NOTICE = "rights_notice"  # 当事人权利义务告知书
    IDENTITY_PROOF = "identity_proof"  # 当事人身份证明
    POWER_OF_ATTORNEY = "power_of_attorney"  # 授权委托书
    INVESTIGATION_RECORD = "investigation_record"  # 调查记录
    EVIDENCE = "evidence"  # 证据材料
    SESSION_RECORD = "session_record"  # 人民调解记录
    AGREEMENT = "agreement"  # 人民调解协议书
    ORAL_AGREEMENT = "oral_agreement"  # 口头协议登记表
    PERFORMANCE_PROOF = "performance_proof"  # 履行凭证
    FOLLOW_UP = "follow_up"  # 回访记录
    JUDICIAL = "judicial"  # 司法确认材料
    CASE_NOTES = "case_notes"  # 结案报告、情况说明
    BACK_COVER = "back_cover"  # 封底（备考表）

    @property
    def label_zh(self) -> str:
        return DOCUMENT_LABELS_ZH[self]


DOCUMENT_LABELS_ZH: dict[DocumentKind, str] = {
    DocumentKind.APPLICATION: "人民调解申请书",
    DocumentKind.REGISTRATION: "人民调解受理登记表",
    DocumentKind.RIGHTS_NOTICE: "当事人权利义务告知书",
    DocumentKind.IDENTITY_PROOF: "当事人身份证明",
    DocumentKind.POWER_OF_ATTORNEY: "授权委托书",
    DocumentKind.INVESTIGATION_RECORD: "调查记录",
    DocumentKind.EVIDENCE: "证据材料",
    DocumentKind.SESSION_RECORD: "人民调解记录",
    DocumentKind.AGREEMENT: "人民调解协议书",
    DocumentKind.ORAL_AGREEMENT: "口头协议登记表",
    DocumentKind.PERFORMANCE_PROOF: "履行凭证",
    DocumentKind.FOLLOW_UP: "回访记录",
    DocumentKind.JUDICIAL: "司法确认材料",
    DocumentKind.CASE_NOTES: "结案报告",
    DocumentKind.BACK_COVER: "封底（备考表）",
}

CONTENTS_ORDER: tuple[DocumentKind, ...] = tuple(DocumentKind)


@dataclass(frozen=True)
class ContentsEntry:
    """One line of the 卷内目录."""

    number: int  # 顺序号, from 1
    kind: DocumentKind
    count: int  # how many of that document (sessions, visits...)

    @property
    def title(self) -> str:
        return self.kind.label_zh


def _counts(case: CaseFile, case_notes: bool) -> dict[DocumentKind, int]:
    a = case.agreement
    return {
        DocumentKind.APPLICATION: int(case.written_application),
        DocumentKind.REGISTRATION: 1,
        DocumentKind.RIGHTS_NOTICE: sum(
            1 for p in case.principals if p.notice_acknowledged_on is not None
        ),
        DocumentKind.IDENTITY_PROOF: sum(1 for p in case.parties if p.identity_proof),
        DocumentKind.POWER_OF_ATTORNEY: sum(1 for p in case.agents if p.power_of_attorney),
        DocumentKind.INVESTIGATION_RECORD: len(case.investigations),
        DocumentKind.EVIDENCE: case.evidence_items,
        DocumentKind.SESSION_RECORD: len(case.sessions),
        DocumentKind.AGREEMENT: int(a is not None and a.form is AgreementForm.WRITTEN),
        DocumentKind.ORAL_AGREEMENT: int(a is not None and a.form is AgreementForm.ORAL),
        DocumentKind.PERFORMANCE_PROOF: sum(1 for ob in a.obligations if ob.proof) if a else 0,
        DocumentKind.FOLLOW_UP: len(case.follow_ups),
        DocumentKind.JUDICIAL: int(case.judicial is not None),
        DocumentKind.CASE_NOTES: int(case_notes),
        DocumentKind.BACK_COVER: 1,
    }


def dossier_contents(case: CaseFile, *, case_notes: bool = False) -> tuple[ContentsEntry, ...]:
    """The 卷内目录 of this case, in the prescribed order, numbered from 1."""
    counts = _counts(case, case_notes)
    present = [kind for kind in CONTENTS_ORDER if counts[kind] > 0]
    return tuple(ContentsEntry(i, kind, counts[kind]) for i, kind in enumerate(present, start=1))


def dossier_period(case: CaseFile) -> tuple[dt.date, dt.date]:
    """The cover's 起止日期: from registration to the latest dated entry of the file."""
    dates = [case.registered_on]
    dates += [p.notice_acknowledged_on for p in case.parties if p.notice_acknowledged_on]
    dates += [r.held_on for r in case.investigations] + [s.held_on for s in case.sessions]
    if case.agreement is not None:
        a = case.agreement
        dates += [a.reached_on, *(d for d in [a.completed_on] if d)]
        dates += [ob.performed_on for ob in a.obligations if ob.performed_on]
    dates += [t.on for t in (case.termination, case.refusal) if t is not None]
    dates += [f.on for f in case.follow_ups]
    if case.judicial is not None:
        dates += [case.judicial.applied_on, *(d for d in [case.judicial.decided_on] if d)]
    return case.registered_on, max(dates)
