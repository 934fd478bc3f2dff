"""The head's approval and the 记录人: his signature is due only when the agreement
names a separate recorder who signs on screen.

Real workspace, real rendering and signing: with no separate recorder (none
named, or the mediator recording himself) approval needs the parties and the
mediator only, and the signed PDF has no 记录人 line; with a separate recorder
approval waits for his signature on the pad, or for the choice that he signs the
printed copies by hand, whose line is then printed for the pen.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mediator.documents import samples
from mediator.errors import DocumentError, ValidationError
from mediator.services.documents import AgreementSigning
from mediator.services.documents.blobs import blob_path
from mediator.store.models import Agreement
from mediator.store.workflow_models import AgreementDetail
from tests.documents.poppler import pdfsig, pdftotext
from tests.services.documents.conftest import Leak

MEDIATOR = "陈调解"  # the workspace fixture's mediator
RECORDER = "刘晓敏"


def name_recorder(leak: Leak, recorder: str) -> None:
    studio, _ = leak.ws.studio.context()
    with leak.ws.db.write() as s:
        s.add(AgreementDetail(studio_id=studio.id, case_id=leak.case_id,
                              agreement_id=leak.agreement_id, reached_on=dt.date.today(),
                              recorder=recorder))


def parties_and_mediator_sign(signing: AgreementSigning, agreement_id: str) -> None:
    signing.confirm_proofread(agreement_id,
                              {i.code for i in signing.proofread(agreement_id).issues})
    for n, signer in enumerate(signing.state(agreement_id).signers, 1):
        signing.sign_party(agreement_id, signer.party_id, samples.synthetic_signature(n))
    signing.sign_mediator(agreement_id, samples.synthetic_signature(9))


def final_text(leak: Leak, tmp_path: Path) -> str:
    result = leak.signing.finalise(leak.agreement_id)
    out = tmp_path / "agreement.pdf"
    out.write_bytes(blob_path(leak.ws.data_dir, result.sha256).read_bytes())
    assert "Signature is Valid." in pdfsig(out)
    return pdftotext(out)


@pytest.mark.parametrize("recorder", ["", MEDIATOR])
def test_no_separate_recorder_approval_needs_no_recorder_signature(
        leak: Leak, tmp_path: Path, recorder: str) -> None:
    if recorder:
        name_recorder(leak, recorder)
    parties_and_mediator_sign(leak.signing, leak.agreement_id)
    state = leak.signing.state(leak.agreement_id)
    assert state.recorder == "" and state.step == "approve"
    leak.signing.approve(leak.agreement_id)
    text = final_text(leak, tmp_path)
    assert "记录人" not in text and f"人民调解员：{MEDIATOR}" in text


def test_a_separate_recorder_signs_before_the_approval(leak: Leak, tmp_path: Path) -> None:
    name_recorder(leak, RECORDER)
    parties_and_mediator_sign(leak.signing, leak.agreement_id)
    assert leak.signing.state(leak.agreement_id).step == "sign_recorder"
    with pytest.raises(DocumentError, match="记录人签名"):
        leak.signing.approve(leak.agreement_id)
    leak.signing.sign_recorder(leak.agreement_id, samples.synthetic_signature(12))
    assert leak.signing.state(leak.agreement_id).step == "approve"
    leak.signing.approve(leak.agreement_id)
    assert f"记录人：{RECORDER}（签名）" in final_text(leak, tmp_path)


def test_a_recorder_who_signs_on_paper_does_not_hold_up_the_approval(
        leak: Leak, tmp_path: Path) -> None:
    name_recorder(leak, RECORDER)
    parties_and_mediator_sign(leak.signing, leak.agreement_id)
    leak.signing.recorder_signs_on_paper(leak.agreement_id)
    state = leak.signing.state(leak.agreement_id)
    assert state.recorder_on_paper and not state.recorder_signed and state.step == "approve"
    leak.signing.approve(leak.agreement_id)
    assert f"记录人：{RECORDER}（签名）" in final_text(leak, tmp_path)  # his line, for the pen


def test_a_party_signing_again_voids_the_recorders_signature(leak: Leak) -> None:
    name_recorder(leak, RECORDER)
    parties_and_mediator_sign(leak.signing, leak.agreement_id)
    leak.signing.sign_recorder(leak.agreement_id, samples.synthetic_signature(12))
    first = leak.signing.state(leak.agreement_id).signers[0].party_id
    leak.signing.sign_party(leak.agreement_id, first, samples.synthetic_signature(5))
    state = leak.signing.state(leak.agreement_id)
    assert not state.recorder_signed and state.step == "sign_mediator"


def test_an_addendum_with_a_placeholder_left_is_refused_and_not_saved(
        leak: Leak, tmp_path: Path) -> None:
    parties_and_mediator_sign(leak.signing, leak.agreement_id)
    leak.signing.approve(leak.agreement_id)
    leak.signing.finalise(leak.agreement_id)
    with pytest.raises(ValidationError, match="【日期】"):
        leak.signing.create_addendum(leak.agreement_id, facts="",
                                     terms=["被申请人于【日期】前补付余款。"])
    with leak.ws.db.read() as s:
        assert s.execute(select(func.count()).select_from(Agreement)).scalar_one() == 1
