"""What the app-wide wheel guard (mediator/ui/wheel.py) costs every event, and in all.

    python benchmarks/bench_wheel_guard.py

The guard is a Python event filter on the QApplication, so every event of the app
passes through it.  Measured here: the time to deliver one event to a widget
without the guard (the baseline, same run) and with it, then the number of events
a main window with 300 demo cases sees from construction to its first paint,
times the extra cost: what the guard adds to start-up.  No issue names a target; this
script's own bound is that the guard adds ≤ 1 ms to the start (about 1,100 events).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from benchmarks.common import Figure, report
from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.workspace import open_workspace
from mediator.ui import wheel
from mediator.ui.labels import Labels
from mediator.ui.mainwindow import MainWindow
from mediator.ui.tasks import TaskRunner

EVENTS = 100_000


def per_event_us(target: QWidget) -> float:
    event = QEvent(QEvent.Type.User)
    runs = []
    for _ in range(5):
        t0 = time.process_time()  # CPU: on a shared machine the wall clock waits for a core
        for _ in range(EVENTS):
            QCoreApplication.sendEvent(target, event)
        runs.append((time.process_time() - t0) / EVENTS * 1e6)
    return statistics.median(runs)


class Counter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.n = 0

    def eventFilter(self, _watched: QObject, _event: QEvent) -> bool:
        self.n += 1
        return False


def startup_events(app: QApplication) -> int:
    """Events from building the main window on 300 cases to its first screen shown."""
    with tempfile.TemporaryDirectory() as tmp:
        data = DataDir.resolve(Path(tmp) / "data").ensure()
        ws = open_workspace(data)
        try:
            studio = ws.studio.setup("桂城街道人民调解委员会", "桂城", "李调解")
            demo.generate(ws, cases=300, seed=7)
            labels = Labels("zh_CN", ws.catalogue.dispute_types(), ws.catalogue.case_sources())
            runner = TaskRunner()
            counter = Counter()
            app.installEventFilter(counter)
            window = MainWindow(ws, runner, labels, studio)
            window.show()
            deadline = time.perf_counter() + 10
            while not window.case_list.is_current() and time.perf_counter() < deadline:
                app.processEvents()
            for _ in range(20):
                app.processEvents()
            app.removeEventFilter(counter)
            window.close()
            runner.shutdown()
            return counter.n
        finally:
            ws.close()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    target = QWidget()
    baseline = per_event_us(target)
    wheel.install(app)
    guarded = per_event_us(target)
    extra = guarded - baseline
    events = startup_events(app)
    print("wheel guard benchmark — one event delivered, CPU median of 5 × 100,000")
    print(f"  baseline: no guard          {baseline:6.2f} µs per event")
    print(f"  with the wheel guard        {guarded:6.2f} µs per event  (+{extra:.2f} µs)")
    print(f"  main window to first screen: {events} events → +{events * extra / 1000:.2f} ms")
    return report([Figure(
        "wheel guard's cost over a main window's start", events * extra / 1000, "ms", 1.0,
        note=f"{events} events × +{extra:.2f} µs (no guard {baseline:.2f} µs, same run); "
             "bound of this script (no issue names one)")])


if __name__ == "__main__":
    raise SystemExit(main())
