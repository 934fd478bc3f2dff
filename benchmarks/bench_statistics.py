"""The statistics report of one year over 100 000 demo cases (issue 13).

Targets: ≤ 100 ms, and ≥ 10× a straightforward ORM loop.  The baseline, timed in
the same run, loads the year's cases and their records as ORM objects (one query
per table, no N+1) and counts in Python; both must give the same totals.  Printed
beside them: the same report counted by SQL from the source rows
(``StatisticsService.recount``, what ``report`` did before the maintained day sums
of schema 0010), which must give the same totals and breakdowns.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import select

from benchmarks.common import FIXED_TODAY, Figure, demo_data_dir, ms, p95, paired_timings, report
from mediator.domain.statistics import Dimension, Period
from mediator.services.statistics import AGREEMENT_KINDS, SUCCESS_STATUSES, StatisticsService
from mediator.services.workspace import Workspace
from mediator.store.models import Agreement, Case, CaseParty
from mediator.store.statistics_models import CaseStatistics
from mediator.store.workflow_models import AgreementDetail, CaseWorkflow

CASES = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
TARGET = 0.100
RATIO = 10


def orm_loop(ws: Workspace, period: Period) -> dict[str, Any]:
    """The straightforward way: every row as an object, counted in Python."""
    a, b = period.start, period.end
    with ws.db.read() as s:
        cases = {c.id: c for c in s.execute(select(Case).where(Case.deleted.is_(False)))
                 .scalars()}
        facts = {f.case_id: f for f in s.execute(select(CaseStatistics)).scalars()
                 if not f.deleted}
        flows = {w.case_id: w for w in s.execute(select(CaseWorkflow)).scalars()
                 if not w.deleted}
        details = {d.agreement_id: d for d in s.execute(select(AgreementDetail)).scalars()
                   if not d.deleted}
        agreements: dict[str, list[Agreement]] = defaultdict(list)
        for ag in s.execute(select(Agreement)).scalars():
            if not ag.deleted and ag.kind in AGREEMENT_KINDS:
                agreements[ag.case_id].append(ag)
        parties = Counter(cp.case_id for cp in s.execute(select(CaseParty)).scalars()
                          if not cp.deleted and cp.role != "agent")
        out: Counter[str] = Counter()
        by_type: Counter[str] = Counter()
        for cid, c in cases.items():
            f = facts.get(cid)
            if c.status != "refused" and a <= c.registered_on <= b:
                out["accepted"] += 1
                by_type[c.dispute_type] += 1
                out["people"] += f.people_involved if f and f.people_involved > 0 \
                    else parties[cid]
                out["group"] += bool(f and f.group_dispute)
            wf = flows.get(cid)
            if wf is not None and wf.terminated_on is not None:
                if a <= wf.terminated_on <= b:
                    out["terminated"] += 1
                continue
            ags = agreements.get(cid)
            if not ags or c.status not in SUCCESS_STATUSES:
                continue
            found = [d.reached_on if (d := details.get(ag.id)) else ag.effective_on
                     for ag in ags]
            days = [day for day in found if day is not None]
            if days and a <= min(days) <= b:
                out["succeeded"] += 1
                out["amount"] += sum(ag.amount_fen for ag in ags)
    return {**out, "by_type": by_type}


def main() -> int:
    data = demo_data_dir(CASES)
    period = Period.year(FIXED_TODAY.year)
    ws = Workspace(data)
    try:
        service = StatisticsService(ws.db, ws.studio.context, ws.catalogue.label)
        result = service.report(period)
        wall, cpu = paired_timings(lambda: service.report(period), repeat=21, warmup=2)
        direct = service.recount(period)
        direct_wall, direct_cpu = paired_timings(lambda: service.recount(period), repeat=3)
        t0, c0 = time.perf_counter(), time.process_time()
        base = orm_loop(ws, period)
        baseline, baseline_cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        ws.close()
    t = result.totals
    for key in ("accepted", "people", "group", "succeeded", "terminated", "amount"):
        assert base[key] == t[key], (key, base[key], t[key])
    by_type = {k: v["accepted"] for k, v in result.breakdowns[Dimension.DISPUTE_TYPE].items()
               if v["accepted"]}
    assert by_type == dict(base["by_type"]), "breakdown by dispute type differs"
    assert (direct.totals, direct.breakdowns) == (t, result.breakdowns), "recount differs"
    median, median_cpu = statistics.median(wall), statistics.median(cpu)
    print(f"Statistics of {period.label}, {CASES} local cases ({t['accepted']} accepted, "
          f"{t['closed']} closed, {t['screenings']} screenings; totals and 5 breakdowns), "
          f"{len(cpu)} runs:")
    print(f"  maintained day sums: CPU median {ms(median_cpu)}, p95 {ms(p95(cpu))}; "
          f"wall median {ms(median)}, p95 {ms(p95(wall))}")
    print(f"  recounted from the source rows by SQL (the report before schema 0010): CPU "
          f"median {ms(statistics.median(direct_cpu))}, wall {ms(statistics.median(direct_wall))}")
    print(f"  baseline (ORM objects counted in Python, same run): CPU {ms(baseline_cpu)}, "
          f"wall {ms(baseline)}")
    note = f"p95 {ms(p95(cpu))}; wall median {ms(median)}"
    return report([
        Figure("statistics of a year over 100k cases, median CPU", median_cpu * 1000, "ms",
               TARGET * 1000, baseline=statistics.median(direct_cpu) * 1000,
               baseline_name="the same report recounted by SQL from the source rows, CPU",
               note=note),
        Figure("statistics of a year vs a straightforward ORM loop", median_cpu * 1000, "ms",
               RATIO, comparison="≥", measure="speedup", baseline=baseline_cpu * 1000,
               baseline_name="ORM objects counted in Python (same totals), CPU"),
    ])


if __name__ == "__main__":
    sys.exit(main())
