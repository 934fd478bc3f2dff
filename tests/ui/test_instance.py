"""One app per data dir, with real processes: a second start brings the first
window forward and exits 0; a lock left by a killed app does not block."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from mediator.paths import DataDir
from mediator.ui.instance import LOCK_NAME, bring_forward, server_name
from tests.test_cli import run as run_cli

FORWARD = "bringing the window forward"


def env() -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k != "MEDIATOR_DATA_DIR"}
    e.update(QT_QPA_PLATFORM="offscreen", MEDIATOR_NO_DIALOGS="1")
    return e


def start(data: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "mediator", "--data-dir", str(data)],
                            env=env(), text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)


def second_start(data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mediator", "--data-dir", str(data)],
                          env=env(), text=True, capture_output=True, timeout=60, check=False)


def forwards(data: Path) -> int:
    log = data / "logs" / "mediator.log"
    return log.read_text(encoding="utf-8").count(FORWARD) if log.exists() else 0


def wait_for(pred, timeout: float = 30) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not pred():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_second_start_brings_the_first_forward_and_a_killed_lock_is_taken_over(
    tmp_path: Path,
) -> None:
    data = tmp_path / "d"
    assert run_cli("demo", "--cases", "5", data=data).returncode == 0
    first = start(data)
    third = None
    try:
        wait_for((data / LOCK_NAME).exists)
        out = second_start(data)
        assert out.returncode == 0, out.stderr
        assert out.stdout == "" and "Traceback" not in out.stderr
        wait_for(lambda: forwards(data) == 1)
        assert first.poll() is None  # the first app keeps running

        # A CLI sub-command is never blocked by the running window.
        assert "共 5 件" in run_cli("cases", data=data).stdout

        os.killpg(first.pid, signal.SIGKILL)  # a crash: the lock file stays behind
        first.wait(10)
        assert (data / LOCK_NAME).exists()
        third = start(data)
        wait_for(lambda: (data / "logs" / "mediator.log").read_text(encoding="utf-8")
                 .count("started") >= 3)
        time.sleep(1)
        assert third.poll() is None  # it took the stale lock and runs
        out = second_start(data)
        assert out.returncode == 0, out.stderr
        wait_for(lambda: forwards(data) == 2)
    finally:
        for proc in (first, third):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(10)


def test_the_socket_name_holds_no_path(tmp_path: Path) -> None:
    data = DataDir.resolve(tmp_path / "张三的数据")
    name = server_name(data)
    assert name.startswith("mediator-") and "张三" not in name and str(tmp_path) not in name
    assert name == server_name(DataDir.resolve(tmp_path / "张三的数据"))
    assert name != server_name(DataDir.resolve(tmp_path / "other"))


@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise|requestActivate)")
def test_bring_forward_unminimises(qtbot) -> None:
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    w.setWindowState(Qt.WindowState.WindowMinimized)
    bring_forward(w)
    assert not (w.windowState() & Qt.WindowState.WindowMinimized)
    assert w.isVisible()
