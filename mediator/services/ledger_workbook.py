"""The ledger workbook's layout: the 台账 sheet and the monthly statistics report form.

Written with openpyxl in write-only mode (rows streamed, so 10,000 cases take
about a second): a title row with the committee and the period, a bold framed
header frozen on screen and repeated on every printed page, real date and
number cells (a ledger is sorted and summed in Excel, not read as text),
column widths that fit Chinese text, A4 landscape fitted to the page width.

The second sheet is the statistics report form for the same period (the
figures, the breakdowns by dispute type, source, month, mediator and mediating
body) and ends with the definitions of every figure (统计口径), which every
report prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties

from mediator.domain.statistics import (
    DIMENSION_LABELS_ZH,
    FIGURES,
    Dimension,
    Period,
)
from mediator.services.ledger import LedgerRow
from mediator.services.statistics import Report

DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
RATE_FORMAT = "0.0"

# (header, width in characters, kind): kind says how the cell is written.
LEDGER_COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("序号", 6, "int"), ("案号", 26, "text"), ("受理日期", 12, "date"),
    ("案件来源", 14, "text"), ("当事人", 30, "wrap"), ("纠纷类型", 14, "text"),
    ("纠纷简要情况", 44, "wrap"), ("涉及人数", 9, "int"), ("调解结果", 10, "text"),
    ("协议形式", 9, "text"), ("协议金额（元）", 15, "money"), ("履行情况", 10, "text"),
    ("调解员", 10, "text"), ("结案日期", 12, "date"), ("回访情况", 22, "text"),
    ("司法确认", 10, "text"), ("难易程度", 10, "text"), ("案件状态", 10, "text"),
)

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
_TITLE_FONT = Font(name="宋体", size=16, bold=True)
_BOLD = Font(name="宋体", bold=True)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)


class _Rows:
    """A write-only sheet and the number of rows appended so far (write-only sheets
    do not count): a merged cell must name the row it spans."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self.count = 0

    def add(self, row: Sequence[Any]) -> None:
        self.ws.append(row)
        self.count += 1


def build_workbook(committee: str, period: Period, rows: Sequence[LedgerRow], report: Report,
                   *, made_on: dt.date) -> Workbook:
    book = Workbook(write_only=True)
    _ledger_sheet(book.create_sheet("台账"), committee, period, rows, made_on)
    _report_sheet(book.create_sheet("统计报表"), committee, period, report, made_on)
    return book


def build_report_workbook(committee: str, period: Period, report: Report,
                          *, made_on: dt.date) -> Workbook:
    """The statistics report form alone (the statistics page's .xlsx export): the
    same sheet as the ledger's second one, so both exports read alike."""
    book = Workbook(write_only=True)
    _report_sheet(book.create_sheet("统计报表"), committee, period, report, made_on)
    return book


def _landscape(ws: WriteOnlyWorksheet, repeated_rows: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = repeated_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4


def _cell(ws: WriteOnlyWorksheet, value: Any, *, font: Font | None = None,
          align: Alignment | None = None, fmt: str | None = None,
          border: bool = False, fill: PatternFill | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    if font is not None:
        cell.font = font
    if align is not None:
        cell.alignment = align
    if fmt is not None:
        cell.number_format = fmt
    if border:
        cell.border = _BOX
    if fill is not None:
        cell.fill = fill
    return cell


def _title(out: _Rows, text: str, subtitle: str, width: int) -> None:
    ws, last = out.ws, get_column_letter(width)
    ws.merged_cells.add(f"A1:{last}1")
    ws.merged_cells.add(f"A2:{last}2")
    ws.row_dimensions[1].height = 30
    out.add([_cell(ws, text, font=_TITLE_FONT, align=_CENTRE)])
    out.add([_cell(ws, subtitle, align=Alignment(horizontal="left"))])


def _header(out: _Rows, names: Sequence[str]) -> None:
    out.add([_cell(out.ws, n, font=_BOLD, align=_CENTRE, border=True, fill=_HEAD_FILL)
             for n in names])


def _ledger_sheet(ws: WriteOnlyWorksheet, committee: str, period: Period,
                  rows: Sequence[LedgerRow], made_on: dt.date) -> None:
    for i, (_name, width, _kind) in enumerate(LEDGER_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "C4"  # the title, the header, 序号 and 案号 stay in view
    _landscape(ws, "3:3")  # the header on every printed page
    ws.print_options.gridLines = True
    out = _Rows(ws)
    _title(out, f"{committee}人民调解案件登记台账（{period.label}）",
           f"调解组织：{committee}    期间：{period.start:%Y年%m月%d日}至{period.end:%Y年%m月%d日}"
           f"    共 {len(rows)} 件    制表日期：{made_on:%Y年%m月%d日}", len(LEDGER_COLUMNS))
    _header(out, [name for name, _w, _k in LEDGER_COLUMNS])
    append = ws.append  # the bulk of the rows: no merged cells below, no count needed
    # A cell's style is looked up in the workbook's style tables when set; the rows
    # share two styles, so each is looked up once and copied (a third of the time).
    wrap = _cell(ws, "", align=_WRAP)._style
    money = _cell(ws, 0, fmt=MONEY_FORMAT)._style

    def styled(value: Any, style: StyleArray) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=value)
        cell._style = copy(style)
        return cell

    for n, r in enumerate(rows, start=1):
        amount = styled(r.amount_yuan, money) if r.amount_yuan is not None else None
        append([n, r.case_no, r.registered_on, r.source, styled(r.parties, wrap),
                r.dispute_type, styled(r.summary, wrap), r.people, r.result,
                r.agreement_form, amount, r.performance, r.mediator, r.closed_on, r.follow_up,
                r.judicial, r.grade, r.status])


# ------------------------------------------------------------------- the report form
_BREAKDOWN_FIGURES = ("accepted", "succeeded", "terminated", "success_rate", "amount",
                      "people", "group", "performed", "confirmed")
_FIGURE = {f.code: f for f in FIGURES}


def _value_cell(ws: WriteOnlyWorksheet, code: str, value: Any) -> Any:
    if value is None:
        return _cell(ws, "—", border=True, align=_CENTRE)
    if code == "amount":
        return _cell(ws, int(value) / 100, fmt=MONEY_FORMAT, border=True)
    if code == "success_rate":
        return _cell(ws, float(value), fmt=RATE_FORMAT, border=True)
    return _cell(ws, int(value), border=True)


def _report_sheet(ws: WriteOnlyWorksheet, committee: str, period: Period, report: Report,
                  made_on: dt.date) -> None:
    widths = [22, 14, 14, 14, 14, 16, 14, 14, 14, 14]
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    _landscape(ws, "1:2")  # several tables: the title (committee, period) on every page
    out = _Rows(ws)
    _title(out, f"人民调解工作统计表（{period.label}）",
           f"调解组织：{committee}    统计期间：{period.start:%Y年%m月%d日}至"
           f"{period.end:%Y年%m月%d日}    制表日期：{made_on:%Y年%m月%d日}", len(widths))
    out.add([])
    _header(out, ["指标", "单位", "数值", "统计日期"])
    from mediator.domain.statistics import BASIS_LABELS_ZH  # noqa: PLC0415

    for f in FIGURES:
        unit = "元" if f.code == "amount" else f.unit_zh
        out.add([_cell(ws, f.label_zh, border=True), _cell(ws, unit, border=True,
                                                             align=_CENTRE),
                   _value_cell(ws, f.code, report.totals.get(f.code)),
                   _cell(ws, BASIS_LABELS_ZH[f.basis], border=True, align=_CENTRE)])
    for dim in Dimension:
        per_key = {k: v for k, v in report.breakdowns.get(dim, {}).items() if k != ""}
        if not per_key:
            continue
        out.add([])
        out.add([_cell(ws, f"按{DIMENSION_LABELS_ZH[dim]}", font=_BOLD)])
        _header(out, [DIMENSION_LABELS_ZH[dim], *(
            f"{_FIGURE[c].label_zh}（{'元' if c == 'amount' else _FIGURE[c].unit_zh}）"
            for c in _BREAKDOWN_FIGURES)])
        labels = report.labels.get(dim, {})
        for key in sorted(per_key, key=lambda k: labels.get(k, k) if dim is not
                          Dimension.MONTH else k):
            cells = per_key[key]
            out.add([_cell(ws, labels.get(key, key), border=True),
                       *(_value_cell(ws, c, cells.get(c)) for c in _BREAKDOWN_FIGURES)])
        out.add([_cell(ws, "合计", font=_BOLD, border=True),
                   *(_value_cell(ws, c, report.totals.get(c)) for c in _BREAKDOWN_FIGURES)])
    out.add([])
    out.add([_cell(ws, "统计口径", font=_BOLD)])
    _header(out, ["指标", "统计日期", "口径"])
    last = get_column_letter(len(widths))
    for figure, basis, text in report.definitions:
        out.add([_cell(ws, figure, border=True), _cell(ws, basis, border=True),
                   _cell(ws, text, border=True, align=_WRAP)])
        ws.merged_cells.add(f"C{out.count}:{last}{out.count}")  # the text spans the table
