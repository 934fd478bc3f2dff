"""Search p95 by query kind at 100,000 and 300,000 cases, against a LIKE scan in the
same run.

Targets (issue 15, replacing issue 2's 15 ms): p95 ≤ 3 ms at 100k and ≤ 6 ms at 300k
for 1-character, 2-character, 3+-character, ID-number and phone queries — what the case
list waits for (``ws.cases.ids``) — and ≥ 10× faster than the LIKE scan (issue 2).
The verdict reads the CPU time of each query (single-threaded, in process: on a shared
machine the wall clock mostly measures the wait for a core); the wall p95 is printed
beside it.

    python -m benchmarks.bench_search [--cases 100000 300000]
"""

from __future__ import annotations

import argparse
import random
import sys

from sqlalchemy import text

from benchmarks.common import Figure, demo_data_dir, ms, p95, paired_timings, report, timings
from mediator.services.dto import CaseFilter
from mediator.services.workspace import open_workspace
from mediator.store import search

#: p95 target (seconds) by data-set size; sizes in between take the next larger size's.
TARGETS = {100_000: 0.003, 300_000: 0.006}
SPEEDUP = 10.0


def target_for(cases: int) -> float:
    for size in sorted(TARGETS):
        if cases <= size:
            return TARGETS[size]
    return TARGETS[max(TARGETS)]


def queries(ws, rng: random.Random) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    with ws.db.read() as s:
        rows = s.connection().execute(text(
            "SELECT p.id_number, p.phone FROM party p WHERE p.id_number != '' "
            "ORDER BY p.rowid LIMIT 2000")).all()
    sample = rng.sample(rows, 40)
    return {
        "1 character": ["漏", "噪", "狗", "薪", "珺", "王", "桂", "费", "伤", "㙟"],
        "2 characters": ["漏水", "噪音", "欠薪", "停车", "赡养", "物业", "骨折", "咬伤", "怡翠",
                         "𠮷祥"],
        "3+ characters": ["天花板", "物业管理费", "狂犬疫苗", "劳动合同", "交警认定", "桂城街道",
                          "人调字第1", "赡养费", "电动自行车", "防水层"],
        "ID number": [r[0] for r in sample[:20]],
        "phone": [r[1] for r in sample[20:]],
    }


def measure(cases: int) -> list[Figure]:
    data = demo_data_dir(cases)
    rng = random.Random(7)
    target = target_for(cases)
    figures = []
    with open_workspace(data) as ws:
        total = ws.cases.count_all()
        print(f"search at {total:,} cases — p95 over the queries of each kind")
        print(f"{'kind':<15}{'list CPU':>10}{'list wall':>11}{'FTS ids':>10}{'LIKE scan':>11}")
        for kind, qs in queries(ws, rng).items():
            wall, cpu, fts, like = [], [], [], []
            for q in qs:
                w, c = paired_timings(lambda q=q: ws.cases.ids(CaseFilter(text=q)), repeat=5)
                wall += w
                cpu += c
                with ws.db.read() as s:
                    conn = s.connection()
                    fts += timings(lambda q=q, c=conn: search.matching_ids(c, q), repeat=5)
                    like += paired_timings(lambda q=q, c=conn: search.like_scan_ids(c, q),
                                           repeat=1, warmup=0)[1]
            print(f"{kind:<15}{ms(p95(cpu)):>10}{ms(p95(wall)):>11}{ms(p95(fts)):>10}"
                  f"{ms(p95(like)):>11}")
            note = f"wall p95 {ms(p95(wall))}; {len(qs)} queries × 5"
            figures.append(Figure(f"search p95 at {total // 1000}k, {kind}, CPU",
                                  p95(cpu) * 1000, "ms", target * 1000, note=note))
            figures.append(Figure(f"search at {total // 1000}k, {kind}, vs LIKE scan",
                                  p95(cpu) * 1000, "ms", SPEEDUP, "≥", baseline=p95(like) * 1000,
                                  measure="speedup", baseline_name="LIKE scan p95, CPU"))
    return figures


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, nargs="+", default=sorted(TARGETS))
    args = ap.parse_args()
    figures = []
    for cases in args.cases:
        figures += measure(cases)
    return report(figures)


if __name__ == "__main__":
    sys.exit(main())
