"""The documents flow and the workflow as one product, on a real workspace.

The water-leak case is walked by the workflow services to 调解中 with a drafted
agreement; the documents flow then proofreads, collects signatures, finalises
(or receives the wet-ink original) — and the case is 调解成功 with every
signature counted, without anyone ticking a box in the workflow.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from mediator.documents import samples
from mediator.domain.status import CaseStatus
from mediator.errors import DocumentError, TransitionError, ValidationError
from mediator.services.documents import AgreementSigning, install_seal, verify_file
from mediator.services.documents.blobs import blob_path
from mediator.services.workflow import Workflow
from mediator.services.workspace import Workspace
from mediator.store.models import Agreement, AuditEvent, Case, OutboxEntry
from mediator.store.workflow_models import AgreementDetail
from tests.documents.poppler import pdfsig
from tests.services.workflow.walk import agreement_input, principals, register, walk

PARTIES = ("王𠮷", "李珺")


@pytest.fixture
def mediating(workspace: Workspace) -> tuple[Workflow, str, str]:
    """(workflow, case id, agreement id): in mediation, agreement drafted, seal imported."""
    wf = Workflow(workspace)
    case_id = register(workspace)
    walk(workspace, wf, case_id, CaseStatus.MEDIATING)
    respondent = principals(wf, case_id)[1]
    agreement_id = wf.agreement.save_draft(case_id, agreement_input(respondent),
                                           today=dt.date(2026, 3, 10))
    install_seal(workspace.data_dir, samples.sample_seal().png)
    return wf, case_id, agreement_id


def _status(ws: Workspace, case_id: str) -> str:
    with ws.db.read() as s:
        return str(s.execute(select(Case.status).where(Case.id == case_id)).scalar_one())


def _sign_all(signing: AgreementSigning, agreement_id: str) -> None:
    report = signing.proofread(agreement_id)
    signing.confirm_proofread(agreement_id, {i.code for i in report.issues})
    for n, signer in enumerate(signing.state(agreement_id).signers, 1):
        signing.sign_party(agreement_id, signer.party_id, samples.synthetic_signature(n))
    signing.sign_mediator(agreement_id, samples.synthetic_signature(9))
    signing.approve(agreement_id)


def test_finalising_on_screen_concludes_the_case_in_the_same_step(
        workspace: Workspace, mediating: tuple[Workflow, str, str], tmp_path) -> None:
    wf, case_id, agreement_id = mediating
    signing = AgreementSigning(workspace)
    _sign_all(signing, agreement_id)
    assert _status(workspace, case_id) == CaseStatus.MEDIATING.value

    result = signing.finalise(agreement_id)

    assert _status(workspace, case_id) == CaseStatus.AGREED.value
    overview = wf.overview(case_id)
    a = overview.agreement
    assert a is not None and a.proofread
    assert overview.casefile.agreement is not None
    assert overview.casefile.agreement.signed_by == frozenset(principals(wf, case_id))
    with workspace.db.read() as s:
        detail = s.execute(select(AgreementDetail).where(
            AgreementDetail.agreement_id == agreement_id)).scalar_one()
        assert set(detail.signed_by) == set(principals(wf, case_id))  # case-party ids
        assert detail.mediator_signed and detail.sealed and detail.completed_on == dt.date.today()
        detail_id = detail.id
        row = s.get(Agreement, agreement_id)
        assert row is not None and row.status == "final" and row.effective_on == dt.date.today()
        moved = s.execute(select(AuditEvent.detail).where(
            AuditEvent.action == "case.status", AuditEvent.entity_id == case_id)
            .order_by(AuditEvent.seq.desc())).scalars().first()
        queued = {(e.entity, e.entity_id) for e in s.execute(select(OutboxEntry)).scalars()}
    assert moved == {"from": "mediating", "to": "agreed"}
    assert ("case", case_id) in queued and ("agreement_detail", detail_id) in queued
    # The 30-day judicial-confirmation clock runs from today, shown in the workflow too.
    assert signing.state(agreement_id).confirmation_deadline == \
        dt.date.today() + dt.timedelta(days=30)
    pdf = tmp_path / "agreement.pdf"
    pdf.write_bytes(blob_path(workspace.data_dir, result.sha256).read_bytes())
    assert "Signature is Valid." in pdfsig(pdf)
    assert verify_file(workspace.data_dir, pdf).ok
    # The next workflow step is open: performance can be recorded.
    assert CaseStatus.PERFORMING in wf.overview(case_id).allowed


def test_wet_ink_original_concludes_the_case_from_the_day_it_was_signed(
        workspace: Workspace, mediating: tuple[Workflow, str, str]) -> None:
    wf, case_id, agreement_id = mediating
    signing = AgreementSigning(workspace)
    report = signing.proofread(agreement_id)
    signing.confirm_proofread(agreement_id, {i.code for i in report.issues})
    signing.print_unsigned(agreement_id)
    signed_on = dt.date(2026, 3, 11)
    signing.receive_original(agreement_id, b"%PDF-1.7 scan", filename="scan.pdf",
                             effective_on=signed_on)
    assert _status(workspace, case_id) == CaseStatus.AGREED.value
    assert signing.state(agreement_id).confirmation_deadline == dt.date(2026, 4, 10)
    casefile = wf.overview(case_id).casefile
    assert casefile.agreement is not None and casefile.agreement.completed_on == signed_on


def test_a_case_that_cannot_conclude_is_refused_before_anything_is_signed(
        workspace: Workspace, mediating: tuple[Workflow, str, str]) -> None:
    _wf, case_id, agreement_id = mediating
    signing = AgreementSigning(workspace)
    _sign_all(signing, agreement_id)
    with workspace.db.write() as s:  # the copies were miscounted meanwhile
        row = s.get(Agreement, agreement_id)
        assert row is not None
        row.copies = 1
    with pytest.raises(TransitionError) as err:
        signing.finalise(agreement_id)
    assert "调解成功" in str(err.value) and err.value.missing
    assert _status(workspace, case_id) == CaseStatus.MEDIATING.value
    assert not any(workspace.data_dir.blobs.rglob("*"))
    with workspace.db.read() as s:
        row = s.get(Agreement, agreement_id)
        assert row is not None and row.status == "draft" and row.signed_blob is None


def test_addendum_finalised_leaves_the_case_where_it_is(
        workspace: Workspace, mediating: tuple[Workflow, str, str]) -> None:
    _wf, case_id, agreement_id = mediating
    signing = AgreementSigning(workspace)
    _sign_all(signing, agreement_id)
    signing.finalise(agreement_id)
    addendum = signing.create_addendum(agreement_id, facts="付款日期变更。",
                                       terms=["赔偿款改于2026年4月15日前支付。"])
    _sign_all(signing, addendum)
    signing.finalise(addendum)
    assert _status(workspace, case_id) == CaseStatus.AGREED.value
    with workspace.db.read() as s:
        details = s.execute(select(AgreementDetail.agreement_id)).scalars().all()
    assert details == [agreement_id]


# ------------------------------------------------------------------ one proofread
def test_studio_terminology_and_blanks_are_part_of_the_documents_proofread(
        workspace: Workspace, mediating: tuple[Workflow, str, str]) -> None:
    _wf, _case_id, agreement_id = mediating
    (workspace.data_dir.root / "terminology.json").write_text(json.dumps({
        "version": 1, "rules": [{"code": "studio_leak", "word": "漏水",
                                 "advice": "请写明渗漏部位"}]}, ensure_ascii=False),
        encoding="utf-8")
    with workspace.db.write() as s:
        row = s.get(Agreement, agreement_id)
        assert row is not None
        row.terms = [*row.terms, "被申请人于【日期】前支付余款。"]
    signing = AgreementSigning(workspace)
    report = signing.proofread(agreement_id)
    codes = {(i.where, i.index, i.code) for i in report.issues}
    assert ("term", 1, "studio_leak") in codes  # the studio's own rule
    assert ("term", 4, "blank") in codes  # 【日期】 left unfilled
    with pytest.raises(ValidationError, match="未填写的【】"):
        signing.confirm_proofread(agreement_id, {i.code for i in report.issues})
    with workspace.db.write() as s:
        row = s.get(Agreement, agreement_id)
        assert row is not None
        row.terms = [t.replace("【日期】", "2026年4月1日") for t in row.terms]
    with pytest.raises(ValidationError, match="用语提示未确认"):
        signing.confirm_proofread(agreement_id, set())
    flagged = {i.code for i in signing.proofread(agreement_id).issues}
    signing.confirm_proofread(agreement_id, flagged)
    assert signing.state(agreement_id).proofread


def test_proofreading_in_either_screen_counts_for_both(
        workspace: Workspace, mediating: tuple[Workflow, str, str]) -> None:
    wf, case_id, agreement_id = mediating
    signing = AgreementSigning(workspace)
    flagged = {i.code for i in signing.proofread(agreement_id).issues}
    # The workflow's agreement page proofreads: the finalise dialog goes on to signing.
    wf.agreement.mark_proofread(case_id, flagged)
    state = signing.state(agreement_id)
    assert state.proofread and state.step == "sign_parties"
    signer = state.signers[0].party_id
    signing.sign_party(agreement_id, signer, samples.synthetic_signature(1))
    # Proofreading again (same words) keeps the signature already given.
    signing.confirm_proofread(agreement_id, flagged)
    assert signing.state(agreement_id).signers[0].signed
    with workspace.db.read() as s:
        actions = s.execute(select(AuditEvent.action).where(
            AuditEvent.entity_id == agreement_id, AuditEvent.action == "agreement.proofread")
        ).scalars().all()
    assert len(actions) == 2


def test_documents_proofread_marks_the_workflow_agreement_proofread(
        workspace: Workspace, mediating: tuple[Workflow, str, str]) -> None:
    wf, case_id, agreement_id = mediating
    signing = AgreementSigning(workspace)
    assert not wf.overview(case_id).agreement.proofread  # type: ignore[union-attr]
    flagged = {i.code for i in signing.proofread(agreement_id).issues}
    signing.confirm_proofread(agreement_id, flagged)
    a = wf.overview(case_id).agreement
    assert a is not None and a.proofread


def test_workflow_mark_proofread_refuses_an_unprintable_character(
        workspace: Workspace, mediating: tuple[Workflow, str, str]) -> None:
    wf, case_id, agreement_id = mediating
    with workspace.db.write() as s:
        row = s.get(Agreement, agreement_id)
        assert row is not None
        row.terms = [*row.terms, "双方确认\U000e0100无误。"]
    with pytest.raises(DocumentError, match="无法用内置字体打印"):
        wf.agreement.mark_proofread(case_id, {"peichang_liability"})
