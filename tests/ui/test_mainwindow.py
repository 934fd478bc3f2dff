"""The main window: navigation, status bar, opening a case, the detail view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGroupBox, QLabel, QWidget

from mediator.errors import NotFoundError
from mediator.services.workspace import Workspace
from mediator.ui.cases.detail import CaseDetailDialog, CaseDetailView
from mediator.ui.labels import Labels
from mediator.ui.mainwindow import MainWindow
from mediator.ui.tasks import TaskRunner
from tests.ui.conftest import DEMO_CASES, LEAK_APPLICANT, LEAK_ID


@pytest.fixture
def window(qtbot, demo_ws: Workspace, runner: TaskRunner, labels: Labels) -> MainWindow:
    studio = demo_ws.studio.current()
    assert studio is not None
    w = MainWindow(demo_ws, runner, labels, studio)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(w.case_list.is_current, timeout=10_000)
    yield w
    for d in list(w.detail_dialogs):
        d.close()
    w.close()
    qtbot.waitUntil(runner.is_idle, timeout=10_000)  # the closing draft save


def find_leak_case(qtbot, window: MainWindow) -> None:
    page = window.case_list
    page.filters.search.setText(LEAK_APPLICANT)
    page.refresh()
    qtbot.waitUntil(page.is_current, timeout=10_000)
    page.model.data(page.model.index(0, 0))
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=10_000)
    assert page.model.rowCount() == 1


def test_navigation_and_status_bar(qtbot, window: MainWindow) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Today", "Cases", "Register a case", "Dispute screening", "Ledger",
                      "Statistics", "Settings"]
    assert window.stack.currentWidget() is window.case_list  # the default first page
    window.nav.setCurrentRow(titles.index("Register a case"))
    assert window.stack.currentWidget() is window.registration
    window.nav.setCurrentRow(titles.index("Dispute screening"))
    assert window.stack.currentWidget() is window.screening  # built on first use
    window.nav.setCurrentRow(titles.index("Settings"))
    assert window.stack.currentWidget() is window.settings_page
    qtbot.waitUntil(lambda: window.settings_page.info is not None, timeout=10_000)
    assert window.settings_page.committee.text() == "桂城街道人民调解委员会"
    assert window.windowTitle() == "桂城街道人民调解委员会"  # the status bar: the mediator
    assert "李调解" in window.studio_label.text()
    assert str(DEMO_CASES + 1) in window.count_label.text()


def open_details(qtbot, window: MainWindow) -> CaseDetailView:
    page = window.case_page
    assert page is not None
    page.show_details()
    qtbot.waitUntil(lambda: page.details is not None, timeout=10_000)
    assert page.details is not None
    return page.details


def test_double_click_opens_the_case_with_the_id_number_masked(qtbot, window: MainWindow) -> None:
    find_leak_case(qtbot, window)
    table = window.case_list.table
    rect = table.visualRect(window.case_list.model.index(0, 1))
    # A real double-click is press, release, then the double-click event.
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.case_page is not None, timeout=5000)
    assert window.stack.currentWidget() is window.case_page
    details = open_details(qtbot, window)
    applicant = details.party_boxes[0]
    assert LEAK_APPLICANT in applicant.title()
    id_field = applicant.id_field
    assert id_field is not None
    assert id_field.label.text() != LEAK_ID and id_field.label.text().endswith(LEAK_ID[-4:])
    qtbot.mouseClick(id_field.button, Qt.MouseButton.LeftButton)
    assert id_field.label.text() == LEAK_ID
    qtbot.mouseClick(id_field.button, Qt.MouseButton.LeftButton)
    assert id_field.label.text() != LEAK_ID
    assert "漏水" in details.summary.text()
    # 返回: back to the list, which keeps the search.
    assert window.case_page is not None
    qtbot.mouseClick(window.case_page.back_button, Qt.MouseButton.LeftButton)
    assert window.case_page is None
    assert window.stack.currentWidget() is window.case_list
    assert window.case_list.filters.search.text() == LEAK_APPLICANT


def test_enter_opens_the_selected_case(qtbot, window: MainWindow) -> None:
    find_leak_case(qtbot, window)
    table = window.case_list.table
    table.setFocus()
    table.setCurrentIndex(window.case_list.model.index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.case_page is not None, timeout=5000)
    assert open_details(qtbot, window).case.parties[0].name == LEAK_APPLICANT


def test_choosing_another_page_puts_the_case_away(qtbot, window: MainWindow) -> None:
    find_leak_case(qtbot, window)
    window.case_list.table.setCurrentIndex(window.case_list.model.index(0, 0))
    window.open_case(window.case_list.model.case_at(0).id)
    qtbot.waitUntil(lambda: window.case_page is not None, timeout=5000)
    window.show_settings()
    assert window.case_page is None
    assert window.stack.currentWidget() is window.settings_page


def test_every_field_of_the_case_is_shown(qtbot, window: MainWindow, demo_ws) -> None:
    find_leak_case(qtbot, window)
    case = demo_ws.cases.get(window.case_list.model.case_at(0).id)
    dialog = CaseDetailDialog(case, Labels("zh_CN", demo_ws.catalogue.dispute_types(),
                                           demo_ws.catalogue.case_sources()))
    qtbot.addWidget(dialog)
    texts = "\n".join(
        [lab.text() for lab in dialog.findChildren(QLabel)]
        + [box.title() for box in dialog.findChildren(QGroupBox)]
    )
    for expected in (
        case.case_no, "邻里纠纷", "当事人申请", "2026-03-02", "桂城街道人民调解委员会", "李调解",
        "1. 请求被申请人修好防水层", "2. 赔偿维修费用2000元", "申请人：欧阳珺", "被申请人：麦㙟",
        "男", "汉族", "1968-05-17", "13800138000", "佛山市南海区桂城街道南新五路1号",
        "0757-86281234",
    ):
        assert expected in texts, expected
    assert LEAK_ID not in texts  # until 显示 is clicked


def test_a_missing_case_is_reported_plainly(qtbot, window: MainWindow, shown_errors) -> None:
    window.open_case("0190c0de-0000-7000-8000-000000000000")
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=5000)
    shown = shown_errors.pop()
    assert isinstance(shown.exc, NotFoundError)
    assert not shown.is_bug
    assert shown.text == shown.exc.message
    assert window.case_page is None


def test_ctrl_f_focuses_the_search(qtbot, window: MainWindow) -> None:
    window.nav.setCurrentRow(window.nav.count() - 1)
    window.focus_search()
    assert window.stack.currentWidget() is window.case_list
    assert window.case_list.filters.search.hasFocus() or not window.isActiveWindow()


def test_sync_pieces_arrive_after_start_and_offer_enrolment(qtbot, window: MainWindow) -> None:
    """Not enrolled: the status bar says so and offers to connect; settings hold the
    conflict list.  (They load a few seconds after start; here at once.)"""
    assert window.sync.status is None  # nothing of sync before the first paint
    window.sync.load()
    qtbot.waitUntil(lambda: window.sync.status is not None, timeout=20_000)
    status = window.sync.status
    qtbot.waitUntil(lambda: status.label.text() == "Not connected", timeout=10_000)
    assert "district server" in status.label.toolTip()
    assert status.button.text() == "Connect…"
    assert not window.sync.conflict_button.isVisible()
    titles = [box.title() for box in window.settings_page.findChildren(QGroupBox)]
    assert "District server (sync)" in titles
    status.enrol_requested.emit()
    dialogs = [d for d in window.findChildren(QWidget) if type(d).__name__ == "EnrolDialog"]
    assert dialogs and dialogs[0].isVisible()
    dialogs[0].reject()


def test_a_renumbered_case_shows_its_former_number(qtbot, window: MainWindow, demo_ws) -> None:
    """Sync corrected a number clash: papers printed earlier carry the old number,
    so 基本信息 shows it."""
    from sqlalchemy import select

    from mediator.store.models import Case

    find_leak_case(qtbot, window)
    case_id = window.case_list.model.case_at(0).id
    with demo_ws.db.write() as s:
        s.execute(select(Case).where(Case.id == case_id)).scalar_one().former_case_no = (
            "（2026）桂城人调字第3号")
    case = demo_ws.cases.get(case_id)
    assert case.former_case_no == "（2026）桂城人调字第3号"
    dialog = CaseDetailDialog(case, Labels("zh_CN", demo_ws.catalogue.dispute_types(),
                                           demo_ws.catalogue.case_sources()))
    qtbot.addWidget(dialog)
    texts = [lab.text() for lab in dialog.findChildren(QLabel)]
    assert "（2026）桂城人调字第3号" in texts
    assert "Former case no.:" in texts
