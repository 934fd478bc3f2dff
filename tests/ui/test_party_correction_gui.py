"""更正 on the case page, with real widgets: a party's details corrected in the
registration card (checked beside the field), the change listed in the case's
history; an organisation's number labelled as its credit code; an archived case's
更正 greyed with one line saying why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import update

from mediator.domain.credit_code import credit_code_check_character
from mediator.domain.status import CaseStatus, PartyKind, PartyRole
from mediator.services.dto import PartyInput, RegistrationInput
from mediator.store.models import Case
from mediator.ui.shell.case_page import CasePage
from mediator.ui.tasks import ImmediateTaskRunner
from tests.ui.conftest import register_leak_case

CODE = "91440605MA4UJ6QX3" + credit_code_check_character("91440605MA4UJ6QX3")


def _page(qtbot, ws, labels, case_id: str) -> CasePage:
    page = CasePage(ws, ImmediateTaskRunner(), labels, case_id, "返回")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.show_details()
    assert page.details is not None
    return page


def _texts(widget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_a_party_is_corrected_and_the_change_is_kept_in_the_history(
        qtbot, studio_ws, labels) -> None:
    case_id = register_leak_case(studio_ws)
    page = _page(qtbot, studio_ws, labels, case_id)
    box = page.details.party_boxes[1]
    assert box.correct_button is not None and box.correct_button.isEnabled()
    assert page.details.history.isHidden()  # nothing corrected yet
    qtbot.mouseClick(box.correct_button, Qt.MouseButton.LeftButton)
    dialog = page.correction_dialog
    assert dialog is not None and dialog.isVisible()
    card = dialog.card
    assert card.phone.text() == "0757-86281234" and not card.role.isEnabled()

    card.phone.setText("123")  # refused beside the field, as at registration
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and card.boxes["phone"].error()

    card.phone.setText("13912345678")
    card.address.setText("佛山市南海区桂城街道南海大道北88号")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    details = page.details
    qtbot.waitUntil(details.isVisible)  # the re-read view replaces the old one
    assert details.history.isVisible()
    lines = [t for t in _texts(details.history) if "→" in t]
    assert len(lines) == 2
    assert "麦㙟" in lines[0] and "0757-86281234 → 139" in lines[0]
    assert "李调解" in lines[0]  # who
    assert "→ 佛山市南海区桂城街道南海大道北88号" in lines[1]
    assert any("南海大道北88号" in t for t in _texts(details.party_boxes[1]))


def test_an_organisation_shows_its_credit_code_and_office(qtbot, studio_ws, labels) -> None:
    ref = studio_ws.cases.register(RegistrationInput(
        dispute_type="neighbour", source="party_application", summary="物业漏水纠纷。",
        parties=[PartyInput(role=PartyRole.APPLICANT, name="张三"),
                 PartyInput(role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION,
                            name="佛山市桂城物业管理有限公司", id_number=CODE,
                            representative="陈志强", representative_title="经理")]))
    page = _page(qtbot, studio_ws, labels, ref.id)
    texts = _texts(page.details.party_boxes[1])
    assert any(t.startswith(("Unified social credit code", "统一社会信用代码")) for t in texts)
    assert not any(t.startswith(("ID number", "身份证")) for t in texts)
    assert any(t.startswith(("Legal representative", "法定代表人")) for t in texts)


def test_an_archived_case_cannot_be_corrected(qtbot, studio_ws, labels) -> None:
    case_id = register_leak_case(studio_ws)
    with studio_ws.db.write() as s:
        s.execute(update(Case).where(Case.id == case_id)
                  .values(status=CaseStatus.ARCHIVED.value))
    page = _page(qtbot, studio_ws, labels, case_id)
    qtbot.waitUntil(page.details.isVisible)
    assert page.details.archived_note.isVisible()
    assert all(b.correct_button is not None and not b.correct_button.isEnabled()
               for b in page.details.party_boxes)
