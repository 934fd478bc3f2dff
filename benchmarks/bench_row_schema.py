"""The row schema's cost on the push path, against same-run baselines.

Every pushed change is now checked on the desktop before it is sent and on the
server before it is stored (:mod:`mediator.sync.schema`).  Measured on the rows of
a first sync (N demo cases with their parties, roles and records, as the desktop
pushes them): the time to check them all, shown next to the time to encode them
as JSON once (what a push does to every row anyway) and to validate them as
protocol ``Change`` models (what the server does to every row anyway).  No issue names a
target; this script's own bound: the check costs ≤ 1× the Change validation every pushed
row gets anyway (best of 5 each).

    python -m benchmarks.bench_row_schema [--cases N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from benchmarks.common import FIXED_TODAY, Figure, ms, report
from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.workspace import open_workspace
from mediator.store.tables import SYNCED_MODELS
from mediator.sync import rows as wire_rows
from mediator.sync.protocol import Change, check


def _rows(cases: int) -> list[dict[str, Any]]:
    root = Path(tempfile.mkdtemp(prefix="bench-schema-"))
    try:
        data = DataDir.resolve(root / "data").ensure()
        out: list[dict[str, Any]] = []
        with open_workspace(data) as ws:
            ws.studio.setup("佛山市南海区桂城街道人民调解委员会", "桂城", "陈调解")
            demo.generate(ws, cases, seed=1, today=FIXED_TODAY)
            with ws.db.read() as s:
                for entity, model in SYNCED_MODELS.items():
                    table = model.__table__  # type: ignore[attr-defined]
                    for row in s.execute(select(table)).mappings():
                        out.append({"entity": entity, "id": row["id"], "base_version": 0,
                                    "deleted": bool(row["deleted"]),
                                    "data": wire_rows.mapping_to_data(entity, row)})
        return out
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _best(fn: Any, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    changes = _rows(args.cases)
    encode = _best(lambda: [json.dumps(c, ensure_ascii=False) for c in changes])
    models = _best(lambda: [Change.model_validate(c) for c in changes])
    checked = _best(lambda: [check(c["entity"], c["data"]) for c in changes])
    assert all(check(c["entity"], c["data"]) is None for c in changes)
    n = len(changes)
    print(f"row schema over a first sync of {args.cases} cases ({n} rows):")
    print(f"  check every row          {ms(checked)}  ({checked / n * 1e6:.1f} us a row)")
    print(f"  baseline: JSON encode    {ms(encode)}  ({checked / encode:.2f}x of it)")
    print(f"  baseline: Change models  {ms(models)}  ({checked / models:.2f}x of it)")
    return report([Figure(
        f"row schema check of a first sync's {n:,} rows", checked * 1000, "ms", 1.0,
        baseline=models * 1000, measure="ratio",
        baseline_name="validating them as protocol Change models (best of 5)",
        note=f"JSON encode {ms(encode)}; bound of this script (no issue names one)")])


if __name__ == "__main__":
    raise SystemExit(main())
