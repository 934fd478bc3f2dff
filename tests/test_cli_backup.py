"""``mediator backup`` / ``mediator restore`` and a damaged database, as real processes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.test_cli import run


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_restore_refuses_wrong_files_in_one_chinese_line(tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert run("demo", "--cases", "5", data=data).returncode == 0
    db = data / "mediator.sqlite3"
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    other = tmp_path / "other"
    assert run("demo", "--cases", "2", data=other).returncode == 0
    run("cases", data=data)  # the app closed cleanly: the WAL is folded in
    before = _sha(db)
    for bad, reason in ((empty, "0 字节"), (tmp_path / "missing.sqlite3", "找不到"),
                        (other / "mediator.sqlite3", "--yes")):
        out = run("restore", str(bad), data=data)
        assert out.returncode == 1, out.stdout
        assert out.stderr.startswith("mediator: ") and reason in out.stderr, out.stderr
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
        assert _sha(db) == before
    assert "另一个工作室" in run("restore", str(other / "mediator.sqlite3"), data=data).stdout


def test_backup_is_verified_and_restore_names_the_kept_copy(tmp_path: Path) -> None:
    data = tmp_path / "d"
    run("demo", "--cases", "6", data=data)
    out = run("backup", data=data)
    assert out.returncode == 0 and "已备份并校验" in out.stdout and "6 件" in out.stdout
    backup = next((data / "backups").glob("mediator-manual-*.sqlite3"))
    # Nothing would disappear: no --yes needed.
    done = run("restore", str(backup), data=data)
    assert done.returncode == 0, done.stderr
    assert "恢复不会少案件" in done.stdout and "mediator-pre-restore-" in done.stdout


def test_a_truncated_database_names_the_backup_and_the_restore_command(tmp_path: Path) -> None:
    data = tmp_path / "d"
    run("demo", "--cases", "30", data=data)
    assert run("backup", data=data).returncode == 0
    db = data / "mediator.sqlite3"
    raw = db.read_bytes()
    db.write_bytes(raw[: len(raw) // 2 + 512])
    before = _sha(db)
    out = run("cases", data=data)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "损坏" in out.stderr and "mediator restore" in out.stderr
    assert "mediator-manual-" in out.stderr
    assert _sha(db) == before
