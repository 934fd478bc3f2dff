"""Backups of the local database through SQLite's online backup API, and their rotation.

The backup API copies a consistent snapshot even while the app writes, unlike a
file copy of a WAL database.  Backups are named ``mediator-<reason>-<local time>.sqlite3``
so their time and reason can be read from the name alone (sorting by name is
sorting by time).  Regular backups (``auto``: made by the app; ``manual``: "back
up now") rotate grandfather-father-son: 7 daily, 4 weekly, 12 monthly.  Safety
copies taken before a migration or a restore keep the newest few of each reason.
Backups stay inside the data directory unless the user names a second location.

Pure file work: no Qt, no ORM.  :mod:`mediator.services.backups` decides when.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from mediator.errors import StorageError
from mediator.store.dbcheck import DatabaseSummary, change_mark, summarise

_REASON = re.compile(r"^[a-z0-9-]{1,30}$")
_NAME = re.compile(r"^mediator-([a-z0-9-]+)-(\d{8}-\d{6}-\d{6})\.sqlite3$")
STAMP = "%Y%m%d-%H%M%S-%f"
#: Backups that rotate grandfather-father-son.
REGULAR_REASONS = ("auto", "manual")
#: How many of each other reason (pre-migrate, pre-restore, damaged) are kept.
KEEP_SAFETY_COPIES = 10
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


@dataclass(frozen=True)
class BackupFile:
    """One backup file, as its name describes it."""

    path: Path
    reason: str
    taken_at: dt.datetime  # local time, naive (as named)
    size: int


def backup_name(reason: str, now: dt.datetime) -> str:
    if not _REASON.match(reason):
        raise ValueError(f"bad backup reason {reason!r}")
    return f"mediator-{reason}-{now.strftime(STAMP)}.sqlite3"


def parse_name(path: Path) -> BackupFile | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = dt.datetime.strptime(match.group(2), STAMP)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupFile(path, match.group(1), taken, size)


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in ``folder``, newest first (files of other names are ignored)."""
    try:
        names = list(folder.glob("mediator-*.sqlite3"))
    except OSError:
        return []
    found = [b for b in (parse_name(p) for p in names) if b is not None]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory; its rename is durable enough
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_database(src: Path, dest: Path) -> Path:
    """Copy the database at ``src`` to ``dest`` (atomically: temp file, fsync, rename)."""
    snapshot_database(src, dest)
    return dest


def snapshot_database(src: Path, dest: Path) -> tuple[DatabaseSummary | None, str]:
    """Copy ``src`` to ``dest`` atomically, and say what the copy holds.

    The summary (studio, case count) and the change mark are read in the same
    read transaction the copy is made from, so they describe exactly the copy:
    verification later compares the copy against them.  The summary is None for
    a database without a studio yet (e.g. before the first run, or pre-migrate).
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    try:
        source = sqlite3.connect(src, isolation_level=None)
        try:
            source.execute("BEGIN")
            try:
                summary: DatabaseSummary | None = summarise(source, "数据库", False)
            except StorageError:
                summary = None
            mark = change_mark(source)
            target = sqlite3.connect(tmp)
            try:
                source.backup(target, pages=-1)  # one step: inside our read transaction
            finally:
                target.close()
            source.execute("COMMIT")
        finally:
            source.close()
        _fsync_file(tmp)
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"备份数据库失败：{_reason(exc)}") from exc
    return summary, mark


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return exc.__class__.__name__


def copy_atomic(src: Path, dest: Path) -> Path:
    """Copy a finished file to ``dest`` (e.g. a USB drive): temp name, fsync, rename,
    so a pulled-out stick never leaves a half file under a backup's name."""
    tmp = dest.with_name(dest.name + ".part")
    try:
        shutil.copyfile(src, tmp)
        _fsync_file(tmp)
        os.replace(tmp, dest)
        _fsync_dir(dest.parent)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return dest


def rotating_backup(src: Path, backups_dir: Path, reason: str,
                    keep: int = KEEP_SAFETY_COPIES) -> Path:
    """A timestamped safety copy named after ``reason`` (e.g. "pre-migrate");
    the newest ``keep`` of that reason are kept."""
    dest = backups_dir / backup_name(reason, dt.datetime.now())
    backup_database(src, dest)
    olds = [b for b in list_backups(backups_dir) if b.reason == reason]
    for old in olds[keep:]:
        old.path.unlink(missing_ok=True)
    return dest


# ------------------------------------------------------------------ rotation
def _periods(
    backups: list[BackupFile], period: Callable[[dt.datetime], object], count: int,
    kept: set[Path],
) -> None:
    """Keep the newest backup of each of the ``count`` most recent periods; a period
    whose newest backup an earlier rule already keeps is passed over without
    counting (as borg's prune does), so the rules add up to 7 + 4 + 12."""
    last: object = None
    found = 0
    for b in backups:  # newest first
        key = period(b.taken_at)
        if key == last:
            continue
        last = key
        if b.path in kept:
            continue
        kept.add(b.path)
        found += 1
        if found == count:
            return


def gfs_keep(backups: Iterable[BackupFile], daily: int = KEEP_DAILY,
             weekly: int = KEEP_WEEKLY, monthly: int = KEEP_MONTHLY) -> set[Path]:
    """The regular backups to keep: grandfather (monthly), father (weekly), son (daily)."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    kept: set[Path] = set()
    _periods(ordered, lambda t: t.date(), daily, kept)
    _periods(ordered, lambda t: t.isocalendar()[:2], weekly, kept)
    _periods(ordered, lambda t: (t.year, t.month), monthly, kept)
    return kept


def prune(folder: Path) -> list[Path]:
    """Apply the rotation rules in ``folder``; the removed files."""
    backups = list_backups(folder)
    regular = [b for b in backups if b.reason in REGULAR_REASONS]
    keep = gfs_keep(regular)
    by_reason: dict[str, int] = {}
    for b in backups:
        if b.reason not in REGULAR_REASONS:
            by_reason[b.reason] = by_reason.get(b.reason, 0) + 1
            if by_reason[b.reason] <= KEEP_SAFETY_COPIES:
                keep.add(b.path)
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink(missing_ok=True)
                removed.append(b.path)
            except OSError:
                pass  # a read-only stick: the next rotation tries again
    return removed


# ------------------------------------------------------------------- restore
def keep_damaged_copy(db: Path, backups_dir: Path, now: dt.datetime) -> Path:
    """Keep a database the backup API cannot read (a damaged one) byte for byte."""
    dest = backups_dir / backup_name("damaged", now)
    copy_atomic(db, dest)
    wal = Path(f"{db}-wal")
    if wal.exists():
        copy_atomic(wal, Path(f"{dest}-wal"))
    return dest


def swap_in(staged: Path, dest: Path) -> None:
    """Put the checked, staged database in place of ``dest`` (the app's copy closed).

    The old database's WAL is folded in and emptied first: a stale WAL next to a
    different main file would corrupt it, and removing a WAL still holding
    commits would lose them.  The rename itself is atomic: a crash leaves either
    the old database or the new one, never a mix.
    """
    wal = Path(f"{dest}-wal")
    if dest.exists() and wal.exists() and wal.stat().st_size > 0:
        try:
            conn = sqlite3.connect(dest, isolation_level=None)
            try:
                busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                conn.close()
        except sqlite3.Error:
            busy = 0  # a damaged database: its copy was kept before this point
        if busy:
            raise StorageError("数据库正被另一个程序使用，未恢复，当前数据未改动。"
                               "请先关闭其他调解工作台窗口。")
    for suffix in ("-wal", "-shm"):
        Path(f"{dest}{suffix}").unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{staged}{suffix}").unlink(missing_ok=True)
    os.replace(staged, dest)
    _fsync_dir(dest.parent)


def restore_database(backup: Path, dest: Path) -> None:
    """Replace the database at ``dest`` by ``backup`` after checking it (the app closed).

    The low-level step; :meth:`mediator.services.backups.BackupService.restore`
    adds the preview, the confirmation, the migration and the copy kept first.
    """
    from mediator.store.dbcheck import inspect_database  # noqa: PLC0415 - same package

    inspect_database(backup)
    staged = dest.with_name(dest.name + ".restore")
    copy_atomic(backup, staged)
    swap_in(staged, dest)
