"""What deciding "is this a real conflict?" costs, against same-run baselines.

A stale push (its base version is not the server's) is now compared by meaning
(:mod:`mediator.sync.meaning`: bookkeeping dropped, date-times and empty values
in one spelling) instead of byte for byte, on the server for every stale change
and on the desktop for every conflict it records.  Measured on the rows of a first
sync of N demo cases, each against a copy saved a moment later (only updated_at
differs): the time to compare them all by meaning, shown next to comparing the two
dicts with ``==`` (the old test) and to validating the rows as protocol ``Change``
models (what the server does to every pushed row anyway).  No issue names a target;
this script's own bound: comparing by meaning costs ≤ 1× that validation, also for rows
spelled differently (best of 5 each).

    python -m benchmarks.bench_conflict_meaning [--cases N]
"""

from __future__ import annotations

import argparse
from typing import Any

from benchmarks.bench_row_schema import _best, _rows
from benchmarks.common import Figure, ms, report
from mediator.sync.meaning import meaningful, same_meaning
from mediator.sync.protocol import Change


def _later(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, "updated_at": "2031-01-01T00:00:00.123456+00:00"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    args = parser.parse_args()
    changes = _rows(args.cases)
    pairs = [(c["entity"], c["data"], _later(c["data"])) for c in changes]
    meaning = _best(lambda: [same_meaning(e, a, b) for e, a, b in pairs])
    assert all(same_meaning(e, a, b) for e, a, b in pairs)
    # A value spelled another way takes the full normalisation: its cost, per row.
    full = _best(lambda: [meaningful(e, a) == meaningful(e, b) for e, a, b in pairs])
    equal = _best(lambda: [a == b for _, a, b in pairs])
    models = _best(lambda: [Change.model_validate(c) for c in changes])
    n = len(pairs)
    print(f"conflict by meaning over a first sync of {args.cases} cases ({n} rows):")
    print(f"  compare by meaning       {ms(meaning)}  ({meaning / n * 1e6:.1f} us a row)")
    print(f"  ... spelled differently  {ms(full)}  ({full / n * 1e6:.1f} us a row)")
    print(f"  baseline: dict ==        {ms(equal)}  ({meaning / equal:.1f}x of it)")
    print(f"  baseline: Change models  {ms(models)}  ({meaning / models:.2f}x, "
          f"{full / models:.2f}x of it)")
    base = "validating the rows as protocol Change models (best of 5)"
    own = "bound of this script (no issue names one)"
    return report([
        Figure(f"conflict by meaning, {n:,} rows", meaning * 1000, "ms", 1.0,
               baseline=models * 1000, measure="ratio", baseline_name=base,
               note=f"dict == {ms(equal)}; {own}"),
        Figure(f"conflict by meaning, {n:,} rows spelled differently", full * 1000, "ms", 1.0,
               baseline=models * 1000, measure="ratio", baseline_name=base, note=own),
    ])


if __name__ == "__main__":
    raise SystemExit(main())
