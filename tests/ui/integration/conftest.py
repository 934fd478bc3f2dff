"""Fixtures of the whole-app tests: the real start-up sequence on a data dir in tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from mediator.paths import DataDir
from mediator.ui.app import Startup
from mediator.ui.fonts import install_fonts
from mediator.ui.mainwindow import MainWindow
from mediator.ui.tasks import TaskRunner

Launch = Callable[[], Startup]


@pytest.fixture
def launch(qapp, qtbot, data_dir: DataDir) -> Iterator[Launch]:
    """Start the app as ``mediator`` does (worker, first run, main window, with the
    bundled fonts as the application font); every start-up is shut down at the end,
    like closing the app."""
    started: list[Startup] = []
    # The real app's fonts: layouts differ with them (a PDF preview once looped for
    # ever at the geometry they give, and only with them).
    install_fonts(qapp)

    def start() -> Startup:
        s = Startup(TaskRunner(), data_dir, "zh_CN")
        started.append(s)
        s.begin()
        return s

    yield start
    for s in started:
        quit_app(qtbot, s)
    qapp.setFont(QApplication.font(None))


def quit_app(qtbot, s: Startup) -> None:
    """What closing the window does: the last drafts queued, the workspace closed."""
    if s.runner.is_shut_down():
        return
    for widget in (s.window, s.first_run):
        if widget is not None:
            widget.close()
            widget.deleteLater()
    qtbot.waitUntil(s.runner.is_idle, timeout=20_000)
    s.close()


def wait_window(qtbot, s: Startup) -> MainWindow:
    qtbot.waitUntil(lambda: s.window is not None, timeout=20_000)
    window = s.window
    assert window is not None
    qtbot.waitUntil(window.case_list.is_current, timeout=20_000)
    return window
