"""统计 — the statistics page: a period, the report form, a breakdown, the charts.

What a studio hands upward every month, on one page that scrolls: the period
picker at the top with print and the two exports, then the report in the
official layout (:class:`~mediator.ui.statistics.models.ReportModel`), one
breakdown chosen from a list, the three charts, and under them, always, which
date counts for which figure (统计口径).  Every number other than zero opens
the cases behind it (:class:`~mediator.ui.statistics.drill_dialog.DrillDownDialog`),
and a double-click there opens the case.

The report is counted on the worker (:class:`~mediator.ui.tasks.TaskRunner`)
while the page says so; a period changed again before the answer came makes
the older answer be dropped.  The page re-counts when it is shown after a sync
or a case change (:meth:`StatisticsPage.mark_stale`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediator.documents.statistics_report import TITLE
from mediator.domain.statistics import FIGURES, Dimension, Period
from mediator.services.statistics import Report
from mediator.services.statistics_export import (
    DrillRow,
    drill_rows,
    export_report,
    statistics_service,
)
from mediator.ui import theme
from mediator.ui.errors import show_error
from mediator.ui.labels import Labels
from mediator.ui.screen_fit import scrolling
from mediator.ui.statistics.charts import Charts
from mediator.ui.statistics.drill_dialog import DrillDownDialog
from mediator.ui.statistics.models import BreakdownModel, ReportModel, Target
from mediator.ui.statistics.names import (
    basis_name,
    definition,
    dimension_label,
    figure_name,
    period_name,
    row_name,
)
from mediator.ui.statistics.period_picker import PeriodPicker
from mediator.ui.tasks import TaskRunner, while_alive


class FittedTable(QTableView):
    """A table as tall as its rows: the page scrolls, not the table (a report read
    top to bottom, without a second scroll bar inside the first)."""

    def __init__(self, *, snug: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snug = snug  # as wide as its columns (a narrow table), not the page
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Maximum if snug else QSizePolicy.Policy.Expanding,
                           QSizePolicy.Policy.Fixed)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMouseTracking(True)

    def _height(self) -> int:
        h = self.horizontalHeader().sizeHint().height() + self.verticalHeader().length()
        h += 2 * self.frameWidth()
        if self.horizontalHeader().length() > self.viewport().width():
            h += self.horizontalScrollBar().sizeHint().height()
        return h

    def sizeHint(self) -> QSize:
        width = self.horizontalHeader().length() + 2 * self.frameWidth() if self.snug \
            else super().sizeHint().width()
        return QSize(width, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height())

    def refit(self) -> None:
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # a horizontal scroll bar came or went


class StatisticsPage(QWidget):
    """The 统计 page; ``ws`` is the workspace (touched on the worker only)."""

    open_case = Signal(str)  # case id
    report_shown = Signal()  # a report arrived and is on the page (tests, screens)

    def __init__(self, ws: Any, runner: TaskRunner, labels: Labels | None = None, *,
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._labels = labels  # the drill-down's dispute types in the desk's language
        self._runner = runner
        self._today = today
        self._seq = 0
        self._stale = True
        self.report: Report | None = None
        self.committee = ""
        self.drill_dialog: DrillDownDialog | None = None

        title = theme.mark(QLabel(self.tr("Statistics")), theme.Role.TITLE)
        self.picker = PeriodPicker(today)
        self.picker.changed.connect(lambda _p: self.load())
        period_label = QLabel(self.tr("Period:"))
        period_label.setBuddy(self.picker.choice)
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"))
        self.print_button.clicked.connect(self.print_dialog)
        self.pdf_button.clicked.connect(lambda: self.ask_export(".pdf"))
        self.xlsx_button.clicked.connect(lambda: self.ask_export(".xlsx"))
        self.status = theme.mark(QLabel(), theme.Role.MUTED)
        self.status.setWordWrap(True)

        self.report_title = theme.mark(QLabel(), theme.Role.SECTION)
        self.report_title.setWordWrap(True)
        self.report_model = ReportModel(self)
        self.report_table = self._table(self.report_model, snug=True)
        self.report_table.setAccessibleName(self.tr("Statistics report"))

        self.dimension = QComboBox()
        for dim in Dimension:
            self.dimension.addItem(dimension_label(dim), dim.value)
        self.dimension.currentIndexChanged.connect(self._dimension_changed)
        by_label = QLabel(self.tr("Break down by:"))
        by_label.setBuddy(self.dimension)
        self.breakdown_model = BreakdownModel(labels, self)
        self.breakdown_table = self._table(self.breakdown_model)
        self.breakdown_table.setAccessibleName(self.tr("Breakdown"))

        self.charts = Charts(labels)
        self.charts.open_target.connect(lambda code, where: self.drill((code, where)))

        definitions_title = theme.mark(QLabel(self.tr("Which date counts for which figure")),
                                       theme.Role.SECTION)
        definitions_title.setWordWrap(True)
        self.definitions = QLabel()
        self.definitions.setWordWrap(True)
        self.definitions.setTextFormat(Qt.TextFormat.RichText)

        space = theme.current().space
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, space("normal"), 0)
        body.setSpacing(space("normal"))
        body.addWidget(self.report_title)
        body.addWidget(self.report_table)
        body.addSpacing(space("group"))
        by = QHBoxLayout()
        by.addWidget(by_label)
        by.addWidget(self.dimension)
        by.addStretch(1)
        body.addLayout(by)
        body.addWidget(self.breakdown_table)
        body.addSpacing(space("group"))
        body.addWidget(self.charts)
        body.addSpacing(space("group"))
        body.addWidget(definitions_title)
        body.addWidget(self.definitions)
        body.addStretch(1)
        self.scroll_area = scrolling(content)

        # The actions beside the title: the report itself gets the screen's height.
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        for b in (self.print_button, self.pdf_button, self.xlsx_button):
            head.addWidget(b)
        top = QHBoxLayout()
        top.addWidget(period_label)
        top.addWidget(self.picker, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll_area, 1)
        self._show_definitions()
        self._set_busy(False)

    def _table(self, model: Any, *, snug: bool = False) -> FittedTable:
        table = FittedTable(snug=snug)
        table.setModel(model)
        table.clicked.connect(lambda index, m=model: self._clicked(m, index))
        table.entered.connect(lambda index, t=table, m=model: t.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if m.target(index) else Qt.CursorShape.ArrowCursor))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    # -------------------------------------------------------------- counting
    def period(self) -> Period:
        return self.picker.period()

    def load(self) -> None:
        """Count the chosen period on the worker; show it unless a newer one was asked."""
        self._stale = False
        self._seq += 1
        seq, period, ws = self._seq, self.period(), self._ws
        self._set_busy(True)

        def work() -> tuple[Report, str] | None:
            if seq != self._seq:
                return None  # the period changed again: count only the latest
            studio, _mediator = ws.studio.context()
            return statistics_service(ws).report(period), studio.committee_name

        self._runner.run(work, on_done=while_alive(self)(lambda r: self._show(seq, r)),
                         on_error=while_alive(self)(self._failed))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("The statistics could not be counted."))
        show_error(self, exc)

    def _show(self, seq: int, result: tuple[Report, str] | None) -> None:
        if result is None or seq != self._seq:
            return
        self.report, self.committee = result
        self._set_busy(False)
        p = self.report.period
        self.report_title.setText(self.tr("Mediation statistics report (%1)")
                                  .replace("%1", period_name(p)))
        self.report_model.set_report(self.report)
        self.breakdown_model.set_report(self.report)
        self.report_table.refit()
        self.breakdown_table.refit()
        self.charts.show_report(self.report)
        t = self.report.totals
        self.status.setText(self.tr("%1 to %2: %3 accepted, %4 succeeded.")
                            .replace("%1", f"{p.start:%Y-%m-%d}").replace("%2", f"{p.end:%Y-%m-%d}")
                            .replace("%3", str(t.get("accepted") or 0))
                            .replace("%4", str(t.get("succeeded") or 0)))
        self.report_shown.emit()

    def _set_busy(self, busy: bool) -> None:
        if busy:
            theme.mark(self.status, theme.Role.MUTED)
            self.status.setText(self.tr("Counting…"))
        for b in (self.print_button, self.pdf_button, self.xlsx_button):
            b.setEnabled(not busy and self.report is not None)

    def is_current(self) -> bool:
        """True when the page shows the answer to the latest period asked (tests)."""
        return self.report is not None and self.report.period == self.period() and \
            self.status.text() != self.tr("Counting…")

    def mark_stale(self) -> None:
        """Cases changed (a sync, a save): count again now if shown, else when shown."""
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def _dimension_changed(self) -> None:
        self.breakdown_model.set_dimension(Dimension(self.dimension.currentData()))
        self.breakdown_table.refit()

    def _show_definitions(self) -> None:
        from html import escape  # noqa: PLC0415

        line = self.tr("%1 (%2): %3")
        lines = [line.replace("%1", f"<b>{escape(figure_name(f.code))}</b>")
                 .replace("%2", escape(basis_name(f.basis)))
                 .replace("%3", escape(definition(f.code))) for f in FIGURES]
        text = "<br>".join(lines)
        self.definitions.setText(text)

    # ------------------------------------------------------------ drill-down
    def _clicked(self, model: Any, index: QModelIndex) -> None:
        target = model.target(index)
        if target is not None:
            self.drill(target)

    def drill(self, target: Target) -> None:
        """Open the list of the cases behind ``target`` (read on the worker)."""
        code, where = target
        period, ws = self.period(), self._ws
        if self.report is not None:
            period = self.report.period

        def work() -> tuple[str, list[DrillRow]]:
            behind = statistics_service(ws).drill_down(period, code, where)
            return behind.entity, drill_rows(ws, behind.entity, behind.ids)

        title = f"{period_name(period)} · {figure_name(code)}"
        for dim, key in where.items():
            if self.report is not None:
                title += f" · {row_name(self.report, dim, key, self._labels)}"
        before = self.status.text()
        self.status.setText(self.tr("Finding the cases…"))  # a year's can take a moment

        def failed(exc: BaseException) -> None:
            self.status.setText(before)
            show_error(self, exc)

        self._runner.run(work, on_done=while_alive(self)(
            lambda result: self._show_drill(title, *result, status=before)),
            on_error=while_alive(self)(failed))

    def _show_drill(self, title: str, entity: str, rows: list[DrillRow], *,
                    status: str = "") -> None:
        if status:
            self.status.setText(status)
        if self.drill_dialog is not None:
            self.drill_dialog.close()
        dialog = DrillDownDialog(title, rows, entity, self.open_case.emit,
                                 labels=self._labels, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.drill_dialog = dialog
        dialog.show()

    def _forget(self, dialog: DrillDownDialog) -> None:
        if self.drill_dialog is dialog:
            self.drill_dialog = None

    # ------------------------------------------------------- print and export
    def default_name(self, suffix: str) -> str:
        label = self.report.period.label if self.report is not None else self.period().label
        return f"{label}{TITLE}{suffix}"  # the file is the Chinese form, named as such

    def ask_export(self, suffix: str) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        kinds = self.tr("PDF document (*.pdf)") if suffix == ".pdf" else \
            self.tr("Excel workbook (*.xlsx)")
        path, _kind = QFileDialog.getSaveFileName(
            self, self.tr("Save the statistics report"),
            str(Path(folder) / self.default_name(suffix)), kinds)
        if path:
            if not Path(path).suffix:
                path += suffix
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Write the shown period's report to ``path`` (.pdf or .xlsx) on the worker."""
        if self.report is None:
            return
        period, ws, today = self.report.period, self._ws, self._today()
        self.status.setText(self.tr("Saving…"))
        for b in (self.print_button, self.pdf_button, self.xlsx_button):
            b.setEnabled(False)

        def done(out: Path) -> None:
            self._set_busy(False)
            theme.mark(self.status, theme.Role.SUCCESS)
            self.status.setText(self.tr("Saved: %1").replace("%1", str(out)))

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            theme.mark(self.status, theme.Role.ERROR)
            self.status.setText(self.tr("Not saved."))
            show_error(self, exc)

        self._runner.run(lambda: export_report(ws, period, path, today=today),
                         on_done=while_alive(self)(done), on_error=while_alive(self)(failed))

    def print_dialog(self) -> None:
        from mediator.ui.statistics.printing import new_printer  # noqa: PLC0415

        if self.report is None:
            return
        printer = new_printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: Any) -> None:
        from mediator.ui.statistics.printing import print_report  # noqa: PLC0415

        if self.report is not None:
            print_report(printer, self.committee, self.report, self._today())
