"""A studio PC shut down with the app open: SIGTERM closes the window as the user would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.backups import BackupService
from mediator.services.workspace import open_workspace

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGTERM is POSIX")


def test_sigterm_closes_the_window_and_leaves_the_exit_backup(tmp_path: Path) -> None:
    data = DataDir.resolve(tmp_path / "d").ensure()
    with open_workspace(data) as ws:
        ws.studio.setup("桂城街道人民调解委员会", "桂城", "陈调解")
        demo.generate(ws, cases=6, seed=2)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEDIATOR_NO_DIALOGS="1")
    app = subprocess.Popen([sys.executable, "-m", "mediator", "--data-dir", str(data.root)],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        log = data.logs / "mediator.log"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (
                log.exists() and "started" in log.read_text(encoding="utf-8")):
            time.sleep(0.2)
        time.sleep(3)  # the window is up (start-up paints in well under a second)
        assert app.poll() is None, "the app ended before it was asked to"
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=60) == 0  # a clean end, not death by signal (-15)
    finally:
        if app.poll() is None:
            app.kill()
    good = BackupService(data).status().last_good
    assert good is not None and good.cases == 6 and good.path.exists()
