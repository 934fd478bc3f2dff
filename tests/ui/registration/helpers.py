"""Driving the registration page the way a mediator does: keys, clicks and the IME.

Chinese is not typed key by key: a Chinese input method composes it and commits
whole words to the widget as a ``QInputMethodEvent``.  That is what
:func:`type_text` sends for non-ASCII text (QTest.keyClicks only knows ASCII).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from mediator.ui.registration import RegistrationPage


def ime_commit(widget: QWidget, text: str) -> None:
    """What a Chinese input method sends when the user picks a word."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type into the focused ``widget``: ASCII as keys, everything else via the IME."""
    for is_ascii, run in itertools.groupby(text, key=lambda ch: ch.isascii()):
        chunk = "".join(run)
        if is_ascii:
            qtbot.keyClicks(widget, chunk)
        else:
            ime_commit(widget, chunk)


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Click into the field, type ``text``, then leave it with Tab (as a person does)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    widget.setFocus()
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def choose(qtbot, combo: QComboBox, label: str) -> None:
    """Pick the item whose text is ``label`` with the keyboard (Home, then Down…)."""
    index = combo.findText(label)
    assert index >= 0, f"{label!r} is not offered"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(index):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == label


LEAK = "楼上卫生间漏水，渗到楼下天花板。"


def fill_dispute(qtbot, page: RegistrationPage, summary: str = LEAK) -> None:
    choose(qtbot, page.dispute_type, "邻里纠纷")
    choose(qtbot, page.source, "当事人申请")
    type_into(qtbot, page.summary, summary)
    type_into(qtbot, page.requests.row_edit(0), "请求被申请人修好漏水的水管")


def save(qtbot, page: RegistrationPage) -> None:
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)


def error_beside(editor: QLineEdit | QPlainTextEdit | QComboBox | QWidget) -> str:
    """The red message shown right under ``editor`` (empty if none, or if hidden)."""
    box = editor.parentWidget()
    label = box.findChild(QWidget, "fieldError")
    assert label is not None, "editor is not inside a FieldBox"
    return label.text() if label.isVisible() else ""
