"""The outcome form as a mediator uses it: real workspace, real widgets, the Chinese UI.

纠纷主要事实 starts from the registration and editing it leaves the registration
alone; a performance item's obligor follows the party its term names; the clause
library speaks of 申请人 / 被申请人 by name and a clause's 【…】 left in stops the
save, named; a word confirmed in 用语校对 is not asked again by the finalise wizard
unless its term changed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from mediator.documents import samples
from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus
from mediator.services.documents import install_seal
from mediator.services.workflow import Workflow
from mediator.services.workspace import Workspace
from mediator.store.workflow_models import Obligation
from mediator.ui.documents import FinaliseAgreementDialog
from mediator.ui.workflow.workspace import CaseWorkspace
from tests.services.helpers import water_leak
from tests.services.workflow.walk import AGREED, register, walk

PAY = "被申请人于2026年3月31日前一次性赔偿申请人王𠮷装修损失人民币3200元。"
SUMMARY = water_leak().summary


@pytest.fixture
def case_id(workspace: Workspace) -> str:
    cid = register(workspace)
    walk(workspace, Workflow(workspace), cid, CaseStatus.MEDIATING)
    return cid


@pytest.fixture
def page(qtbot, workspace: Workspace, runner, case_id: str):
    w = CaseWorkspace(workspace, runner, case_id, today=lambda: AGREED)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    for i in range(w.rail.count()):
        if w.rail.item(i).data(Qt.ItemDataRole.UserRole) == Step.OUTCOME.value:
            w.rail.setCurrentRow(i)
    assert w.current_page().step is Step.OUTCOME
    return w


def outcome(w: CaseWorkspace):
    return w.current_page()


def click(qtbot, page, name: str) -> None:
    button = page.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def parties(w: CaseWorkspace) -> tuple[str, str]:
    applicant, respondent = (p.id for p in w.overview.principals)
    return applicant, respondent


def fill_rest(p) -> None:
    p.method.setPlainText("银行转账。")
    p.amount.setText("3200")
    p.obligation_rows[0].description.setText("赔偿装修损失3200元")
    p.obligation_rows[0].amount.setText("3200")


def test_the_facts_start_from_the_registration_which_editing_leaves_alone(
        qtbot, page: CaseWorkspace) -> None:
    p = outcome(page)
    facts = p.facts.toPlainText()
    assert facts.startswith(SUMMARY)
    assert "争议事项：请求被申请人修复防水层；请求赔偿装修损失3200元。" in facts
    p.facts.setPlainText(facts + "经现场查看，漏水点在被申请人卫生间。")
    p.terms[0].setPlainText(PAY)
    fill_rest(p)
    click(qtbot, p, "save_outcome")
    assert page.overview.agreement is not None, p.banner.text()
    assert page.overview.agreement.facts.endswith("漏水点在被申请人卫生间。")
    assert page.overview.summary == SUMMARY  # the registration as registered


def test_the_obligor_is_the_party_the_term_names(qtbot, workspace, page: CaseWorkspace,
                                                 case_id: str) -> None:
    p = outcome(page)
    applicant, respondent = parties(page)
    first = p.obligation_rows[0]
    p.terms[0].setPlainText("申请人于2026年3月20日前清走堆放在公共楼道的杂物。")
    assert first.obligor.currentData() == applicant
    p.terms[0].setPlainText(PAY)
    assert first.obligor.currentData() == respondent  # 向申请人… : the applicant is paid
    second = p.add_obligation()
    second.description.setText("申请人王𠮷出具收条")
    assert second.obligor.currentData() == applicant
    # The mediator's own choice stays, whatever the text says afterwards.
    first.obligor.setFocus()
    qtbot.keyClick(first.obligor, Qt.Key.Key_Up)
    assert first.chosen and first.obligor.currentData() == applicant
    p.terms[0].setPlainText(PAY + "被申请人另支付误工费。")
    assert first.obligor.currentData() == applicant
    fill_rest(p)
    second.amount.setText("")
    click(qtbot, p, "save_outcome")
    assert page.overview.agreement is not None, p.banner.text()
    with workspace.db.read() as s:
        stored = list(s.execute(select(Obligation.obligor_id).where(
            Obligation.case_id == case_id, Obligation.deleted.is_(False))
            .order_by(Obligation.position)).scalars())
    assert stored == [applicant, applicant]


def test_clauses_name_the_parties_and_a_placeholder_left_stops_the_save(
        qtbot, page: CaseWorkspace) -> None:
    p = outcome(page)
    texts = [p.clauses.itemData(i) for i in range(1, p.clauses.count())]
    assert texts and not any("甲方" in t or "乙方" in t for t in texts)
    lead = "被申请人李珺于【日期】前一次性向申请人王𠮷"
    lump = next(i for i in range(1, p.clauses.count())
                if str(p.clauses.itemData(i)).startswith(lead))
    p.clauses.setCurrentIndex(lump)
    click(qtbot, p, "insert_clause")
    assert "【日期】" in p.terms[0].toPlainText()
    assert p.obligation_rows[0].obligor.currentData() == parties(page)[1]  # the respondent
    fill_rest(p)
    click(qtbot, p, "save_outcome")
    error = p.fields["terms[0]"].error()
    assert "【日期】" in error and "【金额】" in error, error
    assert p.banner.isVisible() and page.overview.agreement is None  # nothing saved
    p.terms[0].setPlainText(PAY)
    click(qtbot, p, "save_outcome")
    assert page.overview.agreement is not None and "【" not in page.overview.agreement.terms[0]


def open_wizard(qtbot, workspace: Workspace, agreement_id: str) -> FinaliseAgreementDialog:
    from mediator.ui.tasks import ImmediateTaskRunner

    dialog = FinaliseAgreementDialog(workspace, ImmediateTaskRunner(), agreement_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_word_confirmed_on_the_form_is_not_asked_again_in_the_wizard(
        qtbot, workspace: Workspace, page: CaseWorkspace) -> None:
    install_seal(workspace.data_dir, samples.sample_seal().png)
    p = outcome(page)
    p.facts.setPlainText("楼上卫生间漏水致楼下天花板受损。")
    p.terms[0].setPlainText(PAY)
    fill_rest(p)
    click(qtbot, p, "save_outcome")
    p = outcome(page)
    click(qtbot, p, "check_terms")
    assert list(p.warning_checks) == [("peichang_liability", 0)]
    p.warning_checks[("peichang_liability", 0)].setChecked(True)
    agreement = page.overview.agreement
    assert agreement is not None
    dialog = open_wizard(qtbot, workspace, agreement.id)
    assert dialog.report is not None and dialog.report.issues == ()
    assert dialog.issues.count() == 0 and dialog.confirmed_note.isVisible()
    qtbot.mouseClick(dialog.confirm_proofread, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentWidget() is dialog.pages["sign_parties"], dialog.message.text()
    dialog.close()

    # Reopened, the form shows the tick kept; the term changed, it is asked again.
    p = outcome(page)
    click(qtbot, p, "check_terms")
    assert p.warning_checks[("peichang_liability", 0)].isChecked()
    p.terms[0].setPlainText(PAY.replace("3200", "3500"))
    p.amount.setText("3500")
    click(qtbot, p, "save_outcome")
    dialog = open_wizard(qtbot, workspace, agreement.id)
    assert dialog.stack.currentWidget() is dialog.pages["proofread"]
    assert dialog.issues.count() == 1 and not dialog.confirmed_note.isVisible()


@pytest.mark.parametrize(("typed", "separate"), [("刘晓敏", True), ("陈调解", False)])
def test_a_separate_recorder_named_on_the_form_signs_in_the_wizard(
        qtbot, workspace: Workspace, page: CaseWorkspace, typed: str, separate: bool) -> None:
    p = outcome(page)
    p.terms[0].setPlainText(PAY)
    fill_rest(p)
    p.recorder.setText(typed)  # 陈调解 is the case's mediator: no separate recorder
    click(qtbot, p, "save_outcome")
    agreement = page.overview.agreement
    assert agreement is not None and agreement.recorder == (typed if separate else "")
    assert outcome(page).recorder_signed.isVisibleTo(outcome(page)) is separate
    dialog = open_wizard(qtbot, workspace, agreement.id)
    assert dialog.state is not None and dialog.state.recorder == agreement.recorder
    assert ("Recorder signs" in dialog.rail.text()) is separate  # (this table: Workflow only)
