"""The ledger's body rows, written as SpreadsheetML by ledger_workbook (not by
openpyxl's cells), read back by openpyxl as a studio's text: markup characters kept,
leading spaces kept, control characters (never valid in a workbook) dropped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import text

from mediator.domain.statistics import Period
from mediator.services.ledger import LedgerService
from mediator.services.workspace import Workspace
from tests.services.statistics_cases import build


def test_text_with_markup_spaces_and_control_characters_reads_back(
        workspace: Workspace, tmp_path: Path) -> None:
    ids = build(workspace)
    with workspace.db.write() as s:
        s.execute(text('UPDATE "case" SET summary = :t WHERE id = :c'),
                  {"t": "  <甲&乙> 争执\x0b 漏水\n次日再谈 ", "c": ids["c1"]})
    out = tmp_path / "台账.xlsx"
    done = LedgerService(workspace.db, workspace.studio.context, workspace.catalogue.label
                         ).export(Period.month(2026, 3), out, today=dt.date(2026, 4, 1))
    sheet = load_workbook(out)["台账"]
    header = [c.value for c in sheet[3]]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(rows) == done.cases == 4
    first = dict(zip(header, rows[0], strict=True))
    assert first["纠纷简要情况"] == "  <甲&乙> 争执 漏水\n次日再谈 "
    assert sheet.cell(4, header.index("纠纷简要情况") + 1).alignment.wrap_text
    assert first["序号"] == 1 and isinstance(first["受理日期"], dt.datetime)
    # A case with no agreement has no amount cell and no closing date.
    blanks = [dict(zip(header, r, strict=True)) for r in rows if r[header.index("调解结果")]
              == "调解中"]
    assert blanks and all(b["协议金额（元）"] is None and b["结案日期"] is None for b in blanks)
