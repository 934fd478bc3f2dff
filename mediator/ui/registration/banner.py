"""A coloured notice strip at the top of the page, with optional action buttons.

Used for "draft restored — discard it?", "registered as （2026）…第12号" and
"3 places need correcting".  A strip rather than a dialog: it does not interrupt
typing, it stays until it no longer applies, and tests can read it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from mediator.ui import theme
from mediator.ui.theme import Role, mark, unmark


def styles(palette: theme.Palette) -> dict[str, tuple[str, str]]:
    """(background, text) of each kind of strip, from the theme's palette (AA on each)."""
    return {
        "info": (palette.notice_info, palette.warning),
        "success": (palette.notice, palette.success),
        "error": (palette.notice_error, palette.error),
    }


class Banner(QFrame):
    """One message and up to a few buttons; hidden until :meth:`show_message`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(14, 10, 14, 10)
        self._layout.setSpacing(12)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self.hide()

    def show_message(
        self,
        kind: str,
        text: str,
        actions: list[tuple[str, Callable[[], None]]] | None = None,
    ) -> None:
        background, colour = styles(theme.current().palette)[kind]
        # Palette, not a style sheet: a style sheet would drop the page's font here.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(background))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        self.setPalette(palette)
        self.label.setText(text)
        if kind != "info":  # a new case number, or what blocks saving, stands out
            mark(self.label, Role.EMPHASIS)
        else:
            unmark(self.label)
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for caption, callback in actions or []:
            button = QPushButton(caption, self)
            button.clicked.connect(callback)
            self._layout.addWidget(button, 0)
            self._buttons.append(button)
        self.setProperty("kind", kind)
        self.show()

    def kind(self) -> str:
        return str(self.property("kind") or "")

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)

    def clear(self) -> None:
        self.hide()
        self.label.clear()
        self.setProperty("kind", "")
