"""The type size (设置 → 显示: 标准 / 大 / 特大, or Ctrl++ / Ctrl+-) as a mediator meets it:
the open page's text grows at once, nothing is cut off, and the next start keeps it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from mediator.paths import DataDir
from mediator.services.workspace import Workspace
from mediator.ui import theme
from mediator.ui.fonts import install_fonts
from mediator.ui.labels import Labels
from mediator.ui.mainwindow import PAGE_REGISTER, PAGE_SETTINGS, MainWindow
from mediator.ui.tasks import TaskRunner
from mediator.ui.theme import TypeSize
from tests.ui.conftest import register_leak_case


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    """The app wearing the theme at 标准, as prepare() leaves it; 标准 again afterwards."""
    install_fonts(qapp, "zh_CN", TypeSize.STANDARD)
    yield
    theme.set_type_size(qapp, TypeSize.STANDARD)


@pytest.fixture
def window(qtbot, themed, studio_ws: Workspace, runner: TaskRunner, labels: Labels) -> MainWindow:
    studio = studio_ws.studio.current()
    assert studio is not None
    w = MainWindow(studio_ws, runner, labels, studio)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(w.case_list.is_current, timeout=10_000)
    yield w
    w.close()
    qtbot.waitUntil(runner.is_idle, timeout=10_000)


def pixel_size(widget: QWidget) -> int:
    return QFontInfo(widget.font()).pixelSize()


def clipped(page: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit the room they were given."""
    QApplication.processEvents()
    bad = []
    for w in page.findChildren(QWidget):
        if not w.isVisible() or not w.isVisibleTo(page):
            continue
        if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            if w.wordWrap():
                if w.heightForWidth(w.width()) > w.height() + 1:
                    bad.append(f"label {w.text()[:20]!r}: {w.height()} < "
                               f"{w.heightForWidth(w.width())}")
            elif w.minimumSizeHint().width() > w.width() + 1 or \
                    w.minimumSizeHint().height() > w.height() + 1:
                bad.append(f"label {w.text()[:20]!r}: {w.size()} < {w.minimumSizeHint()}")
        elif isinstance(w, QAbstractButton) and w.text():
            hint = w.minimumSizeHint()
            if hint.width() > w.width() + 1 or hint.height() > w.height() + 1:
                bad.append(f"button {w.text()[:20]!r}: {w.size()} < {hint}")
    return bad


def settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def test_choosing_extra_large_in_settings_grows_the_open_page_and_is_kept(
        qtbot, window: MainWindow, data_dir: DataDir) -> None:
    window.show_page(PAGE_REGISTER)
    page = window.registration
    settle(qtbot)
    title = next(w for w in page.findChildren(QLabel) if w.text() == "登记新案件"
                 or w.text() == "Register a case")
    field_label = page.findChildren(QLabel)[-1]
    before = {"title": pixel_size(title), "label": pixel_size(field_label),
              "save": pixel_size(page.save_button), "nav": pixel_size(window.nav)}
    assert before["label"] >= 16  # body text at least 16 px at 标准
    assert clipped(page) == []

    window.show_page(PAGE_SETTINGS)
    display = window.settings_page.display
    qtbot.mouseClick(display.buttons[TypeSize.EXTRA_LARGE], Qt.MouseButton.LeftButton)
    assert theme.current().size is TypeSize.EXTRA_LARGE
    settle(qtbot)
    assert clipped(window.settings_page) == []  # the settings page itself re-laid whole
    window.show_page(PAGE_REGISTER)
    settle(qtbot)

    after = {"title": pixel_size(title), "label": pixel_size(field_label),
             "save": pixel_size(page.save_button), "nav": pixel_size(window.nav)}
    for key, size in before.items():
        assert after[key] >= size * 1.3, (key, size, after[key])
    assert clipped(page) == []
    assert clipped(window.nav.viewport()) == []
    assert window.width() <= 1366 and window.minimumSizeHint().width() <= 1366
    # The navigation grew with its text: every entry still shown whole.
    fm = window.nav.fontMetrics()
    for i in range(window.nav.count()):
        assert fm.horizontalAdvance(window.nav.item(i).text()) < window.nav.viewport().width()
    assert theme.load_type_size(data_dir.root) is TypeSize.EXTRA_LARGE


def test_ctrl_plus_and_minus_step_the_size_and_settings_follow(
        qtbot, window: MainWindow, data_dir: DataDir) -> None:
    window.show_page(PAGE_SETTINGS)
    display = window.settings_page.display
    assert display.buttons[TypeSize.STANDARD].isChecked()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    body = pixel_size(display)
    QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert theme.current().size is TypeSize.LARGE
    assert display.buttons[TypeSize.LARGE].isChecked()
    assert pixel_size(display) > body
    QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)  # stays
    assert theme.current().size is TypeSize.EXTRA_LARGE
    QTest.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert theme.current().size is TypeSize.LARGE
    assert display.buttons[TypeSize.LARGE].isChecked()
    assert theme.load_type_size(data_dir.root) is TypeSize.LARGE


def test_an_open_case_relays_its_rail_and_form(
        qtbot, window: MainWindow, studio_ws: Workspace) -> None:
    case_id = register_leak_case(studio_ws)
    window.open_case(case_id)
    qtbot.waitUntil(lambda: window.case_page is not None, timeout=10_000)
    page = window.case_page
    assert page is not None
    qtbot.waitUntil(lambda: page.workspace.overview is not None, timeout=10_000)
    settle(qtbot)
    rail = page.workspace.rail
    row_before = rail.item(0).sizeHint().height()
    header_before = pixel_size(page.workspace.header)
    window.step_type_size(2)
    settle(qtbot)
    assert pixel_size(page.workspace.header) >= header_before * 1.3
    assert rail.item(0).sizeHint().height() > row_before  # rows re-fitted to the text
    assert clipped(page) == []  # the back button, tabs, header, the step's form
    # ... and a 1366-pixel-wide screen still holds the window.
    assert window.width() <= 1366 and window.minimumSizeHint().width() <= 1366


def test_a_new_start_on_the_same_data_dir_keeps_the_size(data_dir: DataDir) -> None:
    """A real second start (prepare in a child process) wears the size chosen before."""
    theme.save_type_size(data_dir.root, TypeSize.EXTRA_LARGE)
    script = textwrap.dedent(f"""
        from PySide6.QtGui import QFontInfo
        from mediator.paths import DataDir
        from mediator.ui import theme
        from mediator.ui.app import prepare
        app, startup = prepare(DataDir.resolve({str(data_dir.root)!r}), interactive=False)
        print(theme.current().size.value, QFontInfo(app.font()).pixelSize())
        startup.close()
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, timeout=120, check=True).stdout.split()
    assert out[0] == TypeSize.EXTRA_LARGE.value
    assert int(out[1]) >= 21  # 16.5 pt at 96 dpi: 22 px
