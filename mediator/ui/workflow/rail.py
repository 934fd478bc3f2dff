"""The step rail: 受理 → … → 归档, each step with its state and what is missing."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from mediator.domain.findings import Step
from mediator.domain.steps import StepState, StepView

from .common import tr

STATE_MARKS = {StepState.DONE: "✓", StepState.CURRENT: "▶", StepState.TODO: "○",
               StepState.SKIPPED: "–", StepState.NOT_APPLICABLE: "×"}
STATE_TEXT = {StepState.DONE: "done", StepState.CURRENT: "now", StepState.TODO: "to do",
              StepState.SKIPPED: "skipped", StepState.NOT_APPLICABLE: "not applicable"}


class StepRail(QListWidget):
    step_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_rail")
        self.setMinimumWidth(230)
        self.setWordWrap(True)
        self.currentRowChanged.connect(self._chosen)
        self.views: tuple[StepView, ...] = ()

    def show_steps(self, views: tuple[StepView, ...], select: Step | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        self.views = views
        for v in views:
            missing = sum(1 for f in v.findings if f.blocking)
            text = f"{STATE_MARKS[v.state]} {v.label_zh}  ({tr(STATE_TEXT[v.state])})"
            if missing:
                text += "\n    " + tr("%1 missing").replace("%1", str(missing))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v.step.value)
            font = QFont(self.font())
            font.setBold(v.state is StepState.CURRENT)
            item.setFont(font)
            if missing:
                item.setForeground(QBrush(QColor("#b3261e")))
            elif v.state in (StepState.SKIPPED, StepState.NOT_APPLICABLE, StepState.TODO):
                item.setForeground(QBrush(QColor("#666666")))
            self.addItem(item)
        self.blockSignals(False)
        target = select or next((v.step for v in views if v.state is StepState.CURRENT),
                                Step.ARCHIVE)
        for i, v in enumerate(views):
            if v.step is target:
                self.setCurrentRow(i)

    def state_of(self, step: Step) -> StepState | None:
        return next((v.state for v in self.views if v.step is step), None)

    def _chosen(self, row: int) -> None:
        item = self.item(row)
        if item is not None:
            self.step_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
