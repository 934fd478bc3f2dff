"""Building blocks of the registration form: a field with its own error line.

Older mediators miss a message that appears in a dialog or at the top of a long
page, so every editor here carries its red message directly beneath it
(:class:`FieldBox`).  The same message is put into the editor's accessible
description so a screen reader announces it too.

Also here: the lenient date parsing of the birth-date box, because mediators
type dates the way they write them on paper (``1965年3月8日``, ``1965.3.8``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

ERROR_COLOUR = "#b3261e"
HINT_COLOUR = "#1b5e20"
MUTED_COLOUR = "#555555"

# The whole form uses this size: older users read it without leaning in.
BASE_POINT_SIZE = 13.0
SECTION_POINT_SIZE = 16.0

# Editors that also get a red frame when in error.  Combo and date boxes keep
# their native look (a style sheet would replace their drawing); their red
# message beneath is enough.
_FRAMED = (QLineEdit, QPlainTextEdit)


def section_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(SECTION_POINT_SIZE)
    font.setBold(True)
    return font


class FieldBox(QWidget):
    """An editor (optionally with widgets beside it) and, beneath, its messages.

    The error line is hidden until there is an error, so a correct form stays
    compact.  ``hint`` is a neutral line for things the form did by itself,
    e.g. "sex and birth date filled from the ID number".
    """

    def __init__(
        self,
        editor: QWidget,
        parent: QWidget | None = None,
        *,
        beside: list[QWidget] | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(editor, 1)
        for widget in beside or []:
            row.addWidget(widget, 0)
        outer.addLayout(row)

        self._error = QLabel(self)
        self._error.setObjectName("fieldError")
        self._error.setWordWrap(True)
        self._error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self._error.setTextFormat(Qt.TextFormat.PlainText)
        self._error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._error.hide()
        outer.addWidget(self._error)

        self._hint = QLabel(self)
        self._hint.setObjectName("fieldHint")
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet(f"color: {HINT_COLOUR};")
        self._hint.setTextFormat(Qt.TextFormat.PlainText)
        self._hint.hide()
        outer.addWidget(self._hint)

    # ---------------------------------------------------------------- errors
    def set_error(self, message: str | None) -> None:
        message = message or ""
        self._error.setText(message)
        self._error.setVisible(bool(message))
        self.editor.setAccessibleDescription(message)
        if isinstance(self.editor, _FRAMED):
            # A style sheet on the editor alone: one on the page would stop the
            # page's larger font from reaching its children.
            selector = type(self.editor).__name__
            self.editor.setStyleSheet(
                f"{selector} {{ border: 2px solid {ERROR_COLOUR}; }}" if message else ""
            )

    def error(self) -> str:
        return self._error.text()

    def error_label(self) -> QLabel:
        return self._error

    # ----------------------------------------------------------------- hints
    def set_hint(self, message: str | None) -> None:
        self._hint.setText(message or "")
        self._hint.setVisible(bool(message))

    def hint(self) -> str:
        return self._hint.text()


class _LeaveWatcher(QObject):
    """Calls back when the watched editor loses focus (the moment to check it)."""

    def __init__(self, target: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(target)
        self._callback = callback
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._callback()
        return False


def on_leave(editor: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` whenever ``editor`` loses keyboard focus.

    ``QLineEdit.editingFinished`` would do for line edits, but multi-line edits
    and editable combo boxes have no such signal; one mechanism for all keeps
    the behaviour the same in every field.
    """
    _LeaveWatcher(editor, callback)


def field_label(text: str, buddy: QWidget, parent: QWidget | None = None) -> QLabel:
    """A right-aligned label that moves focus to its editor when clicked or by Alt+key."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    # Align the label's baseline with the editor's text rather than its frame.
    label.setContentsMargins(0, 6, 0, 0)
    return label


# ------------------------------------------------------------------ dates
_DATE_RE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_COMPACT_RE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


def parse_date_text(text: str) -> dt.date | None:
    """Read a date typed by hand; ``None`` for an empty box.

    Accepts ``1965-03-08``, ``1965/3/8``, ``1965.3.8``, ``1965年3月8日`` and
    ``19650308``.  Raises ``ValueError`` for anything else, so the form can say
    so instead of silently dropping what was typed.
    """
    text = text.strip()
    if not text:
        return None
    match = _DATE_RE.match(text) or _COMPACT_RE.match(text)
    if match is None:
        raise ValueError(text)
    year, month, day = (int(g) for g in match.groups())
    return dt.date(year, month, day)


def format_date(value: dt.date) -> str:
    return value.isoformat()
