"""The case list's lazy table model (after Anki's ``browser/table/model.py``).

A busy district's archive holds 100k cases; loading them all would take
seconds and hundreds of megabytes.  The model holds only the ordered list of
row ids the search returned (an int each).  When the view paints a row whose
data is not cached, ``data()`` answers at once with a placeholder and asks the
worker for the whole block of ~200 rows around it; when the block arrives the
rows are repainted.  A bounded LRU cache keeps memory flat however far one
scrolls.

Results from an older id list (the user typed on) are dropped: each
:meth:`set_ids` starts a new generation.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from mediator.services.dto import CaseRow
from mediator.ui import theme
from mediator.ui.labels import Labels
from mediator.ui.tasks import TaskRunner, while_alive

BLOCK_SIZE = 200
# Rows kept in memory: 50 blocks, a few megabytes, far more than a screen.
CACHE_ROWS = 10_000

FetchRows = Callable[[Sequence[int]], list[CaseRow]]
AnyIndex = QModelIndex | QPersistentModelIndex

COLUMNS = ("case_no", "parties", "dispute_type", "status", "registered_on", "id_numbers", "phones")


class CaseTableModel(QAbstractTableModel):
    """Rows = the row ids of a search; data fetched block-wise on the worker."""

    def __init__(
        self,
        runner: TaskRunner,
        fetch_rows: FetchRows,
        labels: Labels,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._fetch_rows = fetch_rows  # ws.cases.rows, called on the worker only
        self._labels = labels
        self._ids: list[int] = []
        self._cache: OrderedDict[int, CaseRow] = OrderedDict()
        self._in_flight: set[int] = set()  # block numbers requested, this generation
        self._gone: set[int] = set()  # ids asked for but not returned (deleted meanwhile)
        self._generation = 0
        self._placeholder = self.tr("Loading…")
        self._headers = (
            self.tr("Case no."),
            self.tr("Parties"),
            self.tr("Dispute type"),
            self.tr("Status"),
            self.tr("Registered"),
            self.tr("ID number"),
            self.tr("Phone"),
        )

    # ----------------------------------------------------------- population
    def set_ids(self, ids: list[int]) -> None:
        """Show a new result list.  Cached rows stay valid: a row id is stable.

        A list that only continues the one shown (the whole list arriving after
        its first screen) is appended: the view keeps its scroll position and
        selection, and blocks already asked for stay valid."""
        shown = len(self._ids)
        if 0 < shown < len(ids) and ids[:shown] == self._ids:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
            return
        self.beginResetModel()
        self._ids = ids
        self._generation += 1
        self._in_flight.clear()
        self.endResetModel()

    def preload(self, ids: list[int], rows: Sequence[CaseRow]) -> None:
        """Show ``ids`` with the rows already read for them (the first screen,
        read while the window was being built): painted without a round trip."""
        for r in rows:
            self._cache[r.rowid] = r
        self.set_ids(ids)

    def invalidate(self) -> None:
        """Forget cached rows (a case was changed) and refetch what is visible."""
        self._cache.clear()
        self._gone.clear()
        self._generation += 1
        self._in_flight.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def refresh_case(self, case_id: str) -> None:
        """One case changed (its status moved on in the workspace): forget its cached
        line and repaint it, so the list never shows a status the case has left.
        Not cached: nothing to do, it is read afresh when it is next painted."""
        rowid = next((rid for rid, line in self._cache.items() if line.id == case_id), None)
        if rowid is None:
            return
        del self._cache[rowid]
        try:
            row = self._ids.index(rowid)
        except ValueError:
            return  # cached from an earlier search, not in this one
        self._in_flight.discard(row // BLOCK_SIZE)  # its block may be asked for again
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_id(self, row: int) -> int:
        return self._ids[row]

    def case_at(self, row: int) -> CaseRow | None:
        """The cached row, or None while it loads."""
        if 0 <= row < len(self._ids):
            return self._cache.get(self._ids[row])
        return None

    def is_loaded(self, row: int) -> bool:
        return self.case_at(row) is not None

    # ------------------------------------------------------ Qt model methods
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt idiom
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return section + 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self._cache.get(self._ids[index.row()])
        if row is None:
            if self._ids[index.row()] in self._gone:
                return "—" if role == Qt.ItemDataRole.DisplayRole else None
            self._request(index.row())
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(theme.current().palette.muted)  # not yet read: muted, AA
            return self._placeholder if role == Qt.ItemDataRole.DisplayRole else None
        self._cache.move_to_end(row.rowid)
        if role == Qt.ItemDataRole.ForegroundRole:
            return None
        text = self._cell(row, COLUMNS[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return text  # the full text of an elided cell (ID numbers masked as in it)
        return text

    def _cell(self, row: CaseRow, column: str) -> str:
        if column == "case_no":
            return row.case_no
        if column == "parties":
            return "、".join(row.parties) if self._labels.chinese else ", ".join(row.parties)
        if column == "dispute_type":
            return self._labels.dispute_type(row.dispute_type)
        if column == "status":
            return self._labels.status(row.status)
        if column == "registered_on":
            return row.registered_on.isoformat()
        if column == "id_numbers":
            return " ".join(n for n in row.masked_id_numbers if n)
        if column == "phones":
            return " ".join(p for p in row.phones if p)
        raise KeyError(column)

    # ------------------------------------------------------------- fetching
    def _request(self, row: int) -> None:
        block = row // BLOCK_SIZE
        if block in self._in_flight:
            return
        self._in_flight.add(block)
        generation = self._generation
        start = block * BLOCK_SIZE
        ids = self._ids[start : start + BLOCK_SIZE]
        fetch = self._fetch_rows

        def work() -> list[CaseRow]:
            if generation != self._generation:
                return []  # superseded while queued: skip the query
            return fetch(ids)

        # A failed block stays "in flight" (not retried on every repaint); the
        # runner shows the error, and the next search starts afresh.
        self._runner.run(work, on_done=while_alive(self)(
            lambda rows: self._arrived(generation, block, ids, rows)))

    def _arrived(
        self, generation: int, block: int, asked: list[int], rows: list[CaseRow]
    ) -> None:
        if generation != self._generation:
            return
        self._in_flight.discard(block)
        for r in rows:
            self._cache[r.rowid] = r
            self._cache.move_to_end(r.rowid)
        if len(rows) < len(asked):
            self._gone.update(set(asked) - {r.rowid for r in rows})
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        start = block * BLOCK_SIZE
        end = min(start + BLOCK_SIZE, len(self._ids)) - 1
        if end >= start:
            self.dataChanged.emit(self.index(start, 0), self.index(end, len(COLUMNS) - 1))
