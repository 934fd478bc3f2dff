"""本案统计情况 on the outcome step, as a mediator answers it (real workspace and widgets).

One question, "调解是否防止了纠纷激化？"; on 是 the four outcomes, each with a people
field shown only when ticked; the grade shown as the rule derives it, with its
basis; 更改 needs a reason (the domain's message, nothing saved without one); and
what is saved is what the monthly statistics count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QSpinBox, QWidget

from mediator.domain.case_facts import Grade, Prevention
from mediator.domain.findings import Step
from mediator.domain.statistics import Period
from mediator.domain.status import CaseStatus
from mediator.services.case_facts import CaseFactsService
from mediator.services.statistics import StatisticsService
from mediator.services.workflow import Workflow
from mediator.services.workspace import Workspace
from mediator.ui.workflow.closing_facts import ClosingFacts
from mediator.ui.workflow.workspace import CaseWorkspace
from tests.services.workflow.walk import AGREED, register, walk
from tests.ui.workflow.conftest import TableTranslator

ROOT_TABLE = Path(__file__).resolve().parents[3] / "mediator/ui/TRANSLATIONS_zh_CN.md"
_ROW = re.compile(r"^\| (FactsLabels) \| (.+?) \| (.+?) \|$")


@pytest.fixture(autouse=True)
def fact_sentences(qapp: QApplication) -> Iterator[None]:
    """The grade sentences' Chinese (mediator/ui's own table, context FactsLabels)."""
    table = {(m.group(1), m.group(2)): m.group(3)
             for line in ROOT_TABLE.read_text(encoding="utf-8").splitlines()
             if (m := _ROW.match(line))}
    translator = TableTranslator(table)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def open_outcome(qtbot, workspace: Workspace, runner, until: CaseStatus) -> CaseWorkspace:
    cid = register(workspace)
    walk(workspace, Workflow(workspace), cid, until)
    w = CaseWorkspace(workspace, runner, cid, today=lambda: AGREED)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    for i in range(w.rail.count()):
        if w.rail.item(i).data(Qt.ItemDataRole.UserRole) == Step.OUTCOME.value:
            w.rail.setCurrentRow(i)
    assert w.current_page().step is Step.OUTCOME
    return w


@pytest.fixture
def page(qtbot, workspace: Workspace, runner) -> CaseWorkspace:
    return open_outcome(qtbot, workspace, runner, CaseStatus.MEDIATING)


def facts_of(w: CaseWorkspace) -> ClosingFacts:
    return w.pages[Step.OUTCOME].case_facts  # type: ignore[attr-defined]


def stored(workspace: Workspace, w: CaseWorkspace):
    return CaseFactsService(workspace.db, workspace.studio.context).read(w.case_id)


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def set_number(qtbot, spin: QSpinBox, n: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(n))
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


def end_mediation(qtbot, w: CaseWorkspace) -> None:
    p = w.current_page()
    p.kind.setCurrentIndex(2)  # 调解不成
    p.reason.setPlainText("双方对赔偿数额分歧较大，调解不成。")
    click(qtbot, p.routes[0])
    qtbot.mouseClick(p.findChild(QWidget, "terminate"), Qt.MouseButton.LeftButton)
    assert w.overview.status is CaseStatus.TERMINATED, p.banner.text()


def test_prevention_outcomes_are_saved_with_their_people_and_counted(
        qtbot, page: CaseWorkspace, workspace: Workspace) -> None:
    cf = facts_of(page)
    assert cf.people.value() == 2  # nothing stated yet: the two parties
    assert cf.grade_text.text() == "本案难易程度：简单（依据：涉及2人）"
    assert not cf.outcomes_box.isVisible()
    click(qtbot, cf.prevented_yes)
    assert cf.outcomes_box.isVisible()
    criminal, suicide = cf.outcomes[Prevention.CRIMINAL], cf.outcomes[Prevention.SUICIDE]
    assert not criminal.people.isVisible()
    click(qtbot, criminal.tick)
    click(qtbot, suicide.tick)
    # Only the ticked outcomes ask for their people.
    assert criminal.people.isVisible() and suicide.people.isVisible()
    assert not cf.outcomes[Prevention.FIGHT].people.isVisible()
    set_number(qtbot, criminal.people, 3)
    assert cf.grade_text.text() == "本案难易程度：重大疑难（依据：防止民转刑、防止自杀）"
    qtbot.mouseClick(cf.save_button, Qt.MouseButton.LeftButton)

    result = stored(workspace, page)
    assert dict(result.facts.prevented) == {Prevention.CRIMINAL: 3, Prevention.SUICIDE: 1}
    assert result.grade is Grade.MAJOR and result.facts.grade_override is None
    end_mediation(qtbot, page)  # the report counts prevention among the cases closed
    totals = StatisticsService(workspace.db, workspace.studio.context,
                               workspace.catalogue.label).totals(Period.month(2026, 3))
    assert (totals["prevented_criminal"], totals["prevented_criminal_people"]) == (1, 3)
    assert (totals["prevented_suicide"], totals["prevented_suicide_people"]) == (1, 1)
    assert totals["prevented_fight"] == 0


def test_a_changed_grade_needs_a_reason(qtbot, page: CaseWorkspace,
                                        workspace: Workspace) -> None:
    cf = facts_of(page)
    set_number(qtbot, cf.people, 3)
    assert cf.grade_text.text() == "本案难易程度：一般（依据：涉及3人）"
    qtbot.mouseClick(cf.change_grade_button, Qt.MouseButton.LeftButton)
    dialog = cf.grade_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.grade.setCurrentIndex(dialog.grade.findData(Grade.MAJOR.value))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # Refused with the domain's message under the reason; nothing stored.
    assert dialog.isVisible()
    assert dialog.reason_box.error() == "改动案件难易程度时，请写明理由。"
    assert not stored(workspace, page).stated

    dialog.reason.setPlainText("双方纠纷持续三年，多次调解未果。")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    result = stored(workspace, page)
    assert result.facts.people_involved == 3
    assert result.grade is Grade.MAJOR and result.derived_grade is Grade.ORDINARY
    assert result.facts.grade_reason == "双方纠纷持续三年，多次调解未果。"
    assert cf.grade_text.text() == "本案难易程度：重大疑难（调解员改定；按规则为一般）"


def test_ending_the_mediation_saves_the_answers_too(qtbot, page: CaseWorkspace,
                                                   workspace: Workspace) -> None:
    cf = facts_of(page)
    cf.amount.setText("12万")
    click(qtbot, cf.prevented_no)
    end_mediation(qtbot, page)  # no separate save of the facts
    result = stored(workspace, page)
    assert result.facts.amount_in_dispute_fen == 120_000_00 and result.grade is Grade.MAJOR
    assert facts_of(page).amount.text() == "120000.00"  # read back as stored


def test_a_bad_amount_stops_the_save_beside_the_field(qtbot, page: CaseWorkspace,
                                                      workspace: Workspace) -> None:
    cf = facts_of(page)
    cf.amount.setText("好几万")
    qtbot.mouseClick(cf.save_button, Qt.MouseButton.LeftButton)
    assert "标的额应为数字" in cf.boxes["amount_in_dispute_fen"].error()
    assert not stored(workspace, page).stated


def test_an_archived_case_shows_its_facts_read_only(qtbot, workspace: Workspace,
                                                    runner) -> None:
    w = open_outcome(qtbot, workspace, runner, CaseStatus.ARCHIVED)
    cf = facts_of(w)
    assert not cf.change_grade_button.isEnabled() and not cf.save_button.isEnabled()
    assert not cf.people.isEnabled() and not cf.prevented_yes.isEnabled()
    assert "本案难易程度" in cf.grade_text.text()
