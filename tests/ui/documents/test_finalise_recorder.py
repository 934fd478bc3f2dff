"""The 记录人 signs in the finalise wizard when the agreement names one.

A real workspace, the real worker thread and the real dialog: the parties and
the mediator sign on the pad, the wizard then asks the recorder (and only when
the agreement names a separate recorder), and the final, digitally signed PDF
carries the recorder's strokes in the 记录人 box — found by rendering the page
with poppler and looking for the pen's ink under the 记录人 label.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from mediator.documents import samples
from mediator.services.documents import AgreementSigning
from mediator.services.documents.blobs import blob_path
from mediator.store.workflow_models import AgreementDetail
from mediator.ui.documents import FinaliseAgreementDialog
from tests.documents.poppler import pdfsig
from tests.ui.documents.test_documents_gui import draw, leak, wait_idle, zigzag

__all__ = ["leak"]  # the fixture, shared with the other documents GUI tests

RECORDER = "刘晓敏"


def name_recorder(ws, case_id: str, agreement_id: str) -> None:
    studio, _ = ws.studio.context()
    with ws.db.write() as s:
        s.add(AgreementDetail(studio_id=studio.id, case_id=case_id, agreement_id=agreement_id,
                              reached_on=dt.date.today(), recorder=RECORDER))


def ink_beside(pdf: Path, label: str, tmp_path: Path) -> int:
    """Pixels of the signature pen's navy ink in the box under ``label`` on its page."""
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    page = 0
    for line in bbox.splitlines():
        if line.strip().startswith("<page"):
            page += 1
        if label in line and "<word" in line:
            attrs = dict(part.split("=", 1) for part in line.strip()[6:].split(">")[0].split())
            x_min = float(attrs["xMin"].strip('"'))
            y_max = float(attrs["yMax"].strip('"'))
            break
    else:
        raise AssertionError(f"{label} not in the PDF")
    out = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(out)], check=True)
    image = QImage(str(out) + ".png")
    ink = 0
    for x in range(int(x_min), min(image.width(), int(x_min) + 140)):
        for y in range(int(y_max) + 2, min(image.height(), int(y_max) + 45)):
            c = image.pixelColor(x, y)
            if c.blue() > c.red() + 25 and c.blue() > c.green() + 20 and c.lightness() < 200:
                ink += 1
    return ink


def test_the_recorder_signs_before_the_head_approves(qtbot, runner, leak, tmp_path,
                                                     shown_errors) -> None:
    ws, case_id, agreement_id = leak
    name_recorder(ws, case_id, agreement_id)
    signing = AgreementSigning(ws)
    signing.confirm_proofread(agreement_id,
                              {i.code for i in signing.proofread(agreement_id).issues})
    dialog = FinaliseAgreementDialog(ws, runner, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["sign_parties"]
    assert "Recorder signs" in dialog.rail.text() or "记录人" in dialog.rail.text()
    for n in range(dialog.signers.count()):
        draw(qtbot, dialog.party_pad, zigzag(dialog.party_pad, n * 5))
        qtbot.mouseClick(dialog.party_sign_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, runner, dialog)
    draw(qtbot, dialog.mediator_pad, zigzag(dialog.mediator_pad))
    qtbot.mouseClick(dialog.mediator_sign_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["sign_recorder"]
    assert RECORDER in dialog.recorder_prompt.text()
    qtbot.mouseClick(dialog.recorder_sign_button, Qt.MouseButton.LeftButton)  # empty pad
    wait_idle(qtbot, runner, dialog)
    assert dialog.message.text() and not AgreementSigning(ws).state(agreement_id).recorder_signed
    draw(qtbot, dialog.recorder_pad, zigzag(dialog.recorder_pad, 3))
    qtbot.mouseClick(dialog.recorder_sign_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner, dialog)
    assert AgreementSigning(ws).state(agreement_id).recorder_signed
    assert dialog.stack.currentWidget() is dialog.pages["approve"]
    assert "5" in dialog.approve_heading.text()  # the fifth step, after the recorder's
    with qtbot.waitSignal(dialog.finalised, timeout=20000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner, dialog)
    assert dialog.state is not None and dialog.state.final and dialog.state.signed_blob
    signed = tmp_path / "agreement.pdf"
    signed.write_bytes(blob_path(ws.data_dir, dialog.state.signed_blob).read_bytes())
    assert "Signature is Valid." in pdfsig(signed)
    assert ink_beside(signed, "记录人", tmp_path) > 15  # the recorder's strokes, printed
    assert not shown_errors


def test_no_recorder_step_without_a_named_recorder(qtbot, runner, leak, shown_errors) -> None:
    ws, _, agreement_id = leak
    signing = AgreementSigning(ws)
    signing.confirm_proofread(agreement_id,
                              {i.code for i in signing.proofread(agreement_id).issues})
    for n, s in enumerate(signing.state(agreement_id).signers):
        signing.sign_party(agreement_id, s.party_id, samples.synthetic_signature(n))
    signing.sign_mediator(agreement_id, samples.synthetic_signature(9))
    dialog = FinaliseAgreementDialog(ws, runner, agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_idle(qtbot, runner, dialog)
    assert dialog.stack.currentWidget() is dialog.pages["approve"]
    assert "Recorder" not in dialog.rail.text()
    assert not shown_errors
