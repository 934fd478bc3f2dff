"""What a person would see cut off on a window: the screenshot test's checks.

Why geometry and not pixels: a clipped label or an elided tab looks like any
other text in a PNG; what tells it apart is that the widget got less room than
its text needs.  Each check compares what the text needs (size hint, font
metrics of the text, the delegate's size hint) with what the widget was given,
for every widget that is shown (scrolled out of view or not: a scroll brings it
in).  A window that does not fit the screen's available area is a failure too.

Exemptions are few and each says why (see :data:`ELIDE_BY_DESIGN` and
:func:`_line_edit`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QWidget,
)

from mediator.ui.cases.model import CaseTableModel

TOLERANCE = 1  # px: rounding of fractional font metrics
ROWS_CHECKED = 40  # of a long list: the rows a person sees first
#: Models whose cells elide by design: the case list is a table of 100,000 rows whose
#: party, ID-number and phone columns are cut to the column (the full text is one
#: click away, in the case itself).  Its header and every other view are checked.
ELIDE_BY_DESIGN = (CaseTableModel,)
#: A line edit may hold more text than it shows (it scrolls under the cursor, read-only
#: or not: a 60-character name is read by moving through it), but it must show at
#: least this many characters of "中": a field too narrow for a phone number or an
#: ordinary name is clipping.  Its placeholder must fit whole.
EDIT_MIN_CHARS = 8


@dataclass(frozen=True)
class Finding:
    """One widget whose text does not fit: enough to find it on the PNG."""

    screen: str
    widget: str
    text: str
    problem: str

    def line(self) -> str:
        return f"[{self.screen}] {self.widget} {_short(self.text)!r}: {self.problem}"


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def describe(w: QWidget) -> str:
    name = w.objectName()
    chain = []
    p = w.parentWidget()
    while p is not None and len(chain) < 2:  # two named ancestors say where it is
        if p.objectName() and not p.objectName().startswith("qt_"):
            chain.append(p.objectName())
        p = p.parentWidget()
    where = f" in {'/'.join(reversed(chain))}" if chain else ""
    return f"{type(w).__name__}{'#' + name if name else ''}{where}"


def shown(w: QWidget) -> bool:
    """Shown with some size: hidden widgets and zero-sized placeholders are not looked at."""
    return w.isVisible() and w.width() > 0 and w.height() > 0


# ------------------------------------------------------------------ windows
def window_fits(screen: str, window: QWidget) -> list[Finding]:
    """The window (with its frame) lies inside its screen's available area."""
    avail = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if avail.contains(frame):
        return []
    return [Finding(screen, describe(window), window.windowTitle(),
                    f"window {_rect(frame)} is not inside the screen's available area "
                    f"{_rect(avail)}")]


def _rect(r: QRect) -> str:
    return f"{r.width()}×{r.height()}+{r.x()}+{r.y()}"


# ------------------------------------------------------------------ widgets
def check(screen: str, top: QWidget) -> list[Finding]:
    """Every text of ``top`` and its shown descendants that does not fit."""
    found: list[Finding] = []
    for w in [top, *top.findChildren(QWidget)]:
        if not shown(w) or (w.objectName().startswith("qt_") and not isinstance(w, QTabBar)):
            continue
        if isinstance(w, QLabel):
            found += _label(screen, w)
        elif isinstance(w, QAbstractButton):
            found += _button(screen, w)
        elif isinstance(w, QLineEdit):
            found += _line_edit(screen, w)
        elif isinstance(w, QComboBox):
            found += _combo(screen, w)
        elif isinstance(w, QAbstractSpinBox):
            found += _spin(screen, w)
        elif isinstance(w, QTabBar):
            found += _tabs(screen, w)
        elif isinstance(w, QGroupBox):
            found += _group(screen, w)
        elif isinstance(w, QHeaderView):
            found += _header(screen, w)
        elif isinstance(w, QAbstractItemView):
            found += _items(screen, w)
        elif isinstance(w, QScrollArea):
            found += _scroll(screen, w)
    return found


def _scroll(screen: str, w: QScrollArea) -> list[Finding]:
    """A form wider than its page: the issue's "no form needs a horizontal scroll bar"."""
    content = w.widget()
    if content is None or not w.widgetResizable():
        return []
    if content.width() > w.viewport().width() + TOLERANCE:
        wide = _widest(content)
        return [Finding(screen, describe(w), "",
                        f"content is {content.width()} px wide in a {w.viewport().width()} px "
                        f"page: a horizontal scroll bar (widest: {describe(wide)} needs "
                        f"{wide.minimumSizeHint().width()} px)")]
    return []


def _widest(content: QWidget) -> QWidget:
    """The innermost widget that makes ``content`` as wide as it is: from the content
    down, the shown child asking for the most width, while it asks for nearly all of
    its parent's (a container's own name says little about which field is too wide)."""
    w = content
    while True:
        kids = [c for c in w.findChildren(QWidget, "", Qt.FindChildOption.FindDirectChildrenOnly)
                if shown(c)]
        if not kids:
            return w
        kid = max(kids, key=lambda c: c.minimumSizeHint().width())
        if kid.minimumSizeHint().width() < 0.9 * w.minimumSizeHint().width():
            return w
        w = kid


def _label(screen: str, w: QLabel) -> list[Finding]:
    text = w.text()
    if not text.strip() or (w.pixmap() is not None and not w.pixmap().isNull()):
        return []
    tip = w.toolTip()
    if text.endswith("…") and len(tip) > len(text) and tip.startswith(text[:-1][:8]):
        return [Finding(screen, describe(w), text, f"elided (the tooltip has the rest: "
                        f"{_short(tip)!r})")]
    if w.wordWrap():
        need = w.heightForWidth(w.width())
        if need > w.height() + TOLERANCE:
            return [Finding(screen, describe(w), text,
                            f"wrapped text needs {w.width()}×{need}, has {w.width()}×{w.height()}")]
        return []
    hint = w.sizeHint()
    if hint.width() > w.width() + TOLERANCE:
        return [Finding(screen, describe(w), text,
                        f"needs {hint.width()} px wide, has {w.width()}")]
    if hint.height() > w.height() + TOLERANCE:
        return [Finding(screen, describe(w), text,
                        f"needs {hint.height()} px high, has {w.height()}")]
    return []


def _button(screen: str, w: QAbstractButton) -> list[Finding]:
    if not w.text().strip():
        return []
    hint = w.sizeHint()
    if hint.width() > w.width() + TOLERANCE:
        return [Finding(screen, describe(w), w.text(),
                        f"button needs {hint.width()} px wide, has {w.width()}")]
    if hint.height() > w.height() + TOLERANCE:
        return [Finding(screen, describe(w), w.text(),
                        f"button needs {hint.height()} px high, has {w.height()}")]
    return []


def _text_room(w: QLineEdit) -> int:
    """The width a line edit shows text in (its rect less frame and text margins)."""
    frame = w.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, w) \
        if w.hasFrame() else 0
    m = w.textMargins()
    c = w.contentsMargins()
    return w.width() - 2 * frame - 4 - m.left() - m.right() - c.left() - c.right()


def _line_edit(screen: str, w: QLineEdit) -> list[Finding]:
    fm = w.fontMetrics()
    room = _text_room(w)
    if w.parentWidget() is not None and isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox):
        return []  # the combo's / spin box's own check covers its editor
    text, placeholder = w.text(), w.placeholderText()
    if w.echoMode() != QLineEdit.EchoMode.Normal:
        text = ""
    found = []
    if text and fm.horizontalAdvance(text) > room + TOLERANCE \
            and room < fm.horizontalAdvance("中" * EDIT_MIN_CHARS):
        found.append(Finding(screen, describe(w), text,
                             f"field shows {room} px, fewer than {EDIT_MIN_CHARS} characters"))
    if not text and placeholder and fm.horizontalAdvance(placeholder) > room + TOLERANCE:
        found.append(Finding(screen, describe(w), placeholder,
                             f"placeholder needs {fm.horizontalAdvance(placeholder)} px, "
                             f"shows {room}"))
    return found


def _combo(screen: str, w: QComboBox) -> list[Finding]:
    text = w.currentText() or w.placeholderText()
    if not text:
        return []
    opt = QStyleOptionComboBox()
    w.initStyleOption(opt)
    field = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                     QStyle.SubControl.SC_ComboBoxEditField, w)
    need = w.fontMetrics().horizontalAdvance(text)
    if w.currentIndex() >= 0 and not w.itemIcon(w.currentIndex()).isNull():
        need += w.iconSize().width() + 4
    if need > field.width() + TOLERANCE:
        return [Finding(screen, describe(w), text,
                        f"combo shows {field.width()} px of {need}")]
    return []


def _spin(screen: str, w: QAbstractSpinBox) -> list[Finding]:
    text = w.text()
    if not text:
        return []
    hint = w.minimumSizeHint()
    if hint.width() > w.width() + TOLERANCE:
        return [Finding(screen, describe(w), text,
                        f"field needs {hint.width()} px wide, has {w.width()}")]
    return []


def _tabs(screen: str, w: QTabBar) -> list[Finding]:
    found = []
    space = w.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, w)
    for i in range(w.count()):
        text = w.tabText(i).replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text:
            continue
        rect = w.tabRect(i)
        need = w.fontMetrics().horizontalAdvance(text) + space
        if not w.tabIcon(i).isNull():
            need += w.iconSize().width() + 4
        if need > rect.width() + TOLERANCE and w.shape() in (
                QTabBar.Shape.RoundedNorth, QTabBar.Shape.RoundedSouth):
            found.append(Finding(screen, describe(w), text,
                                 f"tab {i} needs {need} px, has {rect.width()} (elided)"))
        elif not w.rect().contains(rect):
            found.append(Finding(screen, describe(w), text,
                                 f"tab {i} at {_rect(rect)} is outside the bar "
                                 f"{_rect(w.rect())} (behind scroll arrows)"))
    return found


def _group(screen: str, w: QGroupBox) -> list[Finding]:
    title = w.title().replace("&", "")
    need = w.fontMetrics().horizontalAdvance(title) + 16
    if title and need > w.width() + TOLERANCE:
        return [Finding(screen, describe(w), title, f"title needs {need} px, has {w.width()}")]
    return []


def _header(screen: str, w: QHeaderView) -> list[Finding]:
    model = w.model()
    if model is None:
        return []
    found = []
    margin = w.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, w)
    for i in range(w.count()):
        if w.isSectionHidden(i):
            continue
        text = model.headerData(i, w.orientation(), Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            continue
        size = w.sectionSize(i)
        if w.orientation() == Qt.Orientation.Horizontal:
            need = max(w.fontMetrics().horizontalAdvance(line) for line in text.split("\n")) \
                + 2 * margin
            if w.isSortIndicatorShown() and w.sortIndicatorSection() == i:
                need += w.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, w)
            if need > size + TOLERANCE:
                found.append(Finding(screen, describe(w), text,
                                     f"column {i} header needs {need} px, has {size} (elided)"))
    return found


def _items(screen: str, w: QAbstractItemView) -> list[Finding]:
    model = w.model()
    if model is None or isinstance(model, ELIDE_BY_DESIGN):
        return []
    found: list[Finding] = []
    wraps = (w.wordWrap() if isinstance(w, QListView | QTableView) else False)
    viewport = w.viewport().width()
    cols = model.columnCount(QModelIndex()) if isinstance(w, QTableView) else 1
    for r in range(min(model.rowCount(QModelIndex()), ROWS_CHECKED)):
        for c in range(cols):
            index = model.index(r, c)
            if isinstance(w, QTableView) and w.isColumnHidden(c):
                continue
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text.strip():
                continue
            rect = w.visualRect(index)
            if rect.width() <= 0:
                continue
            option = QStyleOptionViewItem()
            option.initFrom(w)
            option.font = w.font()
            option.fontMetrics = w.fontMetrics()
            option.rect = rect
            option.features = option.features | (
                QStyleOptionViewItem.ViewItemFeature.WrapText if wraps
                else QStyleOptionViewItem.ViewItemFeature.None_)
            option.textElideMode = w.textElideMode()
            delegate = w.itemDelegateForIndex(index)
            hint = delegate.sizeHint(option, index)
            width = min(rect.width(), viewport - rect.x()) if isinstance(w, QListView) \
                else rect.width()
            if not wraps and hint.width() > width + TOLERANCE:
                found.append(Finding(screen, describe(w), text,
                                     f"row {r} col {c} needs {hint.width()} px, has {width} "
                                     f"(elided)"))
            elif hint.height() > rect.height() + TOLERANCE:
                found.append(Finding(screen, describe(w), text,
                                     f"row {r} col {c} needs {hint.height()} px high, has "
                                     f"{rect.height()}"))
    return found
