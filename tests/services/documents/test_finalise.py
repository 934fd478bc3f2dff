"""Finalising an agreement on a real workspace: each step, each refusal, the signed result."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from mediator.documents import samples
from mediator.documents.model import Signature
from mediator.errors import ConflictError, DocumentError, ValidationError
from mediator.services.documents import AgreementSigning, verify_file
from mediator.services.documents.blobs import blob_path
from mediator.services.documents.seal import seal_path
from mediator.store.models import Agreement, Attachment, AuditEvent, Draft, OutboxEntry
from tests.documents.poppler import pdfsig, pdftotext
from tests.services.documents.builders import APPLICANT, RESPONDENT, draft_agreement
from tests.services.documents.conftest import Leak, sign_everything


def _agreement(leak: Leak) -> Agreement:
    with leak.ws.db.read() as s:
        row = s.get(Agreement, leak.agreement_id)
        assert row is not None
        s.expunge(row)
        return row


def test_steps_in_order_then_signed_pdf_is_valid_for_pdfsig_and_verify(leak: Leak,
                                                                        tmp_path) -> None:
    s = leak.signing
    assert s.state(leak.agreement_id).step == "proofread"
    sign_everything(leak)
    assert s.state(leak.agreement_id).step == "finalise"
    result = s.finalise(leak.agreement_id)
    row = _agreement(leak)
    assert row.status == "final" and row.signed_blob == result.sha256
    assert row.effective_on == dt.date.today() and row.copies == 4
    stored = blob_path(leak.ws.data_dir, result.sha256).read_bytes()
    assert hashlib.sha256(stored).hexdigest() == result.sha256
    state = s.state(leak.agreement_id)
    assert state.final and state.confirmation_deadline == dt.date.today() + dt.timedelta(30)
    out = tmp_path / "agreement.pdf"
    out.write_bytes(stored)
    assert "Signature is Valid." in pdfsig(out)
    assert verify_file(leak.ws.data_dir, out).ok
    text = pdftotext(out)
    for needle in (APPLICANT, RESPONDENT, "㙟头村", "本协议一式四份", "人民调解协议书"):
        assert needle in text
    assert "草稿" not in text
    with leak.ws.db.read() as sess:  # the signatures now live in the PDF only
        assert sess.get(Draft, ("agreement-signatures", leak.agreement_id)) is None


def test_every_step_is_audited_without_personal_data_and_queued_for_sync(leak: Leak) -> None:
    sign_everything(leak)
    leak.signing.finalise(leak.agreement_id)
    with leak.ws.db.read() as s:
        events = [(e.action, e.detail) for e in s.execute(select(AuditEvent).where(
            AuditEvent.entity_id == leak.agreement_id).order_by(AuditEvent.seq)).scalars()]
        queued = s.execute(select(OutboxEntry).where(
            OutboxEntry.entity_id == leak.agreement_id)).scalars().all()
    actions = [a for a, _ in events]
    assert actions[0] == "agreement.proofread" and actions[-1] == "agreement.finalise"
    assert actions.count("agreement.sign_party") == 3
    assert {"agreement.sign_mediator", "agreement.approve"} <= set(actions)
    dumped = json.dumps([d for _, d in events], ensure_ascii=False)
    for personal in (APPLICANT, RESPONDENT, "13800138000", "strokes"):
        assert personal not in dumped
    assert len(queued) >= len(events)


def test_signatures_are_stored_as_vectors_without_timing(leak: Leak) -> None:
    s = leak.signing
    s.confirm_proofread(leak.agreement_id, {i.code for i in s.proofread(leak.agreement_id).issues})
    party = s.state(leak.agreement_id).signers[0].party_id
    s.sign_party(leak.agreement_id, party, samples.synthetic_signature(3))
    with leak.ws.db.read() as sess:
        draft = sess.get(Draft, ("agreement-signatures", leak.agreement_id))
        assert draft is not None
        stored = draft.payload["parties"][party]
    assert set(stored) == {"strokes"}
    assert all(len(point) == 2 and 0 <= point[0] <= 1 for st in stored["strokes"] for point in st)


def test_signing_before_proofreading_is_refused(leak: Leak) -> None:
    party = leak.signing.state(leak.agreement_id).signers[0].party_id
    with pytest.raises(DocumentError, match="尚未校对"):
        leak.signing.sign_party(leak.agreement_id, party, samples.synthetic_signature(1))


def test_unacknowledged_terminology_warning_is_refused(leak: Leak) -> None:
    report = leak.signing.proofread(leak.agreement_id)
    assert any(i.matched == "赔偿" for i in report.issues)
    with pytest.raises(ValidationError, match="用语提示未确认"):
        leak.signing.confirm_proofread(leak.agreement_id, set())


def test_mediator_cannot_sign_before_every_party(leak: Leak) -> None:
    s = leak.signing
    s.confirm_proofread(leak.agreement_id, {i.code for i in s.proofread(leak.agreement_id).issues})
    first = s.state(leak.agreement_id).signers[0].party_id
    s.sign_party(leak.agreement_id, first, samples.synthetic_signature(1))
    with pytest.raises(DocumentError, match="第2位当事人（被申请人）"):
        s.sign_mediator(leak.agreement_id, samples.synthetic_signature(11))


def test_no_seal_is_refused_and_nothing_is_written(leak: Leak) -> None:
    s = leak.signing
    sign_everything(leak)
    seal_path(leak.ws.data_dir).unlink()
    with pytest.raises(DocumentError, match="印章"):
        s.finalise(leak.agreement_id)
    assert _agreement(leak).status == "draft"
    assert not any(leak.ws.data_dir.blobs.rglob("*"))


def test_unprintable_character_is_named_and_refused(workspace, leak: Leak) -> None:
    odd = draft_agreement(workspace, leak.case_id, terms=["被申请人赔偿\U000f0001元。"])
    report = leak.signing.proofread(odd)
    assert report.undrawable == ("\U000f0001",) and "U+F0001" in report.undrawable_text
    with pytest.raises(DocumentError, match="U\\+F0001"):
        leak.signing.confirm_proofread(odd, {i.code for i in report.issues})


def test_text_changed_after_signing_voids_the_signatures(leak: Leak) -> None:
    sign_everything(leak)
    with leak.ws.db.write() as s:
        row = s.get(Agreement, leak.agreement_id)
        assert row is not None
        row.terms = [*row.terms, "新增条款。"]
    state = leak.signing.state(leak.agreement_id)
    assert state.text_changed and state.step == "proofread"
    with pytest.raises(DocumentError):
        leak.signing.finalise(leak.agreement_id)


def test_final_agreement_is_immutable_and_changes_only_by_addendum(leak: Leak,
                                                                   tmp_path: Path) -> None:
    sign_everything(leak)
    leak.signing.finalise(leak.agreement_id)
    party = leak.signing.state(leak.agreement_id).signers[0].party_id
    with pytest.raises(ConflictError):
        leak.signing.sign_party(leak.agreement_id, party, samples.synthetic_signature(1))
    with pytest.raises(ConflictError):
        leak.signing.finalise(leak.agreement_id)
    addendum = leak.signing.create_addendum(leak.agreement_id, facts="",
                                            terms=["付款期限延长至2026年4月10日。"])
    assert leak.signing.state(addendum).step == "proofread"
    pdf = leak.signing.preview(addendum)
    assert pdf.startswith(b"%PDF")
    keys = [d.key for d in leak.docs.documents(leak.case_id)]
    assert "agreement" in keys and "addendum-1" in keys
    with leak.ws.db.read() as s:  # it records which agreement it amends ...
        assert s.get(Agreement, addendum).amends_id == leak.agreement_id
    out = tmp_path / "addendum.pdf"
    out.write_bytes(leak.docs.render(leak.case_id, "addendum-1"))
    text = "".join(pdftotext(out).split())  # ... and says so on the page, once
    assert "人民调解补充协议书" in text
    number = leak.case_no.replace("人调字", "人调协字")
    assert text.count(f"人民调解协议（编号：{number}）的补充") == 1


def test_only_the_head_approves(leak: Leak) -> None:
    sign_everything_but_approve = leak.signing
    s = sign_everything_but_approve
    s.confirm_proofread(leak.agreement_id, {i.code for i in s.proofread(leak.agreement_id).issues})
    _, me = leak.ws.studio.context()
    me.role = "mediator"  # the cached context row of this PC's user
    try:
        with pytest.raises(DocumentError, match="负责人"):
            s.approve(leak.agreement_id)
    finally:
        me.role = "head"


def test_thumbprint_party_and_wet_ink_original(leak: Leak) -> None:
    s = leak.signing
    s.confirm_proofread(leak.agreement_id, {i.code for i in s.proofread(leak.agreement_id).issues})
    unsigned = s.print_unsigned(leak.agreement_id)
    assert unsigned.startswith(b"%PDF")
    assert s.state(leak.agreement_id).printed_copies == 4
    scan = b"%PDF-1.4 scanned signed paper"
    on = dt.date.today() - dt.timedelta(days=1)
    s.receive_original(leak.agreement_id, scan, filename="scan.pdf", effective_on=on)
    state = s.state(leak.agreement_id)
    assert state.final and state.original_received and state.effective_on == on
    assert state.confirmation_deadline == on + dt.timedelta(days=30)
    with leak.ws.db.read() as sess:
        att = sess.execute(select(Attachment.kind, Attachment.size).where(
            Attachment.case_id == leak.case_id)).one()
    assert att == ("agreement_original", len(scan))
    assert leak.docs.render(leak.case_id, "agreement") == scan


def test_a_thumbprint_is_drawn_as_a_marked_box(leak: Leak, tmp_path) -> None:
    sign_everything(leak, thumb_last=True)
    result = leak.signing.finalise(leak.agreement_id)
    out = tmp_path / "a.pdf"
    out.write_bytes(blob_path(leak.ws.data_dir, result.sha256).read_bytes())
    assert "指印" in pdftotext(out)


def test_demo_signs_agreements_that_verify(workspace) -> None:
    from mediator.services import demo
    from mediator.services.documents.demo import sign_demo_agreements

    demo.generate(workspace, 60, seed=5)
    assert sign_demo_agreements(workspace, 2) == 2
    with workspace.db.read() as s:
        rows = s.execute(select(Agreement.id, Agreement.signed_blob)
                         .where(Agreement.signed_blob.is_not(None))).all()
    assert len(rows) == 2 and all(blob for _, blob in rows)
    signing = AgreementSigning(workspace)
    assert all(signing.state(agreement_id).final for agreement_id, _ in rows)
    assert sign_demo_agreements(workspace, 0) == 0
    assert Signature(thumbprint=True).thumbprint
