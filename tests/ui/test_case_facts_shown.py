"""The statistics facts outside the forms: the studio's kind of body in 设置, and one
compact block in the case details (people, amount, prevented, body, grade)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from mediator.domain.case_facts import BodyType, CaseFacts, Grade, Prevention
from mediator.services.case_facts import CaseFactsService
from mediator.ui.cases.detail import CaseDetailView
from mediator.ui.shell.studio_page import StudioPage
from tests.ui.conftest import register_leak_case


def texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_the_studio_kind_is_chosen_in_settings(qtbot, studio_ws, runner) -> None:
    page = StudioPage(studio_ws, runner)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.info is not None, timeout=5000)
    combo = page.body_type
    assert combo.currentText() == "村(居)" and combo.isEnabled()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # 乡镇(街道), as a person picks it
    facts = CaseFactsService(studio_ws.db, studio_ws.studio.context)
    qtbot.waitUntil(lambda: facts.studio_body_type() is BodyType.TOWNSHIP, timeout=5000)
    # A case with no kind of its own counts under the studio's.
    case_id = register_leak_case(studio_ws)
    assert facts.read(case_id).body_type is BodyType.TOWNSHIP


def test_the_case_details_show_the_facts_and_the_grade(qtbot, studio_ws, labels) -> None:
    case_id = register_leak_case(studio_ws)
    view = CaseDetailView(studio_ws.cases.get(case_id), labels)
    qtbot.addWidget(view)
    shown = texts(view.facts_box)
    assert "2 (the parties)" in shown and "(none stated)" in shown
    assert view.facts_box.grade.text() == (
        "Difficulty of this case: 简单 (based on: 2 people involved)")

    CaseFactsService(studio_ws.db, studio_ws.studio.context).save(case_id, CaseFacts(
        people_involved=4, prevented={Prevention.PETITION: 4}, amount_in_dispute_fen=350_000,
        body_type=BodyType.SECTOR, grade_override=Grade.ORDINARY,
        grade_reason="上访苗头已在调解前消除。"))
    view = CaseDetailView(studio_ws.cases.get(case_id), labels)
    qtbot.addWidget(view)
    shown = texts(view.facts_box)
    assert "4" in shown and "3,500.00 yuan" in shown and "防止群体性上访 (people: 4)" in shown
    assert "行业性专业性" in shown and "上访苗头已在调解前消除。" in shown
    assert view.facts_box.grade.text() == (
        "Difficulty of this case: 一般 (changed by the mediator; the rule gives 重大疑难)")
