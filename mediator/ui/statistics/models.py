"""The statistics page's two tables: the report form and one breakdown.

Both follow the report sheet of the ledger workbook and the printed report
(:mod:`mediator.documents.statistics_report`): the figures in the official
order with their unit and the date they count by; a breakdown's rows with the
same nine figures and a total row.  Every word is the desk's language
(:mod:`mediator.ui.statistics.names`); in Chinese, the official form's own.

Every cell that holds a number other than zero knows which cases are behind it
(:meth:`target`): the page opens them on a click.  Zero and "no rate" cells are
plain text: nothing behind them to open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from mediator.documents.statistics_report import BREAKDOWN_FIGURES, breakdown_keys, figure_text
from mediator.domain.statistics import FIGURES, Dimension
from mediator.services.statistics import Report
from mediator.ui import theme
from mediator.ui.labels import Labels
from mediator.ui.statistics.names import (
    basis_name,
    dimension_label,
    figure_name,
    row_name,
    total_name,
    unit_name,
)

Index = QModelIndex | QPersistentModelIndex
#: (figure code, breakdown cell) — what :meth:`StatisticsService.drill_down` takes.
Target = tuple[str, dict[Dimension, str]]

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def _opens(value: Any) -> bool:
    return value is not None and value != 0


class _Clickable(QAbstractTableModel):
    """A table some of whose cells open the cases behind them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: Report | None = None

    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        self.report = report
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        """Subclasses lay out their rows from :attr:`report`."""

    def target(self, index: Index) -> Target | None:
        raise NotImplementedError

    def _link(self, index: Index, role: int) -> Any:
        """How a cell that opens something looks: the accent colour, underlined."""
        if self.target(index) is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(theme.current().palette.accent))
        if role == Qt.ItemDataRole.FontRole:
            font = theme.current().body_font()
            font.setUnderline(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("StatisticsTable",
                                              "Click to see the cases behind this number")
        return None


class ReportModel(_Clickable):
    """指标 · 单位 · 数值 · 统计日期: every figure of the period, in the official order."""

    COLUMNS = 4
    VALUE = 2

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(FIGURES)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Figure"), self.tr("Unit"), self.tr("Value"),
                self.tr("Counted by"))[section]

    def value(self, code: str) -> Any:
        return None if self.report is None else self.report.totals.get(code)

    def target(self, index: Index) -> Target | None:
        if not index.isValid() or index.column() != self.VALUE:
            return None
        code = FIGURES[index.row()].code
        return (code, {}) if _opens(self.value(code)) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f, col = FIGURES[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return figure_name(f.code)
            if col == 1:
                return unit_name(f.code)
            if col == self.VALUE:
                return "" if self.report is None else figure_text(f.code, self.value(f.code))
            return basis_name(f.basis)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col == self.VALUE else _CENTRE if col else None
        return self._link(index, role)


class BreakdownModel(_Clickable):
    """One breakdown (by dispute type, source, month, mediator or mediating body)."""

    def __init__(self, labels: Labels | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels = labels  # dispute types and sources in the desk's language
        self.dimension = Dimension.DISPUTE_TYPE
        self.keys: list[str] = []

    def set_dimension(self, dimension: Dimension) -> None:
        self.beginResetModel()
        self.dimension = dimension
        self._rebuild()
        self.endResetModel()

    def _rebuild(self) -> None:
        self.keys = [] if self.report is None else breakdown_keys(self.report, self.dimension)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.report is None else len(self.keys) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(BREAKDOWN_FIGURES)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return dimension_label(self.dimension)
        code = BREAKDOWN_FIGURES[section - 1]
        return f"{figure_name(code)}\n({unit_name(code)})"

    def _cells(self, row: int) -> Any:
        assert self.report is not None
        if row < len(self.keys):
            return self.report.breakdowns[self.dimension][self.keys[row]]
        return self.report.totals  # 合计

    def target(self, index: Index) -> Target | None:
        if not index.isValid() or index.column() == 0 or self.report is None:
            return None
        code = BREAKDOWN_FIGURES[index.column() - 1]
        if not _opens(self._cells(index.row()).get(code)):
            return None
        row = index.row()
        return code, ({self.dimension: self.keys[row]} if row < len(self.keys) else {})

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                if row == len(self.keys):
                    return total_name()
                return row_name(self.report, self.dimension, self.keys[row], self.labels)
            code = BREAKDOWN_FIGURES[col - 1]
            return figure_text(code, self._cells(row).get(code))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col else None
        if role == Qt.ItemDataRole.FontRole and row == len(self.keys) and \
                self.target(index) is None:
            return theme.current().font(theme.Role.EMPHASIS)
        return self._link(index, role)
