"""Helpers shared by the benchmark scripts: cached large data dirs, percentiles, and the
verdict (:class:`Figure` + :func:`report`) every script ends with.

Why one verdict helper: a script that prints "OVER TARGET" and exits 0 lets `make bench`
report success (issue 15).  Each script builds its figures — value, the baseline measured
in the same run, the target its issue names — and ends with ``sys.exit(report(figures))``:
the figures are printed with OK / MISSED, appended as JSON lines to the results file
(``$BENCH_RESULTS``, else build/artefacts/bench.jsonl) for run_all's closing table, and
the exit code is non-zero if any figure missed.

    from benchmarks.common import Figure, report
    figures = [
        Figure("agreement PDF, median CPU", 11.2, "ms", target=12.0,
               baseline=27.0, baseline_name="ReportLab canvas, same text"),
        Figure("ours vs LibreOffice fresh", 11.2, "ms", target=60.0, comparison="≥",
               measure="speedup", baseline=700.0, baseline_name="soffice --convert-to"),
    ]
    sys.exit(report(figures))
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import math
import os
import shutil
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

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
    if done.exists():
        return DataDir.resolve(path)
    CACHE.mkdir(parents=True, exist_ok=True)
    # Several benchmark processes (or sessions) may want the same set at once: one builds
    # it, the others wait for it instead of deleting the half-built directory.
    with (CACHE / f"{path.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _build(path, done, cases, seed)
    return DataDir.resolve(path)


def _build(path: Path, done: Path, cases: int, seed: int) -> None:
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


def paired_timings(fn: Callable[[], object], repeat: int,
                   warmup: int = 1) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of the same calls: the CPU figure for the verdict on a
    shared machine, the wall figure printed beside it."""
    for _ in range(warmup):
        fn()
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return wall, cpu


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


# --- the verdict -------------------------------------------------------------------------

Comparison = Literal["≤", "≥"]
#: What a figure's target is compared with: the value itself, value / baseline
#: ("ratio", e.g. start ≤ 2× a bare window) or baseline / value ("speedup", e.g. the
#: agreement PDF ≥ 60× faster than a fresh LibreOffice).
Measure = Literal["value", "ratio", "speedup"]


@dataclass(frozen=True)
class Figure:
    """One measured figure beside its same-run baseline and the target its issue names.

    ``value`` and ``baseline`` are in ``unit`` (e.g. "ms", "s", "MB"); ``target`` is in
    ``unit`` when ``measure`` is "value", else a plain factor (×).  ``value`` None means
    not measured here (e.g. LibreOffice not installed): SKIPPED, with ``note`` saying why;
    a skipped figure does not fail the run.
    """

    name: str
    value: float | None
    unit: str
    target: float
    comparison: Comparison = "≤"
    baseline: float | None = None
    baseline_name: str = ""
    measure: Measure = "value"
    note: str = ""

    def __post_init__(self) -> None:
        if self.comparison not in ("≤", "≥"):
            raise ValueError(f"comparison must be ≤ or ≥, not {self.comparison!r}")
        if self.measure != "value" and self.value is not None and not self.baseline:
            raise ValueError(f"{self.name}: a {self.measure} target needs a baseline")

    @property
    def ratio(self) -> float | None:
        """value / baseline (None without a baseline)."""
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def measured(self) -> float | None:
        """The number the target is compared with."""
        if self.value is None:
            return None
        if self.measure == "value":
            return self.value
        if self.measure == "ratio":
            return self.ratio
        return self.baseline / self.value if self.value else math.inf  # type: ignore[operator]

    @property
    def verdict(self) -> str:
        got = self.measured
        if got is None:
            return "SKIPPED"
        met = got <= self.target if self.comparison == "≤" else got >= self.target
        return "OK" if met else "MISSED"

    @property
    def missed(self) -> bool:
        return self.verdict == "MISSED"


def skipped(name: str, unit: str, target: float, note: str, *,
            comparison: Comparison = "≤", measure: Measure = "value") -> Figure:
    """A figure this run could not measure (printed as SKIPPED with the reason)."""
    return Figure(name, None, unit, target, comparison, measure=measure, note=note)


def _num(value: float) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    if math.isinf(value):
        return "inf"
    size = abs(value)
    if size >= 100:
        return f"{value:,.0f}"
    if size >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}" if size >= 0.1 or size == 0 else f"{value:.3g}"


def _with_unit(value: float | None, unit: str) -> str:
    return "—" if value is None else f"{_num(value)} {unit}".rstrip()


def _row(fig: dict[str, Any]) -> list[str]:
    """Table cells of a figure (given as its JSON dict, so run_all reads results back)."""
    f = Figure(**{k: fig[k] for k in Figure.__dataclass_fields__})
    if f.measure == "speedup" and f.measured is not None:
        ratio = f"{_num(f.measured)}× faster"
    else:
        ratio = "—" if f.ratio is None else f"{_num(f.ratio)}×"
    target = f"{f.comparison} {_num(f.target)}" + (
        f" {f.unit}" if f.measure == "value" else ("× faster" if f.measure == "speedup" else "×"))
    return [fig.get("script", ""), f.name, _with_unit(f.value, f.unit),
            _with_unit(f.baseline, f.unit), ratio, target, f.verdict]


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


HEADER = ["script", "figure", "value", "baseline", "ratio", "target", "verdict"]


def format_table(figures: Iterable[dict[str, Any]], *, with_script: bool = True) -> str:
    """Aligned text table of figures (JSON dicts); notes follow as numbered lines."""
    rows, notes = [], []
    for fig in figures:
        cells = _row(fig)
        extra = [x for x in (fig.get("baseline_name"), fig.get("note")) if x]
        if extra:
            notes.append("; ".join(extra))
            cells[1] += f" [{len(notes)}]"
        rows.append(cells if with_script else cells[1:])
    header = HEADER if with_script else HEADER[1:]
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    left = 2 - (not with_script)  # the script and figure columns read from the left

    def pad(i: int, cell: str) -> str:
        fill = " " * (widths[i] - _width(cell))
        return cell + fill if i < left else fill + cell

    lines = ["  ".join(pad(i, c) for i, c in enumerate(cells)).rstrip()
             for cells in [header, *rows]]
    lines.insert(1, "-" * _width(lines[0]))
    lines += [f"  [{i}] {n}" for i, n in enumerate(notes, 1)]
    return "\n".join(lines)


def results_path() -> Path:
    """Where figures are appended: $BENCH_RESULTS, else build/artefacts/bench.jsonl."""
    return Path(os.environ.get("BENCH_RESULTS") or ROOT / "build" / "artefacts" / "bench.jsonl")


def _script_name() -> str:
    main = sys.modules.get("__main__")
    origin = getattr(main, "__file__", None) or (sys.argv[0] if sys.argv else "")
    return Path(origin).stem or "?"


def machine_note() -> str:
    """Load average and cores: figures on a shared machine are read with these."""
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def report(figures: Sequence[Figure], *, script: str | None = None) -> int:
    """Print the figures with their verdicts, append them to the results file, and
    return the exit code: 1 if any figure missed its target (or there is none), else 0."""
    script = script or _script_name()
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    run = os.environ.get("BENCH_RUN", "")
    dicts = [{"script": script, **asdict(f), "ratio": f.ratio, "measured": f.measured,
              "verdict": f.verdict, "run": run, "at": stamp} for f in figures]
    print()
    print(format_table(dicts, with_script=False))
    missed = [f.name for f in figures if f.missed]
    print(f"  ({machine_note()})")
    if not figures:
        print("  NO FIGURES: nothing was measured")
    elif missed:
        print(f"  MISSED: {', '.join(missed)}")
    else:
        print("  all targets met" + (" (some skipped)" if any(
            f.verdict == "SKIPPED" for f in figures) else ""))
    path = results_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        for d in dicts:
            out.write(json.dumps(d, ensure_ascii=False, allow_nan=True) + "\n")
    return 1 if missed or not figures else 0
