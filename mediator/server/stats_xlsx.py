"""The district statistics as a workbook (汇总 and 分工作室 sheets), with real number
cells, written atomically (a temporary file beside the target, then a rename): a
reader never sees half a workbook and a failed write leaves the old file."""

from __future__ import annotations

import functools
import io
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from mediator.domain.catalogues import DISPUTE_TYPES, Catalogue
from mediator.domain.statistics import BASIS_LABELS_ZH, FIGURES_BY_CODE
from mediator.paths import resources_dir
from mediator.server.stats import CODES, Cells, DistrictReport

_HEAD = Font(bold=True)
_FILL = PatternFill("solid", fgColor="DDE6F0")
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FORMATS = {"件": "#,##0", "元": "#,##0.00", "%": "0.0"}


@functools.cache
def dispute_types() -> Catalogue:
    return Catalogue.load(resources_dir() / "catalogues" / f"{DISPUTE_TYPES}.json",
                          expected_name=DISPUTE_TYPES)


def type_label(code: str) -> str:
    return dispute_types().label(code) if code else "（未填写）"


def heading(code: str) -> str:
    f = FIGURES_BY_CODE[code]
    return f"{f.label_zh}（{f.unit_zh}）"


def cell_value(code: str, cells: Cells) -> int | float | None:
    """What a cell holds: amounts in 元 (stored in 分), the rate in percent."""
    value = cells.get(code)
    if value is None:
        return None
    return round(value / 100, 2) if code == "amount" else value


def _table(ws, first_row: int, title: str, rows: list[tuple[str, Cells]]) -> int:  # type: ignore[no-untyped-def]
    ws.cell(first_row, 1, title).font = _HEAD
    head = first_row + 1
    for col, text in enumerate(["", *[heading(c) for c in CODES]], start=1):
        c = ws.cell(head, col, text)
        c.font, c.fill, c.border = _HEAD, _FILL, _BOX
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r = head
    for label, cells in rows:
        r += 1
        ws.cell(r, 1, label).border = _BOX
        for col, code in enumerate(CODES, start=2):
            c = ws.cell(r, col, cell_value(code, cells))
            c.number_format = _FORMATS[FIGURES_BY_CODE[code].unit_zh]
            c.border = _BOX
    return r + 2


def build(report: DistrictReport, scope: str) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "汇总"
    ws["A1"] = f"人民调解工作统计（{scope}）"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"统计期间：{report.period.label}（{report.period.start:%Y-%m-%d} 至 " \
               f"{report.period.end:%Y-%m-%d}）"
    row = _table(ws, 4, "合计", [("合计", report.totals)])
    row = _table(ws, row, "按纠纷类型", [(type_label(k), v) for k, v in report.by_type.items()])
    row = _table(ws, row, "按月份（各项指标按其统计日期所在月份）",
                 [(f"{k[:4]}年{int(k[5:7])}月" if len(k) >= 7 else k, v)
                  for k, v in report.by_month.items()])
    ws.cell(row, 1, "统计口径").font = _HEAD
    for code in CODES:
        row += 1
        f = FIGURES_BY_CODE[code]
        ws.cell(row, 1, heading(code))
        ws.cell(row, 2, f"按{BASIS_LABELS_ZH[f.basis]}")
        ws.cell(row, 3, f.definition_zh)
    per = wb.create_sheet("分工作室")
    per["A1"] = f"各工作室（{report.period.label}）"
    per["A1"].font = Font(bold=True, size=14)
    last = _table(per, 3, "工作室", list(report.by_studio.items()))
    per.freeze_panes = "B5"
    per.print_title_rows = "4:4"
    if report.by_studio:
        per.auto_filter.ref = f"A4:{get_column_letter(len(CODES) + 1)}{last - 2}"
    for sheet in (ws, per):
        sheet.column_dimensions["A"].width = 36
        for col in range(2, len(CODES) + 2):
            sheet.column_dimensions[get_column_letter(col)].width = 14
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
    return wb


def to_bytes(report: DistrictReport, scope: str) -> bytes:
    buf = io.BytesIO()
    build(report, scope).save(buf)
    return buf.getvalue()


def write(report: DistrictReport, scope: str, out: Path) -> None:
    """Write the workbook to ``out`` atomically."""
    data = to_bytes(report, scope)
    out = out.expanduser()
    fd, tmp = tempfile.mkstemp(prefix=".stats-", suffix=".xlsx.part", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
