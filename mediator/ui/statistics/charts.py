"""The report's three charts (QtCharts): cases by dispute type, the monthly trend
of accepted and succeeded cases, and the success rate month by month.

Charts draw their own text, so they do not inherit the application's font or
palette: :meth:`Charts.show_report` dresses every title, axis, legend and bar
label in the theme's fonts (the bundled CJK face at the chosen type size) and
colours, and a type-size change redraws them.  A bar (or a point of the trend)
is a number like any other: a click opens the cases behind it.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QTabWidget, QWidget

from mediator.documents.statistics_report import breakdown_keys
from mediator.domain.statistics import Dimension
from mediator.services.statistics import Report
from mediator.ui import theme
from mediator.ui.labels import Labels
from mediator.ui.statistics.names import row_name


def _value(x: object) -> float:
    return float(x) if isinstance(x, int | float) else 0.0


class Charts(QTabWidget):
    """按纠纷类型 · 月度趋势 · 调解成功率, one tab each."""

    open_target = Signal(str, object)  # figure code, {Dimension: key}

    def __init__(self, labels: Labels | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.report: Report | None = None
        self.by_type = self._view()
        self.trend = self._view()
        self.rate = self._view()
        self.addTab(self.by_type, self.tr("Cases by dispute type"))
        self.addTab(self.trend, self.tr("Monthly trend"))
        self.addTab(self.rate, self.tr("Success rate"))
        self.type_keys: list[str] = []
        self.month_keys: list[str] = []

    def _view(self) -> QChartView:
        view = QChartView()
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setFrameShape(QChartView.Shape.NoFrame)
        return view

    # ------------------------------------------------------------ building
    def show_report(self, report: Report | None) -> None:
        self.report = report
        self._build()

    def _build(self) -> None:
        report = self.report
        fm = self.fontMetrics()
        self.type_keys = [] if report is None else [
            k for k in breakdown_keys(report, Dimension.DISPUTE_TYPE)
            if report.breakdowns[Dimension.DISPUTE_TYPE][k].get("accepted")]
        self.month_keys = [] if report is None else breakdown_keys(report, Dimension.MONTH)
        self.by_type.setChart(self._by_type_chart(report))
        self.trend.setChart(self._trend_chart(report))
        self.rate.setChart(self._rate_chart(report))
        # Room for every dispute type's bar and label; at least a chart's worth, which at
        # 特大 on a 1366×768 screen is about what the page shows at once.
        self.setMinimumHeight(int(fm.height() * max(12.0, len(self.type_keys) * 1.3 + 4)))

    def _chart(self, title: str) -> QChart:
        t = theme.current()
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setTitle(title)
        chart.setTitleFont(t.font(theme.Role.SECTION))
        chart.setTitleBrush(QBrush(QColor(t.palette.text)))
        chart.setBackgroundBrush(QBrush(QColor(t.palette.base)))
        chart.setMargins(QMargins(4, 4, 4, 4))
        legend = chart.legend()
        legend.setFont(t.body_font())
        legend.setLabelColor(QColor(t.palette.text))
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def _axis(self, axis: QAbstractAxis) -> QAbstractAxis:
        t = theme.current()
        axis.setLabelsFont(t.body_font())
        axis.setLabelsBrush(QBrush(QColor(t.palette.text)))
        axis.setTitleFont(t.body_font())
        axis.setTitleBrush(QBrush(QColor(t.palette.muted)))
        axis.setGridLineColor(QColor(t.palette.alternate))
        axis.setLinePenColor(QColor(t.palette.border))
        return axis

    def _bar_set(self, name: str, colour: str, values: list[float]) -> QBarSet:
        t = theme.current()
        bars = QBarSet(name)
        bars.setColor(QColor(colour))
        bars.setBorderColor(QColor(colour))
        bars.setLabelFont(t.body_font())
        bars.setLabelColor(QColor(t.palette.text))
        bars.append(values)
        return bars

    def _count_axis(self, top: float, *, percent: bool = False) -> QValueAxis:
        axis = QValueAxis()
        axis.setLabelFormat("%.0f%%" if percent else "%d")
        if percent:
            axis.setRange(0, 100)
            axis.setTickCount(6)
        elif top < 5:  # whole cases: one tick a case
            axis.setRange(0, int(top) + 1)
            axis.setTickCount(int(top) + 2)
        else:
            axis.setRange(0, top * 1.1)
            axis.applyNiceNumbers()  # 0, 20, 40 … rather than 0, 37, 75
        self._axis(axis)
        return axis

    def _by_type_chart(self, report: Report | None) -> QChart:
        chart = self._chart(self.tr("Accepted cases by dispute type"))
        if report is None:
            return chart
        cells = report.breakdowns.get(Dimension.DISPUTE_TYPE, {})
        # Top to bottom in reading order: a horizontal chart draws its first category lowest.
        keys = list(reversed(self.type_keys))
        values = [_value(cells[k].get("accepted")) for k in keys]
        series = QHorizontalBarSeries()
        bars = self._bar_set(self.tr("Accepted"), theme.current().palette.accent, values)
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        bars.clicked.connect(lambda i: self.open_target.emit(
            "accepted", {Dimension.DISPUTE_TYPE: keys[i]}))
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([row_name(report, Dimension.DISPUTE_TYPE, k, self.labels)
                           for k in keys])
        chart.addAxis(self._axis(categories), Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        axis = self._count_axis(max(values, default=0))
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        chart.legend().hide()
        return chart

    def _month_axis(self, report: Report) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        axis.append([row_name(report, Dimension.MONTH, k, self.labels) for k in self.month_keys])
        self._axis(axis)
        return axis

    def _trend_chart(self, report: Report | None) -> QChart:
        chart = self._chart(self.tr("Accepted and succeeded, month by month"))
        if report is None:
            return chart
        cells = report.breakdowns.get(Dimension.MONTH, {})
        months = self.month_keys
        axis = self._month_axis(report)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        top = 0.0
        t = theme.current().palette
        lines: list[QLineSeries] = []
        for code, name, colour in (("accepted", self.tr("Accepted"), t.accent),
                                   ("succeeded", self.tr("Succeeded"), t.success)):
            line = QLineSeries()
            line.setName(name)
            line.setPen(QPen(QColor(colour), 3))
            line.setPointsVisible(True)
            line.setPointLabelsVisible(True)
            line.setPointLabelsFormat("@yPoint")
            line.setPointLabelsFont(theme.current().body_font())
            line.setPointLabelsColor(QColor(t.text))
            for i, key in enumerate(months):
                value = _value(cells[key].get(code))
                top = max(top, value)
                line.append(QPointF(i, value))
            line.clicked.connect(lambda point, c=code: self._month_clicked(c, point))
            chart.addSeries(line)
            line.attachAxis(axis)
            lines.append(line)
        values = self._count_axis(top)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for line in lines:
            line.attachAxis(values)
        return chart

    def _month_clicked(self, code: str, point: QPointF) -> None:
        i = round(point.x())
        if 0 <= i < len(self.month_keys) and self.report is not None:
            key = self.month_keys[i]
            if self.report.breakdowns[Dimension.MONTH][key].get(code):
                self.open_target.emit(code, {Dimension.MONTH: key})

    def _rate_chart(self, report: Report | None) -> QChart:
        rate = None if report is None else report.totals.get("success_rate")
        title = self.tr("Success rate, month by month")
        if rate is not None:
            title += "  " + self.tr("(the period: %1 %)").replace("%1", f"{rate:.1f}")
        chart = self._chart(title)
        if report is None:
            return chart
        cells = report.breakdowns.get(Dimension.MONTH, {})
        values = [_value(cells[k].get("success_rate")) for k in self.month_keys]
        series = QBarSeries()
        bars = self._bar_set(self.tr("Success rate (%)"), theme.current().palette.success,
                             values)
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        keys = self.month_keys
        bars.clicked.connect(lambda i: self.open_target.emit(
            "success_rate", {Dimension.MONTH: keys[i]}) if cells[keys[i]].get("closed") else None)
        chart.addSeries(series)
        axis = self._month_axis(report)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        percent = self._count_axis(100, percent=True)
        chart.addAxis(percent, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(percent)
        chart.legend().hide()
        return chart

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._build()  # a new type size: the charts' own text follows
