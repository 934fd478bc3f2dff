"""What the desk's look costs at start-up: cold start to the painted case list at 100,000
cases with the theme on, against the same start with it off, in the same run.

    python benchmarks/bench_theme_start.py [--cases 100000] [--runs 5]

Each start is a fresh Python process running exactly what a mediator waits for
(benchmarks/bench_startup.py's child: prepare(), the worker's database open, the
first block of rows, the first paint of the list).  "Off" skips theme.install
(no Fusion proxy style with the focus ring, no palette, no application font: Qt's
plain defaults); the fonts are still registered.  On and off alternate so both
see the same machine load.  Target (issue 11): on ≤ 1.05× off, medians of the CPU time
(all threads) spent by the first paint — on a shared machine the wall clock mostly measures
the wait for a core; the wall ratio is printed beside it.
"""

from __future__ import annotations

import argparse
import statistics
import sys

from benchmarks.bench_startup import APP_CHILD, build_data_dir, run_child
from benchmarks.common import Figure, report

PREPARE = "from mediator.ui.app import prepare\n"
PAINTED = "result.update(painted=t, "
#: bench_startup's child, also noting the CPU time (all threads) spent when the list is
#: painted: other processes loading the machine stretch the wall clock, not this.
THEME_ON = APP_CHILD.replace(PAINTED, "import resource as _r; _u = _r.getrusage(_r.RUSAGE_SELF); "
                            "result.update(cpu=_u.ru_utime + _u.ru_stime); " + PAINTED)
#: The same child with theme.install replaced by a bare Theme (nothing applied to the app).
THEME_OFF = THEME_ON.replace(PREPARE, PREPARE + (
    "import mediator.ui.fonts as _fonts\n"
    "from mediator.ui import theme as _theme\n"
    "_fonts.install = lambda app, families, size: _theme.Theme(size=size, families=families)\n"
))
TARGET = 1.05


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    assert THEME_ON not in (APP_CHILD, THEME_OFF), \
        "bench_startup's child changed: update THEME_ON / THEME_OFF"
    data_dir = str(build_data_dir(args.cases))
    run_child(THEME_ON, data_dir)  # warm the file cache (and any migration), not measured
    on: list[float] = []
    off: list[float] = []
    cpu_on: list[float] = []
    cpu_off: list[float] = []
    for _ in range(args.runs):
        t, d = run_child(THEME_OFF, data_dir)
        off.append(t)
        cpu_off.append(d["cpu"])
        t, d = run_child(THEME_ON, data_dir)
        on.append(t)
        cpu_on.append(d["cpu"])
    m_on, m_off = statistics.median(on), statistics.median(off)
    c_on, c_off = statistics.median(cpu_on), statistics.median(cpu_off)
    print(f"\ntheme start-up — {args.cases} cases, {args.runs} fresh processes each, median")
    print(f"  baseline: theme off, case list painted {m_off * 1000:7.0f} ms wall"
          f"  {c_off * 1000:5.0f} ms CPU")
    print(f"  theme on, case list painted            {m_on * 1000:7.0f} ms wall"
          f"  {c_on * 1000:5.0f} ms CPU")
    print(f"  ratio                                  {m_on / m_off:7.3f} × wall"
          f"  {c_on / c_off:5.3f} × CPU   (target ≤ {TARGET}×)")
    print(f"  runs (ms): off {[round(t * 1000) for t in off]}, on {[round(t * 1000) for t in on]}")
    print(f"  CPU (ms):  off {[round(t * 1000) for t in cpu_off]},"
          f" on {[round(t * 1000) for t in cpu_on]}")
    return report([Figure(
        "start with the theme on vs off (100k cases), CPU", c_on * 1000, "ms", TARGET,
        baseline=c_off * 1000, measure="ratio",
        baseline_name="theme off (Qt's plain defaults), same run, CPU to the painted list",
        note=f"wall {m_on * 1000:.0f} ms vs {m_off * 1000:.0f} ms = {m_on / m_off:.3f}×; "
             f"medians of {args.runs} fresh processes each")])

if __name__ == "__main__":
    sys.exit(main())
