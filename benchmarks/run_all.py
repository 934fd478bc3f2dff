"""Run every benchmark script (benchmarks/bench_*.py) in its own process; `make bench`.

Each script reports its figures through ``benchmarks.common.report``, which appends them
to the results file this run names ($BENCH_RESULTS, tagged with $BENCH_RUN); at the end
one table shows every figure — value, baseline, ratio, target, verdict — and the exit
code is non-zero if any figure missed or any script failed.  A script that reports no
figure — a crash, a missing tool, or one not yet on ``common.report`` that merely prints
its verdict — gets a line of its own and fails the run, so nothing is hidden.
``run_all.py bench_documents bench_search`` runs just those.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.common import format_table, results_path  # noqa: E402


def _figures(path: Path, run: str) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            fig = json.loads(line)
        except ValueError:
            continue
        if fig.get("run") == run:
            out.append(fig)
    return out


def main(argv: list[str]) -> int:
    wanted = {Path(a).stem for a in argv}
    scripts = [s for s in sorted(HERE.glob("bench_*.py")) if not wanted or s.stem in wanted]
    # A given BENCH_RUN joins figures measured before (e.g. a script run by hand with
    # other arguments) to this run's table.
    run = os.environ.get("BENCH_RUN") or f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    env = {**os.environ, "BENCH_RUN": run}
    path = results_path()
    env["BENCH_RESULTS"] = str(path)
    failed: list[tuple[str, int, float]] = []
    names = [s.stem for s in scripts]
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        t0 = time.perf_counter()
        rc = subprocess.call([sys.executable, "-m", f"benchmarks.{script.stem}"],
                             cwd=HERE.parent, env=env)
        took = time.perf_counter() - t0
        print(f"--- {script.name}: exit {rc}, {took:.0f} s", flush=True)
        if rc:
            failed.append((script.stem, rc, took))
    figures = _figures(path, run)
    reported = {f["script"] for f in figures}
    codes = {name: rc for name, rc, _ in failed}
    silent = [(name, codes.get(name, 0)) for name in names if name not in reported]
    print(f"\n=== all figures (run {run}; also in {path}) ===")
    print(format_table(figures) if figures else "(no figures reported)")
    for name, rc in silent:
        print(f"  {name}: FAILED — exit {rc} without reporting a figure through common.report")
    missed = [f for f in figures if f["verdict"] == "MISSED"]
    scripts_bad = sorted({name for name, _, _ in failed} | {name for name, _ in silent})
    print(f"\n{len(figures)} figures: "
          f"{sum(f['verdict'] == 'OK' for f in figures)} OK, {len(missed)} MISSED, "
          f"{sum(f['verdict'] == 'SKIPPED' for f in figures)} skipped; "
          f"scripts failed or silent: {', '.join(scripts_bad) or 'none'}")
    return 1 if missed or failed or silent else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
