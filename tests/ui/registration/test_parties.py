"""Any number of parties: adding, removing (with undo), organisations and agents."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mediator.domain.status import PartyKind, PartyRole
from tests.ui.registration.conftest import OFFSCREEN_NOISE, all_cases
from tests.ui.registration.helpers import choose, error_beside, fill_dispute, save, type_into

pytestmark = OFFSCREEN_NOISE


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_starts_with_an_applicant_and_a_respondent_that_cannot_be_removed(page):
    cards = page.parties.cards()
    assert [c.role.currentText() for c in cards] == ["申请人", "被申请人"]
    assert [c.title.text() for c in cards] == ["当事人 1", "当事人 2"]
    assert not any(c.remove_button.isEnabled() for c in cards)


def test_add_remove_and_undo(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    click(qtbot, page.parties.add_button)
    click(qtbot, page.parties.add_button)
    cards = page.parties.cards()
    assert len(cards) == 4
    assert cards[2].role.currentText() == "第三人"
    assert cards[3].name.hasFocus()  # ready to type the new party's name
    for card, name in zip(cards, ["张三", "李四", "王五", "赵六"], strict=True):
        type_into(qtbot, card.name, name)

    click(qtbot, cards[2].remove_button)  # 王五 by mistake
    assert [c.name.text() for c in page.parties.cards()] == ["张三", "李四", "赵六"]
    assert [c.title.text() for c in page.parties.cards()][-1] == "当事人 3"
    [undo] = page.parties.undo_strip.buttons()
    click(qtbot, undo)
    assert [c.name.text() for c in page.parties.cards()] == ["张三", "李四", "王五", "赵六"]

    click(qtbot, page.parties.cards()[3].remove_button)  # 赵六 on purpose
    with qtbot.waitSignal(page.registered, timeout=5000):
        save(qtbot, page)
    [case] = all_cases(workspace)
    roles = {p.name: p.role for p in case.parties}
    assert roles == {"张三": PartyRole.APPLICANT, "李四": PartyRole.RESPONDENT,
                     "王五": PartyRole.THIRD_PARTY}


def test_organisation_party_with_representative(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    choose(qtbot, respondent.kind, "单位")
    # Person-only fields give way to the representative's.
    assert not respondent.sex.isVisible() and not respondent.birth_date.isVisible()
    assert respondent.representative.isVisible()
    assert respondent.labels["name"].text() == "单位名称 *"
    assert respondent.labels["id_number"].text() == "统一社会信用代码"
    type_into(qtbot, respondent.name, "佛山市某某物业管理有限公司")

    save(qtbot, page)  # no representative yet
    assert all_cases(workspace) == []
    assert "法定代表人" in error_beside(respondent.representative)

    type_into(qtbot, respondent.representative, "陈大文")
    type_into(qtbot, respondent.representative_title, "总经理")
    with qtbot.waitSignal(page.registered, timeout=5000):
        save(qtbot, page)
    [case] = all_cases(workspace)
    company = next(p for p in case.parties if p.kind is PartyKind.ORGANISATION)
    assert company.name == "佛山市某某物业管理有限公司"
    assert (company.representative, company.representative_title) == ("陈大文", "总经理")
    assert company.role is PartyRole.RESPONDENT


def test_switching_to_organisation_and_back_loses_nothing(qtbot, page):
    card = page.parties.cards()[0]
    type_into(qtbot, card.birth_date, "1965年3月8日")
    assert card.age.text().endswith("岁")
    choose(qtbot, card.kind, "单位")
    choose(qtbot, card.kind, "自然人")
    assert card.birth_date.text() == "1965年3月8日"


def test_agent_must_say_whom_they_act_for(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    type_into(qtbot, respondent.name, "李四")
    click(qtbot, page.parties.add_button)
    agent = page.parties.cards()[2]
    assert not agent.represents.isVisible()
    choose(qtbot, agent.role, "代理人")
    assert agent.represents.isVisible()
    type_into(qtbot, agent.name, "周律师")

    save(qtbot, page)
    assert all_cases(workspace) == []
    assert "代理" in error_beside(agent.represents)

    # The other parties are listed by number, role and name.
    choose(qtbot, agent.represents, "1. 申请人 张三")
    with qtbot.waitSignal(page.registered, timeout=5000):
        save(qtbot, page)
    [case] = all_cases(workspace)
    assert {p.name: p.role for p in case.parties}["周律师"] is PartyRole.AGENT


def test_agent_keeps_its_party_when_another_party_is_removed(qtbot, page):
    click(qtbot, page.parties.add_button)
    click(qtbot, page.parties.add_button)
    _first, second, third, agent = page.parties.cards()
    type_into(qtbot, second.name, "李四")
    choose(qtbot, agent.role, "代理人")
    choose(qtbot, agent.represents, "2. 被申请人 李四")
    click(qtbot, third.remove_button)
    assert agent.represented_card() is second
    assert agent.represents.currentText() == "2. 被申请人 李四"
    assert page.registration_input().parties[2].represents == 1
