"""Small shared pieces of the workflow screens: translation, fonts, banners, dates.

Every visible string goes through :func:`tr` with the one context ``Workflow``
(the table is mediator/ui/workflow/TRANSLATIONS_zh_CN.md).  The screens set no
fonts or colours of their own: the application font is the body text at the
chosen type size and headings, hints and errors take their look from
ui/theme.py's roles.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.studio_time import wall_clock
from mediator.ui import theme
from mediator.ui.registration.fields import (
    ERROR_COLOUR,
    HINT_COLOUR,
    MUTED_COLOUR,
    FieldBox,
    set_text_colour,
)
from mediator.ui.theme import Role, mark

__all__ = ["ERROR_COLOUR", "HINT_COLOUR", "MUTED_COLOUR", "Banner", "FieldBox",
           "align_form_labels", "date_edit", "datetime_edit", "default_to_studio_now", "from_qdate",
           "from_qdatetime", "heading", "muted", "set_text_colour", "tr", "yuan"]

CONTEXT = "Workflow"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    mark(label, Role.SECTION)
    label.setWordWrap(True)
    return label


LABEL_COLUMN_CHARS = 10  # the label column's widest, in characters of the body font
QWIDGETSIZE_MAX = 16_777_215  # Qt's "no maximum"


def align_form_labels(root: QWidget) -> int:
    """One label column for every form on a page, spaced by the theme.

    A step page stacks several QFormLayouts (the session's facts, one statement per
    party, the result); each would size its label column to its own longest label,
    so the fields started at a different x in every group.  Here every form's labels
    get the width of the page's longest one, and the forms' spacing comes from
    :meth:`Theme.space` (so it grows with the type size: call again on a font
    change).  Returns the label column's width.
    """
    forms = root.findChildren(QFormLayout)
    labels: list[QWidget] = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if widget is not None:
                labels.append(widget)
    current = theme.current()
    for form in forms:
        form.setHorizontalSpacing(current.space("group"))
        form.setVerticalSpacing(current.space("normal"))
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    # The column is at most LABEL_COLUMN_CHARS wide: a longer label (a party's name in
    # a statement's label, an English phrase at 特大) wraps within it instead of pushing
    # every field of the page to the right and the form past the page's width.
    cap = QFontInfo(current.body_font()).pixelSize() * LABEL_COLUMN_CHARS  # a CJK glyph: 1 em
    for label in labels:
        label.setMinimumWidth(0)  # measured afresh (a smaller type size shrinks it)
        label.setMaximumWidth(QWIDGETSIZE_MAX)
    width = min(max((label.sizeHint().width() for label in labels), default=0), cap)
    for label in labels:
        if isinstance(label, QLabel) and label.sizeHint().width() > width:
            label.setWordWrap(True)
            label.setMaximumWidth(width)
        label.setMinimumWidth(min(width, label.maximumWidth()))
    return width


def muted(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    set_text_colour(label, MUTED_COLOUR)
    return label


class Banner(QFrame):
    """A message block at the top of a page: what was refused and the list of what is missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        self.hide()

    def show_error(self, text: str, items: list[str] | None = None) -> None:
        set_text_colour(self.label, ERROR_COLOUR)
        self._show(text, items)

    def show_info(self, text: str, items: list[str] | None = None) -> None:
        set_text_colour(self.label, HINT_COLOUR)
        self._show(text, items)

    def _show(self, text: str, items: list[str] | None) -> None:
        lines = [text] + [f"• {i}" for i in items or []]
        self.label.setText("\n".join(lines))
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def clear(self) -> None:
        self.label.setText("")
        self.hide()


def date_edit(value: dt.date | None = None, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(to_qdate(value or dt.date.today()))
    return edit


def datetime_edit(value: dt.datetime | None = None, parent: QWidget | None = None) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    v = value or dt.datetime.now().replace(second=0, microsecond=0)
    edit.setDateTime(QDateTime(to_qdate(v.date()), QTime(v.hour, v.minute)))
    return edit


def studio_now(time_zone: str) -> dt.datetime:
    """Now on the studio's clock, to the minute (the PC may be set to another zone)."""
    now = wall_clock(dt.datetime.now(dt.UTC), time_zone)
    return now.replace(second=0, microsecond=0)


def default_to_studio_now(edit: QDateTimeEdit, time_zone: str) -> None:
    """Set an untouched time field's time of day to now on the studio's clock (its
    date stays the working day the page set); what the user entered stays."""
    before = edit.property("studio_default")
    if before is not None and before != edit.dateTime():
        return  # changed by the user
    v = studio_now(time_zone)
    value = QDateTime(edit.date(), QTime(v.hour, v.minute))
    edit.setDateTime(value)
    edit.setProperty("studio_default", value)


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def from_qdatetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"
