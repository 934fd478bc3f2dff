"""Failures a person can act on, as the ``mediator`` command meets them for real:
a full disk, a read-only data dir, a database held by another process, a missing
bundled font.  Each gets its own Chinese line and a non-zero exit, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from mediator.store.engine import BUSY_TIMEOUT_ENV
from tests.mounts import fill_up, remount_read_only, tmpfs
from tests.test_cli import REPO
from tests.test_cli import run as run_cli


def smoke(data: Path, *extra: str,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(env or os.environ)
    env.pop("MEDIATOR_DATA_DIR", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([sys.executable, *extra, "-m", "mediator", "--data-dir", str(data),
                           "--smoke"], capture_output=True, text=True, env=env, timeout=120,
                          check=False)


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_full_disk(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", size="8m") as disk:
        data = disk / "d"
        assert run_cli("demo", "--cases", "5", data=data).returncode == 0
        fill_up(disk)
        out = run_cli("demo", "--cases", "200", "--seed", "2", data=data)
        assert out.returncode == 1
        line = one_line(out.stderr)
        assert "磁盘空间已满" in line and "腾出空间" in line
        # The user makes room as told: what was saved before is there, whole.
        for filler in disk.glob("filler*.bin"):
            filler.unlink()
        assert "共 5 件" in run_cli("cases", data=data).stdout


def test_read_only_data_dir(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        data = disk / "d"
        assert run_cli("demo", "--cases", "3", data=data).returncode == 0
        remount_read_only(disk)
        out = run_cli("demo", "--cases", "3", "--seed", "2", data=data)
        assert out.returncode == 1
        assert "数据目录不能写入" in one_line(out.stderr)
        # The GUI start says the same, through the one error path, exit 2.
        gui = smoke(data)
        assert gui.returncode == 2, gui.stderr
        assert "数据目录不能写入" in gui.stderr and "Traceback" not in gui.stderr


HOLDER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")  # a writer that does not let go
    conn.execute("UPDATE meta SET value = value WHERE key = 'schema_major'")
    print("holding", flush=True)
    time.sleep(120)
    """
)


def test_database_held_by_another_process(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert run_cli("demo", "--cases", "3", data=data).returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(data / "mediator.sqlite3")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        # The writer gives up after 0.5 s instead of 10 s (closing then waits at most
        # 0.2 s for its checkpoint): the same refusal, 10 s sooner.
        out = run_cli("demo", "--cases", "3", "--seed", "2", data=data,
                      extra_env={BUSY_TIMEOUT_ENV: "500"})
        assert out.returncode == 1
        line = one_line(out.stderr)
        assert "正被另一个程序占用" in line and "稍等片刻后再试" in line
    finally:
        holder.kill()
        holder.wait()
    assert "共 3 件" in run_cli("cases", data=data).stdout  # nothing half-written


def test_missing_bundled_font_names_the_file(tmp_path: Path) -> None:
    """An installed bundle (sys._MEIPASS, as PyInstaller sets it) whose fonts dir
    lacks one file: the app starts, says which file, and tells to reinstall."""
    data = tmp_path / "d"
    assert run_cli("demo", "--cases", "3", data=data).returncode == 0
    bundle = tmp_path / "bundle"
    for src in (REPO / "resources").rglob("*"):
        if src.is_file() and src.name != "uming.ttc":
            dest = bundle / "resources" / src.relative_to(REPO / "resources")
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.symlink_to(src)
    boot = tmp_path / "boot"
    boot.mkdir()
    (boot / "sitecustomize.py").write_text(f"import sys\nsys._MEIPASS = {str(bundle)!r}\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(boot), str(REPO)]))
    out = smoke(data, env=env)
    assert out.returncode == 1
    assert "uming.ttc" in out.stderr and "重新安装" in out.stderr
    assert "Traceback" not in out.stderr
