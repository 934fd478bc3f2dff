"""``mediator --smoke``: start the real app, wait for the painted case list, exit.

Why: the packaging smoke test (an installed .deb in CI) and the installed-start
benchmark need one question answered without a person at the screen: *does this
build start, open the data dir and paint the case list?*  The answer is two lines
on stdout::

    smoke: case list painted, 1200 cases, 843 ms
    smoke: chart rendered, 13722 px of bars

and exit 0.  The second line is the statistics page's chart library (QtCharts, which
the bundle must carry with the OpenGL libraries it links): a bar chart is drawn
into an image after the case list painted, outside ``T``.  Anything else exits
non-zero with the reason on stderr:

* ``EXIT_NO_STUDIO`` (3) — the data dir has no studio yet; the first-run
  dialog would need a person, so it is not shown.
* the start-up's own code (2 for a database that cannot be opened, 1 for a
  bug), with the message the dialog would have shown.
* ``EXIT_TIMEOUT`` (4) — nothing painted within :data:`TIMEOUT_S` seconds.
* 1 with ``smoke: chart not rendered`` — QtCharts missing or drawing nothing.

No dialog is ever opened (a modal box offscreen would wait forever).  Without a
display (no ``DISPLAY``/``WAYLAND_DISPLAY`` on Linux) the offscreen platform is
chosen, so the same command runs on a CI machine and on a desktop.

``T`` is measured from the process start where the OS tells it (Linux
``/proc``), else from the moment this module started its work: it is the cold
start a mediator waits for, interpreter and imports included.
"""

from __future__ import annotations

import os
import sys
import time

from mediator.paths import DataDir

EXIT_OK = 0
EXIT_NO_STUDIO = 3  # the same as mediator.ui.app.EXIT_NO_STUDIO (imported late: Qt)
EXIT_TIMEOUT = 4
TIMEOUT_S = 60.0


def choose_platform() -> None:
    """Offscreen when there is no display to show a window on (before QApplication)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def process_start() -> float:
    """The process's start as a ``time.time()`` value (Linux), else now."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            # Field 22 (starttime, clock ticks after boot); the command name
            # (field 2) may hold spaces, so count from its closing parenthesis.
            fields = f.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        boot = time.time() - uptime
        return boot + start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return time.time()


#: A laid-out 360x240 chart of three bars fills about 15,000 pixels with their colour;
#: a chart that never got its size draws a few.
CHART_MIN_PIXELS = 2000


def chart_pixels() -> int:
    """Draw a three-bar QtCharts chart (360x240, in a scene of its own: no window)
    into an image; how many pixels have the bars' colour.  Raises ImportError when
    the bundle lacks QtCharts or a library it links."""
    from PySide6.QtCharts import QBarSeries, QBarSet, QChart  # noqa: PLC0415
    from PySide6.QtCore import QCoreApplication, QRectF  # noqa: PLC0415
    from PySide6.QtGui import QColor, QImage, QPainter  # noqa: PLC0415
    from PySide6.QtWidgets import QGraphicsScene  # noqa: PLC0415

    colour = QColor(200, 40, 40)
    bars = QBarSet("cases")
    bars.append([3.0, 7.0, 5.0])
    bars.setColor(colour)
    bars.setBorderColor(colour)
    series = QBarSeries()
    series.append(bars)
    chart = QChart()
    chart.addSeries(series)
    chart.createDefaultAxes()
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    scene = QGraphicsScene()
    scene.addItem(chart)
    area = QRectF(0, 0, 360, 240)
    chart.setGeometry(area)
    QCoreApplication.processEvents()  # the chart lays out its plot area on an event
    image = QImage(360, 240, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, area, area)
    painter.end()
    want = colour.rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixel(x, y) == want)


def run_smoke(data_dir: DataDir, lang: str = "zh_CN") -> int:
    """Start the app on ``data_dir`` as :func:`~mediator.ui.app.run_gui` does and
    report whether the case list painted; the exit code."""
    started = process_start()
    choose_platform()
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415 - after the platform

    from mediator.errors import InstallationError  # noqa: PLC0415
    from mediator.ui import errors  # noqa: PLC0415
    from mediator.ui.app import EXIT_NO_STUDIO as NO_STUDIO  # noqa: PLC0415
    from mediator.ui.app import prepare  # noqa: PLC0415
    from mediator.ui.mainwindow import MainWindow  # noqa: PLC0415

    errors.dialogs_enabled = False  # nobody is there to click a dialog away
    app, startup = prepare(data_dir, lang, interactive=False)
    outcome: dict[str, int] = {}

    def finish(code: int, line: str) -> None:
        if "code" in outcome:
            return
        outcome["code"] = code
        print(line, file=sys.stdout if code == EXIT_OK else sys.stderr, flush=True)
        if startup.window is not None:
            startup.window.close()
        app.exit(code)

    def failed(code: int) -> None:
        if code == NO_STUDIO:
            finish(EXIT_NO_STUDIO, "smoke: no studio set up"
                   "（尚未设置工作室：请先运行 mediator setup 或打开程序完成首次设置）")
            return
        shown = errors.recorded[-1] if errors.recorded else None
        if shown is None:
            reason = f"start-up ended with code {code}"
        elif shown.is_bug:
            reason = f"unexpected error {type(shown.exc).__name__}; report: {shown.report}"
        else:
            reason = shown.text.replace("\n", " ")
        finish(code or 1, f"smoke: start-up failed: {reason}")

    class PaintWatch(QObject):
        """Sees the case table's viewport paint once its first screen is filled."""

        def __init__(self, window: MainWindow) -> None:
            super().__init__(window)
            self.page = window.case_list
            self.viewport = self.page.table.viewport()
            self.viewport.installEventFilter(self)
            self.viewport.update()

        def filled(self) -> bool:
            model = self.page.model
            if model.rowCount() > 0:
                return model.is_loaded(0)
            return self.page.is_current()  # an empty studio: the answer is "no cases"

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.filled():
                watched.removeEventFilter(self)
                painted = time.time()
                # The paint runs right after this filter returns; report after it.
                QTimer.singleShot(0, lambda: self.when_whole(painted))
            return False

        def when_whole(self, painted: float) -> None:
            # N is the whole list's size: wait (outside T) for the full id list.
            if not self.page.is_current():
                QTimer.singleShot(5, lambda: self.when_whole(painted))
                return
            broken = [e for e in errors.recorded if isinstance(e.exc, InstallationError)]
            if broken:  # e.g. a bundled font missing: the package is incomplete
                finish(1, f"smoke: installation incomplete: {broken[0].text}")
                return
            if startup.upgrade_backup is not None:  # the notice the GUI shows, in one line
                print(f"smoke: data upgraded; backup taken first: {startup.upgrade_backup}",
                      file=sys.stderr, flush=True)
            n = self.page.model.rowCount()
            ms = round((painted - started) * 1000)
            try:
                bars = chart_pixels()
            except ImportError as exc:
                finish(1, f"smoke: chart not rendered: {exc}")
                return
            if bars < CHART_MIN_PIXELS:
                finish(1, f"smoke: chart not rendered: the bars drew {bars} px")
                return
            finish(EXIT_OK, f"smoke: case list painted, {n} cases, {ms} ms")
            print(f"smoke: chart rendered, {bars} px of bars", flush=True)

    watches: list[PaintWatch] = []
    startup.ready.connect(lambda window: watches.append(PaintWatch(window)))
    startup.failed.connect(failed)
    QTimer.singleShot(
        round(TIMEOUT_S * 1000),
        lambda: finish(EXIT_TIMEOUT, f"smoke: case list not painted within {TIMEOUT_S:.0f} s"),
    )
    code = app.exec()
    startup.close()
    return outcome.get("code", code or 1)
