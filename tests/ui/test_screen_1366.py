"""The dialogs fit a 1366×768 laptop screen: the dialog tests run again in a
child pytest whose offscreen platform has exactly that screen (the offscreen
plugin's configfile), since a process has one platform and one screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ["tests/ui/documents/test_finalise_fits_screen.py",
         "tests/ui/workflow/test_session_mode_fits_screen.py",
         "tests/ui/test_case_detail_fits_screen.py"]


def test_dialogs_fit_a_1366_by_768_screen(tmp_path: Path) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               MEDIATOR_EXPECT_SCREEN="1366x768")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "--basetemp", str(tmp_path / "run"), *TESTS],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert f"{len(TESTS)} passed" in done.stdout
