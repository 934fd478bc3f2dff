"""The statistics page on the hand-counted case set (tests/services/statistics_cases.py),
with the real worker thread and a real SQLite file: what a mediator sees for March
2026, what another period shows, the cases behind a number, the charts, print, PDF
and .xlsx exports, and a bad path."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from mediator.domain.statistics import FIGURES, Dimension
from mediator.errors import ValidationError
from mediator.paths import DataDir
from mediator.services.workspace import Workspace, open_workspace
from mediator.ui.statistics import StatisticsPage
from mediator.ui.statistics.models import ReportModel
from mediator.ui.statistics.period_picker import Choice
from mediator.ui.tasks import TaskRunner
from tests.conftest import COMMITTEE
from tests.services.statistics_cases import build

TODAY = dt.date(2026, 3, 20)  # "this month" is March 2026
ROW = {f.code: i for i, f in enumerate(FIGURES)}


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The case set, built once for the module (a few seconds); each test copies it."""
    root = tmp_path_factory.mktemp("statistics") / "data"
    with open_workspace(DataDir.resolve(root).ensure()) as ws:
        ws.studio.setup(COMMITTEE, "桂城", "陈调解")
        ids = build(ws)
    return root, ids


@pytest.fixture
def cases(counted: tuple[Path, dict[str, str]]) -> dict[str, str]:
    return counted[1]


@pytest.fixture
def workspace(counted: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[Workspace]:
    copy = tmp_path / "data"
    shutil.copytree(counted[0], copy)
    with open_workspace(DataDir.resolve(copy)) as ws:
        yield ws


@pytest.fixture
def page(qtbot, workspace: Workspace, runner: TaskRunner) -> Iterator[StatisticsPage]:
    p = StatisticsPage(workspace, runner, today=lambda: TODAY)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    qtbot.waitUntil(p.is_current, timeout=10_000)
    yield p
    if p.drill_dialog is not None:
        p.drill_dialog.close()
    qtbot.waitUntil(runner.is_idle, timeout=10_000)


def value(page: StatisticsPage, code: str) -> str:
    m = page.report_model
    return str(m.data(m.index(ROW[code], ReportModel.VALUE)))


def click(qtbot, table, row: int, col: int) -> None:
    table.scrollTo(table.model().index(row, col))
    rect = table.visualRect(table.model().index(row, col))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_this_month_shows_the_hand_counted_march(page: StatisticsPage) -> None:
    assert page.report_title.text() == "Mediation statistics report (2026年3月)"
    m = page.report_model
    assert [m.data(m.index(ROW["accepted"], c)) for c in range(4)] == [
        "Disputes accepted", "cases", "4", "Date accepted"]
    assert [value(page, c) for c in ("accepted", "people", "group", "closed", "succeeded",
                                     "terminated", "success_rate", "amount")] == [
        "4", "20", "1", "3", "2", "1", "66.7", "8,200.00"]
    assert (value(page, "performed"), value(page, "confirmed"), value(page, "screenings"),
            value(page, "disputes_found")) == ("1", "1", "1", "3")
    assert page.status.text() == "2026-03-01 to 2026-03-31: 4 accepted, 2 succeeded."
    # The definitions are on the page under the report, always.
    assert "<b>Disputes accepted</b> (Date accepted): Cases whose date of acceptance" in \
        page.definitions.text()
    assert page.definitions.isVisible()


def test_changing_the_period_changes_the_figures(qtbot, page: StatisticsPage) -> None:
    page.picker.set_choice(Choice.LAST_MONTH)  # February: c3 registered, visit v2
    qtbot.waitUntil(page.is_current, timeout=10_000)
    assert page.report_title.text().endswith("(2026年2月)")
    assert (value(page, "accepted"), value(page, "people"), value(page, "succeeded"),
            value(page, "success_rate"), value(page, "screenings")) == ("1", "3", "0", "—", "1")
    page.picker.set_choice(Choice.QUARTER)
    page.picker.year.setCurrentIndex(page.picker.year.findData(2026))
    page.picker.quarter.setCurrentIndex(0)
    qtbot.waitUntil(page.is_current, timeout=10_000)
    assert page.report_title.text().endswith("(2026年第一季度)")
    assert (value(page, "accepted"), value(page, "people")) == ("5", "23")
    assert page.picker.month.isHidden() and not page.picker.quarter.isHidden()


def test_a_click_on_a_number_lists_exactly_the_cases_behind_it_and_opens_one(
        qtbot, page: StatisticsPage, cases: dict[str, str]) -> None:
    click(qtbot, page.report_table, ROW["succeeded"], ReportModel.VALUE)
    qtbot.waitUntil(lambda: page.drill_dialog is not None, timeout=10_000)
    dialog = page.drill_dialog
    assert dialog is not None
    assert [r.case_id for r in dialog.model.rows] == [cases["c3"], cases["c1"]]
    first = dialog.model.index(0, 0)
    assert dialog.model.data(first) == "（2026）桂城人调字第3号"
    assert [dialog.model.data(dialog.model.index(0, c)) for c in (1, 3, 4)] == [
        "合同纠纷", "2026-02-20", "2026-03-01"]
    with qtbot.waitSignal(page.open_case, timeout=5_000) as opened:
        rect = dialog.table.visualRect(first)
        # A person's double-click: a press first (the view opens what was pressed).
        qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [cases["c3"]]


def test_a_zero_opens_nothing(qtbot, page: StatisticsPage, runner: TaskRunner) -> None:
    assert value(page, "prevented_criminal") == "0"
    click(qtbot, page.report_table, ROW["prevented_criminal"], ReportModel.VALUE)
    click(qtbot, page.report_table, ROW["accepted"], 0)  # a figure's name is not a number
    qtbot.waitUntil(runner.is_idle, timeout=5_000)
    qtbot.wait(50)
    assert page.drill_dialog is None


def test_a_breakdown_cell_opens_its_own_cases(qtbot, page: StatisticsPage,
                                              cases: dict[str, str]) -> None:
    page.dimension.setCurrentIndex(page.dimension.findData(Dimension.DISPUTE_TYPE.value))
    model = page.breakdown_model
    rows = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert rows == ["合同纠纷", "婚姻家庭纠纷", "邻里纠纷", "Total"]
    assert [model.data(model.index(2, c)) for c in (1, 2, 5)] == ["3", "1", "3,200.00"]
    assert model.data(model.index(0, 1)) == "0" and model.target(model.index(0, 1)) is None
    click(qtbot, page.breakdown_table, 2, 1)  # 邻里纠纷 · 受理纠纷
    qtbot.waitUntil(lambda: page.drill_dialog is not None, timeout=10_000)
    assert page.drill_dialog is not None
    assert [r.case_id for r in page.drill_dialog.model.rows] == [
        cases["c1"], cases["c8"], cases["c5"]]
    page.dimension.setCurrentIndex(page.dimension.findData(Dimension.MONTH.value))
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        "2026年3月", "Total"]


def test_the_charts_show_the_report(qtbot, page: StatisticsPage, cases: dict[str, str]) -> None:
    chart = page.charts.by_type.chart()
    (series,) = chart.series()
    assert isinstance(series, QHorizontalBarSeries)
    (axis,) = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    bars = series.barSets()[0]
    shown = dict(zip(axis.categories(), [bars.at(i) for i in range(bars.count())],
                     strict=True))
    assert shown == {"邻里纠纷": 3.0, "婚姻家庭纠纷": 1.0}  # types with accepted cases
    assert axis.labelsFont().family() == page.font().family()  # the app's (CJK) face
    trend = page.charts.trend.chart()
    lines = {s.name(): [p.y() for p in s.points()] for s in trend.series()
             if isinstance(s, QLineSeries)}
    assert lines == {"Accepted": [4.0], "Succeeded": [2.0]}
    assert "66.7" in page.charts.rate.chart().title()
    # A bar is a number: clicking it lists its cases.
    i = axis.categories().index("婚姻家庭纠纷")
    bars.clicked.emit(i)  # what Qt emits for a click on that bar
    qtbot.waitUntil(lambda: page.drill_dialog is not None, timeout=10_000)
    assert page.drill_dialog is not None
    assert [r.case_id for r in page.drill_dialog.model.rows] == [cases["c2"]]


def _pdftext(path: Path) -> str:
    return "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                  text=True, check=True).stdout.split())


def test_export_pdf_and_xlsx(qtbot, page: StatisticsPage, tmp_path: Path) -> None:
    pdf = tmp_path / page.default_name(".pdf")
    assert pdf.name == "2026年3月人民调解工作统计表.pdf"
    page.export_to(pdf)
    qtbot.waitUntil(lambda: page.status.text().startswith("Saved"), timeout=20_000)
    text = _pdftext(pdf)
    assert "人民调解工作统计表" in text and "受理纠纷件4受理日期" in text and "66.7" in text
    assert "统计口径" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    xlsx = tmp_path / "三月.xlsx"
    page.export_to(xlsx)
    qtbot.waitUntil(lambda: page.status.text() == f"Saved: {xlsx}", timeout=20_000)
    sheet = load_workbook(xlsx)["统计报表"]
    rows = {r[0]: r[2] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert (rows["受理纠纷"], rows["调解成功"], rows["协议涉及金额"]) == (4, 2, 8200)


def test_a_bad_path_says_why_in_chinese(qtbot, page: StatisticsPage, tmp_path: Path,
                                        shown_errors) -> None:
    page.export_to(tmp_path / "nowhere" / "统计.pdf")
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=10_000)
    (shown,) = shown_errors
    assert isinstance(shown.exc, ValidationError) and not shown.is_bug
    assert "文件夹不存在" in shown.text
    shown_errors.clear()
    assert page.status.text() == "Not saved."
    assert page.pdf_button.isEnabled()


def test_print_draws_the_report_with_its_chinese(page: StatisticsPage, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    page.print_to(printer)
    # Qt's PDF maps some glyphs of the face to their Kangxi radicals (⼈ for 人) in the
    # text layer; on paper they are the same characters.
    text = unicodedata.normalize("NFKC", _pdftext(tmp_path / "printed.pdf"))
    assert "调解工作统计表(2026年3月)" in text and "受理纠纷件4受理日期" in text
    assert "调解成功率%66.7结案日期" in text
    assert "邻里纠纷3" in text and "合计4" in text and "统计口径" in text


def test_a_new_case_is_counted_when_the_page_is_shown_again(
        qtbot, page: StatisticsPage, workspace: Workspace) -> None:
    from tests.services.helpers import water_leak

    page.hide()
    workspace.cases.register(water_leak(registered_on=dt.date(2026, 3, 18)))
    page.mark_stale()
    assert value(page, "accepted") == "4"  # hidden: counted when shown
    page.show()
    qtbot.waitUntil(lambda: page.is_current() and value(page, "accepted") == "5",
                    timeout=10_000)


def test_the_page_says_it_is_counting(qtbot, page: StatisticsPage) -> None:
    page.load()
    assert page.status.text() == "Counting…"
    assert not page.pdf_button.isEnabled()
    qtbot.waitUntil(page.is_current, timeout=10_000)
    assert page.pdf_button.isEnabled()


def test_screening_figures_list_the_visits(qtbot, page: StatisticsPage) -> None:
    click(qtbot, page.report_table, ROW["disputes_found"], ReportModel.VALUE)
    qtbot.waitUntil(lambda: page.drill_dialog is not None, timeout=10_000)
    dialog = page.drill_dialog
    assert dialog is not None and dialog.open_button is None
    assert [dialog.model.data(dialog.model.index(0, c)) for c in range(4)] == [
        "2026-03-05", "平洲村", "3", "2"]



def test_the_window_opens_a_case_from_the_statistics_and_comes_back(
        qtbot, workspace: Workspace, runner: TaskRunner, cases: dict[str, str]) -> None:
    from mediator.ui.labels import Labels
    from mediator.ui.mainwindow import PAGE_STATISTICS, MainWindow

    labels = Labels("en", workspace.catalogue.dispute_types(), workspace.catalogue.case_sources())
    window = MainWindow(workspace, runner, labels, workspace.studio.current())
    qtbot.addWidget(window)
    window.show()
    window.show_page(PAGE_STATISTICS)
    page = window.statistics
    assert window.stack.currentWidget() is page  # built on first use, in its place
    page.picker.set_choice(Choice.MONTH)
    page.picker.year.setCurrentIndex(page.picker.year.findData(2026))
    page.picker.month.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.is_current() and page.report.period.label == "2026年3月",
                    timeout=10_000)
    page.drill(("terminated", {}))
    qtbot.waitUntil(lambda: page.drill_dialog is not None, timeout=10_000)
    model = page.drill_dialog.model  # the dispute type in the desk's language
    assert model.data(model.index(0, 1)) == "Marriage and family"
    page.drill_dialog.table.selectRow(0)
    page.drill_dialog.open_button.click()
    qtbot.waitUntil(lambda: window.case_page is not None, timeout=10_000)
    assert window.case_page.case_id == cases["c2"]
    assert window.case_page.back_button.text() == "← Back to the statistics"
    page.drill_dialog.close()
    window.case_page.back_button.click()
    assert window.stack.currentWidget() is page
    window.close()
    qtbot.waitUntil(runner.is_idle, timeout=10_000)


def test_the_charts_follow_the_type_size(qtbot, qapp, page: StatisticsPage) -> None:
    """Charts draw their own text: a bigger type size re-dresses titles and axes."""
    from mediator.ui import theme
    from mediator.ui.fonts import install_fonts
    from mediator.ui.theme import TypeSize

    install_fonts(qapp, "zh_CN", TypeSize.STANDARD)
    try:
        def axis_points() -> float:
            chart = page.charts.by_type.chart()
            return min(a.labelsFont().pointSizeF() for a in chart.axes())

        qtbot.waitUntil(lambda: axis_points() == theme.BODY_POINTS[TypeSize.STANDARD])
        theme.set_type_size(qapp, TypeSize.EXTRA_LARGE)
        qtbot.waitUntil(lambda: axis_points() == theme.BODY_POINTS[TypeSize.EXTRA_LARGE],
                        timeout=5_000)
        title = page.charts.trend.chart().titleFont()
        assert title.bold() and title.pointSizeF() > theme.BODY_POINTS[TypeSize.EXTRA_LARGE]
        assert page.charts.by_type.chart().backgroundBrush().color().name() == \
            theme.current().palette.base
    finally:
        theme.set_type_size(qapp, TypeSize.STANDARD)
