"""The statistics page's core: the report as PDF (fonts embedded, figures and Chinese
readable by pdftotext) and .xlsx (re-read with openpyxl), the drill-down rows, and a
path the report cannot be saved to refused in Chinese (nothing written)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mediator.domain.statistics import Period
from mediator.domain.status import CaseStatus
from mediator.errors import ValidationError
from mediator.services.statistics_export import drill_rows, export_report, statistics_service
from mediator.services.workspace import Workspace
from tests.services.statistics_cases import build

MARCH = Period.month(2026, 3)


def _text(pdf: Path) -> str:
    return "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                  text=True, check=True).stdout.split())


def test_pdf_carries_the_figures_the_definitions_and_embeds_its_fonts(
        workspace: Workspace, tmp_path: Path) -> None:
    build(workspace)
    out = export_report(workspace, MARCH, tmp_path / "三月统计.pdf")
    text = _text(out)
    assert "人民调解工作统计表" in text and "2026年3月" in text
    assert "受理纠纷件4受理日期" in text  # figure, unit, value, the date it counts by
    assert "调解成功率%66.7结案日期" in text
    assert "8,200.00" in text  # 3,200 + 5,000 元
    assert "按纠纷类型" in text and "邻里纠纷" in text and "合计" in text
    assert "统计口径" in text and "按裁定日期计" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts
    assert all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts), fonts


def test_xlsx_is_the_report_sheet_with_real_numbers(workspace: Workspace, tmp_path: Path
                                                    ) -> None:
    build(workspace)
    out = export_report(workspace, MARCH, tmp_path / "三月统计.xlsx")
    book = load_workbook(out)
    assert book.sheetnames == ["统计报表"]
    rows = {r[0]: r for r in book["统计报表"].iter_rows(values_only=True) if r and r[0]}
    assert rows["受理纠纷"][2] == 4
    assert rows["调解成功率"][2] == pytest.approx(66.7)
    assert rows["协议涉及金额"][2] == pytest.approx(8200.0)
    assert "统计口径" in rows


@pytest.mark.parametrize(("name", "says"), [
    ("统计.docx", ".pdf 或 .xlsx"), ("没有这个文件夹/统计.pdf", "文件夹不存在"), ("", "文件夹")])
def test_a_bad_path_is_refused_in_chinese_and_nothing_is_written(
        workspace: Workspace, tmp_path: Path, name: str, says: str) -> None:
    with pytest.raises(ValidationError) as caught:
        export_report(workspace, MARCH, tmp_path / name)
    assert says in caught.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_drill_rows_list_the_cases_behind_a_number_in_its_order(workspace: Workspace) -> None:
    ids = build(workspace)
    behind = statistics_service(workspace).drill_down(MARCH, "succeeded")
    rows = drill_rows(workspace, behind.entity, behind.ids)
    assert [r.case_id for r in rows] == [ids["c3"], ids["c1"]]  # by the date they closed
    assert [str(r.closed_on) for r in rows] == ["2026-03-01", "2026-03-05"]
    assert rows[1].kind == "邻里纠纷" and rows[1].status is CaseStatus.FOLLOWED_UP
    visits = statistics_service(workspace).drill_down(MARCH, "disputes_found")
    (visit,) = drill_rows(workspace, visits.entity, visits.ids)
    assert (visit.case_id, visit.case_no, visit.found, visit.prevented) == ("", "平洲村", 3, 2)
