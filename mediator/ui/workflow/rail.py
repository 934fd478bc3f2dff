"""The step rail: 受理 → … → 归档, each step with its state and what is missing.

:func:`step_summary` is the one wording of a step's state and its count of missing
items: the rail and the step page's "This step: …" line both use it, so they never
disagree (the rail said "done" and hid "2 missing" behind an ellipsis while the page
said only "done").  Rows are sized to their wrapped text and never elided.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from mediator.domain.findings import Step
from mediator.domain.steps import StepState, StepView
from mediator.ui import labels, theme

from .common import tr

STATE_MARKS = {StepState.DONE: "✓", StepState.CURRENT: "▶", StepState.TODO: "○",
               StepState.SKIPPED: "–", StepState.NOT_APPLICABLE: "×"}
STATE_TEXT = {StepState.DONE: "done", StepState.CURRENT: "now", StepState.TODO: "to do",
              StepState.SKIPPED: "skipped", StepState.NOT_APPLICABLE: "not applicable"}
#: room around a row's text: the delegate's margins and a little air between rows
ROW_PADDING = 10


def missing_count(view: StepView) -> int:
    """What still has to be fixed in the step: its blocking findings."""
    return sum(1 for f in view.findings if f.blocking)


def step_summary(view: StepView) -> str:
    """`done` or `done, 2 missing`: the same words on the rail and on the step page."""
    state = tr(STATE_TEXT[view.state])
    missing = missing_count(view)
    if not missing:
        return state
    return tr("%1, %2 missing").replace("%1", state).replace("%2", str(missing))


class StepRail(QListWidget):
    step_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_rail")
        self.setMinimumWidth(230)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # the count is never cut off
        self.currentRowChanged.connect(self._chosen)
        self.views: tuple[StepView, ...] = ()

    def show_steps(self, views: tuple[StepView, ...], select: Step | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        self.views = views
        for v in views:
            missing = missing_count(v)
            text = f"{STATE_MARKS[v.state]} {labels.step(v.step)}  ({step_summary(v)})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v.step.value)
            font = QFont()  # only the weight: the size follows the rail's (the type size)
            font.setBold(v.state is StepState.CURRENT)
            item.setFont(font)
            colours = theme.current().palette
            if missing:
                item.setForeground(QBrush(QColor(colours.error)))
            elif v.state in (StepState.SKIPPED, StepState.NOT_APPLICABLE, StepState.TODO):
                item.setForeground(QBrush(QColor(colours.muted)))
            self.addItem(item)
        self._fit_rows()
        self.blockSignals(False)
        target = select or next((v.step for v in views if v.state is StepState.CURRENT),
                                Step.ARCHIVE)
        for i, v in enumerate(views):
            if v.step is target:
                self.setCurrentRow(i)

    def _fit_rows(self) -> None:
        """Give every row the height of its text wrapped at the rail's width (Qt's
        own estimate was a few pixels short and elided the second line)."""
        width = self.viewport().width() - ROW_PADDING
        bar = self.verticalScrollBar()
        if not bar.isVisible():
            width -= bar.sizeHint().width()  # room for the bar, should the rows need it
        width = max(width, 60)
        for i in range(self.count()):
            item = self.item(i)
            metrics = QFontMetrics(item.font().resolve(self.font()))
            needed = metrics.boundingRect(
                QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), item.text()
            )
            item.setSizeHint(QSize(width, needed.height() + ROW_PADDING))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()  # narrower: more lines per row

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()  # another type size: the rows' heights follow

    def state_of(self, step: Step) -> StepState | None:
        return next((v.state for v in self.views if v.step is step), None)

    def _chosen(self, row: int) -> None:
        item = self.item(row)
        if item is not None:
            self.step_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
