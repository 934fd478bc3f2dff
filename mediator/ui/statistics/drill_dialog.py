"""The cases behind a number: what a click on a figure opens.

A list of case number, dispute type, status and the dates (accepted, closed),
in the order the figure counts them; a double-click (or Enter, or 打开案件)
opens the case in the main window and leaves this list open beside it.
A screening figure lists the visits instead (date, place, disputes found and
prevented): a visit is not a case, so there is nothing to open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediator.domain.status import CaseStatus
from mediator.services.statistics_export import DrillRow
from mediator.ui import labels as ui_labels
from mediator.ui import theme
from mediator.ui.labels import Labels
from mediator.ui.screen_fit import fit_to_screen

Index = QModelIndex | QPersistentModelIndex
_MEASURED_ROWS = 300  # case numbers, types and dates: the first rows show the widths


class DrillModel(QAbstractTableModel):
    def __init__(self, rows: Sequence[DrillRow], visits: bool, labels: Labels | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        self.visits = visits
        self.labels = labels

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (4 if self.visits else 5)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if self.visits:
            return (self.tr("Date"), self.tr("Place"), self.tr("Disputes found"),
                    self.tr("Prevented"))[section]
        return (self.tr("Case number"), self.tr("Dispute type"), self.tr("Status"),
                self.tr("Accepted on"), self.tr("Closed on"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if self.visits:
                return (f"{r.registered_on:%Y-%m-%d}", r.case_no, str(r.found),
                        str(r.prevented))[col]
            closed = f"{r.closed_on:%Y-%m-%d}" if r.closed_on else ""
            status = ui_labels.status(r.status) if r.status is not None else ""
            kind = self.labels.dispute_type(r.dispute_type) if self.labels and r.dispute_type \
                else r.kind
            return (r.case_no, kind, status, f"{r.registered_on:%Y-%m-%d}", closed)[col]
        return None


class DrillDownDialog(QDialog):
    """The list of what is behind one number of the report."""

    def __init__(self, title: str, rows: Sequence[DrillRow], entity: str,
                 open_case: Callable[[str], None] | None, *, labels: Labels | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cases behind the number"))
        self._open_case = open_case
        visits = entity == "screening_visit"
        heading = theme.mark(QLabel(title), theme.Role.SECTION)
        heading.setWordWrap(True)
        count = (self.tr("%n screening visit(s)", "", len(rows)) if visits
                 else self.tr("%n case(s)", "", len(rows)))
        self.count = theme.mark(QLabel(count), theme.Role.MUTED)
        self.model = DrillModel(rows, visits, labels, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        rows_header = self.table.verticalHeader()
        rows_header.setVisible(False)
        # Fixed row heights: the view never measures a year's 50,000 rows one by one.
        rows_header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows_header.setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setWordWrap(False)
        self._fit_columns()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Cases behind the number"))
        self.table.doubleClicked.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button: QPushButton | None = None
        hint = QLabel()
        if not visits and open_case is not None:
            self.open_button = buttons.addButton(self.tr("Open the case"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
            theme.mark(self.open_button, theme.Role.PRIMARY)
            self.open_button.clicked.connect(lambda: self._activated(self.table.currentIndex()))
            self.open_button.setEnabled(False)
            self.table.selectionModel().currentRowChanged.connect(
                lambda cur, _prev: self.open_button.setEnabled(cur.isValid())
                if self.open_button is not None else None)
            hint.setText(self.tr("Double-click a case to open it."))
        theme.mark(hint, theme.Role.MUTED)
        hint.setWordWrap(True)
        hint.setVisible(bool(hint.text()))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        width = sum(self.table.columnWidth(c) for c in range(self.model.columnCount())) + 60
        fm = self.fontMetrics()
        fit_to_screen(self, max(width, 40 * fm.averageCharWidth()),
                      fm.height() * (min(len(rows), 12) + 10))

    def _fit_columns(self) -> None:
        """Columns as wide as their header and the first rows: measuring every row
        (Qt's resize to contents) froze the window for seconds on a year's 50,000."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fm = self.table.fontMetrics()
        head_fm = header.fontMetrics()
        pad = 4 * self.table.style().pixelMetric(self.table.style().PixelMetric.PM_FocusFrameHMargin
                                                 ) + 16
        for col in range(self.model.columnCount()):
            texts = [str(self.model.data(self.model.index(r, col)) or "")
                     for r in range(min(self.model.rowCount(), _MEASURED_ROWS))]
            if col == 2 and not self.model.visits:  # any status may come further down
                texts += [ui_labels.status(status) for status in CaseStatus]
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            width = max([head_fm.horizontalAdvance(title) + 2 * header.style().pixelMetric(
                header.style().PixelMetric.PM_HeaderMargin)] +
                [fm.horizontalAdvance(t) + pad for t in texts])
            header.resizeSection(col, width)

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid() or self._open_case is None or self.model.visits:
            return
        case_id = self.model.rows[index.row()].case_id
        if case_id:
            self._open_case(case_id)
