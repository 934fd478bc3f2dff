"""The ledger workbook re-read with openpyxl: real dates, real numbers, the layout a
studio prints, and a failed write that leaves the old file alone."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mediator.domain.statistics import Period
from mediator.errors import DiskFullError, ValidationError
from mediator.services.ledger import LedgerService, check_target, write_atomically
from mediator.services.workspace import Workspace
from tests.conftest import COMMITTEE
from tests.services.statistics_cases import build


def _ledger(ws: Workspace) -> LedgerService:
    return LedgerService(ws.db, ws.studio.context, ws.catalogue.label)


def test_the_march_ledger_has_typed_cells_in_the_studio_columns(workspace: Workspace,
                                                                tmp_path: Path) -> None:
    build(workspace)
    out = tmp_path / "三月台账.xlsx"
    done = _ledger(workspace).export(Period.month(2026, 3), out, today=dt.date(2026, 4, 1))
    assert done.cases == 4 and done.path == out
    book = load_workbook(out)
    assert book.sheetnames == ["台账", "统计报表"]
    sheet = book["台账"]
    assert COMMITTEE in sheet["A1"].value and "2026年3月" in sheet["A1"].value
    assert "A1:R1" in {str(r) for r in sheet.merged_cells.ranges}
    header = [c.value for c in sheet[3]]
    assert header[:7] == ["序号", "案号", "受理日期", "案件来源", "当事人", "纠纷类型",
                          "纠纷简要情况"]
    assert {"调解结果", "协议金额（元）", "履行情况", "调解员", "结案日期",
            "回访情况"} <= set(header)
    assert sheet.freeze_panes == "C4" and sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.column_dimensions["G"].width > 30  # the summary has room
    rows = [[c for c in r] for r in sheet.iter_rows(min_row=4)]
    col = {name: i for i, name in enumerate(header)}
    assert [r[col["序号"]].value for r in rows] == [1, 2, 3, 4]
    first = rows[0]
    registered = first[col["受理日期"]]
    assert registered.is_date and registered.value == dt.datetime(2026, 3, 2)
    assert first[col["当事人"]].value == "申请人：王𠮷；被申请人：李珺"
    assert first[col["纠纷类型"]].value == "邻里纠纷"
    assert first[col["调解结果"]].value == "调解成功"
    amount = first[col["协议金额（元）"]]
    assert amount.value == 3200 and amount.data_type == "n" and "0.00" in amount.number_format
    assert first[col["履行情况"]].value == "已履行"
    assert first[col["结案日期"]].value == dt.datetime(2026, 3, 5)
    assert first[col["回访情况"]].value.startswith("2026-03-25已回访")
    assert first[col["涉及人数"]].value == 2 and first[col["涉及人数"]].data_type == "n"
    c2 = rows[2]
    assert (c2[col["调解结果"]].value, c2[col["涉及人数"]].value,
            c2[col["难易程度"]].value, c2[col["调解员"]].value) == ("调解不成", 12, "重大疑难",
                                                                 "林调解")
    assert c2[col["协议金额（元）"]].value is None  # no agreement: empty, not 0
    c5 = rows[3]
    assert (c5[col["调解结果"]].value, c5[col["结案日期"]].value) == ("调解中", None)


def test_the_year_ledger_shows_oral_agreements_and_court_confirmation(
        workspace: Workspace, tmp_path: Path) -> None:
    build(workspace)
    rows = _ledger(workspace).rows(Period.year(2026))
    assert len(rows) == 6  # c4 refused and c7 deleted are not in the ledger
    c3 = rows[0]
    assert (c3.registered_on, c3.people, c3.agreement_form, c3.amount_yuan, c3.judicial) == (
        dt.date(2026, 2, 20), 3, "口头", 5000.0, "已确认")
    assert c3.parties == "申请人：王𠮷；被申请人：李珺；第三人：赵敏"


def test_the_report_sheet_matches_the_statistics(workspace: Workspace, tmp_path: Path) -> None:
    build(workspace)
    out = tmp_path / "ledger.xlsx"
    _ledger(workspace).export(Period.month(2026, 3), out)
    sheet = load_workbook(out)["统计报表"]
    values = {r[0]: r[2] for r in sheet.iter_rows(min_row=5, max_row=40, values_only=True)
              if r[0] and r[2] is not None}
    assert values["受理纠纷"] == 4 and values["调解成功"] == 2
    assert values["协议涉及金额"] == 8200 and values["调解成功率"] == 66.7
    texts = [r[0] for r in sheet.iter_rows(values_only=True)]
    assert "按纠纷类型" in texts and "统计口径" in texts and "合计" in texts


def test_a_bad_out_is_refused_with_a_chinese_message(tmp_path: Path) -> None:
    for bad, words in [(tmp_path, "文件夹"), (tmp_path / "a.csv", ".xlsx"),
                       (tmp_path / "no" / "a.xlsx", "不存在")]:
        with pytest.raises(ValidationError) as err:
            check_target(bad)
        assert words in err.value.message


def test_a_full_disk_leaves_the_old_ledger_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"the old ledger")

    def save(path: str) -> None:
        Path(path).write_bytes(b"half a work")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(DiskFullError) as err:
        write_atomically(target, save)
    assert "磁盘空间不足" in err.value.message
    assert target.read_bytes() == b"the old ledger"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["台账.xlsx"]
