"""Search p95 by query kind at 100k cases, against a LIKE scan in the same run.

Targets (issue 2): p95 ≤ 15 ms for 1-character, 2-character, 3+-character,
ID-number and phone queries at 100k cases, and ≥ 10× faster than the LIKE scan.

    python benchmarks/bench_search.py [--cases N]
"""

from __future__ import annotations

import argparse
import random
import sys

from sqlalchemy import text

from benchmarks.common import demo_data_dir, ms, p95, timings
from mediator.services.dto import CaseFilter
from mediator.services.workspace import open_workspace
from mediator.store import search


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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    args = ap.parse_args()
    data = demo_data_dir(args.cases)
    rng = random.Random(7)
    ok = True
    with open_workspace(data) as ws:
        print(f"search at {ws.cases.count_all():,} cases — p95 over the queries of each kind")
        print(f"{'kind':<15}{'FTS (list)':>12}{'FTS (ids)':>12}{'LIKE scan':>12}{'speed-up':>10}")
        for kind, qs in queries(ws, rng).items():
            full, fts, like = [], [], []
            for q in qs:
                full += timings(lambda q=q: ws.cases.ids(CaseFilter(text=q)), repeat=5)
                with ws.db.read() as s:
                    conn = s.connection()
                    fts += timings(lambda q=q, c=conn: search.matching_ids(c, q), repeat=5)
                    like += timings(lambda q=q, c=conn: search.like_scan_ids(c, q), repeat=1,
                                    warmup=0)
            speedup = p95(like) / p95(full)
            meets = p95(full) <= 0.015 and speedup >= 10
            ok &= meets
            print(f"{kind:<15}{ms(p95(full)):>12}{ms(p95(fts)):>12}{ms(p95(like)):>12}"
                  f"{speedup:>9.0f}×  {'ok' if meets else 'MISSES TARGET'}")
    print("targets: p95 ≤ 15 ms (FTS (list) = what the case list waits for), ≥ 10× LIKE scan")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
