"""The ledger export (台账) of 10 000 cases to .xlsx (issue 13).

Target: ≤ 2 s CPU for the whole export (query, both sheets, the statistics report,
atomic write).  Two baselines in the same run, printed beside it: openpyxl's
write-only workbook given the same cells with no formatting at all (the fair
floor of the library the workbook is built with), and the straightforward way,
a normal (in-memory) workbook styled a cell at a time.  Every file must hold the
same number of cases.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Side

from benchmarks.common import Figure, demo_data_dir, p95, paired_timings, report
from mediator.domain.statistics import Period
from mediator.services.ledger import LedgerService
from mediator.services.ledger_row import LedgerRow
from mediator.services.ledger_workbook import LEDGER_COLUMNS
from mediator.services.workspace import Workspace

CASES = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
TARGET = 2.0
ALL = Period.custom(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


def _values(n: int, r: LedgerRow) -> list[object]:
    return [n, r.case_no, r.registered_on, r.source, r.parties, r.dispute_type, r.summary,
            r.people, r.result, r.agreement_form, r.amount_yuan, r.performance, r.mediator,
            r.closed_on, r.follow_up, r.judicial, r.grade, r.status]


def plain_cells(service: LedgerService, out: Path) -> int:
    """The same rows through openpyxl's write-only workbook, no formatting at all."""
    rows = service.rows(ALL)
    book = Workbook(write_only=True)
    ws = book.create_sheet("台账")
    ws.append([name for name, _w, _k in LEDGER_COLUMNS])
    for n, r in enumerate(rows, start=1):
        ws.append(_values(n, r))
    book.save(out)
    return len(rows)


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
        ws.append(_values(n, r))
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.border = box
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    book.save(out)
    return len(rows)


def _cpu(fn: Callable[[], object]) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def main() -> int:
    data = demo_data_dir(CASES)
    ws = Workspace(data)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            service = LedgerService(ws.db, ws.studio.context, ws.catalogue.label)
            out = Path(tmp) / "台账.xlsx"
            done = service.export(ALL, out)
            wall, cpu = paired_timings(lambda: service.export(ALL, out), repeat=7)
            counts: list[int] = []
            plain = paired_timings(lambda: counts.append(
                plain_cells(service, Path(tmp) / "plain.xlsx")), repeat=3)
            normal_wall, normal_cpu = _cpu(lambda: counts.append(
                normal_mode(service, Path(tmp) / "normal.xlsx")))
        finally:
            ws.close()
        assert set(counts) == {done.cases}, (counts, done.cases)
        sheet = load_workbook(out, read_only=True)["台账"]
        written = sum(1 for _ in sheet.iter_rows(min_row=4, max_col=1))
        assert written == done.cases, (written, done.cases)
        size = out.stat().st_size
    median, median_cpu = statistics.median(wall), statistics.median(cpu)
    plain_cpu = statistics.median(plain[1])
    print(f"Ledger export of {done.cases} cases (台账 + 统计报表, {size / 1e6:.1f} MB), "
          f"{len(cpu)} runs: CPU median {median_cpu:.2f} s, p95 {p95(cpu):.2f} s; "
          f"wall median {median:.2f} s, p95 {p95(wall):.2f} s")
    print(f"  openpyxl write-only, same cells unformatted (no report sheet): CPU median "
          f"{plain_cpu:.2f} s; normal workbook styled cell by cell: CPU {normal_cpu:.2f} s, "
          f"wall {normal_wall:.2f} s")
    return report([
        Figure(f"ledger export of {done.cases:,} cases, median CPU", median_cpu, "s", TARGET,
               baseline=plain_cpu, baseline_name="openpyxl write-only, same cells, "
               "no formatting, CPU", note=f"p95 {p95(cpu):.2f} s; wall median {median:.2f} s; "
               f"a normal workbook styled per cell: {normal_cpu:.2f} s CPU"),
    ])


if __name__ == "__main__":
    sys.exit(main())
