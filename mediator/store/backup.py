"""Backups of the local database through SQLite's online backup API.

The backup API copies a consistent snapshot even while the app writes, unlike a
file copy of a WAL database.  Backups rotate: the newest ``keep`` of each reason
are kept.  They stay inside the data directory (personal data never leaves it).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from mediator.errors import StorageError

_REASON = re.compile(r"^[a-z0-9-]{1,30}$")


def backup_database(src: Path, dest: Path) -> Path:
    """Copy the database at ``src`` to ``dest`` (atomically: temp file, fsync, rename)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    try:
        with sqlite3.connect(src) as source, sqlite3.connect(tmp) as target:
            source.backup(target, pages=4096)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"备份数据库失败：{exc.__class__.__name__}") from exc
    return dest


def rotating_backup(src: Path, backups_dir: Path, reason: str, keep: int = 10) -> Path:
    """A timestamped backup named after ``reason`` (e.g. "pre-migrate", "daily")."""
    if not _REASON.match(reason):
        raise ValueError(f"bad backup reason {reason!r}")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = backups_dir / f"mediator-{reason}-{stamp}.sqlite3"
    backup_database(src, dest)
    olds = sorted(backups_dir.glob(f"mediator-{reason}-*.sqlite3"))
    for old in olds[:-keep]:
        old.unlink(missing_ok=True)
    return dest


def restore_database(backup: Path, dest: Path) -> None:
    """Replace the database at ``dest`` by ``backup`` (the app must be closed).

    The old database's WAL is checkpointed and removed before the new file is
    renamed into place: a stale WAL next to a different main file would corrupt it.
    """
    try:
        with sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as check:
            row = check.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.Error as exc:
        raise StorageError("备份文件无法读取，不是有效的数据库。") from exc
    if not row or row[0] != "ok":
        raise StorageError("备份文件已损坏（完整性检查未通过）。")
    staged = dest.with_name(dest.name + ".restore")
    backup_database(backup, staged)
    if dest.exists():
        try:
            with sqlite3.connect(dest) as old:
                old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # a damaged current database is why one restores; it was backed up
    for suffix in ("-wal", "-shm"):
        Path(str(dest) + suffix).unlink(missing_ok=True)
    os.replace(staged, dest)
