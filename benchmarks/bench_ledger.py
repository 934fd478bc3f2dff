"""The ledger export (台账) of 10 000 cases to .xlsx (issue 13).

Target: ≤ 2 s for the whole export (query, both sheets, atomic write).  The
baseline in the same run writes the same rows the straightforward way, with
openpyxl's normal (in-memory) workbook and a styled cell at a time; the two
files must hold the same number of cases.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Side

from benchmarks.common import cpu_timings, demo_data_dir, ms, timings
from mediator.domain.statistics import Period
from mediator.services.ledger import LedgerService
from mediator.services.ledger_workbook import LEDGER_COLUMNS
from mediator.services.workspace import Workspace

CASES = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
TARGET = 2.0
ALL = Period.custom(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


def normal_mode(service: LedgerService, out: Path) -> int:
    """Every cell styled and kept in memory, then saved."""
    rows = service.rows(ALL)
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append([name for name, _w, _k in LEDGER_COLUMNS])
    side = Side(style="thin")
    box = Border(left=side, right=side, top=side, bottom=side)
    for n, r in enumerate(rows, start=1):
        ws.append([n, r.case_no, r.registered_on, r.source, r.parties, r.dispute_type,
                   r.summary, r.people, r.result, r.agreement_form, r.amount_yuan,
                   r.performance, r.mediator, r.closed_on, r.follow_up, r.judicial, r.grade,
                   r.status])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.border = box
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    book.save(out)
    return len(rows)


def main() -> None:
    data = demo_data_dir(CASES)
    ws = Workspace(data)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            service = LedgerService(ws.db, ws.studio.context, ws.catalogue.label)
            out = Path(tmp) / "台账.xlsx"
            done = service.export(ALL, out)
            runs = timings(lambda: service.export(ALL, out), repeat=3, warmup=1)
            cpu = cpu_timings(lambda: service.export(ALL, out), repeat=3, warmup=0)
            t0, c0 = time.perf_counter(), time.process_time()
            base_rows = normal_mode(service, Path(tmp) / "baseline.xlsx")
            baseline, baseline_cpu = time.perf_counter() - t0, time.process_time() - c0
        finally:
            ws.close()
        assert base_rows == done.cases
        sheet = load_workbook(out, read_only=True)["台账"]
        written = sum(1 for _ in sheet.iter_rows(min_row=4, max_col=1))
        assert written == done.cases, (written, done.cases)
        size = out.stat().st_size
    median, median_cpu = statistics.median(runs), statistics.median(cpu)
    print(f"Ledger export of {done.cases} cases (台账 + 统计报表, {size / 1e6:.1f} MB):")
    print(f"  write-only workbook: CPU median {ms(median_cpu)}; wall median {ms(median)}"
          f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores;"
          f" target ≤ {ms(TARGET)})")
    print(f"  baseline (normal openpyxl workbook, styled cell by cell, same run): "
          f"CPU {ms(baseline_cpu)}, wall {ms(baseline)}")
    verdict = "OK" if median_cpu <= TARGET else "OVER TARGET"
    print(f"  ratio: {baseline_cpu / median_cpu:.1f}× faster (CPU) — {verdict}")
    if median_cpu > TARGET:
        sys.exit(1)


if __name__ == "__main__":
    main()
