"""Registration of an organisation and an agent, as a mediator types them: a missing
住所 or 统一社会信用代码 is a warning under the field and in the banner, never a
refusal; the representative's row is labelled with the office chosen; an agent's
授权委托书 is ticked on the card and lands in the case file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from mediator.domain.status import PartyRole
from mediator.store.workflow_models import CasePartyFile
from tests.ui.registration.conftest import OFFSCREEN_NOISE, all_cases
from tests.ui.registration.helpers import choose, fill_dispute, save, type_into

pytestmark = OFFSCREEN_NOISE


def test_an_organisation_without_address_or_code_registers_with_warnings(
        qtbot, page, workspace) -> None:
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    choose(qtbot, respondent.kind, "单位")
    assert respondent.labels["representative"].text() == "法定代表人 *"
    choose(qtbot, respondent.representative_role, "主要负责人（非法人组织）")
    assert respondent.labels["representative"].text() == "主要负责人 *"
    assert respondent.labels["id_number"].text().startswith("统一社会信用代码")
    type_into(qtbot, respondent.name, "佛山市桂城物业管理有限公司")
    type_into(qtbot, respondent.representative, "陈志强")
    assert [key for key, _m in respondent.warnings()] == ["address", "id_number"]
    assert "住所" in respondent.boxes["address"].hint()
    assert respondent.boxes["address"].error() == ""  # a warning, not an error
    with qtbot.waitSignal(page.registered, timeout=5000):
        save(qtbot, page)
    banner = page.result_banner.text()
    assert banner.startswith("登记成功")
    assert "未填写住所" in banner and "未填写统一社会信用代码" in banner
    assert len(all_cases(workspace)) == 1


def test_an_agent_hands_in_a_power_of_attorney_at_registration(qtbot, page, workspace) -> None:
    fill_dispute(qtbot, page)
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "张三")
    type_into(qtbot, respondent.name, "李四")
    agent = page.parties.add_party(PartyRole.AGENT)
    assert agent.power_of_attorney.isVisible() and not applicant.power_of_attorney.isVisible()
    type_into(qtbot, agent.name, "王律师")
    choose(qtbot, agent.represents, agent.represents.itemText(1))
    agent.power_of_attorney.setFocus()
    qtbot.keyClick(agent.power_of_attorney, Qt.Key.Key_Space)  # ticked from the keyboard
    assert agent.power_of_attorney.isChecked()
    assert agent.to_payload(0)["power_of_attorney"] is True  # kept in the draft too
    with qtbot.waitSignal(page.registered, timeout=5000):
        save(qtbot, page)
    [case] = all_cases(workspace)
    with workspace.db.read() as s:
        files = s.execute(select(CasePartyFile.power_of_attorney)
                          .where(CasePartyFile.case_id == case.id)).scalars().all()
    assert files == [True]
