"""A neighbours' water-leak case taken from registration to archive in the real GUI,
and one that ends in failure; screenshots of every step."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from sqlalchemy import select

from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus
from mediator.services.documents.finalise import AgreementSigning
from mediator.store.models import Agreement
from mediator.ui.workflow.today import TodayPage
from mediator.ui.workflow.workspace import CaseWorkspace
from tests.services.workflow.walk import register

TODAY = dt.date(2026, 3, 10)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def out_dir(tmp_path: Path) -> Path:
    target = Path(os.environ.get("MEDIATOR_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


def clipped(root: QWidget) -> list[str]:
    bad = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text() or label.wordWrap():
            continue
        if label.width() < label.sizeHint().width() - 2:
            bad.append(label.text())
    return bad


def shoot(w: CaseWorkspace, tmp_path: Path, name: str) -> None:
    QApplication.processEvents()
    w.grab().save(str(out_dir(tmp_path) / f"workflow-{name}.png"))
    assert w.font().pointSizeF() >= 12
    assert clipped(w) == []


@pytest.fixture
def case_id(workspace) -> str:
    return register(workspace)


@pytest.fixture
def gui(qtbot, workspace, runner, case_id) -> CaseWorkspace:
    w = CaseWorkspace(workspace, runner, case_id, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.resize(1400, 950)
    w.show()
    return w


def go(w: CaseWorkspace, step: Step):
    for i in range(w.rail.count()):
        if w.rail.item(i).data(Qt.ItemDataRole.UserRole) == step.value:
            w.rail.setCurrentRow(i)
    assert w.current_page().step is step
    return w.current_page()


def click(qtbot, page, name: str) -> None:
    from PySide6.QtWidgets import QPushButton

    button = page.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_water_leak_case_from_registration_to_archive(qtbot, gui, workspace, tmp_path) -> None:
    w = gui
    assert w.current_page().step is Step.NOTIFY  # guided: the step to work on now
    shoot(w, tmp_path, "0-notify-empty")

    page = go(w, Step.ACCEPT)
    page.written.setChecked(True)
    for cb in page.proofs.values():
        cb.setChecked(True)
    click(qtbot, page, "save_accept")
    shoot(w, tmp_path, "1-accept")
    assert w.overview.written_application

    page = go(w, Step.NOTIFY)
    for cb, _when in page.acks.values():
        cb.setChecked(True)
    click(qtbot, page, "save_notify")
    assert w.overview.status is CaseStatus.NOTIFIED

    page = go(w, Step.MEDIATE)
    page.place.setText("桂城街道人民调解工作室")
    for edit in page.statements.values():
        edit.setPlainText("天花板发霉，要求修复并赔偿。")
    page.evidence.setPlainText("现场照片6张，双方无异议。")
    page.risk.setPlainText("已告知诉讼的时间和费用风险。")
    page.result.setPlainText("双方同意修复防水层并赔偿3200元。")
    page.signed.setChecked(True)
    click(qtbot, page, "session_mode")
    assert "双方同意修复防水层" in w.session_window.text.text()
    w.session_window.close()
    shoot(w, tmp_path, "2-mediate")
    click(qtbot, page, "save_mediate")
    assert w.overview.status is CaseStatus.MEDIATING, page.banner.text()

    page = go(w, Step.OUTCOME)
    page.facts.setPlainText("被申请人家卫生间防水层老化漏水，致申请人家天花板受损。")
    page.clauses.setCurrentIndex(1)
    click(qtbot, page, "insert_clause")
    assert "【" in page.terms[0].toPlainText()
    page.terms[0].setPlainText("被申请人于2026年3月31日前一次性向申请人支付修复费用人民币3200元。")
    page.method.setPlainText("银行转账。")
    page.amount.setText("3200")
    row = page.obligation_rows[0]
    row.description.setText("支付修复费用3200元")
    row.obligor.setCurrentIndex(1)
    row.amount.setText("3200")
    click(qtbot, page, "save_outcome")
    assert w.overview.agreement is not None and w.overview.agreement.copies == 3
    page = go(w, Step.OUTCOME)
    click(qtbot, page, "check_terms")
    shoot(w, tmp_path, "3-outcome")
    for cb in page.warning_checks.values():
        cb.setChecked(True)
    for cb in page.signers.values():
        cb.setChecked(True)
    for cb in (page.mediator_signed, page.recorder_signed, page.sealed):
        cb.setChecked(True)
    click(qtbot, page, "record_signatures")
    page = go(w, Step.OUTCOME)
    for cb in page.warning_checks.values():
        cb.setChecked(True)
    click(qtbot, page, "conclude")
    assert w.overview.status is CaseStatus.AGREED, page.banner.text()

    proof = tmp_path / "收条.png"
    proof.write_bytes(PNG)
    w.attachments.kind.setCurrentIndex(2)
    w.attachments.add_files([proof])
    assert len(w.overview.attachments) == 1
    page = go(w, Step.PERFORM)
    page.amount.setText("3200")
    page.method.setText("银行转账")
    page.proof.setCurrentIndex(1)
    page.completes.setChecked(True)
    shoot(w, tmp_path, "4-perform")
    click(qtbot, page, "save_perform")
    assert w.overview.status is CaseStatus.PERFORMING, page.banner.text()

    page = go(w, Step.FOLLOW_UP)
    page.performed.setCurrentIndex(1)
    page.satisfaction.setCurrentIndex(1)
    page.signed.setChecked(True)
    shoot(w, tmp_path, "5-follow-up")
    click(qtbot, page, "save_follow_up")
    assert w.overview.status is CaseStatus.FOLLOWED_UP, page.banner.text()

    page = go(w, Step.CONFIRM)
    shoot(w, tmp_path, "6-confirm")

    # The scan of the signed paper goes into the dossier (定稿, as the documents panel's
    # finalise dialog does): archiving asks for it (issue 12, item 7).
    with workspace.db.read() as s:
        agreement_id = s.execute(select(Agreement.id).where(
            Agreement.case_id == w.case_id)).scalar_one()
    AgreementSigning(workspace).receive_original(agreement_id, b"%PDF-1.7 scan",
                                                 filename="scan.pdf", effective_on=TODAY)
    w.reload()
    page = go(w, Step.ARCHIVE)
    page.retention.setCurrentIndex(3)
    shoot(w, tmp_path, "7-archive")
    click(qtbot, page, "save_archive")
    assert w.overview.status is CaseStatus.ARCHIVED, page.banner.text()
    assert w.overview.report.complete
    w.print_report(pdf_path=str(tmp_path / "report.pdf"))
    assert "未发现问题" in w.last_report or "提示" in w.last_report
    assert (tmp_path / "report.pdf").stat().st_size > 1000
    shoot(w, tmp_path, "8-archived")


def test_a_case_that_fails_ends_terminated_and_archives(qtbot, gui, workspace, tmp_path) -> None:
    w = gui
    page = go(w, Step.ACCEPT)
    for cb in page.proofs.values():
        cb.setChecked(True)
    click(qtbot, page, "save_accept")
    page = go(w, Step.OUTCOME)
    page.kind.setCurrentIndex(2)
    click(qtbot, page, "terminate")
    assert "终止调解的原因" in page.fields["termination.reason"].error()  # nothing typed yet
    page.reason.setPlainText("被申请人明确拒绝调解。")
    page.routes[0].setChecked(True)
    shoot(w, tmp_path, "9-terminate")
    click(qtbot, page, "terminate")
    assert w.overview.status is CaseStatus.TERMINATED, page.banner.text()
    page = go(w, Step.ARCHIVE)
    page.retention.setCurrentIndex(3)
    click(qtbot, page, "save_archive")
    assert w.overview.status is CaseStatus.ARCHIVED, page.banner.text()


def test_a_refused_transition_shows_the_missing_list_and_keeps_the_input(
        qtbot, gui, workspace, tmp_path) -> None:
    w = gui
    page = go(w, Step.ARCHIVE)
    page.retention.setCurrentIndex(3)
    click(qtbot, page, "save_archive")
    assert "不能录入保管期限" in page.banner.text()
    assert page.retention.currentIndex() == 3  # nothing entered is lost


def test_unsaved_input_survives_reopening(qtbot, workspace, runner, case_id) -> None:
    w = CaseWorkspace(workspace, runner, case_id, today=lambda: TODAY)
    qtbot.addWidget(w)
    page = go(w, Step.MEDIATE)
    page.result.setPlainText("双方初步同意维修方案。")
    w.flush_drafts()
    again = CaseWorkspace(workspace, runner, case_id, today=lambda: TODAY)
    qtbot.addWidget(again)
    assert again.pages[Step.MEDIATE].result.toPlainText() == "双方初步同意维修方案。"


def test_today_lists_the_overdue_case_and_opens_it(qtbot, workspace, runner, case_id) -> None:
    page = TodayPage(workspace, runner, today=lambda: dt.date(2026, 4, 10))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 1
    assert "逾期" in page.model.data(page.model.index(0, 4)) or "Overdue" in page.model.data(
        page.model.index(0, 4))
    with qtbot.waitSignal(page.open_case) as sig:
        page.view.doubleClicked.emit(page.model.index(0, 0))
    assert sig.args == [case_id]


def test_oversized_and_unknown_files_are_refused_in_chinese(qtbot, gui, tmp_path) -> None:
    w = gui
    big = tmp_path / "big.jpg"
    with big.open("wb") as f:
        f.write(b"\xff\xd8\xff")
        f.seek(21 * 1024 * 1024)
        f.write(b"\0")
    w.attachments.add_files([big])
    assert "文件太大" in w.attachments.error.text()
    doc = tmp_path / "notes.docx"
    doc.write_bytes(b"PK\x03\x04 not an image")
    w.attachments.add_files([doc])
    assert "只能添加照片" in w.attachments.error.text()
    assert w.overview.attachments == ()
