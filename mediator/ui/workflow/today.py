"""Today (今日待办): what is due or overdue across all cases, most urgent first.

The list is read on the database worker (:meth:`DeadlineService.due_page`: the
most urgent rows from the maintained due-date table, with the counts of all)
and shown through a plain table model; double-click (or Enter) opens the case:
:attr:`TodayPage.open_case` carries its id.  The page says what it shows: the
date it counted by, how many rows it left out, and when a case is registered
after that date, that the computer's clock is probably wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediator.services.workflow import Workflow
from mediator.services.workflow.deadlines import SHOWN
from mediator.services.workflow.dto import DuePage, DueRow
from mediator.ui import labels, theme
from mediator.ui.theme import Role, mark

from .common import heading, tr

Index = QModelIndex | QPersistentModelIndex
STATE_TEXT = {"overdue": "Overdue", "due_today": "Due today", "due_soon": "Due soon"}
HEADERS = ("Case number", "Parties", "Deadline", "Due", "State")


class DueModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[DueRow] = []

    def set_rows(self, rows: list[DueRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return r.case_no
            if col == 1:
                return "、".join(r.parties)
            if col == 2:
                return labels.deadline(r.kind)
            if col == 3:
                return f"{r.due:%Y-%m-%d}"
            if r.days_left < 0:
                return tr("Overdue by %1 days").replace("%1", str(-r.days_left))
            if r.days_left == 0:
                return tr("Due today")
            return tr("%1 days left").replace("%1", str(r.days_left))
        if role == Qt.ItemDataRole.ForegroundRole and r.state == "overdue":
            return QBrush(QColor(theme.current().palette.error))
        if role == Qt.ItemDataRole.UserRole:
            return r.case_id
        return None


class TodayPage(QWidget):
    open_case = Signal(str)

    def __init__(self, workspace: Any, runner: Any, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] | None = None, limit: int = SHOWN) -> None:
        super().__init__(parent)
        self.limit = limit  # rows listed at most; the rest are counted
        self.ws = workspace
        self.runner = runner
        self.workflow = Workflow(workspace)
        self.today = today or dt.date.today
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(tr("Today")))
        top.addStretch(1)
        top.addWidget(QLabel(tr("Look ahead (days)")))
        self.horizon = QSpinBox()
        self.horizon.setRange(0, 60)
        self.horizon.setValue(7)
        top.addWidget(self.horizon)
        refresh = QPushButton(tr("Refresh"))
        refresh.clicked.connect(self.load)
        top.addWidget(refresh)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setObjectName("today_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.clock_warning = QLabel()  # a case registered after "today": wrong date?
        self.clock_warning.setObjectName("today_clock_warning")
        self.clock_warning.setWordWrap(True)
        mark(self.clock_warning, Role.WARNING)
        self.clock_warning.hide()
        layout.addWidget(self.clock_warning)
        self.model = DueModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        layout.addWidget(self.view, 1)
        self.load()

    def load(self) -> None:
        wf, today, horizon = self.workflow, self.today(), self.horizon.value()
        self.summary.setText(tr("Loading…"))
        limit = self.limit
        self.runner.run(lambda: wf.deadlines.due_page(today, horizon, limit),
                        on_done=self._guard(self._fill))

    def _fill(self, page: DuePage) -> None:
        self.model.set_rows(list(page.rows))
        lines = [tr("%1 item(s) need attention, %2 overdue.")
                 .replace("%1", str(page.total)).replace("%2", str(page.overdue)),
                 tr("Counted by this computer's date, %1.").replace("%1", f"{page.today:%Y-%m-%d}")]
        if page.not_shown:
            lines.append(tr("The most urgent %1 are listed; %2 more are not shown.")
                         .replace("%1", str(len(page.rows))).replace("%2", str(page.not_shown)))
        self.summary.setText(" ".join(lines))
        if page.clock_behind and page.latest_registered is not None:
            warning = tr("A case is registered on %1, after this date: check the computer's date.")
            self.clock_warning.setText(
                warning.replace("%1", f"{page.latest_registered:%Y-%m-%d}"))
        self.clock_warning.setVisible(page.clock_behind)

    def _open(self, index: QModelIndex) -> None:
        case_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if case_id:
            self.open_case.emit(case_id)

    def _guard(self, fn: Any) -> Any:
        def call(value: Any) -> None:
            if shiboken6.isValid(self):
                fn(value)
        return call
