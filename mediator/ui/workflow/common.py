"""Small shared pieces of the workflow screens: translation, fonts, banners, dates.

Every visible string goes through :func:`tr` with the one context ``Workflow``
(the table is mediator/ui/workflow/TRANSLATIONS_zh_CN.md).  The screens set no
fonts or colours of their own: the application font is the body text at the
chosen type size and headings, hints and errors take their look from
ui/theme.py's roles.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTime,
)
from PySide6.QtGui import QFontInfo, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStylePainter,
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

__all__ = ["ERROR_COLOUR", "HINT_COLOUR", "MUTED_COLOUR", "Banner", "FieldBox", "WrapCheckBox",
           "add_choice", "align_form_labels", "date_edit", "datetime_edit",
           "default_to_studio_now", "fit_combo_to_items", "from_qdate", "from_qdatetime",
           "full_choice_label", "heading", "muted", "set_text_colour", "tr", "yuan"]

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


class WrapCheckBox(QCheckBox):
    """A check box whose text wraps under itself instead of widening the form.

    A QCheckBox draws its text on one line and asks for its whole width: a party's
    60-character name, or an English sentence at 特大, pushed a step's form past the
    page (a horizontal scroll bar).  Here the box draws only its indicator and a
    word-wrapped QLabel beside it carries the text; a click anywhere on the row
    toggles the box, as on a plain check box.  It stays a QCheckBox (checked state,
    ``toggled``, drafts and tests see no difference); its text is :meth:`caption`.
    """

    MIN_CHARS = 8  # the narrowest the text column gets, in characters of the font

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(text, self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(text)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def caption(self) -> str:
        return self._label.text()

    def set_caption(self, text: str) -> None:
        self._label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def _indicator(self) -> QSize:
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        return QSize(self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, opt, self),
                     self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, opt, self))

    def _indent(self) -> int:
        spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, self)
        return self._indicator().width() + max(spacing, 4) + 2

    def _first_line(self) -> int:
        return max(self._indicator().height(), self._label.fontMetrics().height())

    def sizeHint(self) -> QSize:
        hint = self._label.sizeHint()
        return QSize(self._indent() + hint.width(), max(self._first_line(), hint.height()))

    def minimumSizeHint(self) -> QSize:
        least = self._label.fontMetrics().horizontalAdvance("中") * self.MIN_CHARS
        width = min(self._label.sizeHint().width(), least)
        return QSize(self._indent() + width, self._first_line())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self._first_line(), self._label.heightForWidth(max(1, width - self._indent())))

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        indent = self._indent()
        self._label.setGeometry(indent, 0, max(1, self.width() - indent), self.height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The indicator only, level with the text's first line."""
        painter = QStylePainter(self)
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        opt.text = ""
        opt.rect = QRect(0, 0, self._indent(), self._first_line())
        painter.drawControl(QStyle.ControlElement.CE_CheckBox, opt)


SHORT_CHOICE_CHARS = 24  # a combo item's most characters; the rest is shown beneath


def add_choice(combo: QComboBox, text: str, data: object,
               chars: int = SHORT_CHOICE_CHARS) -> None:
    """Add an item shortened to ``chars`` characters, its whole text kept as its tooltip.

    A combo draws its choice on one line: a 60-character organisation, or a
    performance item's sentence, was cut at the combo's edge at 特大.  The item
    shows its start (the role, the item's number and first words tell them apart);
    :func:`full_choice_label` shows the whole of the current one beneath.
    """
    short = text if len(text) <= chars else text[: chars - 1] + "…"
    combo.addItem(short, data)
    combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)


def full_choice_label(combo: QComboBox, parent: QWidget) -> QLabel:
    """A wrapping label under ``combo`` with its current item's whole text, shown
    only when the item was shortened by :func:`add_choice`.  ``parent`` is the widget
    it is laid out in (a parentless label shown would be a window of its own)."""
    label = muted("", parent)
    label.setObjectName("fullChoice")

    def follow(*_a: object) -> None:
        full = combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        shortened = isinstance(full, str) and full != combo.currentText()
        label.setText(full if shortened else "")
        label.setVisible(shortened)

    combo.currentIndexChanged.connect(follow)
    combo.model().rowsInserted.connect(follow)
    combo.model().dataChanged.connect(follow)  # the whole text is set after the insert
    combo.model().modelReset.connect(follow)
    follow()
    return label


def fit_combo_to_items(combo: QComboBox) -> None:
    """Make ``combo`` at least wide enough to show its longest item whole.

    Qt's size hint for a combo can fall a few pixels short of its own text field at
    the larger type sizes (the court's basis lost its last letters at 特大 and
    150 %); with this minimum a form whose rows wrap (``WrapLongRows``) puts such a
    combo under its label instead of cutting it.  Call again after a font change.
    """
    combo.setMinimumWidth(0)
    if combo.count() == 0:
        return
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    opt.rect = QRect(QPoint(0, 0), combo.sizeHint())
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    need = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i))
               for i in range(combo.count()))
    combo.setMinimumWidth(combo.sizeHint().width() + max(0, need - field.width()) + 2)


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
