"""The Today view (今日待办) over 100 000 demo cases with their records.

Target: ≤ 300 ms.  Baseline in the same run: the approach it replaced — every
open case's file loaded and judged by the deadline rules (kept only here).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict

from sqlalchemy import select

from benchmarks.common import FIXED_TODAY, demo_data_dir, ms, p95, timings
from mediator.domain.deadlines import due_items
from mediator.services.workflow import Workflow
from mediator.services.workflow.deadlines import OPEN_STATUSES
from mediator.services.workspace import Workspace
from mediator.store.models import Case, CaseParty, Party

CASES = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
TARGET = 0.300


def full_scan(ws: Workspace) -> int:
    """The old Today: load every open case's file, judge it, then number and name it."""
    from mediator.services.workflow.snapshot import load_casefiles

    open_ids = select(Case.id).where(Case.status.in_(sorted(OPEN_STATUSES)),
                                     Case.deleted.is_(False))
    with ws.db.read() as s:
        items = due_items(load_casefiles(s, open_ids).items(), FIXED_TODAY, horizon_days=7)
        numbers = {cid: no for cid, no in s.execute(
            select(Case.id, Case.case_no).where(Case.id.in_(open_ids)))}
        names: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for cid, pos, name in s.execute(
                select(CaseParty.case_id, CaseParty.position, Party.name)
                .join(Party, Party.id == CaseParty.party_id)
                .where(CaseParty.case_id.in_(open_ids), CaseParty.deleted.is_(False),
                       CaseParty.role != "agent")):
            names[cid].append((pos, name))
    return len([(numbers[i.case_id], names[i.case_id]) for i in items])


def main() -> None:
    data = demo_data_dir(CASES)
    ws = Workspace(data)
    try:
        wf = Workflow(ws)
        rows = wf.deadlines.due(FIXED_TODAY)
        runs = timings(lambda: wf.deadlines.due(FIXED_TODAY), repeat=15)
        t0 = time.perf_counter()
        baseline_rows = full_scan(ws)
        baseline = time.perf_counter() - t0
    finally:
        ws.close()
    assert baseline_rows == len(rows), (baseline_rows, len(rows))
    median = statistics.median(runs)
    print(f"Today view, {CASES} cases ({len(rows)} rows due or overdue):")
    print(f"  SQL-narrowed: median {ms(median)}, p95 {ms(p95(runs))} (target ≤ {ms(TARGET)})")
    print(f"  baseline (every open case loaded and judged, same run): {ms(baseline)}")
    print(f"  ratio: {baseline / median:.0f}× faster"
          f" — {'OK' if median <= TARGET else 'OVER TARGET'}")


if __name__ == "__main__":
    main()
