"""The ledger import's report as a file a studio keeps or hands on: text or .xlsx.

The same lines as on screen and as ``mediator import`` prints: row numbers and
reasons, never a party's name or ID number (the core's lines hold none), so the
file can be sent to whoever helps with the import.  Text is written as UTF-8
with a byte-order mark, which Notepad on older Windows needs to show Chinese.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from mediator.services.ledger_import import LedgerReport


def report_lines(state: Any, report: LedgerReport) -> list[str]:
    """The report, one line each (headings included)."""
    ok, bad, skipped = len(report.imported), len(report.rejected), len(report.skipped)
    name = state.path.name if state.path is not None else ""
    out = [
        QCoreApplication.translate("LedgerReportFile", "Ledger import report"),
        QCoreApplication.translate("LedgerReportFile", "File: %1").replace("%1", name),
        QCoreApplication.translate("LedgerReportFile", "Sheet: %1").replace("%1", report.sheet),
        QCoreApplication.translate("LedgerReportFile", "Made: %1").replace(
            "%1", dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
    ]
    if report.written:
        out.append(QCoreApplication.translate(
            "LedgerReportFile",
            "Imported: %1 case(s); not imported: %2 row(s); skipped: %3 row(s).")
            .replace("%1", str(ok)).replace("%2", str(bad)).replace("%3", str(skipped)))
    else:
        out.append(QCoreApplication.translate(
            "LedgerReportFile", "Nothing was imported; rows that cannot be imported: %1.")
            .replace("%1", str(bad)))
    out += ["", QCoreApplication.translate("LedgerReportFile", "Columns:"), *report.mapping]
    if report.notes:
        out += ["", *report.notes]
    out += ["", QCoreApplication.translate("LedgerReportFile", "Rows not imported:")]
    out += report.problem_lines() or [QCoreApplication.translate("LedgerReportFile", "none")]
    warnings = report.warning_lines()
    if warnings:
        out += ["", QCoreApplication.translate("LedgerReportFile", "Notes:"), *warnings]
    if report.lacks and report.written:
        out += ["", QCoreApplication.translate(
            "LedgerReportFile",
            "What the imported cases still lack (file completeness), cases each:")]
        out += [f"{lack}：{n}" for lack, n in report.lacks.most_common()]
    return out


def save_report(path: Path, state: Any, report: LedgerReport) -> None:
    """Write the report to ``path``: an .xlsx (one line a row) or UTF-8 text."""
    lines = report_lines(state, report)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook  # noqa: PLC0415 - only for this format

        book = Workbook()
        sheet = book.active
        sheet.title = QCoreApplication.translate("LedgerReportFile", "Import report")[:31]
        sheet.column_dimensions["A"].width = 120
        for line in lines:
            sheet.append([line])
        book.save(path)
        return
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")
