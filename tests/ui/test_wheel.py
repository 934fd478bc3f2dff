"""The wheel scrolls the form and leaves unfocused fields alone (issue 11: scrolling
the registration form silently changed a party's 民族)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QScrollArea,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mediator.paths import DataDir
from mediator.ui import wheel


def _form(qtbot: QtBot) -> tuple[QScrollArea, QComboBox, QDateEdit, QSpinBox]:
    """A tall form in a scroll area, as the registration form is."""
    inner = QWidget()
    layout = QFormLayout(inner)
    combo = QComboBox()
    combo.addItems(["汉族", "蒙古族", "回族", "藏族"])
    date = QDateEdit(QDate(2026, 12, 7))
    number = QSpinBox()
    number.setValue(5)
    for row, field in enumerate((combo, date, number)):
        layout.addRow(f"field {row}", field)
    for filler in range(40):
        layout.addRow(f"filler {filler}", QSpinBox())
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.resize(400, 300)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    return area, combo, date, number


def _turn_down(widget: QWidget) -> None:
    centre = QPointF(widget.rect().center())
    glob = QPointF(widget.mapToGlobal(QPoint(centre.toPoint())))
    event = QWheelEvent(
        centre,
        glob,
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_field_scrolls_the_form_instead(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    wheel.install(app)
    area, combo, date, number = _form(qtbot)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0
    for field in (combo, date, number):
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a click focuses, the wheel not
        before = bar.value()
        _turn_down(field)
        assert bar.value() > before, "the form scrolled"
    assert combo.currentText() == "汉族"
    assert date.date() == QDate(2026, 12, 7)
    assert number.value() == 5


def test_a_focused_field_still_takes_the_wheel(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    wheel.install(app)
    area, combo, _date, _number = _form(qtbot)
    area.activateWindow()
    qtbot.waitActive(area)
    combo.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    _turn_down(combo)
    assert combo.currentText() == "蒙古族"


def test_installing_twice_keeps_one_filter() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert wheel.install(app) is wheel.install(app)


CHILD = textwrap.dedent(
    """
    import sys
    from mediator.paths import DataDir
    from mediator.ui import wheel
    from mediator.ui.app import prepare

    app, startup = prepare(DataDir.resolve(sys.argv[1]).ensure(), "zh_CN", interactive=False)
    guards = [o for o in app.children() if isinstance(o, wheel.WheelGuard)]
    print(len(guards))
    startup.close()
    """
)


def test_the_app_start_up_installs_the_guard_once(data_dir: DataDir) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEDIATOR_NO_DIALOGS="1")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir.root)],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "1"
