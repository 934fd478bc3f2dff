"""The task runner: work on one worker thread, results back on the GUI thread."""

from __future__ import annotations

import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QLabel

from mediator.errors import ValidationError
from mediator.ui import errors
from mediator.ui.tasks import WORKER_THREAD_NAME, ImmediateTaskRunner, TaskRunner


@pytest.fixture
def runner(qapp: QApplication):
    r = TaskRunner()
    yield r
    r.shutdown()


def test_work_runs_on_one_worker_and_callbacks_on_gui_thread(qtbot, runner: TaskRunner) -> None:
    work_threads: list[str] = []
    callback_threads: list[QThread] = []
    results: list[int] = []

    def work(i: int) -> int:
        work_threads.append(threading.current_thread().name)
        return i * 2

    for i in range(20):
        runner.run(
            lambda i=i: work(i),
            on_done=lambda r: (results.append(r), callback_threads.append(QThread.currentThread())),
        )
    qtbot.waitUntil(lambda: len(results) == 20, timeout=5000)
    assert results == [i * 2 for i in range(20)]  # delivered in submission order
    assert len(set(work_threads)) == 1
    assert work_threads[0].startswith(WORKER_THREAD_NAME)
    assert all(t is QApplication.instance().thread() for t in callback_threads)


def test_work_is_serialised(qtbot, runner: TaskRunner) -> None:
    active = 0
    overlaps: list[int] = []
    done: list[None] = []

    def work() -> None:
        nonlocal active
        active += 1
        overlaps.append(active)
        time.sleep(0.005)
        active -= 1

    for _ in range(10):
        runner.run(work, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 10, timeout=5000)
    assert max(overlaps) == 1


def test_error_goes_to_on_error(qtbot, runner: TaskRunner) -> None:
    got: list[BaseException] = []

    def fail() -> None:
        raise ValidationError("身份证号码校验位不正确", field="id_number")

    runner.run(fail, on_done=lambda _r: pytest.fail("on_done after an error"), on_error=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert isinstance(got[0], ValidationError)
    assert errors.recorded == []


def test_unhandled_expected_error_is_shown_plainly(qtbot, runner: TaskRunner) -> None:
    def fail() -> None:
        raise ValidationError("请填写纠纷简要情况", field="summary")

    runner.run(fail)
    qtbot.waitUntil(lambda: bool(errors.recorded), timeout=5000)
    shown = errors.recorded[0]
    assert not shown.is_bug
    assert shown.text == "请填写纠纷简要情况"


def test_unhandled_bug_gets_crash_report_without_personal_data(
    qtbot, runner: TaskRunner, tmp_path, shown_errors
) -> None:
    errors.install(tmp_path / "logs")
    # Built at run time so the traceback's source line does not hold it either.
    secret = "".join(["张", "三", " 4406021990", "01011234"])

    def buggy() -> None:
        raise KeyError(secret)

    runner.run(buggy)
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=5000)
    shown = shown_errors.pop()
    assert shown.is_bug
    assert shown.report is not None and shown.report.parent == tmp_path / "logs"
    report = shown.report.read_text(encoding="utf-8")
    assert "buggy" in report and "KeyError" in report
    assert "张三" not in report and "440602" not in report
    assert "张三" not in shown.text
    assert (tmp_path / "logs" / "faulthandler.log").exists()
    errors.uninstall()


def test_bug_in_callback_is_reported(qtbot, runner: TaskRunner, shown_errors) -> None:
    def bad_callback(_r: object) -> None:
        raise RuntimeError("callback bug")

    runner.run(lambda: 1, on_done=bad_callback)
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=5000)
    assert shown_errors.pop().is_bug


def test_shutdown_finishes_queued_work(qapp: QApplication) -> None:
    r = TaskRunner()
    saved: list[int] = []
    delivered: list[int] = []
    for i in range(5):
        r.run(
            lambda i=i: (time.sleep(0.01), saved.append(i))[1],
            on_done=lambda _x: delivered.append(1),
        )
    r.shutdown()
    assert saved == [0, 1, 2, 3, 4]
    assert len(delivered) == 5
    # A late timer after shutdown: dropped, not run, and no crash dialog.
    late: list[int] = []
    r.run(lambda: late.append(1), on_done=late.append)
    assert late == [] and r.is_shut_down()
    r.shutdown()  # twice is fine


def test_immediate_runner_runs_inline(qapp: QApplication) -> None:
    r = ImmediateTaskRunner()
    got: list[object] = []
    r.run(lambda: 41 + 1, on_done=got.append)
    assert got == [42]
    r.run(lambda: 1 / 0, on_error=got.append)
    assert isinstance(got[1], ZeroDivisionError)
    r.shutdown()
    r.run(lambda: got.append("late"))
    assert "late" not in got


def test_result_for_a_deleted_widget_is_dropped_quietly(
        qtbot, runner: TaskRunner, shown_errors) -> None:
    """A page closed while its query ran (the window closing, a sync status label
    torn down) gets no callback: before, calling its method raised "Internal C++
    object already deleted" and the user saw the crash dialog."""


    label = QLabel()
    release = threading.Event()
    runner.run(lambda: release.wait(5) and "done", on_done=label.setText)
    label.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(label), timeout=5000)
    release.set()
    after: list[str] = []
    runner.run(lambda: "next", on_done=after.append)  # plain functions still delivered
    qtbot.waitUntil(lambda: after == ["next"], timeout=5000)
    assert shown_errors == []
