"""Helpers shared by the benchmark scripts: cached large data dirs, percentiles, output."""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.workspace import open_workspace
from mediator.store.schema import head_revision_fast

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench"  # gitignored
FIXED_TODAY = dt.date(2026, 11, 1)  # the cached data sets do not depend on the day
#: Bump when ``mediator.services.demo`` makes different data (e.g. new records), so
#: the cached data sets are rebuilt; the schema revision is part of the key too.
DEMO_DATA_REVISION = 3


def cache_key(cases: int, seed: int) -> str:
    """The cached data set's name: case count, seed, schema and demo-data revisions."""
    return f"demo-{cases}-{seed}-{head_revision_fast()}-d{DEMO_DATA_REVISION}"


def demo_data_dir(cases: int, seed: int = 1) -> DataDir:
    """A data dir with ``cases`` demo cases, built once and reused (deleted if incomplete).

    Keyed by :func:`cache_key`: a schema change or new demo data builds a fresh set;
    sets of older keys for the same size and seed are removed.
    """
    path = CACHE / cache_key(cases, seed)
    done = path / ".complete"
    if not done.exists():
        for stale in [CACHE / f"demo-{cases}-{seed}", *CACHE.glob(f"demo-{cases}-{seed}-*")]:
            shutil.rmtree(stale, ignore_errors=True)
        data = DataDir.resolve(path).ensure()
        t0 = time.perf_counter()
        with open_workspace(data) as ws:
            ws.studio.setup("佛山市南海区桂城街道人民调解委员会", "桂城", "陈调解")
            step = 20_000
            for start in range(0, cases, step):
                demo.generate(ws, min(step, cases - start), seed=seed + start, today=FIXED_TODAY)
        done.write_text("ok")
        print(f"  (built {cases} demo cases in {time.perf_counter() - t0:.0f} s, cached in {path})")
    return DataDir.resolve(path)


def timings(fn: Callable[[], object], repeat: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def cpu_timings(fn: Callable[[], object], repeat: int, warmup: int = 1) -> list[float]:
    """CPU seconds of this process per call (``time.process_time``): on a shared
    machine busy with other work, wall-clock time mostly measures the wait for a
    core; a single-threaded call's CPU time is what it costs on an idle one."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        out.append(time.process_time() - t0)
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"
