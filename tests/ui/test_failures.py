"""What the desktop app shows for failures a person can act on, and for a bug."""

from __future__ import annotations

from pathlib import Path

from mediator.errors import DiskFullError
from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.workspace import open_workspace
from mediator.ui import errors
from mediator.ui.tasks import TaskRunner
from tests.mounts import fill_up, tmpfs


def test_full_disk_while_working_gets_its_own_message(
    qtbot, tmp_path: Path, runner: TaskRunner, shown_errors
) -> None:
    with tmpfs(tmp_path / "disk", size="8m") as disk:
        data_dir = DataDir.resolve(disk / "d").ensure()
        ws = open_workspace(data_dir)
        try:
            ws.studio.setup("桂城街道人民调解委员会", "桂城", "李调解")
            fill_up(disk)
            runner.run(lambda: demo.generate(ws, cases=100, seed=4))  # errors go to show_error
            qtbot.waitUntil(lambda: bool(shown_errors), timeout=30_000)
            shown = shown_errors.pop()
            assert not shown.is_bug and isinstance(shown.exc, DiskFullError)
            assert shown.title == "Storage problem"
            assert "磁盘空间已满" in shown.text and "Traceback" not in shown.text
        finally:
            for filler in disk.glob("filler*.bin"):
                filler.unlink()
            ws.close()


def test_crash_dialog_says_what_to_do_and_where_the_report_is(
    qtbot, runner: TaskRunner, tmp_path: Path, shown_errors
) -> None:
    errors.install(tmp_path / "logs")
    try:
        def buggy() -> None:
            raise IndexError(3)  # a bug

        runner.run(buggy)
        qtbot.waitUntil(lambda: bool(shown_errors), timeout=5000)
        shown = shown_errors.pop()
    finally:
        errors.uninstall()
    assert shown.is_bug and shown.report is not None
    assert "start it again" in shown.text and "district" in shown.text
    assert str(shown.report) in shown.text and "IndexError" not in shown.text
