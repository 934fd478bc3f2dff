"""Read-only forms for an archived case (已归档): every editor and button that would
change the case is disabled, while the text stays readable and selectable.

Text editors become read-only rather than disabled (greyed text is hard to read
for older eyes, and copying a value out of a closed file is still useful);
buttons, boxes, dates and check boxes are disabled.  Widgets named in ``keep``
(e.g. a print button) stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_FLAG = "archive_locked"


def set_read_only(root: QWidget, read_only: bool, keep: Iterable[QWidget] = ()) -> None:
    """Lock (or unlock what this function locked) every changing widget under ``root``."""
    spared = set(map(id, keep))
    for w in root.findChildren(QWidget):
        if id(w) in spared:
            continue
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            if read_only and not w.isReadOnly():
                w.setReadOnly(True)
                w.setProperty(_FLAG, True)
            elif not read_only and w.property(_FLAG):
                w.setReadOnly(False)
                w.setProperty(_FLAG, False)
        elif isinstance(w, QAbstractButton | QComboBox | QAbstractSpinBox):
            if isinstance(w, QLineEdit):
                continue
            if read_only and w.isEnabled():
                w.setEnabled(False)
                w.setProperty(_FLAG, True)
            elif not read_only and w.property(_FLAG):
                w.setEnabled(True)
                w.setProperty(_FLAG, False)


def locked(root: QWidget) -> list[QWidget]:
    """The widgets :func:`set_read_only` locked (for tests and the screenshot walk)."""
    return [w for w in root.findChildren(QWidget) if w.property(_FLAG)]
