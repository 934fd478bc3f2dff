"""案件 — the case list page: filter bar, the lazy table, the result count.

Search runs as the mediator types: 150 ms after the last key the filter goes to
the worker (``ws.cases.ids``), and only the answer to the *latest* query is
shown — an older one still queued is skipped, one already answered is
dropped.  Double-click or Enter opens the case (``open_case`` carries its id).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediator.services.dto import CaseFilter, CaseRow
from mediator.ui.cases.filters import FilterBar
from mediator.ui.cases.model import BLOCK_SIZE, COLUMNS, CaseTableModel
from mediator.ui.labels import Labels
from mediator.ui.tasks import TaskRunner, while_alive

DEBOUNCE_MS = 150

# Typical content each column must fit without eliding; the parties column stretches.
_COLUMN_SAMPLES = {
    "case_no": "（2026）桂城人调字第10000号",
    "dispute_type": "道路交通事故纠纷",
    "status": "司法确认中",
    "registered_on": "2026-12-31",
    "id_numbers": "440605********1234",
    "phones": "13800000000",
}


@dataclass(frozen=True)
class FirstScreen:
    """The unfiltered list's first block, its rows and the total: read on the
    worker while the window is being built, so the list paints at once."""

    ids: list[int]
    rows: list[CaseRow]
    total: int


def read_first_screen(cases: Any) -> FirstScreen:
    """Worker side: a few milliseconds even at 100k cases (index order, LIMIT)."""
    ids = cases.ids(CaseFilter(), limit=BLOCK_SIZE)
    return FirstScreen(ids, cases.rows(ids), cases.count_all())


class CaseListPage(QWidget):
    """The case list; ``cases`` is the workspace's case service (worker-only)."""

    open_case = Signal(str)  # case id
    counts_changed = Signal(int, int)  # shown, total

    def __init__(
        self, runner: TaskRunner, cases: Any, labels: Labels, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._cases = cases
        self._query_seq = 0
        self._shown_seq = 0
        self._total: int | None = None

        self.filters = FilterBar(labels)
        self.model = CaseTableModel(runner, cases.rows, labels, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights: the view never asks for the data of unseen rows.
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        fm = self.fontMetrics()
        for col, name in enumerate(COLUMNS):
            if name == "parties":
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
                continue
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            samples = [_COLUMN_SAMPLES[name], title]
            width = max(fm.horizontalAdvance(t) for t in samples)
            if name in ("dispute_type", "status"):
                # Fit most labels; a rare long one ("Land requisition…") is elided, tooltip.
                choices = (labels.dispute_type_choices() if name == "dispute_type"
                           else labels.status_choices())
                longest = max(fm.horizontalAdvance(label) for _c, label in choices)
                width = max(width, min(longest, 9 * fm.height()))
            header.resizeSection(col, width + 24)
        self.table.setAccessibleName(self.tr("Cases"))

        self.count_label = QLabel()
        self.count_label.setObjectName("resultCount")
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self.filters.text_edited.connect(self._debounce.start)
        self.filters.changed.connect(self.refresh)
        self.table.doubleClicked.connect(self._activated)
        self.table.installEventFilter(self)

    # ------------------------------------------------------------- querying
    def preload(self, first: FirstScreen) -> None:
        """Show the first screen read at start-up; :meth:`refresh` then brings
        the whole list, which continues it without a visible change."""
        if self.filters.current() != CaseFilter():
            return
        self._total = first.total
        self.model.preload(first.ids, first.rows)
        self._show_counts(CaseFilter(), len(first.ids), first.total)

    def refresh(self) -> None:
        """Run the current filter on the worker; show it unless superseded."""
        self._debounce.stop()
        self._query_seq += 1
        seq = self._query_seq
        flt = self.filters.current()
        need_total = self._total is None
        cases = self._cases

        def work() -> tuple[list[int], int | None] | None:
            if seq != self._query_seq:
                return None  # the mediator typed on: skip this query entirely
            ids = cases.ids(flt)
            return ids, cases.count_all() if need_total else None

        self._runner.run(work, on_done=while_alive(self)(
            lambda result: self._show(seq, flt, result)))

    def reload(self) -> None:
        """After a case was added or changed: refetch everything."""
        self._total = None
        self.model.invalidate()
        self.refresh()

    def _show(
        self, seq: int, flt: CaseFilter, result: tuple[list[int], int | None] | None
    ) -> None:
        if result is None or seq != self._query_seq:
            return  # stale
        ids, total = result
        if total is not None:
            self._total = total
        self._shown_seq = seq
        self.model.set_ids(ids)
        self._show_counts(flt, len(ids), self._total or 0)

    def _show_counts(self, flt: CaseFilter, shown: int, total_n: int) -> None:
        if flt == CaseFilter():
            self.count_label.setText(self.tr("%n case(s)", "", total_n))
        else:
            self.count_label.setText(
                self.tr("%n case(s) found", "", shown) + " / " + self.tr("%n in all", "", total_n)
            )
        self._update_empty(flt, shown, total_n)
        self.counts_changed.emit(shown, total_n)

    def _update_empty(self, flt: CaseFilter, shown: int, total: int) -> None:
        if shown:
            self.empty_label.hide()
            return
        if total == 0:
            self.empty_label.setText(self.tr("No cases yet."))
        else:
            self.empty_label.setText(self.tr("No case matches the search and filters."))
        self.empty_label.show()

    def is_current(self) -> bool:
        """True when the shown list answers the latest query (for tests and the status bar)."""
        return self._shown_seq == self._query_seq and not self._debounce.isActive()

    # --------------------------------------------------------------- opening
    def _activated(self, index: QModelIndex) -> None:
        row = self.model.case_at(index.row())
        if row is not None:
            self.open_case.emit(row.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            index = self.table.currentIndex()
            if index.isValid():
                self._activated(index)
                return True
        return super().eventFilter(watched, event)
