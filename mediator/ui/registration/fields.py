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

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mediator.ui import theme
from mediator.ui.theme import Role, mark

# The text roles the form's lines use; what they look like is ui/theme.py's.
ERROR_COLOUR = Role.ERROR
HINT_COLOUR = Role.SUCCESS  # what the form did by itself: a calm, done colour
MUTED_COLOUR = Role.MUTED

FRAME = 2  # width of the red frame around an editor in error, in pixels


def set_text_colour(widget: QWidget, role: Role) -> None:
    """Give a line of text its role (error, hint, muted): the theme colours it.

    Kept under this name because many pages call it; it is :func:`theme.mark`.
    """
    mark(widget, role)


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
        # Room around the editor for the red frame drawn when it is in error.
        outer.setContentsMargins(FRAME, FRAME, FRAME, 0)
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
        set_text_colour(self._error, ERROR_COLOUR)
        self._error.setTextFormat(Qt.TextFormat.PlainText)
        self._error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._error.hide()
        outer.addWidget(self._error)

        self._hint = QLabel(self)
        self._hint.setObjectName("fieldHint")
        self._hint.setWordWrap(True)
        set_text_colour(self._hint, HINT_COLOUR)
        self._hint.setTextFormat(Qt.TextFormat.PlainText)
        self._hint.hide()
        outer.addWidget(self._hint)

    # ---------------------------------------------------------------- errors
    def set_error(self, message: str | None) -> None:
        message = message or ""
        self._error.setText(message)
        self._error.setVisible(bool(message))
        self.editor.setAccessibleDescription(message)
        self.update()  # the red frame, see paintEvent

    def error(self) -> str:
        return self._error.text()

    def paintEvent(self, event: QPaintEvent) -> None:
        """A red frame around the editor in error, drawn here rather than by a style
        sheet on the editor (which would drop the page's font and native look)."""
        super().paintEvent(event)
        if self._error.text():
            painter = QPainter(self)
            painter.setPen(QPen(QColor(theme.current().palette.error), FRAME))
            rect = self.editor.geometry().adjusted(-1, -1, 1, 1)
            painter.drawRect(rect)
            painter.end()

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
    label.setContentsMargins(0, 7, 0, 0)
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


class DateEdit(QDateEdit):
    """A date box that Tab leaves, like every other field.

    QDateEdit's own Tab walks year → month → day first, which strands a
    keyboard user inside the box; the arrow keys still move between its parts.
    """

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def fill_catalogue(combo: QComboBox, items: list, placeholder: str) -> None:
    """Catalogue entries as (code, zh, en); the label follows the UI language."""
    english = QLocale().language() == QLocale.Language.English
    current = combo.currentData()
    combo.clear()
    combo.addItem(placeholder, "")
    for code, zh, en in items:
        combo.addItem(en if english else zh, code)
    select_code(combo, str(current or ""))


def select_code(combo: QComboBox, code: str) -> None:
    combo.setCurrentIndex(max(combo.findData(code), 0))


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)
