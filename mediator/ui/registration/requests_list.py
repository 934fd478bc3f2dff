"""申请事项 — the numbered list of what the applicant asks for.

The documents print these as "1. … 2. …", so the order matters and the editor
lets the mediator move items up and down as well as add and remove them.  Each
row has its own error line (paths ``requests[i]`` from the service).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediator.ui.registration.fields import ERROR_COLOUR, FieldBox, set_text_colour

MAX_REQUEST_ROWS = 30


class _RequestRow:
    """One numbered line: number, text, and its move/remove buttons."""

    def __init__(self, owner: QWidget, text: str, captions: tuple[str, str, str, str]) -> None:
        placeholder, up, down, remove = captions
        self.number = QLabel(owner)
        self.edit = QLineEdit(text, owner)
        self.edit.setPlaceholderText(placeholder)
        self.up = QPushButton(up, owner)
        self.down = QPushButton(down, owner)
        self.remove = QPushButton(remove, owner)
        self.box = FieldBox(self.edit, owner, beside=[self.up, self.down, self.remove])


class RequestsEditor(QWidget):
    """An editable, reorderable, numbered list of short texts."""

    changed = Signal()
    rows_changed = Signal()  # rows added, removed or moved: the page redoes the Tab order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_RequestRow] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(8)
        self._grid.setColumnStretch(1, 1)
        outer.addLayout(self._grid)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add a request"), self)
        self.add_button.clicked.connect(self._add_clicked)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.section_error = QLabel(self)  # "requests" as a whole (e.g. none given)
        self.section_error.setWordWrap(True)
        set_text_colour(self.section_error, ERROR_COLOUR)
        self.section_error.hide()
        outer.addWidget(self.section_error)
        self.set_values([""])

    # ------------------------------------------------------------- contents
    def values(self) -> list[str]:
        """Every row's text, empty rows included (the draft keeps them)."""
        return [row.edit.text() for row in self._rows]

    def requests(self) -> list[tuple[int, str]]:
        """(row index, text) of the non-empty rows: what is registered, in order."""
        return [(i, row.edit.text().strip()) for i, row in enumerate(self._rows)
                if row.edit.text().strip()]

    def set_values(self, values: list[str]) -> None:
        for row in self._rows:
            self._drop_widgets(row)
        self._rows = []
        for text in values or [""]:
            self._append(text)
        self._relayout()

    def row_count(self) -> int:
        return len(self._rows)

    def row_box(self, index: int) -> FieldBox:
        return self._rows[index].box

    def row_edit(self, index: int) -> QLineEdit:
        return self._rows[index].edit

    def boxes(self) -> list[FieldBox]:
        return [row.box for row in self._rows]

    # -------------------------------------------------------------- editing
    def add_row(self, text: str = "") -> QLineEdit:
        row = self._append(text)
        self._relayout()
        self.changed.emit()
        return row.edit

    def remove_row(self, index: int) -> None:
        row = self._rows.pop(index)
        self._drop_widgets(row)
        if not self._rows:
            self._append("")
        self._relayout()
        self.changed.emit()

    def move_row(self, index: int, delta: int) -> None:
        target = index + delta
        if not 0 <= target < len(self._rows):
            return
        self._rows[index], self._rows[target] = self._rows[target], self._rows[index]
        self._relayout()
        self._rows[target].edit.setFocus()
        self.changed.emit()

    # ------------------------------------------------------------ internals
    def _add_clicked(self) -> None:
        self.add_row().setFocus()

    def _append(self, text: str) -> _RequestRow:
        row = _RequestRow(self, text, (
            self.tr("e.g. Repair the leaking water pipe"),
            self.tr("Move up"),
            self.tr("Move down"),
            self.tr("Remove"),
        ))
        row.edit.textChanged.connect(self.changed)
        row.up.clicked.connect(lambda: self.move_row(self._index_of(row), -1))
        row.down.clicked.connect(lambda: self.move_row(self._index_of(row), +1))
        row.remove.clicked.connect(lambda: self.remove_row(self._index_of(row)))
        self._rows.append(row)
        return row

    def _index_of(self, row: _RequestRow) -> int:
        return self._rows.index(row)

    def _drop_widgets(self, row: _RequestRow) -> None:
        for widget in (row.number, row.box):
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()

    def _relayout(self) -> None:
        """Put rows back in list order and renumber them (1., 2., …)."""
        for row in self._rows:
            self._grid.removeWidget(row.number)
            self._grid.removeWidget(row.box)
        for i, row in enumerate(self._rows):
            row.number.setText(f"{i + 1}.")
            self._grid.addWidget(row.number, i, 0)
            self._grid.addWidget(row.box, i, 1)
            row.number.show()  # now, so a new row can take the focus at once
            row.box.show()
            row.up.setEnabled(i > 0)
            row.down.setEnabled(i < len(self._rows) - 1)
        self.add_button.setEnabled(len(self._rows) < MAX_REQUEST_ROWS)
        self.rows_changed.emit()

    def focus_order(self) -> list[QWidget]:
        """Reading order for Tab: each row's text and buttons, then "add"."""
        order: list[QWidget] = []
        for row in self._rows:
            order += [row.edit, row.up, row.down, row.remove]
        return [*order, self.add_button]
