"""The installed program: bundle and .deb sizes, and its cold start at 100,000 cases.

    python -m benchmarks.bench_package [--cases N] [--runs R] [--program PATH]

Targets (issue 10): bundle ≤ 300 MB unpacked, .deb ≤ 120 MB, and the installed
app's cold start to the painted case list at 100,000 cases ≤ 1.3× the same start
from the source tree.  Sizes come from ``dist/deb-report.json`` (written by
``make deb``).  The start is timed the same way on both sides, in alternating
runs of the same data dir: from spawning the process to the moment it prints
``smoke: case list painted`` (``mediator --smoke``), so the bootloader, the
frozen imports and the font loading all count.  The installed program is
/opt/mediator/mediator when the .deb is installed, else the bundle in dist/.
Exits 1 when a target is missed or there is nothing to measure (no `make deb` yet: the
figures are listed as SKIPPED and the script still fails).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import ROOT, Figure, demo_data_dir, report, skipped

BUNDLE_MB, DEB_MB, START_RATIO = 300, 120, 1.3


def first_painted(cmd: list[str], data_dir: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEDIATOR_NO_DIALOGS="1")
    t0 = time.perf_counter()
    proc = subprocess.Popen([*cmd, "--data-dir", str(data_dir), "--smoke"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait(timeout=120)
    if "case list painted" not in line:
        raise SystemExit(f"{' '.join(cmd)} --smoke did not paint: {line!r} "
                         f"(exit {proc.returncode})")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--program", type=Path, default=None)
    args = ap.parse_args(argv)
    figures: list[Figure] = []
    report_file = ROOT / "dist" / "deb-report.json"
    if report_file.exists():
        built = json.loads(report_file.read_text(encoding="utf-8"))
        figures.append(Figure("bundle unpacked", built["bundle_bytes"] / 1e6, "MB", BUNDLE_MB,
                              note=f"dist/deb-report.json; glibc floor {built['glibc']}"))
        for name, size in built["debs"].items():
            figures.append(Figure(f"{name} (xz)", size / 1e6, "MB", DEB_MB))
        print(f"glibc floor: {built['glibc']}  Depends: {built['depends']}")
    else:
        note = "no dist/deb-report.json: run `make deb`"
        print(note)
        figures += [skipped("bundle unpacked", "MB", BUNDLE_MB, note),
                    skipped(".deb (xz)", "MB", DEB_MB, note)]

    program = args.program
    if program is None:
        installed = Path("/opt/mediator/mediator")
        program = installed if installed.exists() else ROOT / "dist" / "mediator" / "mediator"
    if not program.exists():
        note = f"no installed program or bundle ({program}): run `make dist`"
        print(note)
        figures.append(skipped("installed start vs source tree", "ms", START_RATIO, note,
                               measure="ratio"))
        report(figures)
        return 1
    data = demo_data_dir(args.cases).root
    source = [sys.executable, "-m", "mediator"]
    frozen = [str(program)]
    # One warm-up each (page cache), then alternate so both see the same machine.
    first_painted(source, data)
    first_painted(frozen, data)
    src_t, frz_t = [], []
    for _ in range(args.runs):
        src_t.append(first_painted(source, data))
        frz_t.append(first_painted(frozen, data))
    src, frz = statistics.median(src_t), statistics.median(frz_t)
    print(f"cold start to the painted list, {args.cases} cases, median of {args.runs}:")
    print(f"  installed {program}: {frz * 1000:.0f} ms "
          f"(runs {min(frz_t) * 1000:.0f}-{max(frz_t) * 1000:.0f})")
    print(f"  source tree (baseline, same run): {src * 1000:.0f} ms "
          f"(runs {min(src_t) * 1000:.0f}-{max(src_t) * 1000:.0f})")
    figures.append(Figure(f"installed start to the painted list ({args.cases // 1000}k)",
                          frz * 1000, "ms", START_RATIO, baseline=src * 1000, measure="ratio",
                          baseline_name="the same start from the source tree, same run",
                          note=f"{program}; wall medians of {args.runs}, alternating"))
    rc = report(figures)
    if any(f.value is None for f in figures):
        print("  some figures were not measured: failing")
        return 1
    return rc

if __name__ == "__main__":
    sys.exit(main())
