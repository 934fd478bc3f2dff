"""Where a party card's fields go: two pairs of label and field a row when the card
is wide enough, one pair a row when it is not.

Why: at 特大, in English or at 150 % scaling, two columns left the date, ID number,
phone and organisation fields narrower than their hints (a 60-character organisation
name showed 3 characters) and the cards wider than the registration page.  The card
asks :func:`two_columns_fit` on every resize, type size or kind change and re-places
its fields with :func:`place` when the answer changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from mediator.ui.registration.fields import FieldBox

#: (row, column, span) of each field with two pairs a row: label, field, label, field.
TWO_COLUMNS = {
    "represents": (0, 0, 3),
    "name": (1, 0, 1), "sex": (1, 2, 1),
    "representative": (2, 0, 1), "representative_title": (2, 2, 1),
    "ethnicity": (3, 0, 1), "birth_date": (3, 2, 1),
    "id_number": (4, 0, 1), "phone": (4, 2, 1),
    "address": (5, 0, 3),
    "occupation": (6, 0, 1), "representative_role": (6, 2, 1),
    "power_of_attorney": (7, 0, 3),
}  # fmt: skip
#: The same fields one a row, in the two-column reading order (left, then right).
ONE_COLUMN = {key: (row, 0, 1) for row, key in enumerate(
    sorted(TWO_COLUMNS, key=lambda k: (TWO_COLUMNS[k][0], TWO_COLUMNS[k][1])))}
MIN_FIELD_CHARS = 10  # a field with no hint still shows this many characters of 中


def place(grid: QGridLayout, labels: dict[str, QLabel], boxes: dict[str, FieldBox],
          columns: int) -> None:
    """Put every label and field in ``grid`` with ``columns`` pairs a row."""
    for key in TWO_COLUMNS:
        grid.removeWidget(labels[key])
        grid.removeWidget(boxes[key])
    placement = TWO_COLUMNS if columns == 2 else ONE_COLUMN
    for key, (row, col, span) in placement.items():
        grid.addWidget(labels[key], row, col)
        # Top-aligned: a message under one field must not shift its neighbour.
        grid.addWidget(boxes[key], row, col + 1, 1, span, Qt.AlignmentFlag.AlignTop)
    for col in range(4):
        grid.setColumnStretch(col, 0)
    if columns == 2:
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
    else:
        grid.setColumnStretch(1, 1)


def _field_need(box: FieldBox) -> int:
    """The width a field wants: its whole hint (or MIN_FIELD_CHARS) and what is beside it."""
    editor = box.editor
    fm = editor.fontMetrics()
    least = fm.horizontalAdvance("中") * MIN_FIELD_CHARS
    if isinstance(editor, QLineEdit):
        # frame, text margins and the cursor: about one character
        least = max(least, fm.horizontalAdvance(editor.placeholderText()) + fm.height())
    else:
        least = max(least, editor.sizeHint().width())
    beside = sum(w.minimumWidth() or w.sizeHint().width()
                 for w in box.findChildren(QWidget) if w is not editor and w.parent() is box
                 and w.objectName() not in ("fieldError", "fieldHint") and not w.isHidden())
    return least + beside


def two_columns_fit(width: int, grid: QGridLayout, labels: dict[str, QLabel],
                    boxes: dict[str, FieldBox], margins: int) -> bool:
    """Whether two pairs a row fit ``width`` with every field showing its hint whole."""
    shown = [key for key in TWO_COLUMNS if not boxes[key].isHidden()]
    paired = [key for key in shown if TWO_COLUMNS[key][2] == 1]
    if not paired:
        return True
    label = max(labels[key].sizeHint().width() for key in shown)
    field = max(_field_need(boxes[key]) for key in paired)
    return 2 * label + 2 * field + 3 * grid.horizontalSpacing() + margins <= width
