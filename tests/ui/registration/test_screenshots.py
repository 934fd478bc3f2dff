"""Screenshots of the page (empty, filled, with errors) and a check that nothing is cut off.

The PNGs go to ``$MEDIATOR_SCREENSHOTS`` when set (to look at them), otherwise
to the test's temporary directory.  Whatever the PNGs show, the test asserts
what can be measured: every visible label has room for its whole text.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from tests.ui.registration.conftest import OFFSCREEN_NOISE, valid_id
from tests.ui.registration.helpers import choose, fill_dispute, save, type_into

pytestmark = OFFSCREEN_NOISE


def out_dir(tmp_path: Path) -> Path:
    target = Path(os.environ.get("MEDIATOR_SCREENSHOTS") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    return target


def clipped_labels(root: QWidget) -> list[str]:
    """Texts of visible labels too small for what they say."""
    bad = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        margins = label.contentsMargins()
        inner_width = label.width() - margins.left() - margins.right()
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if label.height() < needed:
                bad.append(label.text())
        else:
            widest = max(label.fontMetrics().horizontalAdvance(line)
                         for line in label.text().splitlines())
            if inner_width < widest:
                bad.append(label.text())
    return bad


def shoot(qtbot, page, path: Path) -> None:
    qtbot.wait(50)  # let queued layout passes run
    assert page.grab().save(str(path))
    assert page.content.grab().save(str(path.with_name(path.stem + "-full.png")))
    assert clipped_labels(page) == []


def test_screenshots(qtbot, page, workspace, tmp_path):
    target = out_dir(tmp_path)
    page.resize(1100, 900)
    shoot(qtbot, page, target / "registration-empty.png")

    fill_dispute(qtbot, page)
    choose(qtbot, page.source, "人民法院委托")
    type_into(qtbot, page.referral_note, "禅城区人民法院诉前委托")
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, "王𠮷")
    applicant.id_number.setFocus()
    qtbot.keyClicks(applicant.id_number, valid_id(dt.date(1971, 5, 20), 123))
    type_into(qtbot, applicant.phone, "13823456789")
    type_into(qtbot, applicant.address, "佛山市禅城区祖庙街道㙟头村8号")
    choose(qtbot, respondent.kind, "单位")
    type_into(qtbot, respondent.name, "佛山市某某物业管理有限公司")
    type_into(qtbot, respondent.representative, "李珺")
    type_into(qtbot, respondent.representative_title, "总经理")
    qtbot.mouseClick(page.parties.add_button, Qt.MouseButton.LeftButton)
    agent = page.parties.cards()[2]
    choose(qtbot, agent.role, "代理人")
    type_into(qtbot, agent.name, "周律师")
    choose(qtbot, agent.represents, "1. 申请人 王𠮷")
    shoot(qtbot, page, target / "registration-filled.png")

    type_into(qtbot, applicant.name, "😀")
    applicant.id_number.selectAll()
    qtbot.keyClicks(applicant.id_number, "440604197105201230")
    type_into(qtbot, respondent.phone, "12345")
    page.summary.setPlainText("漏水" * 10_000)
    save(qtbot, page)
    shoot(qtbot, page, target / "registration-errors.png")
    assert page.result_banner.kind() == "error"


def test_screenshots_of_restored_draft_and_success(qtbot, workspace, runner, tmp_path):
    from mediator.ui.registration import RegistrationPage

    target = out_dir(tmp_path)
    first = RegistrationPage(workspace, runner)
    qtbot.addWidget(first)
    first.show()
    fill_dispute(qtbot, first)
    first.hide()  # saves the draft
    second = RegistrationPage(workspace, runner)
    qtbot.addWidget(second)
    second.resize(1100, 700)
    second.show()
    shoot(qtbot, second, target / "registration-draft-restored.png")
    assert second.draft_banner.isVisible()

    applicant, respondent = second.parties.cards()
    type_into(qtbot, applicant.name, "王𠮷")
    type_into(qtbot, respondent.name, "李珺")
    with qtbot.waitSignal(second.registered, timeout=5000):
        save(qtbot, second)
    shoot(qtbot, second, target / "registration-registered.png")
    assert "人调字第1号" in second.result_banner.text()
