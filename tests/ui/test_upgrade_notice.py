"""The window's calm notice after an older data dir was upgraded (the real start-up)."""

from __future__ import annotations

from pathlib import Path

from tests.test_upgrade import FIXTURES, data_dir_from


def test_window_shows_the_upgrade_notice(qtbot, qapp, tmp_path: Path) -> None:
    from mediator.paths import DataDir
    from mediator.ui.app import Startup
    from mediator.ui.tasks import TaskRunner

    data = data_dir_from(FIXTURES[0], tmp_path)
    runner = TaskRunner()
    startup = Startup(runner, DataDir.resolve(data), "zh_CN")
    try:
        with qtbot.waitSignal(startup.ready, timeout=20_000):
            startup.begin()
        qtbot.waitUntil(lambda: startup.upgrade_notice is not None, timeout=5000)
        assert startup.upgrade_backup is not None
        assert str(startup.upgrade_backup) in (startup.upgrade_notice or "")
        assert startup.upgrade_backup.is_file()
    finally:
        if startup.window is not None:
            startup.window.close()
            startup.window.deleteLater()
        startup.close()
