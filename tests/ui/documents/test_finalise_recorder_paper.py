"""The finalise wizard when the named 记录人 signs the printed copies by hand.

Real workspace, worker thread and dialog: after the parties and the mediator,
the wizard stops at the recorder's page; choosing that he signs on paper takes
it to the head's approval, which goes through to a digitally signed PDF whose
记录人 line is printed for the pen.  A recorder who is the mediator himself is no
separate recorder: no recorder page at all.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from mediator.documents import samples
from mediator.services.documents import AgreementSigning
from mediator.services.documents.blobs import blob_path
from mediator.store.workflow_models import AgreementDetail
from mediator.ui.documents import FinaliseAgreementDialog
from tests.documents.poppler import pdfsig, pdftotext
from tests.ui.documents.test_documents_gui import leak, wait_idle
from tests.ui.documents.test_finalise_recorder import RECORDER, name_recorder

__all__ = ["leak"]  # the fixture, shared with the other documents GUI tests


def signed_up_to_the_mediator(ws, agreement_id: str) -> None:
    signing = AgreementSigning(ws)
    signing.confirm_proofread(agreement_id,
                              {i.code for i in signing.proofread(agreement_id).issues})
    for n, s in enumerate(signing.state(agreement_id).signers):
        signing.sign_party(agreement_id, s.party_id, samples.synthetic_signature(n))
    signing.sign_mediator(agreement_id, samples.synthetic_signature(9))


def test_the_recorder_may_sign_the_printed_copies(qtbot, runner, leak, tmp_path,
                                                  shown_errors) -> None:
    ws, case_id, agreement_id = leak
    name_recorder(ws, case_id, agreement_id)
    signed_up_to_the_mediator(ws, agreement_id)
    dialog = FinaliseAgreementDialog(ws, runner, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["sign_recorder"]
    qtbot.mouseClick(dialog.recorder_paper_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["approve"], dialog.message.text()
    with qtbot.waitSignal(dialog.finalised, timeout=20000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner, dialog)
    assert dialog.state is not None and dialog.state.final and dialog.state.signed_blob
    signed = tmp_path / "agreement.pdf"
    signed.write_bytes(blob_path(ws.data_dir, dialog.state.signed_blob).read_bytes())
    assert "Signature is Valid." in pdfsig(signed)
    assert f"记录人：{RECORDER}（签名）" in pdftotext(signed)
    assert not shown_errors


def test_the_mediator_as_recorder_is_no_recorder_step(qtbot, runner, leak,
                                                      shown_errors) -> None:
    ws, case_id, agreement_id = leak
    studio, me = ws.studio.context()
    with ws.db.write() as s:  # the mediator wrote the record himself
        s.add(AgreementDetail(studio_id=studio.id, case_id=case_id, agreement_id=agreement_id,
                              reached_on=dt.date.today(), recorder=me.name))
    signed_up_to_the_mediator(ws, agreement_id)
    dialog = FinaliseAgreementDialog(ws, runner, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["approve"]
    assert "Recorder" not in dialog.rail.text() and "记录人" not in dialog.rail.text()
    assert not shown_errors
