"""Registering a case through the page, and the inline messages when input is bad."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mediator.domain.status import PartyRole, Sex
from tests.ui.registration.conftest import OFFSCREEN_NOISE, all_cases, valid_id
from tests.ui.registration.helpers import (
    choose,
    error_beside,
    fill_dispute,
    save,
    type_into,
    type_text,
)

pytestmark = OFFSCREEN_NOISE


def test_two_party_case_typed_and_registered(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "王𠮷")
    type_into(qtbot, applicant.id_number, valid_id(dt.date(1971, 5, 20), 123))
    type_into(qtbot, applicant.phone, "138 2345 6789")
    type_into(qtbot, applicant.address, "佛山市禅城区祖庙街道某某路8号502房")
    type_into(qtbot, respondent.name, "李珺")
    type_into(qtbot, respondent.phone, "0757-83331234")

    with qtbot.waitSignal(page.registered, timeout=5000) as signal:
        save(qtbot, page)

    [case] = all_cases(workspace)
    case_id, case_no = signal.args
    assert (case.id, case.case_no) == (case_id, case_no)
    assert case_no.startswith(f"（{dt.date.today().year}）桂城人调字第")
    assert case.dispute_type == "neighbour" and case.source == "party_application"
    assert case.requests == ("请求被申请人修好漏水的水管",)
    people = {p.name: p for p in case.parties}
    assert set(people) == {"王𠮷", "李珺"}
    assert people["王𠮷"].role is PartyRole.APPLICANT
    assert people["王𠮷"].sex is Sex.MALE and people["王𠮷"].birth_date == dt.date(1971, 5, 20)
    assert people["王𠮷"].phone == "13823456789"
    assert people["李珺"].role is PartyRole.RESPONDENT
    # The mediator sees the case number, and an empty form for the next case.
    assert case_no in page.result_banner.text()
    assert page.summary.toPlainText() == ""
    assert [c.name.text() for c in page.parties.cards()] == ["", ""]
    assert workspace.drafts.load("registration", "new") is None


def test_rare_characters_in_names_are_accepted(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "何㙟")
    type_into(qtbot, respondent.name, "买买提·艾力")
    assert error_beside(applicant.name) == "" and error_beside(respondent.name) == ""
    with qtbot.waitSignal(page.registered, timeout=5000):
        save(qtbot, page)
    [case] = all_cases(workspace)
    assert sorted(p.name for p in case.parties) == sorted(["何㙟", "买买提·艾力"])


def test_bad_id_number_is_flagged_beside_the_field_and_nothing_is_saved(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    good = valid_id(dt.date(1980, 1, 2), 5)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")  # wrong check character
    type_into(qtbot, applicant.id_number, bad)
    # Shown as soon as the field is left, before any save.
    assert "校验位" in error_beside(applicant.id_number)
    type_into(qtbot, respondent.name, "李四")

    save(qtbot, page)

    assert all_cases(workspace) == []
    assert "身份号码" in error_beside(applicant.id_number)
    assert "1" in page.result_banner.text()  # "1 item needs correcting"
    assert applicant.id_number.hasFocus()
    assert applicant.id_number.text() == bad  # nothing typed is lost
    # Correcting it clears the message while typing.
    applicant.id_number.selectAll()
    qtbot.keyClicks(applicant.id_number, good)
    assert error_beside(applicant.id_number) == ""


def test_valid_id_number_fills_sex_and_birth_date(qtbot, page):
    card = page.parties.cards()[0]
    number = valid_id(dt.date(1965, 3, 8), 24)  # even sequence: female
    card.id_number.setFocus()
    qtbot.keyClicks(card.id_number, number)
    assert card.sex.currentText() == "女"
    assert card.birth_date.text() == "1965-03-08"
    assert "自动填写性别和出生日期" in card.boxes["id_number"].hint()
    assert card.age.text().endswith("岁")
    # A later manual change removes the "filled from the ID" note.
    choose(qtbot, card.sex, "男")
    assert card.boxes["id_number"].hint() == ""


def test_sex_contradicting_the_id_number_is_refused(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    type_into(qtbot, applicant.id_number, valid_id(dt.date(1965, 3, 8), 24))
    choose(qtbot, applicant.sex, "男")
    type_into(qtbot, respondent.name, "李四")
    save(qtbot, page)
    assert all_cases(workspace) == []
    assert "性别与身份证号码不一致" in error_beside(applicant.sex)


def test_emoji_in_a_name_is_refused(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三😀")
    message = error_beside(applicant.name)
    assert "表情符号" in message and "姓名" in message
    type_into(qtbot, respondent.name, "李四")
    save(qtbot, page)
    assert all_cases(workspace) == []
    assert "表情符号" in error_beside(applicant.name)


def test_control_character_in_the_address_is_refused(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    type_into(qtbot, respondent.name, "李四")
    applicant.address.setText("某某路\x078号")  # pasted from a chat, with a BEL inside
    save(qtbot, page)
    assert all_cases(workspace) == []
    assert "控制字符" in error_beside(applicant.address)


def test_bad_phone_is_flagged(qtbot, page):
    card = page.parties.cards()[1]
    type_into(qtbot, card.phone, "1382345")
    assert "位" in error_beside(card.phone) or "号码" in error_beside(card.phone)


def test_twenty_thousand_character_summary_is_refused_and_kept(qtbot, page, workspace):
    fill_dispute(qtbot, page, summary="")
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    type_into(qtbot, respondent.name, "李四")
    long_text = "漏水" * 10_000
    page.summary.setFocus()
    page.summary.insertPlainText(long_text)  # what a paste does
    assert "20000" in page.summary_count.text()

    save(qtbot, page)

    assert all_cases(workspace) == []
    message = error_beside(page.summary)
    assert "纠纷简要情况" in message and "5000" in message
    assert page.summary.toPlainText() == long_text


def test_missing_choices_and_no_respondent_are_named(qtbot, page, workspace):
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    type_into(qtbot, respondent.name, "李四")
    choose(qtbot, respondent.role, "申请人")
    save(qtbot, page)
    assert all_cases(workspace) == []
    assert "纠纷类型" in error_beside(page.dispute_type)
    assert "案件来源" in error_beside(page.source)
    assert "纠纷简要情况" in error_beside(page.summary)
    assert "被申请人" in page.parties.section_error.text()
    assert page.parties.section_error.isVisible()
    # The first problem on the page gets the focus.
    assert page.dispute_type.hasFocus()


def test_referral_note_only_for_referred_cases(qtbot, page, workspace):
    assert not page.referral_note.isVisible()
    fill_dispute(qtbot, page)
    choose(qtbot, page.source, "人民法院委托")
    assert page.referral_note.isVisible()
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    type_into(qtbot, respondent.name, "李四")
    save(qtbot, page)
    assert all_cases(workspace) == []
    assert "移交" in error_beside(page.referral_note)
    type_into(qtbot, page.referral_note, "禅城区人民法院（2026）粤0604民诉前调123号")
    with qtbot.waitSignal(page.registered, timeout=5000):
        save(qtbot, page)
    [case] = all_cases(workspace)
    assert case.referral_note.startswith("禅城区人民法院")


def test_requests_are_numbered_reordered_and_removed(qtbot, page, workspace):
    fill_dispute(qtbot, page)
    qtbot.mouseClick(page.requests.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, page.requests.row_edit(1), "赔偿天花板维修费800元")
    qtbot.mouseClick(page.requests.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, page.requests.row_edit(2), "赔礼道歉")
    assert page.requests.row_count() == 3
    # Move the second up to first place, then drop the apology.
    up = page.requests.row_box(1).findChildren(type(page.requests.add_button))[0]
    qtbot.mouseClick(up, Qt.MouseButton.LeftButton)
    remove = page.requests.row_box(2).findChildren(type(page.requests.add_button))[2]
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert page.requests.values() == ["赔偿天花板维修费800元", "请求被申请人修好漏水的水管"]
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    type_into(qtbot, respondent.name, "李四")
    with qtbot.waitSignal(page.registered, timeout=5000):
        save(qtbot, page)
    [case] = all_cases(workspace)
    assert case.requests == ("赔偿天花板维修费800元", "请求被申请人修好漏水的水管")


def test_tab_walks_the_form_in_reading_order(qtbot, page):
    qtbot.mouseClick(page.parties.add_button, Qt.MouseButton.LeftButton)
    first, second, _third = page.parties.cards()
    page.dispute_type.setFocus()
    expected = [
        page.registered_on, page.source, page.summary, page.requests.row_edit(0),
        page.requests.row_box(0).findChildren(type(page.save_button))[2],  # 删除
        page.requests.add_button,
        first.role, first.kind, first.name, first.sex, first.ethnicity, first.birth_date,
        first.id_number, first.phone, first.address, first.occupation, first.remove_button,
        second.role,
    ]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is widget or widget.isAncestorOf(focused), (
            f"Tab went to {type(focused).__name__}, expected {type(widget).__name__}"
        )


def test_undo_in_a_text_field(qtbot, page):
    page.summary.setFocus()
    type_text(qtbot, page.summary, "邻居家狗叫")
    qtbot.keyClick(page.summary, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.summary.toPlainText() == ""
