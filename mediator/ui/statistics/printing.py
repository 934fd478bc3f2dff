"""Printing the report: the same form as the PDF, laid out by Qt for the printer.

Why not send the PDF to the printer: Qt cannot print a PDF without QtPdf (not in
the bundle), and the system's PDF tools differ from PC to PC.  A QTextDocument
with the report as an HTML table prints through any printer driver Qt knows,
paginates by itself and repeats nothing a person needs to see twice; it is drawn
in the application's fonts (the bundled CJK face), so no character turns into a
box.  The content is the PDF's: the figures, each breakdown with its 合计 and
the 统计口径 under them.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from mediator.documents.statistics_report import (
    BREAKDOWN_FIGURES,
    TITLE,
    breakdown_keys,
    figure_text,
    unit,
)
from mediator.domain.statistics import (
    BASIS_LABELS_ZH,
    DIMENSION_LABELS_ZH,
    FIGURES,
    FIGURES_BY_CODE,
    Dimension,
)
from mediator.services.statistics import Report
from mediator.ui import theme

_TABLE = '<table border="1" cellspacing="0" cellpadding="3" width="100%">'


def _row(cells: list[str], *, head: bool = False, right_from: int = 99) -> str:
    tag = "th" if head else "td"
    return "<tr>" + "".join(
        f'<{tag}{" align=right" if i >= right_from and not head else ""}>{escape(c)}</{tag}>'
        for i, c in enumerate(cells)) + "</tr>"


def report_html(committee: str, report: Report, made_on: dt.date) -> str:
    p = report.period
    out = [f"<h2 align=center>{escape(TITLE)}</h2>",
           f"<p align=center>（{escape(p.label)}）</p>",
           f"<p>调解组织：{escape(committee)}<br>统计期间：{p.start.year}年{p.start.month}月"
           f"{p.start.day}日至{p.end.year}年{p.end.month}月{p.end.day}日　　"
           f"制表日期：{made_on.year}年{made_on.month}月{made_on.day}日</p>",
           _TABLE, _row(["指标", "单位", "数值", "统计日期"], head=True)]
    out += [_row([f.label_zh, unit(f.code), figure_text(f.code, report.totals.get(f.code)),
                  BASIS_LABELS_ZH[f.basis]], right_from=2) for f in FIGURES]
    out.append("</table>")
    for dim in Dimension:
        keys = breakdown_keys(report, dim)
        if not keys:
            continue
        labels = report.labels.get(dim, {})
        out += [f"<h3>按{escape(DIMENSION_LABELS_ZH[dim])}</h3>", _TABLE,
                _row([DIMENSION_LABELS_ZH[dim], *(f"{FIGURES_BY_CODE[c].label_zh}（{unit(c)}）"
                                                  for c in BREAKDOWN_FIGURES)], head=True)]
        for key in keys:
            cells = report.breakdowns[dim][key]
            out.append(_row([labels.get(key, key), *(figure_text(c, cells.get(c))
                                                     for c in BREAKDOWN_FIGURES)], right_from=1))
        out += [_row(["合计", *(figure_text(c, report.totals.get(c)) for c in BREAKDOWN_FIGURES)],
                     right_from=1), "</table>"]
    out += ["<h3>统计口径（各项指标按哪个日期计入期间）</h3>", _TABLE,
            _row(["指标", "统计日期", "口径"], head=True)]
    out += [_row(list(row)) for row in report.definitions]
    out.append("</table>")
    return "\n".join(out)


def report_document(committee: str, report: Report, made_on: dt.date) -> QTextDocument:
    doc = QTextDocument()
    font = QFont(theme.current().body_font())
    font.setPointSizeF(10.0)  # paper is read close: the form's 五号, whatever the screen's size
    doc.setDefaultFont(font)
    doc.setHtml(report_html(committee, report, made_on))
    return doc


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(TITLE)
    return printer


def print_report(printer: QPrinter, committee: str, report: Report, made_on: dt.date) -> None:
    report_document(committee, report, made_on).print_(printer)
