"""The ledger workbook's layout: the 台账 sheet and the monthly statistics report form.

Written with openpyxl in write-only mode: a title row with the committee and the
period, a bold framed header frozen on screen and repeated on every printed
page, real date and number cells (a ledger is sorted and summed in Excel, not
read as text), column widths that fit Chinese text, A4 landscape fitted to the
page width.

The ledger's body rows — thousands of plain cells in four styles — are written
as SpreadsheetML here (:class:`LedgerBook`) rather than through openpyxl's cell
objects, which cost about 10 µs a cell (1.6 s of a 10,000-case export's 2.5 s):
openpyxl saves the workbook (styles, title, header, print setup, the report
sheet), and the rows are put into the ledger sheet's ``<sheetData>`` as the
same elements openpyxl writes (inline strings, numbers, dates as serial numbers
with the date style), so Excel, LibreOffice and openpyxl read them alike.

The second sheet is the statistics report form for the same period (the
figures, the breakdowns by dispute type, source, month, mediator and mediating
body) and ends with the definitions of every figure (统计口径), which every
report prints.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties

from mediator.domain.statistics import (
    DIMENSION_LABELS_ZH,
    FIGURES,
    Dimension,
    Period,
)
from mediator.services.ledger_row import LedgerRow
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
                   *, made_on: dt.date) -> LedgerBook:
    book = Workbook(write_only=True)
    body = _ledger_sheet(book.create_sheet("台账"), committee, period, rows, made_on)
    _report_sheet(book.create_sheet("统计报表"), committee, period, report, made_on)
    return LedgerBook(book, body)


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
                  rows: Sequence[LedgerRow], made_on: dt.date) -> _Body:
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
    # The body's styles, registered in the workbook's style table by asking for
    # their ids (a date cell gets openpyxl's own date format, as if appended).
    styles = _BodyStyles(wrap=_cell(ws, "", align=_WRAP).style_id,
                         money=_cell(ws, 0, fmt=MONEY_FORMAT).style_id,
                         date=WriteOnlyCell(ws, value=made_on).style_id)
    return _Body(ws, out.count + 1, rows, styles)


# ----------------------------------------------------------------- the ledger's body
class _BodyStyles:
    def __init__(self, *, wrap: int, money: int, date: int) -> None:
        self.wrap, self.money, self.date = wrap, money, date


class _Body:
    """The ledger rows to put into ``sheet`` from row ``first`` on."""

    def __init__(self, sheet: WriteOnlyWorksheet, first: int, rows: Sequence[LedgerRow],
                 styles: _BodyStyles) -> None:
        self.sheet, self.first, self.rows, self.styles = sheet, first, rows, styles

    def xml(self) -> Iterator[str]:
        """``<row>`` elements, a few hundred rows per string."""
        cols = [get_column_letter(i) for i in range(1, len(LEDGER_COLUMNS) + 1)]
        st = self.styles
        chunk: list[str] = []
        for n, r in enumerate(self.rows, start=1):
            i = self.first + n - 1
            a, b, c, d, e, f, g, h, j, k, m, p, q, t, u, v, w, x = (f"{col}{i}" for col in cols)
            chunk.append(
                f'<row r="{i}"><c r="{a}" t="n"><v>{n}</v></c>{_text(b, r.case_no)}'
                f"{_date(c, r.registered_on, st.date)}{_text(d, r.source)}"
                f"{_text(e, r.parties, st.wrap)}{_text(f, r.dispute_type)}"
                f'{_text(g, r.summary, st.wrap)}<c r="{h}" t="n"><v>{int(r.people)}</v></c>'
                f"{_text(j, r.result)}{_text(k, r.agreement_form)}"
                f"{_money(m, r.amount_yuan, st.money)}{_text(p, r.performance)}"
                f"{_text(q, r.mediator)}{_date(t, r.closed_on, st.date)}"
                f"{_text(u, r.follow_up)}{_text(v, r.judicial)}{_text(w, r.grade)}"
                f"{_text(x, r.status)}</row>")
            if len(chunk) == 500:
                yield "".join(chunk)
                chunk = []
        yield "".join(chunk)


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (as openpyxl.utils.datetime.to_excel)


def _text(ref: str, value: str, style: int = 0) -> str:
    s = f' s="{style}"' if style else ""
    if not value:
        return f'<c r="{ref}"{s} t="inlineStr"/>'
    value = ILLEGAL_CHARACTERS_RE.sub("", value).translate(_ESCAPES)
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{value}</t></is></c>'


def _date(ref: str, value: dt.date | None, style: int) -> str:
    if value is None:
        return ""
    return f'<c r="{ref}" s="{style}" t="n"><v>{(value - _EPOCH).days}</v></c>'


def _money(ref: str, value: float | None, style: int) -> str:
    if value is None:
        return ""
    return f'<c r="{ref}" s="{style}" t="n"><v>{safe_string(value)}</v></c>'


class LedgerBook:
    """The ledger workbook, saved as openpyxl writes it with the body rows put in."""

    def __init__(self, book: Workbook, body: _Body) -> None:
        self.book = book
        self.body = body

    def save(self, filename: str | Path | IO[bytes]) -> None:
        staged = io.BytesIO()
        self.book.save(staged)
        path = self.body.sheet.path.lstrip("/")  # named when saved: xl/worksheets/sheet1.xml
        with zipfile.ZipFile(staged) as src, \
                zipfile.ZipFile(filename, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename != path:
                    dst.writestr(item, data)
                    continue
                head, end, tail = data.decode("utf-8").rpartition("</sheetData>")
                if not end:  # openpyxl wrote an empty <sheetData/>: never with a title
                    raise AssertionError("ledger sheet without rows")
                info = zipfile.ZipInfo(item.filename, item.date_time)
                info.compress_type, info.external_attr = item.compress_type, item.external_attr
                with dst.open(info, "w") as out:
                    out.write(head.encode("utf-8"))
                    for part in self.body.xml():
                        out.write(part.encode("utf-8"))
                    out.write((end + tail).encode("utf-8"))


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
