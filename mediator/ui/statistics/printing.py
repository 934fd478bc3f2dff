"""Printing the report: the same form as the PDF, laid out by Qt for the printer.

Why not send the PDF to the printer: Qt cannot print a PDF without QtPdf (not in
the bundle), and the system's PDF tools differ from PC to PC.  A QTextDocument
with the report as an HTML table prints through any printer driver Qt knows,
paginates by itself and repeats nothing a person needs to see twice; it is drawn
in the application's fonts (the bundled CJK face), so no character turns into a
box.  The content is the PDF's, the official Chinese form in either language of
the desk (:func:`mediator.documents.statistics_report.report_html`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from mediator.documents.statistics_report import TITLE, report_html
from mediator.services.statistics import Report
from mediator.ui import theme


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
