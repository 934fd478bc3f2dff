"""定稿 from the case page: draft → proofread → sign → approve → seal → signed PDF.

The water-leak case is walked to 调解中 with its agreement drafted (services),
then everything else happens in the GUI: open the case, go to the agreement
step, 在屏幕上签名并定稿, proofread, both parties and the mediator sign on the
pad, the head approves and seals; the case is 调解成功 and the 文书 tab lists
the signed agreement.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from mediator.documents import samples
from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus
from mediator.services.documents import install_seal
from mediator.services.workflow import Workflow
from mediator.services.workspace import open_workspace
from mediator.ui.documents import SignaturePad
from tests.services.workflow.walk import agreement_input, principals, register, walk
from tests.ui.integration.conftest import Launch, wait_window


def draw(qtbot, pad: SignaturePad, shift: int = 0) -> None:
    w, h = pad.width(), pad.height()
    points = [QPoint(int(w * (0.1 + 0.08 * i)), int(h * (0.3 + 0.4 * (i % 2))) + shift)
              for i in range(10)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for p in points[1:]:
        qtbot.mouseMove(pad, p)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def test_finalise_the_agreement_from_the_case_page(qtbot, launch: Launch, data_dir) -> None:
    ws = open_workspace(data_dir)
    ws.studio.setup("桂城街道人民调解委员会", "桂城", "李调解")
    wf = Workflow(ws)
    case_id = register(ws)
    walk(ws, wf, case_id, CaseStatus.MEDIATING)
    wf.agreement.save_draft(case_id, agreement_input(principals(wf, case_id)[1]),
                            today=dt.date.today())
    install_seal(ws.data_dir, samples.sample_seal().png)
    ws.close()

    s = launch()
    window = wait_window(qtbot, s)
    window.open_case(case_id)
    qtbot.waitUntil(lambda: window.case_page is not None, timeout=20_000)
    page = window.case_page
    assert page is not None
    workspace = page.workspace
    qtbot.waitUntil(lambda: workspace.overview is not None, timeout=20_000)
    workspace.show_step(Step.OUTCOME.value)
    outcome = workspace.pages[Step.OUTCOME]
    button = outcome.findChild(QPushButton, "finalise_on_screen")
    assert button is not None and button.isEnabled() and button.isVisibleTo(outcome)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.finalise_dialog
    assert dialog is not None and dialog.isVisible()

    def idle() -> None:
        qtbot.waitUntil(lambda: s.runner.is_idle() and dialog.isEnabled(), timeout=30_000)

    idle()
    assert dialog.stack.currentWidget() is dialog.pages["proofread"]
    for i in range(dialog.issues.count()):
        dialog.issues.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.confirm_proofread, Qt.MouseButton.LeftButton)
    idle()
    for n in range(2):
        assert dialog.stack.currentWidget() is dialog.pages["sign_parties"], dialog.message.text()
        draw(qtbot, dialog.party_pad, n * 5)
        qtbot.mouseClick(dialog.party_sign_button, Qt.MouseButton.LeftButton)
        idle()
    assert dialog.stack.currentWidget() is dialog.pages["sign_mediator"]
    draw(qtbot, dialog.mediator_pad)
    qtbot.mouseClick(dialog.mediator_sign_button, Qt.MouseButton.LeftButton)
    idle()
    if dialog.state is not None and dialog.state.recorder:  # the agreement names its 记录人
        assert dialog.stack.currentWidget() is dialog.pages["sign_recorder"]
        draw(qtbot, dialog.recorder_pad)
        qtbot.mouseClick(dialog.recorder_sign_button, Qt.MouseButton.LeftButton)
        idle()
    assert dialog.stack.currentWidget() is dialog.pages["approve"]
    with qtbot.waitSignal(dialog.finalised, timeout=30_000):
        qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    idle()
    assert dialog.state is not None and dialog.state.final and dialog.state.signed_blob
    dialog.close()
    qtbot.waitUntil(lambda: workspace.overview is not None
                    and workspace.overview.status is CaseStatus.AGREED, timeout=30_000)
    assert "调解成功" in workspace.header.text()
    page.show_documents()
    qtbot.waitUntil(lambda: page.documents is not None and bool(page.documents.infos),
                    timeout=30_000)
    assert page.documents is not None
    assert any(i.signed for i in page.documents.infos)
