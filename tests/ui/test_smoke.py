"""``mediator --smoke`` as the packaging check runs it: a real process, offscreen."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.test_cli import run as run_cli


def smoke(data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MEDIATOR_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([sys.executable, "-m", "mediator", "--data-dir", str(data), "--smoke"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


def test_smoke_reports_the_painted_case_list(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert run_cli("demo", "--cases", "120", data=data).returncode == 0
    out = smoke(data)
    assert out.returncode == 0, out.stderr
    painted, chart = out.stdout.strip().splitlines()
    assert re.fullmatch(r"smoke: case list painted, 120 cases, \d+ ms", painted), painted
    # The statistics page's chart library draws: three bars, thousands of pixels.
    m = re.fullmatch(r"smoke: chart rendered, (\d+) px of bars", chart)
    assert m and int(m.group(1)) >= 2000, chart
    assert "Traceback" not in out.stderr


def test_smoke_without_a_studio_says_so_and_exits_3(tmp_path: Path) -> None:
    out = smoke(tmp_path / "fresh")
    assert out.returncode == 3
    assert "no studio set up" in out.stderr and out.stdout == ""


def test_smoke_on_a_database_from_a_newer_version_fails_with_the_reason(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert run_cli("demo", "--cases", "2", data=data).returncode == 0
    with sqlite3.connect(data / "mediator.sqlite3") as conn:
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_major'")
    out = smoke(data)
    assert out.returncode == 2
    assert "smoke: start-up failed" in out.stderr and "升级" in out.stderr
    assert out.stdout == "" and "Traceback" not in out.stderr
