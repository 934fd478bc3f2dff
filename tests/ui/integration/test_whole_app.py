"""The whole app driven as a mediator uses it, on a real data dir and the real worker.

First run → register a two-party water-leak case on the registration page →
close the app → start it again on the same data dir → find the case with a
two-character search → open it → its workspace shows the step rail → Today
lists it.  Also: opening a case from Today, and the studio head importing the
committee seal from 设置.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter
from PySide6.QtTest import QTest

from mediator.services import demo
from mediator.services.workspace import open_workspace
from mediator.ui.mainwindow import PAGE_CASES, PAGE_SETTINGS, PAGE_TODAY, MainWindow
from tests.ui.integration.conftest import Launch, quit_app, wait_window
from tests.ui.registration.helpers import fill_dispute, save, type_into

APPLICANT = "欧阳珺"
RESPONDENT = "麦㙟"


def first_run(qtbot, launch: Launch):
    s = launch()
    qtbot.waitUntil(lambda: s.first_run is not None and s.first_run.isVisible(),
                    timeout=20_000)
    dialog = s.first_run
    assert dialog is not None
    type_into(qtbot, dialog.committee, "桂城街道人民调解委员会")
    type_into(qtbot, dialog.prefix, "桂城")
    type_into(qtbot, dialog.mediator, "李调解")
    dialog.save()
    return s, wait_window(qtbot, s)


def open_row(qtbot, view, row: int) -> None:
    """Click, then double-click a row, as a person does."""
    rect = view.visualRect(view.model().index(row, 1))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_register_close_reopen_find_and_open(qtbot, launch: Launch, data_dir) -> None:
    s, window = first_run(qtbot, launch)
    assert window.page_key() == PAGE_CASES
    window.nav.setCurrentRow(2)  # 登记新案件
    page = window.registration
    assert page is not None and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.dispute_type.findText("邻里纠纷") >= 0, timeout=20_000)
    fill_dispute(qtbot, page)  # 邻里纠纷, "楼上卫生间漏水…"
    applicant, respondent = page.parties.cards()
    type_into(qtbot, applicant.name, APPLICANT)
    type_into(qtbot, applicant.phone, "13800138000")
    type_into(qtbot, respondent.name, RESPONDENT)
    with qtbot.waitSignal(page.registered, timeout=20_000) as signal:
        save(qtbot, page)
    case_id, case_no = signal.args
    # The window offers to open the new case straight away.
    qtbot.waitUntil(window.notice.isVisible, timeout=5000)
    assert case_no in window.notice.text.text()
    qtbot.mouseClick(window.notice.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.case_page is not None, timeout=20_000)
    assert window.case_page is not None and window.case_page.case_id == case_id
    qtbot.waitUntil(lambda: window.case_page.workspace.overview is not None, timeout=20_000)
    avail = window.screen().availableGeometry()
    window.resize(avail.width() - 80, avail.height() - 70)
    window.move(avail.x() + 20, avail.y() + 10)
    saved = window.size()
    quit_app(qtbot, s)  # closing the app with the workspace open

    s2 = launch()
    window = wait_window(qtbot, s2)
    assert s2.first_run is None
    assert window.size() == saved  # remembered
    assert window.page_key() == PAGE_CASES
    lst = window.case_list
    qtbot.mouseClick(lst.filters.search, Qt.MouseButton.LeftButton)
    type_into(qtbot, lst.filters.search, "漏水")
    qtbot.waitUntil(lambda: lst.is_current() and lst.model.rowCount() == 1, timeout=20_000)
    lst.model.data(lst.model.index(0, 0))
    qtbot.waitUntil(lambda: lst.model.is_loaded(0), timeout=20_000)
    assert lst.model.case_at(0).id == case_id
    open_row(qtbot, lst.table, 0)
    qtbot.waitUntil(lambda: window.case_page is not None, timeout=20_000)
    case_page = window.case_page
    assert case_page is not None
    workspace = case_page.workspace
    qtbot.waitUntil(lambda: workspace.overview is not None, timeout=20_000)
    assert workspace.rail.isVisible() and workspace.rail.count() >= 9
    assert case_no in workspace.header.text()
    case_page.show_details()  # 基本信息: the parties as registered
    qtbot.waitUntil(lambda: case_page.details is not None, timeout=20_000)
    assert case_page.details is not None
    assert [p.name for p in case_page.details.case.parties] == [APPLICANT, RESPONDENT]
    # Back to the list, then Today lists the new case (its one-month target).
    qtbot.mouseClick(case_page.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is lst
    window.show_today()
    today = window.today
    assert today is not None
    today.horizon.setValue(60)  # look further ahead: the term ends in about a month
    today.load()
    qtbot.waitUntil(lambda: case_no in [r.case_no for r in today.model.rows], timeout=20_000)
    quit_app(qtbot, s2)
    s3 = launch()  # the last page is remembered too
    window = wait_window(qtbot, s3)
    assert window.page_key() == PAGE_TODAY


def test_open_a_case_from_today(qtbot, launch: Launch, data_dir) -> None:
    ws = open_workspace(data_dir)
    ws.studio.setup("桂城街道人民调解委员会", "桂城", "李调解")
    demo.generate(ws, cases=60, seed=11)
    ws.close()
    s = launch()
    window: MainWindow = wait_window(qtbot, s)
    window.show_today()
    today = window.today
    assert today is not None
    qtbot.waitUntil(lambda: today.model.rowCount() > 0, timeout=30_000)
    wanted = today.model.rows[0].case_id
    open_row(qtbot, today.view, 0)
    qtbot.waitUntil(lambda: window.case_page is not None, timeout=20_000)
    case_page = window.case_page
    assert case_page is not None and case_page.case_id == wanted
    assert window.stack.currentWidget() is case_page
    qtbot.waitUntil(lambda: case_page.workspace.overview is not None, timeout=20_000)
    assert "Today" in case_page.back_button.text()
    assert case_page.back_button.shortcut() == QKeySequence(Qt.Key.Key_Escape)  # Esc too
    qtbot.mouseClick(case_page.back_button, Qt.MouseButton.LeftButton)
    assert window.case_page is None
    assert window.stack.currentWidget() is window.today_holder


def transparent_seal(path: Path) -> Path:
    """A red ring with a star on a transparent background, like a scanned seal."""
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = p.pen()
    pen.setColor(QColor(200, 20, 20))
    pen.setWidth(18)
    p.setPen(pen)
    p.drawEllipse(QPoint(200, 200), 170, 170)
    p.setBrush(QColor(200, 20, 20))
    p.drawEllipse(QPoint(200, 200), 40, 40)
    p.end()
    assert image.save(str(path), "PNG")
    return path


def test_settings_seal_import(qtbot, launch: Launch, data_dir, tmp_path) -> None:
    _s, window = first_run(qtbot, launch)  # the first-run mediator is the studio head
    window.show_settings()
    assert window.page_key() == PAGE_SETTINGS
    settings = window.settings_page
    qtbot.waitUntil(lambda: settings.info is not None, timeout=20_000)
    assert settings.committee.text() == "桂城街道人民调解委员会"
    assert settings.prefix.text() == "桂城"
    assert "桂城人调字第1号" in settings.example.text()
    assert settings.info is not None and settings.info.seal_png is None
    assert settings.import_button.isEnabled()
    qtbot.mouseClick(settings.import_button, Qt.MouseButton.LeftButton)
    dialog = settings.seal_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.load_file(transparent_seal(tmp_path / "seal.png"))
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=20_000)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settings.info is not None and settings.info.seal_png is not None,
                    timeout=20_000)
    assert (data_dir.root / "seal.png").read_bytes() == (tmp_path / "seal.png").read_bytes()
    assert not settings.seal_image.pixmap().isNull()
