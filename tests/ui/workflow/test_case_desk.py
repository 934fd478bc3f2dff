"""The case desk on real widgets: an optional step skipped with its page's button (and
taken up again), the completeness report on screen before printing, and an archived
case whose every changing control is locked under a one-line banner."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)

from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus
from mediator.domain.steps import StepState
from mediator.services.workflow import Workflow
from mediator.ui.workflow.rail import step_summary
from mediator.ui.workflow.read_only import locked
from mediator.ui.workflow.workspace import CaseWorkspace
from tests.services.workflow.walk import ARCHIVED, NOTIFIED, register, walk
from tests.ui.workflow.test_case_gui import go


def _workspace(qtbot, workspace, runner, case_id: str, today) -> CaseWorkspace:
    w = CaseWorkspace(workspace, runner, case_id, today=lambda: today)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: w.overview is not None)
    return w


@pytest.fixture
def wf(workspace) -> Workflow:
    return Workflow(workspace)


def _rail_state(w: CaseWorkspace, step: Step) -> StepState:
    assert w.overview is not None
    return next(v.state for v in w.overview.steps if v.step is step)


def _rail_text(w: CaseWorkspace, step: Step) -> str:
    for i in range(w.rail.count()):
        if w.rail.item(i).data(Qt.ItemDataRole.UserRole) == step.value:
            return w.rail.item(i).text()
    raise AssertionError(step)


def _answer(bar, button: QMessageBox.StandardButton) -> None:
    def click() -> None:
        assert bar.question is not None, "no confirmation was asked"
        bar.question.button(button).click()
    QTimer.singleShot(0, click)


def test_an_optional_step_is_skipped_after_confirming_and_taken_up_again(
        qtbot, workspace, wf, runner) -> None:
    case_id = register(workspace)
    walk(workspace, wf, case_id, CaseStatus.NOTIFIED)
    w = _workspace(qtbot, workspace, runner, case_id, NOTIFIED)
    page = go(w, Step.INVESTIGATE)
    bar = page.skip_bar
    assert bar is not None and bar.skip_button.isVisible()
    assert not bar.resume_button.isVisible()

    _answer(bar, QMessageBox.StandardButton.No)  # changed their mind: nothing happens
    qtbot.mouseClick(bar.skip_button, Qt.MouseButton.LeftButton)
    assert _rail_state(w, Step.INVESTIGATE) is StepState.CURRENT

    _answer(bar, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(bar.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rail_state(w, Step.INVESTIGATE) is StepState.SKIPPED)
    assert _rail_text(w, Step.INVESTIGATE).startswith("–")  # the rail's skipped mark
    assert _rail_state(w, Step.MEDIATE) is StepState.CURRENT  # the guide moved on
    page = go(w, Step.INVESTIGATE)
    assert bar.state.text() in ("This step was skipped.", "此步骤已跳过。")
    assert bar.resume_button.isVisible() and not bar.skip_button.isVisible()
    assert w.overview is not None
    view = next(v for v in w.overview.steps if v.step is Step.INVESTIGATE)
    assert w.findings.text().endswith(step_summary(view))  # the page says what the rail says
    assert step_summary(view) in _rail_text(w, Step.INVESTIGATE)

    qtbot.mouseClick(bar.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _rail_state(w, Step.INVESTIGATE) is StepState.CURRENT)
    assert not bar.resume_button.isVisible()


def test_a_required_step_has_no_skip_button(qtbot, workspace, runner) -> None:
    case_id = register(workspace)
    w = _workspace(qtbot, workspace, runner, case_id, NOTIFIED)
    for step in (Step.ACCEPT, Step.NOTIFY, Step.MEDIATE, Step.OUTCOME, Step.PERFORM,
                 Step.FOLLOW_UP, Step.ARCHIVE):
        assert w.pages[step].skip_bar is None
        assert w.pages[step].findChild(QPushButton, f"skip_{step.value}") is None
    assert w.pages[Step.CONFIRM].skip_bar is not None


def test_the_completeness_report_opens_on_screen_and_prints_from_there(
        qtbot, workspace, runner, tmp_path: Path) -> None:
    case_id = register(workspace)
    w = _workspace(qtbot, workspace, runner, case_id, NOTIFIED)
    qtbot.mouseClick(w.print_button, Qt.MouseButton.LeftButton)
    dialog = w.report_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    assert "受理" in text and "告知" in text  # every step, named in the desk's language
    assert "缺少" in text or "缺失" in text or "Missing" in text  # the missing ID proofs
    assert dialog.print_button.isVisible() and dialog.pdf_button.isVisible()
    assert dialog.height() <= 768 and dialog.width() <= 1366
    out = dialog.save_pdf(str(tmp_path / "report.pdf"))
    assert out is not None and (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert "卷宗完整性检查报告" in w.last_report  # the printed page is the official one
    dialog.close()


def test_an_archived_case_is_read_only_with_a_banner_saying_why(
        qtbot, workspace, wf, runner) -> None:
    case_id = register(workspace)
    walk(workspace, wf, case_id, CaseStatus.ARCHIVED)
    w = _workspace(qtbot, workspace, runner, case_id, ARCHIVED)
    assert w.archived_banner.isVisible()
    assert "archived" in w.archived_banner.text() or "归档" in w.archived_banner.text()
    for step, page in w.pages.items():
        for button in page.inner.findChildren(QAbstractButton):
            assert not button.isEnabled(), (step, button.text())
        for combo in page.inner.findChildren(QComboBox):
            assert not combo.isEnabled(), step
        for edit in page.inner.findChildren(QLineEdit) + page.inner.findChildren(QPlainTextEdit):
            assert edit.isReadOnly() or not edit.isEnabled(), step
    assert locked(w.attachments), "the attachments' buttons are locked too"
    assert all(not b.isEnabled() for b in w.attachments.findChildren(QPushButton))
    assert w.print_button.isEnabled()  # reading and printing the file stays possible
