"""The 台账 page as a studio meets it: a real window, a real data dir, the real worker.

Import one of the messy sample ledgers through the wizard (mapping changed, the
preview's exact rejected rows, the import, the cases in the list), a bad file
(the core's Chinese sentence, nothing imported), and the export re-read with
openpyxl.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWizard

from mediator.domain.ledger import LedgerField
from mediator.services.ledger_import import ledger_case_ids
from mediator.services.workspace import Workspace
from mediator.ui.labels import Labels
from mediator.ui.ledger.wizard import PAGE_DONE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_SHEET
from mediator.ui.mainwindow import MainWindow
from mediator.ui.tasks import TaskRunner
from tests.services.ledger_files import encrypted_file, simple_ledger, xls_file

LEDGERS = Path(__file__).resolve().parents[2] / "fixtures" / "ledgers"
GUICHENG = LEDGERS / "guicheng-2025.xlsx"
PINGZHOU = LEDGERS / "pingzhou-2025.xlsx"
WAIT = 15_000


@pytest.fixture
def window(qtbot, studio_ws: Workspace, runner: TaskRunner, labels: Labels):
    w = MainWindow(studio_ws, runner, labels, studio_ws.studio.current())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(w.case_list.is_current, timeout=WAIT)
    yield w
    page = w._ledger
    if page is not None and page.wizard is not None:
        page.wizard.reject()
    w.close()


def _ledger_page(window: MainWindow):
    window.show_page("ledger")
    page = window.ledger_page
    assert window.stack.currentWidget() is page
    return page


def _idle(qtbot, runner: TaskRunner) -> None:
    qtbot.waitUntil(runner.is_idle, timeout=WAIT)


def test_a_messy_ledger_through_the_wizard_into_the_case_list(
        qtbot, window: MainWindow, runner: TaskRunner, studio_ws: Workspace) -> None:
    page = _ledger_page(window)
    wizard = page.open_import(PINGZHOU)
    _idle(qtbot, runner)
    assert wizard.file_page.isComplete()
    # One visible sheet: straight to the columns.
    wizard.next()
    assert wizard.currentId() == PAGE_MAPPING
    mapping = wizard.mapping_page
    assert mapping.table.rowCount() == 11
    assert mapping.field_of("A") is LedgerField.CASE_NO
    assert mapping.field_of("C") is LedgerField.PARTIES
    assert mapping.field_of("G") is LedgerField.SUMMARY
    # The studio's own numbers (PZ-…) are not worth keeping: column A is left out.
    mapping.choose("A", None)
    assert mapping.field_of("A") is None
    assert wizard.state.mapping.get(LedgerField.CASE_NO) is None
    assert mapping.isComplete()
    wizard.next()
    assert wizard.currentId() == PAGE_PREVIEW
    _idle(qtbot, runner)
    preview = wizard.preview_page
    # Without the numbers, row 13 is no longer "the same number as row 4".
    rejected = [preview.rejected_list.item(i).text()
                for i in range(preview.rejected_list.count())]
    assert rejected == ["第 12 行：未导入：受理日期不存在（月或日不对）"]
    assert preview.counts.text().startswith("6 ")
    # The first rows as they would come in: parties split, dates read.
    table = preview.table
    assert (table.item(0, 0).text(), table.item(0, 2).text()) == ("4", "2025-01-08")
    row5 = next(i for i in range(table.rowCount()) if table.item(i, 0).text() == "5")
    assert table.item(row5, 2).text() == "2025-02-14"
    assert table.item(row5, 3).text() == "黄大伟"
    assert table.item(row5, 4).text() == "李小红、李小明"
    # A row refused: the import waits for the tick that leaves it out.
    assert not preview.isComplete()
    assert preview.skip.isVisible()
    preview.skip.setChecked(True)
    assert preview.isComplete()
    assert studio_ws.cases.count_all() == 0  # the preview wrote nothing
    with qtbot.waitSignal(page.imported, timeout=WAIT) as imported:
        wizard.next()
    assert wizard.currentId() == PAGE_DONE
    assert imported.args == [6]
    done = wizard.done_page
    assert "6" in done.summary.text()
    assert done.isComplete()
    lines = [done.lines.item(i).text() for i in range(done.lines.count())]
    assert lines[0] == "第 12 行：未导入：受理日期不存在（月或日不对）"
    assert studio_ws.cases.count_all() == 6
    assert len(ledger_case_ids(studio_ws)) == 6
    # The report saved as text, with the row numbers and reasons.
    saved = done.save_to(Path(qtbot_tmp(page)) / "导入报告.txt")
    assert saved is not None
    text = saved.read_text(encoding="utf-8-sig")
    assert "第 12 行：未导入：受理日期不存在（月或日不对）" in text
    assert "黄大伟" not in text  # no personal data in the report
    wizard.button(QWizard.WizardButton.FinishButton).click()
    # The case list was re-read: the six cases are there.
    window.show_cases()
    qtbot.waitUntil(lambda: window.case_list.is_current()
                    and window.case_list.model.rowCount() == 6, timeout=WAIT)
    assert "6" in window.count_label.text()
    # The completeness report of an imported case says what the ledger recorded and
    # the file lacks (a Chinese desk: the core's sentences as they are).
    succeeded = next(r.case for r in done.state.result.imported if r.row == 4)
    window.open_case(succeeded.id)
    qtbot.waitUntil(lambda: window.case_page is not None
                    and window.case_page.workspace.overview is not None, timeout=WAIT)
    dialog = window.case_page.workspace.open_report()
    assert dialog is not None
    text = dialog.text()
    assert "台账记载调解成功，卷宗中尚无调解协议：请补录调解记录和协议" in text
    assert "缺少申请人（第1位）的身份证明" in text
    dialog.reject()


def qtbot_tmp(page) -> str:
    """A folder beside the data dir (the tests' tmp_path)."""
    return str(Path(page._ws.data_dir.root).parent)


def test_several_sheets_and_all_or_nothing_until_ticked(
        qtbot, window: MainWindow, runner: TaskRunner, studio_ws: Workspace) -> None:
    page = _ledger_page(window)
    wizard = page.open_import(GUICHENG)
    _idle(qtbot, runner)
    assert "已跳过隐藏的工作表“旧台账（备份）”" in wizard.file_page.notes.text()
    wizard.next()
    assert wizard.currentId() == PAGE_SHEET
    sheets = wizard.sheet_page.list
    assert [sheets.item(i).text() for i in range(sheets.count())] == ["2025年台账", "填表说明"]
    assert sheets.currentItem().text() == "2025年台账"
    # The instructions sheet has no ledger header: said, and no way on.
    wizard.sheet_page.choose("填表说明")
    _idle(qtbot, runner)
    assert not wizard.sheet_page.isComplete()
    assert "找不到台账的表头" in wizard.sheet_page.message.text()
    wizard.sheet_page.choose("2025年台账")
    _idle(qtbot, runner)
    assert wizard.sheet_page.isComplete()
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.field_of("E") is LedgerField.APPLICANTS
    assert mapping.field_of("F") is LedgerField.RESPONDENTS
    # Without a date column nothing can be imported: named, and no way on.
    mapping.choose("C", None)
    assert not mapping.isComplete()
    assert mapping.problems.isVisible() and mapping.problems.text()
    mapping.choose("C", LedgerField.REGISTERED_ON)
    assert mapping.isComplete()
    wizard.next()
    _idle(qtbot, runner)
    preview = wizard.preview_page
    rejected = [preview.rejected_list.item(i).text()
                for i in range(preview.rejected_list.count())]
    assert rejected == [
        "第 11 行：未导入：受理日期看不懂（可写成 2025-03-05、2025.3.5 或 2025年3月5日）",
        "第 12 行：未导入：当事人不足两方（至少需要一名申请人和一名被申请人）"]
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.reject()
    assert studio_ws.cases.count_all() == 0


@pytest.mark.parametrize("kind", ["text", "xls", "password", "no header"])
def test_a_bad_file_says_why_in_chinese_and_imports_nothing(  # noqa: PLR0917 - fixtures
        qtbot, window: MainWindow, runner: TaskRunner, studio_ws: Workspace, tmp_path: Path,
        shown_errors: list, kind: str) -> None:
    if kind == "text":
        bad = tmp_path / "台账.xlsx"
        bad.write_text("序号,受理日期,当事人\n1,2025-01-02,王某\n", encoding="utf-8")
        expected = "不是 Excel 工作簿（.xlsx）"
    elif kind == "xls":
        bad = xls_file(tmp_path / "台账.xls")
        expected = "Excel 97-2003 格式（.xls）"
    elif kind == "password":
        bad = encrypted_file(tmp_path / "台账.xlsx")
        expected = "设置了打开密码"
    else:
        bad = simple_ledger(tmp_path / "名单.xlsx", [["王某", "13800138000"]],
                            header=("姓名", "电话"))
        expected = "找不到台账的表头"
    page = _ledger_page(window)
    wizard = page.open_import(bad)
    _idle(qtbot, runner)
    message = wizard.file_page.message
    assert message.isVisible()
    assert expected in message.text() and "未导入任何案件" in message.text()
    assert "Traceback" not in message.text()
    assert not wizard.file_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert shown_errors == []  # no crash dialog
    assert studio_ws.cases.count_all() == 0


def test_export_a_year_from_the_page_and_read_it_back(
        qtbot, window: MainWindow, runner: TaskRunner, studio_ws: Workspace,
        tmp_path: Path) -> None:
    from mediator.services.ledger_import import import_ledger

    import_ledger(studio_ws, PINGZHOU, partial=True, today=dt.date(2026, 12, 7))
    page = _ledger_page(window)
    page.year.setValue(2025)
    page.month.setCurrentIndex(0)  # the whole year
    # 2025年调解台账.xlsx / 2025年11月调解台账.xlsx in Chinese (the tests run untranslated).
    assert page.default_name() == "Mediation ledger 2025.xlsx"
    page.month.setCurrentIndex(page.month.findData(11))
    assert page.default_name() == "Mediation ledger 2025-11.xlsx"
    page.month.setCurrentIndex(0)
    out = tmp_path / page.default_name()
    with qtbot.waitSignal(page.exported, timeout=WAIT):
        page.export_to(out)
    assert page.export_message.isVisible()
    assert "5" in page.export_message.text() and str(out) in page.export_message.text()
    assert page.open_folder.isVisible()
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    header_row = next(r for r in range(1, 6) if sheet.cell(r, 1).value == "序号")
    headers = [c.value for c in sheet[header_row]]
    rows = [r for r in sheet.iter_rows(min_row=header_row + 1, values_only=True) if r[0]]
    assert len(rows) == 5
    accepted = rows[0][headers.index("受理日期")]
    assert isinstance(accepted, dt.datetime) and accepted.date() == dt.date(2025, 1, 8)
    assert isinstance(rows[0][headers.index("序号")], int)
    assert len(book.worksheets) == 2  # the statistics report beside the ledger


def test_an_export_to_a_missing_folder_says_so(
        qtbot, window: MainWindow, runner: TaskRunner, tmp_path: Path) -> None:
    page = _ledger_page(window)
    page.export_to(tmp_path / "no-such-folder" / "台账.xlsx")
    _idle(qtbot, runner)
    assert page.export_message.isVisible()
    assert "文件夹不存在" in page.export_message.text()
    assert page.export_button.isEnabled() and not page.open_folder.isVisible()


def test_the_page_is_in_the_navigation_and_offers_last_month(window: MainWindow) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Ledger" in titles  # 台账 in Chinese
    window.nav.setCurrentRow(titles.index("Ledger"))
    page = window.ledger_page  # built on first use
    assert window.stack.currentWidget() is page
    last = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    assert page.period() == (last.year, last.month)  # the month handed up now


class _Watcher(QObject):
    """Records where the import's progress arrives (it is emitted on the worker)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, bool]] = []

    @Slot(int)
    def row(self, n: int) -> None:
        self.seen.append((n, threading.current_thread() is threading.main_thread()))


def test_a_long_ledger_reports_the_row_reached_on_the_gui_thread(
        qtbot, window: MainWindow, runner: TaskRunner, studio_ws: Workspace,
        tmp_path: Path) -> None:
    sur, given = "王李张刘陈杨黄赵吴周", "伟芳娜敏静丽强磊军洋"
    rows = [[f"2025-03-{1 + i % 28:02d}", sur[i % 10] + given[i // 10 % 10],
             sur[(i + 3) % 10] + given[(i + 7) % 10] + "华", "邻里纠纷", f"第{i}件邻里纠纷。"]
            for i in range(250)]
    path = simple_ledger(tmp_path / "台账.xlsx", rows)
    page = _ledger_page(window)
    wizard = page.open_import(path)
    _idle(qtbot, runner)
    watcher = _Watcher()
    wizard.preview_page.progress.row.connect(watcher.row)
    wizard.next()
    wizard.next()
    _idle(qtbot, runner)
    qtbot.waitUntil(lambda: len(watcher.seen) >= 2, timeout=WAIT)
    assert watcher.seen[:2] == [(100, True), (200, True)]
    assert wizard.preview_page.counts.text().startswith("250 ")
    assert not wizard.preview_page.busy.isVisible()


def test_a_problem_met_while_reading_the_rows_stops_at_the_preview(
        qtbot, window: MainWindow, runner: TaskRunner, studio_ws: Workspace,
        tmp_path: Path) -> None:
    """Formulas without saved results (or more rows than one import takes) are met
    only when the rows are read: the preview says so and offers no import."""
    path = simple_ledger(tmp_path / "台账.xlsx", [
        ["2025-03-05", "王某某", "李某某", "邻里纠纷", "楼上漏水。"],
        ["=A2+1", "王五", "赵六", "邻里纠纷", "噪音。"]])  # openpyxl saves no result
    page = _ledger_page(window)
    wizard = page.open_import(path)
    _idle(qtbot, runner)
    wizard.next()
    wizard.next()
    _idle(qtbot, runner)
    preview = wizard.preview_page
    assert preview.message.isVisible()
    assert "第 3 行 A 列是公式" in preview.message.text()
    assert "未导入任何案件" in preview.message.text()
    assert not preview.isComplete()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert studio_ws.cases.count_all() == 0
