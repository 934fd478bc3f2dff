"""Cold start to the painted case list with 100k cases, and RSS, against a bare window.

    python benchmarks/bench_startup.py [--cases 100000] [--runs 3]

Each measurement is a fresh Python process (a cold start as the mediator gets
it: interpreter, imports, fonts, translators, database open and migration
check, first query, first block of rows, first paint).  The baseline is a bare
``QMainWindow`` shown in a fresh process in the same run: the floor no Qt app
can beat on this machine.  Targets: start ≤ 2× the floor (issue 15; issue 2 had 3×),
RSS ≤ 250 MB (issue 2).  Both starts are wall medians of interleaved runs (the paint is
what a mediator waits for); the CPU time of each start is printed beside them.

The 100k-case data directory is built once under ./.bench/ (gitignored) and
reused.  Runs offscreen unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from benchmarks.common import Figure, report

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / ".bench"
TARGET_RATIO = 2.0  # issue 15: cold start ≤ 2× a bare QMainWindow
TARGET_RSS_MB = 250.0  # issue 2

# Shared by both children: wall-clock time of the first paint after the content is ready.
CHILD_COMMON = textwrap.dedent(
    """
    import json, sys, time

    def rss_mb(field="VmRSS"):
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def when_painted(widget, ready, done):
        from PySide6.QtCore import QEvent, QObject

        class Watch(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and ready():
                    obj.removeEventFilter(self)
                    t = time.time()
                    from PySide6.QtCore import QTimer
                    QTimer.singleShot(0, lambda: done(t))
                return False

        watch = Watch(widget)
        widget.installEventFilter(watch)
        widget.update()
        return watch
    """
)

BASELINE_CHILD = CHILD_COMMON + textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication(sys.argv[:1])
    win = QMainWindow()
    win.resize(1280, 800)

    def done(t):
        import resource
        u = resource.getrusage(resource.RUSAGE_SELF)
        print(json.dumps({"painted": t, "rss": rss_mb(), "peak": rss_mb("VmHWM"),
                          "cpu": u.ru_utime + u.ru_stime}))
        app.quit()

    w = when_painted(win, lambda: True, done)
    win.show()
    app.exec()
    """
)

APP_CHILD = CHILD_COMMON + textwrap.dedent(
    """
    from mediator.paths import DataDir
    from mediator.ui.app import prepare

    app, startup = prepare(DataDir.resolve(sys.argv[1]).ensure(), "zh_CN")
    result = {}

    def scrolled():
        # Drag through the whole list, as a mediator browsing the archive would.
        page = startup.window.case_list
        bar = page.table.verticalScrollBar()
        steps = 50
        def step(i):
            if i > steps:
                runner = startup.runner
                def wait_idle():
                    if not runner.is_idle():
                        QTimer.singleShot(20, wait_idle)
                        return
                    result["rss_scrolled"] = rss_mb()
                    result["peak"] = rss_mb("VmHWM")
                    print(json.dumps(result))
                    app.quit()
                wait_idle()
                return
            bar.setValue(bar.maximum() * i // steps)
            QTimer.singleShot(15, lambda: step(i + 1))
        step(0)

    def done(t):
        import resource
        u = resource.getrusage(resource.RUSAGE_SELF)
        page = startup.window.case_list
        result.update(painted=t, rss=rss_mb(), first_rows=page.model.rowCount(),
                      cpu=u.ru_utime + u.ru_stime)

        def whole_list():
            # The first screen is painted; the rest of the ids continue it.
            if not page.is_current():
                QTimer.singleShot(5, whole_list)
                return
            result.update(whole=time.time(), rows=page.model.rowCount())
            scrolled()
        whole_list()

    def on_ready(window):
        page = window.case_list
        table = page.table.viewport()
        when_painted(table, lambda: page.model.rowCount() > 0 and page.model.is_loaded(0), done)

    from PySide6.QtCore import QTimer
    startup.ready.connect(on_ready)
    startup.failed.connect(lambda code: (print(json.dumps({"failed": code})), app.quit()))
    app.exec()
    startup.close()
    """
)


def build_data_dir(cases: int) -> Path:
    """A set-up studio with ``cases`` demo cases; built once, then reused."""
    root = BENCH_DIR / f"ui-startup-{cases}"
    marker = root / "ready.json"
    if marker.exists():
        return root
    from mediator.paths import DataDir
    from mediator.services import demo
    from mediator.services.workspace import open_workspace

    if root.exists():
        import shutil

        shutil.rmtree(root)
    print(f"building {cases} demo cases in {root} (once)…", flush=True)
    t0 = time.perf_counter()
    ws = open_workspace(DataDir.resolve(root).ensure())
    try:
        ws.studio.setup("桂城街道人民调解委员会", "桂城", "李调解")
        done = 0
        while done < cases:  # in chunks: bounded memory, visible progress
            n = min(20_000, cases - done)
            demo.generate(ws, cases=n, seed=1 + done)
            done += n
            print(f"  {done}", flush=True)
        assert ws.cases.count_all() == cases
    finally:
        ws.close()
    marker.write_text(json.dumps({"cases": cases}))
    print(f"built in {time.perf_counter() - t0:.0f} s", flush=True)
    return root


def run_child(code: str, *args: str) -> tuple[float, dict[str, float]]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["MEDIATOR_NO_DIALOGS"] = "1"
    t0 = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True, text=True, env=env, timeout=300, check=False, cwd=ROOT,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    data = json.loads(lines[-1])
    if "failed" in data:
        raise SystemExit(f"app did not start: exit {data['failed']}\n{proc.stderr[-3000:]}")
    data["whole"] = data.get("whole", data["painted"]) - t0
    return data["painted"] - t0, data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data_dir = build_data_dir(args.cases)

    base_times: list[float] = []
    app_times: list[float] = []
    base_data: list[dict[str, float]] = []
    app_data: list[dict[str, float]] = []
    run_child(APP_CHILD, str(data_dir))  # warm the OS file cache once, not measured
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        t, d = run_child(BASELINE_CHILD)
        base_times.append(t)
        base_data.append(d)
        t, d = run_child(APP_CHILD, str(data_dir))
        app_times.append(t)
        app_data.append(d)

    base = statistics.median(base_times)
    app = statistics.median(app_times)
    base_cpu = statistics.median(d["cpu"] for d in base_data)
    app_cpu = statistics.median(d["cpu"] for d in app_data)
    rss_painted = statistics.median(d["rss"] for d in app_data)
    rss_scrolled = statistics.median(d["rss_scrolled"] for d in app_data)
    peak = max(d["peak"] for d in app_data)
    rows = int(app_data[0]["rows"])
    print(f"\nstartup benchmark — {rows} cases, {args.runs} fresh processes each, median")
    base_mb = statistics.median(d["rss"] for d in base_data)
    print(f"  baseline: bare QMainWindow painted   {base * 1000:7.0f} ms   RSS {base_mb:6.1f} MB"
          f"   CPU {base_cpu * 1000:5.0f} ms")
    print(f"  Mediator: case list painted         {app * 1000:7.0f} ms   RSS {rss_painted:5.1f} MB"
          f"   CPU {app_cpu * 1000:5.0f} ms")
    whole = statistics.median(d["whole"] for d in app_data)
    first_rows = int(app_data[0]["first_rows"])
    print(f"  (first screen of {first_rows} rows painted; the whole list of {rows} ids in place"
          f" {whole * 1000:.0f} ms after start)")
    print(f"  RSS after scrolling the whole list   {rss_scrolled:7.1f} MB   peak {peak:.1f} MB")
    print(f"  runs (ms): baseline {[round(t * 1000) for t in base_times]},"
          f" app {[round(t * 1000) for t in app_times]}")
    return report([
        Figure(f"cold start to the painted case list ({rows // 1000}k cases)", app * 1000, "ms",
               TARGET_RATIO, baseline=base * 1000, measure="ratio",
               baseline_name="a bare QMainWindow painted, fresh process, same run",
               note=f"wall medians of {args.runs} interleaved; CPU {app_cpu * 1000:.0f} ms vs "
                    f"{base_cpu * 1000:.0f} ms = {app_cpu / base_cpu:.2f}×"),
        Figure("peak RSS after scrolling the whole list", peak, "MB", TARGET_RSS_MB,
               baseline=base_mb, baseline_name="the bare window's RSS",
               note=f"RSS when painted {rss_painted:.1f} MB, after scrolling "
                    f"{rss_scrolled:.1f} MB"),
    ])

if __name__ == "__main__":
    sys.exit(main())
