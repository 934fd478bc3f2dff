"""One case of the ledger (台账) as the workbook stores it.

Made by :mod:`mediator.services.ledger` (the query) and written by
:mod:`mediator.services.ledger_workbook`; it sits below both so the writer needs
nothing of the query's module (which imports it lazily, openpyxl being slow to load).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class LedgerRow:
    """One case of the ledger, values typed as the workbook stores them."""

    case_no: str
    registered_on: dt.date
    source: str  # label
    parties: str  # 申请人：王某；被申请人：李某
    dispute_type: str  # label
    summary: str
    people: int
    result: str  # 调解成功 / 调解不成 / 调解中 / …
    agreement_form: str  # 书面 / 口头 / ""
    amount_yuan: float | None  # None: no agreement
    performance: str
    mediator: str
    closed_on: dt.date | None
    follow_up: str
    judicial: str
    grade: str
    status: str
