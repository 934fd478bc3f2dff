"""A neighbours' water-leak case walked through the lifecycle by the services.

Shared by the service tests and the GUI tests (which start from a given stage).
Dates: registered 2 March 2026; each step is done "today" on its own date.
"""

from __future__ import annotations

import datetime as dt

from mediator.domain.status import CaseStatus
from mediator.services.documents.finalise import AgreementSigning
from mediator.services.workflow import Workflow
from mediator.services.workflow.dto import (
    AcceptanceInput,
    AgreementInput,
    ArchiveInput,
    FollowUpInput,
    InvestigationInput,
    NoticeInput,
    ObligationInput,
    PaymentInput,
    SessionInput,
    SignatureInput,
    TerminationInput,
)
from mediator.services.workspace import Workspace
from tests.services.helpers import water_leak

D = dt.date
REGISTERED = D(2026, 3, 2)
NOTIFIED = D(2026, 3, 3)
INVESTIGATED = D(2026, 3, 4)
SESSION = D(2026, 3, 6)
AGREED = D(2026, 3, 10)
PAID = D(2026, 3, 25)
VISITED = D(2026, 4, 15)
ARCHIVED = D(2026, 4, 20)

TERMS = ("被申请人于2026年3月20日前自费修复卫生间防水层，停止漏水。",
         "被申请人于2026年3月31日前一次性赔偿申请人装修损失人民币3200元。",
         "双方就本纠纷再无其他争议。")


def register(ws: Workspace) -> str:
    return ws.cases.register(water_leak()).id


def principals(wf: Workflow, case_id: str) -> list[str]:
    return [p.id for p in wf.overview(case_id, REGISTERED).principals]


def session_input(applicant: str, respondent: str, **kw: object) -> SessionInput:
    base = dict(
        held_at=dt.datetime(2026, 3, 6, 9, 30), place="桂城街道人民调解工作室",
        subject="楼上卫生间漏水致楼下天花板受损", participants="社区网格员梁伟明",
        is_public=True, privacy_consent="",
        statements=((applicant, "天花板发霉，墙面脱落，要求修好并赔偿。"),
                    (respondent, "同意维修，但认为赔偿数额过高。")),
        evidence="现场照片6张、装修发票1张，双方无异议。",
        risk_warning="已告知协商不成可向人民法院起诉，诉讼需时较长且有费用。",
        result="双方同意修复防水层并赔偿3200元。", recorder="陈调解", signed=True)
    base.update(kw)
    return SessionInput(**base)  # type: ignore[arg-type]


def agreement_input(respondent: str, **kw: object) -> AgreementInput:
    base = dict(
        kind="written", reached_on=AGREED,
        facts="被申请人家卫生间防水层老化漏水，致申请人家天花板发霉、墙面脱落。",
        terms=TERMS, performance_method="被申请人自行维修；赔偿款以银行转账方式支付。",
        amount_fen=320000,
        obligations=(ObligationInput("修复卫生间防水层", respondent, 0, D(2026, 3, 20)),
                     ObligationInput("赔偿装修损失3200元", respondent, 320000, D(2026, 3, 31))),
        recorder="陈调解")
    base.update(kw)
    return AgreementInput(**base)  # type: ignore[arg-type]


def walk(ws: Workspace, wf: Workflow, case_id: str, until: CaseStatus) -> None:
    """Take the case forward, stage by stage, until it reaches ``until``."""
    a, b = principals(wf, case_id)
    wf.acceptance.save_acceptance(case_id, AcceptanceInput(True, {a: True, b: True}))
    if until is CaseStatus.REGISTERED:
        return
    wf.notice.acknowledge(case_id, NoticeInput({a: NOTIFIED, b: NOTIFIED}), today=NOTIFIED)
    if until is CaseStatus.NOTIFIED:
        return
    wf.records.add_investigation(case_id, InvestigationInput(
        held_at=dt.datetime(2026, 3, 4, 15, 0), place="怡翠花园8座1302房",
        investigator="陈调解", interviewee="物业维修师傅", recorder="陈调解",
        qa=(("漏水原因是什么？", "卫生间防水层老化，需重做。"),), signed=True),
        today=INVESTIGATED)
    if until is CaseStatus.INVESTIGATING:
        return
    wf.records.add_session(case_id, session_input(a, b), today=SESSION)
    if until is CaseStatus.MEDIATING:
        return
    if until is CaseStatus.TERMINATED:
        wf.outcome.terminate(case_id, TerminationInput(
            SESSION, "双方对赔偿数额分歧较大，调解不成。", ("向人民法院起诉",)), today=SESSION)
        return
    agreement_id = wf.agreement.save_draft(case_id, agreement_input(b), today=AGREED)
    flagged = {w.code for w in wf.agreement.check_terms(TERMS)}  # 赔偿: confirmed as meant
    wf.agreement.mark_proofread(case_id, flagged)
    wf.agreement.record_signatures(case_id, SignatureInput(
        frozenset({a, b}), True, True, True, AGREED), today=AGREED)
    wf.agreement.conclude(case_id, today=AGREED)
    if until is CaseStatus.AGREED:
        return
    obligations = wf.overview(case_id, PAID).agreement.obligations  # type: ignore[union-attr]
    wf.performance.mark_performed(case_id, obligations[0].id, D(2026, 3, 20), today=PAID)
    wf.performance.record_payment(case_id, PaymentInput(
        obligations[1].id, PAID, 320000, "银行转账", completes=True), today=PAID)
    if until is CaseStatus.PERFORMING:
        return
    wf.follow_up.add_visit(case_id, FollowUpInput(
        VISITED, True, "satisfied", "未起诉", "无", "叮嘱双方加强沟通", "陈调解", signed=True),
        today=VISITED)
    if until is CaseStatus.FOLLOWED_UP:
        return
    # The scan of the signed paper goes into the dossier (定稿): archiving requires it.
    AgreementSigning(ws).receive_original(agreement_id, b"%PDF-1.7 scan", filename="scan.pdf",
                                          effective_on=AGREED)
    wf.archive.archive(case_id, ArchiveInput("10y", False, ARCHIVED), today=ARCHIVED)
