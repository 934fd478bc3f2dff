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

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench"  # gitignored
FIXED_TODAY = dt.date(2026, 11, 1)  # the cached data sets do not depend on the day


def demo_data_dir(cases: int, seed: int = 1) -> DataDir:
    """A data dir with ``cases`` demo cases, built once and reused (deleted if incomplete)."""
    path = CACHE / f"demo-{cases}-{seed}"
    done = path / ".complete"
    if not done.exists():
        shutil.rmtree(path, ignore_errors=True)
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


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"
