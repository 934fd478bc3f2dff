"""统计情况 on the registration page: people, amount, group dispute, the body's kind.

Driven like a mediator drives it (keys and clicks on the real page, a real data
directory); what is checked is what the statistics later count.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QSpinBox

from mediator.domain.case_facts import BodyType, Grade
from mediator.services.case_facts import CaseFactsService
from mediator.ui.registration import RegistrationPage
from tests.ui.registration.conftest import OFFSCREEN_NOISE, all_cases
from tests.ui.registration.helpers import choose, error_beside, fill_dispute, save, type_into

pytestmark = OFFSCREEN_NOISE


def set_number(qtbot, spin: QSpinBox, n: int) -> None:
    """Select what the box holds and type the new number over it, then leave."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(n))
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


def name_parties(qtbot, page: RegistrationPage) -> None:
    applicant, respondent = page.parties.cards()[:2]
    type_into(qtbot, applicant.name, "王𠮷")
    type_into(qtbot, respondent.name, "李珺")


def stated(workspace, case_id: str):
    return CaseFactsService(workspace.db, workspace.studio.context).read(case_id)


def test_twelve_people_make_a_group_dispute_graded_major(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    name_parties(qtbot, page)
    facts = page.facts
    assert facts.people.value() == 2 and not facts.group.isChecked()
    set_number(qtbot, facts.people, 12)
    # At ten people or more the case is a group dispute by itself: ticked, not a choice.
    assert facts.group.isChecked() and not facts.group.isEnabled()
    with qtbot.waitSignal(page.registered, timeout=5000) as signal:
        save(qtbot, page)
    case_id, _case_no = signal.args
    result = stated(workspace, case_id)
    assert result.facts.people_involved == 12
    assert result.group_dispute and result.grade is Grade.MAJOR
    # The form is empty again and follows the parties of the next case.
    assert facts.people.value() == 2 and not facts.group.isChecked()


def test_people_follow_the_party_cards_until_the_mediator_types_his_own(qtbot, page):
    facts = page.facts
    assert facts.people.value() == 2
    assert "当事人" in facts.boxes["facts.people_involved"].hint()
    qtbot.mouseClick(page.parties.add_button, Qt.MouseButton.LeftButton)
    assert facts.people.value() == 3
    qtbot.mouseClick(page.parties.add_button, Qt.MouseButton.LeftButton)
    choose(qtbot, page.parties.cards()[3].role, "代理人")  # an agent is not a party
    assert facts.people.value() == 3
    set_number(qtbot, facts.people, 7)
    assert facts.boxes["facts.people_involved"].hint() == ""
    qtbot.mouseClick(page.parties.add_button, Qt.MouseButton.LeftButton)
    assert facts.people.value() == 7  # his number stays


def test_amount_and_marked_group_and_another_body_are_saved(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    name_parties(qtbot, page)
    facts = page.facts
    assert not facts.body.isVisible()  # the studio's kind: nothing to ask
    type_into(qtbot, facts.amount, "1.2万")
    tick = QPoint(8, facts.group.height() // 2)  # on the box, as a person clicks it
    qtbot.mouseClick(facts.group, Qt.MouseButton.LeftButton, pos=tick)  # marked: two people
    qtbot.mouseClick(facts.other_body, Qt.MouseButton.LeftButton)
    assert facts.body.isVisible()
    choose(qtbot, facts.body, "企事业单位")
    with qtbot.waitSignal(page.registered, timeout=5000) as signal:
        save(qtbot, page)
    result = stated(workspace, signal.args[0])
    assert result.facts.amount_in_dispute_fen == 12_000_00
    assert result.facts.group_marked and result.group_dispute
    assert result.body_type is BodyType.ENTERPRISE


def test_a_bad_amount_is_flagged_beside_it_and_nothing_is_saved(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    name_parties(qtbot, page)
    type_into(qtbot, page.facts.amount, "三千块")
    save(qtbot, page)
    assert "标的额应为数字" in error_beside(page.facts.amount)
    assert all_cases(workspace) == []


def test_the_draft_keeps_the_facts(qtbot, page, workspace, runner):
    fill_dispute(qtbot, page)
    facts = page.facts
    set_number(qtbot, facts.people, 15)
    type_into(qtbot, facts.amount, "3000")
    qtbot.mouseClick(facts.other_body, Qt.MouseButton.LeftButton)
    choose(qtbot, facts.body, "行业性专业性")
    page.flush_draft()

    again = RegistrationPage(workspace, runner)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.content.isEnabled, timeout=5000)
    restored = again.facts
    assert restored.people.value() == 15 and restored.group.isChecked()
    assert restored.amount.text() == "3000"
    assert restored.body.isVisible() and restored.body.currentText() == "行业性专业性"
    qtbot.mouseClick(again.parties.add_button, Qt.MouseButton.LeftButton)
    assert restored.people.value() == 15  # still his number, not the cards'


def test_a_draft_with_only_the_facts_is_announced(qtbot, page, workspace, runner):
    type_into(qtbot, page.facts.amount, "5000")
    page.flush_draft()
    again = RegistrationPage(workspace, runner)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.content.isEnabled, timeout=5000)
    assert again.facts.amount.text() == "5000"
    assert again.draft_banner.kind() == "info"  # "the unfinished registration … restored"
