"""Backups and restore as a user meets them: real widgets, a real data dir, the real worker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.backups import BackupService
from mediator.services.workspace import open_workspace
from mediator.ui.app import Startup
from mediator.ui.tasks import TaskRunner

COMMITTEE = "桂城街道人民调解委员会"


def set_up(data_dir: DataDir, cases: int) -> None:
    with open_workspace(data_dir) as ws:
        ws.studio.setup(COMMITTEE, "桂城", "李调解")
        demo.generate(ws, cases=cases, seed=3)


def add_cases(data_dir: DataDir, cases: int) -> None:
    with open_workspace(data_dir) as ws:
        demo.generate(ws, cases=cases, seed=11)


@pytest.fixture
def startup(qapp, data_dir: DataDir, runner: TaskRunner):
    s = Startup(runner, data_dir, "zh_CN")
    yield s
    for widget in (s.window, s.damaged):
        if widget is not None:
            widget.close()
            widget.deleteLater()
    s.close()


def _start(qtbot, startup: Startup):
    with qtbot.waitSignal(startup.ready, timeout=15_000) as ready:
        startup.begin()
    window = ready.args[0]
    qtbot.waitUntil(window.case_list.is_current, timeout=10_000)
    return window


def _confirm_and_restore(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert not dialog.restore_button.isEnabled()  # cases would disappear: tick first
    dialog.confirm_loss.setChecked(True)
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)


def test_restore_from_the_settings_shows_the_restored_cases(
        qtbot, data_dir: DataDir, startup: Startup) -> None:
    set_up(data_dir, 20)
    backup = BackupService(data_dir).back_up().backup
    add_cases(data_dir, 5)
    window = _start(qtbot, startup)
    assert window.case_list.model.rowCount() == 25

    window.show_settings()
    section = startup.backups.section
    qtbot.waitUntil(lambda: section.list.count() == 1, timeout=10_000)
    assert "20" in section.last_good.text()
    section.list.setCurrentRow(0)
    with qtbot.waitSignal(section.restore_requested, timeout=5000):
        qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
    dialog = startup.backups.dialog
    assert dialog is not None and dialog.path == backup
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.studio.text() == COMMITTEE
    assert dialog.cases.text() == "20"
    assert "人调字第" in dialog.newest.text()
    assert dialog.taken.text()
    assert "5" in dialog.loss.text()

    old = window
    _confirm_and_restore(qtbot, dialog)
    qtbot.waitUntil(lambda: startup.window is not None and startup.window is not old,
                    timeout=20_000)
    new = startup.window
    qtbot.waitUntil(new.case_list.is_current, timeout=10_000)
    assert new.isVisible()
    assert new.case_list.model.rowCount() == 20
    assert new.notice.isVisible() and "pre-restore" in new.notice.text.text()
    kept = [p for p in data_dir.backups.iterdir() if p.name.startswith("mediator-pre-restore-")]
    assert len(kept) == 1 and kept[0].name in new.notice.text.text()


def test_the_status_bar_warns_after_three_days_without_a_good_backup(
        qtbot, data_dir: DataDir, startup: Startup) -> None:
    set_up(data_dir, 3)
    four_days_ago = dt.datetime.now() - dt.timedelta(days=4)
    BackupService(data_dir, now=lambda: four_days_ago).back_up()
    window = _start(qtbot, startup)
    warning = startup.backups.warning
    qtbot.waitUntil(warning.isVisible, timeout=5000)
    assert four_days_ago.strftime("%Y-%m-%d") in warning.text()
    # "Back up now" in 设置 makes a good backup: the warning goes.
    window.show_settings()
    section = startup.backups.section
    with qtbot.waitSignal(section.backed_up, timeout=15_000):
        qtbot.mouseClick(section.now_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not warning.isVisible(), timeout=5000)


def test_the_warning_names_a_missing_first_backup(
        qtbot, data_dir: DataDir, startup: Startup) -> None:
    set_up(data_dir, 3)
    long_ago = dt.datetime.now() - dt.timedelta(days=5)
    BackupService(data_dir, now=lambda: long_ago).status()  # first seen 5 days ago
    _start(qtbot, startup)
    qtbot.waitUntil(startup.backups.warning.isVisible, timeout=5000)
    assert "还没有备份" in startup.backups.warning.text() \
        or "No backup yet" in startup.backups.warning.text()


def test_no_warning_with_a_recent_backup(qtbot, data_dir: DataDir, startup: Startup) -> None:
    set_up(data_dir, 3)
    BackupService(data_dir).back_up()
    _start(qtbot, startup)
    qtbot.waitUntil(lambda: startup.backups.section.status is not None
                    or startup.runner.is_idle(), timeout=5000)
    qtbot.wait(200)
    assert not startup.backups.warning.isVisible()


def test_a_damaged_database_at_start_up_offers_the_last_good_backup(
        qtbot, data_dir: DataDir, startup: Startup) -> None:
    set_up(data_dir, 20)
    BackupService(data_dir).back_up()
    raw = data_dir.database.read_bytes()
    for suffix in ("-wal", "-shm"):
        Path(f"{data_dir.database}{suffix}").unlink(missing_ok=True)
    data_dir.database.write_bytes(raw[: len(raw) // 2 + 1000])  # cut off
    damaged_bytes = data_dir.database.read_bytes()

    startup.begin()
    qtbot.waitUntil(lambda: startup.damaged is not None and startup.damaged.isVisible(),
                    timeout=10_000)
    dialog = startup.damaged
    assert "损坏" in dialog.problem.text()
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=10_000)
    assert data_dir.database.read_bytes() == damaged_bytes  # nothing written yet
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    restore = dialog.restore_dialog
    assert restore is not None
    with qtbot.waitSignal(startup.ready, timeout=20_000) as ready:
        _confirm_and_restore(qtbot, restore)
    window = ready.args[0]
    qtbot.waitUntil(window.case_list.is_current, timeout=10_000)
    assert window.case_list.model.rowCount() == 20
    assert window.notice.isVisible() and "已从备份恢复" in window.notice.text.text()


def test_closing_the_window_after_changes_leaves_a_checked_backup(
        qtbot, data_dir: DataDir, startup: Startup) -> None:
    """The exit backup: cases were added (here by another program, as `mediator import`
    would), the mediator closes the window, and a verified backup is there."""
    set_up(data_dir, 8)
    window = _start(qtbot, startup)
    add_cases(data_dir, 3)
    assert not list(data_dir.backups.glob("mediator-*.sqlite3"))
    window.close()
    startup.close()  # what run_gui does after the event loop: queued work finishes
    status = BackupService(data_dir).status()
    assert status.last_good is not None and status.last_good.cases == 11
    assert status.last_good.path.exists()
