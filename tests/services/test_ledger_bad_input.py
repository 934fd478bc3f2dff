"""Ledger files that cannot be imported: one clear Chinese sentence, nothing
imported, no traceback — through the service and through the real command."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from mediator.services.ledger_import import import_ledger
from mediator.services.ledger_source import MAX_BLANK_RUN, MAX_DATA_ROWS, LedgerFileError
from mediator.services.workspace import Workspace
from tests.services.ledger_files import (
    as_macro_workbook,
    encrypted_file,
    million_row_sheet,
    simple_ledger,
    xls_file,
)

LEDGERS = Path(__file__).resolve().parent.parent / "fixtures" / "ledgers"
TODAY = dt.date(2026, 12, 7)
ROW = [dt.datetime(2025, 3, 5), "张三", "李四", "邻里纠纷", "漏水。"]


def _refused(ws: Workspace, path: Path, *words: str) -> str:
    with pytest.raises(LedgerFileError) as err:
        import_ledger(ws, path, partial=True, today=TODAY)
    message = err.value.message
    for w in (*words, "未导入任何案件"):
        assert w in message
    assert ws.cases.count_all() == 0
    return message


def test_a_text_file_is_not_a_workbook(workspace: Workspace, tmp_path: Path) -> None:
    f = tmp_path / "台账.xlsx"
    f.write_text("序号,受理日期\n1,2025-03-05\n", encoding="utf-8")
    _refused(workspace, f, "不是 Excel 工作簿（.xlsx）")


def test_an_old_xls_is_to_be_saved_as_xlsx(workspace: Workspace, tmp_path: Path) -> None:
    _refused(workspace, xls_file(tmp_path / "台账.xls"), "Excel 97-2003", "另存为")


def test_a_password_protected_workbook(workspace: Workspace, tmp_path: Path) -> None:
    # Excel saves an encrypted .xlsx as an OLE file, whatever its name says.
    _refused(workspace, encrypted_file(tmp_path / "台账.xlsx"), "设置了打开密码")


def test_a_zip_or_an_ods_that_is_no_workbook(workspace: Workspace, tmp_path: Path) -> None:
    import zipfile

    z = tmp_path / "台账.xlsx"
    with zipfile.ZipFile(z, "w") as out:
        out.writestr("readme.txt", "hello")
    _refused(workspace, z, "压缩文件")
    ods = tmp_path / "台账.ods"
    with zipfile.ZipFile(ods, "w") as out:
        out.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        out.writestr("content.xml", "<x/>")
    _refused(workspace, ods, "OpenDocument", ".xlsx")


def test_a_damaged_workbook(workspace: Workspace, tmp_path: Path) -> None:
    good = simple_ledger(tmp_path / "good.xlsx", [ROW])
    bad = tmp_path / "台账.xlsx"
    bad.write_bytes(good.read_bytes()[:1500])  # cut off mid-way
    _refused(workspace, bad, "损坏")


def test_a_macro_workbook_is_read_for_its_values(workspace: Workspace, tmp_path: Path) -> None:
    """Decision: read the values, never the macros (openpyxl runs no VBA); refusing
    would only make the studio save the file again without them."""
    src = simple_ledger(tmp_path / "plain.xlsx", [ROW])
    xlsm = as_macro_workbook(src, tmp_path / "台账.xlsm")
    report = import_ledger(workspace, xlsm, today=TODAY)
    assert report.notes[0] == "文件含有宏（.xlsm）：宏不会运行，只读取单元格中保存的数值"
    assert report.written and workspace.cases.count_all() == 1


def test_formulas_without_saved_results(workspace: Workspace, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["受理日期", "申请人", "被申请人", "纠纷类型", "纠纷简要情况"])
    ws.append(ROW)
    ws.append(["=A2+1", "王五", "赵六", "邻里纠纷", "噪音。"])  # openpyxl saves no result
    wb.save(tmp_path / "台账.xlsx")
    message = _refused(workspace, tmp_path / "台账.xlsx", "第 3 行 A 列是公式", "保存一次")
    assert "王五" not in message


def test_a_total_row_formula_without_a_result_is_no_obstacle(workspace: Workspace) -> None:
    # The sample ledger's 合计 row is =SUM(...) with no saved result: it is skipped.
    report = import_ledger(workspace, LEDGERS / "guicheng-2025.xlsx", partial=True, today=TODAY)
    assert report.written


def test_no_recognisable_header(workspace: Workspace, tmp_path: Path) -> None:
    f = simple_ledger(tmp_path / "台账.xlsx", [["甲", 3, "乙"]], header=("姓名", "金额", "备注"))
    _refused(workspace, f, "找不到台账的表头", "“Sheet”")


def test_only_hidden_sheets(workspace: Workspace, tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["受理日期", "申请人", "被申请人"])
    wb.create_sheet("可见")
    wb.active.sheet_state = "hidden"
    wb.save(tmp_path / "台账.xlsx")
    _refused(workspace, tmp_path / "台账.xlsx", "找不到台账的表头", "“可见”")


def test_a_million_row_sheet_is_streamed_and_capped(studio: Path, tmp_path: Path) -> None:
    """The real command on a million rows (whose stated size lies): refused at the cap
    with the limit named, in bounded memory, nothing imported."""
    f = million_row_sheet(tmp_path / "台账.xlsx")
    # The peak of this process's own memory (VmHWM: reset by exec), not ru_maxrss,
    # which on Linux keeps the high-water mark of the forked pytest it came from.
    code = ("import re, sys\n"
            "from mediator.cli import main\n"
            "rc = main(sys.argv[1:])\n"
            "status = open('/proc/self/status').read()\n"
            "print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1), file=sys.stderr)\n"
            "sys.exit(rc)\n")
    env = {k: v for k, v in os.environ.items() if k != "MEDIATOR_DATA_DIR"}
    out = subprocess.run([sys.executable, "-c", code, "--data-dir", str(studio), "import",
                          str(f)], capture_output=True, text=True, env=env, timeout=300,
                         check=False)
    message, peak_kib = out.stderr.strip().splitlines()
    assert out.returncode == 1
    assert message.startswith("mediator: 工作表“台账”的内容超过 ")
    assert f"{MAX_DATA_ROWS} 行" in message and "分批导入" in message
    assert int(peak_kib) < 400 * 1024  # streamed: the million rows never sit in memory
    assert _cases(studio) == "共 0 件"


# ------------------------------------------------------------------ the command

def _run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MEDIATOR_DATA_DIR"}
    return subprocess.run([sys.executable, "-m", "mediator", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, timeout=300, check=False)


def _studio(data: Path) -> Path:
    out = _run(data, "setup", "--committee", "桂城街道人民调解委员会", "--prefix", "桂城",
               "--mediator", "陈调解")
    assert out.returncode == 0, out.stderr
    return data


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A studio that only ever sees refused files (it stays empty)."""
    return _studio(tmp_path_factory.mktemp("ledger-cli") / "data")


def _cases(data: Path) -> str:
    return _run(data, "cases").stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("make", ["text", "xls", "encrypted", "no_header"])
def test_the_command_says_one_chinese_line(studio: Path, tmp_path: Path, make: str) -> None:
    f = tmp_path / ("台账.xls" if make == "xls" else "台账.xlsx")
    if make == "text":
        f.write_text("not a workbook", encoding="utf-8")
    elif make == "xls":
        xls_file(f)
    elif make == "encrypted":
        encrypted_file(f)
    else:
        simple_ledger(f, [["甲"]], header=("姓名",))
    out = _run(studio, "import", str(f))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mediator: ") and "未导入任何案件" in lines[0]
    assert _cases(studio) == "共 0 件"


def test_the_command_imports_a_sample_ledger_with_its_report(tmp_path: Path) -> None:
    studio = _studio(tmp_path / "data")
    ledger = shutil.copy(LEDGERS / "pingzhou-2025.xlsx", tmp_path / "台账")  # no suffix
    dry = _run(studio, "import", str(ledger), "--dry-run")
    assert dry.returncode == 1  # rows with errors, as the JSON import
    assert "检查完毕（未写入）：5 行可导入，2 行有错误，2 行跳过" in dry.stdout
    assert "mediator: 第 12 行：未导入：受理日期不存在（月或日不对）" in dry.stderr
    assert _cases(studio) == "共 0 件"
    whole = _run(studio, "import", str(ledger))
    assert whole.returncode == 1
    assert "台账中 2 行有错误，未导入任何案件" in whole.stderr
    assert _cases(studio) == "共 0 件"
    part = _run(studio, "import", str(ledger), "--partial")
    assert part.returncode == 1
    assert "已从台账导入 5 件" in part.stdout
    assert "缺少申请人（第1位）的身份证明：5 件" in part.stdout
    assert "梁志明" not in part.stdout + part.stderr  # the report names rows, not people
    assert _cases(studio) == "共 5 件"


def test_a_json_exchange_file_still_goes_the_json_way(studio: Path, tmp_path: Path) -> None:
    f = tmp_path / "cases.json"
    f.write_text('{"format": "mediator-case-file", "version": 1, "cases": []}',
                 encoding="utf-8")
    out = _run(studio, "import", str(f))
    assert out.returncode == 0 and "文件中没有案件" in out.stdout


def test_formatted_empty_rows_to_the_sheets_end_are_not_read(workspace: Workspace,
                                                             tmp_path: Path) -> None:
    """A sheet formatted far below its table (borders dragged down) ends at the first
    long run of empty rows; what lies beyond is not read, and the report says so."""
    from openpyxl.styles import Border, Side

    f = simple_ledger(tmp_path / "台账.xlsx", [ROW])
    wb = load_workbook(f)
    ws = wb.active
    thin = Border(bottom=Side(style="thin"))
    for n in range(3, 3 + MAX_BLANK_RUN + 10):
        ws.cell(row=n, column=1).border = thin
    ws.append([dt.datetime(2025, 4, 1), "王五", "赵六", "邻里纠纷", "远在表格之外。"])
    wb.save(f)
    report = import_ledger(workspace, f, today=TODAY)
    assert [r.row for r in report.imported] == [2]
    assert report.notes == [f"第 3 行起连续 {MAX_BLANK_RUN} 行为空，其后的行未读取"]
