"""统计 — the statistics page (issue 13 item 4): the report of a period in the
official layout, breakdowns, charts, the cases behind every number, print and
export (PDF in the documents' fonts, .xlsx as the ledger's report sheet)."""

from mediator.ui.statistics.page import StatisticsPage

__all__ = ["StatisticsPage"]
