"""Automatic backups and safe restore (自动备份与恢复): when, where, and whether it is good.

The GUI (a timer, the exit, "back up now", the restore dialog) and the CLI
(``mediator backup`` / ``mediator restore``) call the same :class:`BackupService`,
so both make the same checks and say the same things.  The file work itself
(copy, rotation, checks) is in :mod:`mediator.store.backup` and
:mod:`mediator.store.dbcheck`.

A backup only counts once it is *verified*: copied into ``tmp/`` as a restore
would, ``PRAGMA integrity_check``-ed, and found to hold the same studio and
number of cases as the database had at that instant.  The last good backup is
recorded in ``backup-state.json`` (this PC only, never synced); the GUI warns
when it is older than :data:`WARN_AFTER`.  A second location (USB drive,
network folder) gets a copy of each good backup; when it is missing that is a
warning, never a failed backup.  Restore checks the chosen file before touching
anything, migrates a copy of it in ``tmp/``, keeps the current data as a
``pre-restore`` backup, then swaps atomically.  All work here runs on the
GUI's database worker or in the CLI: never on the GUI thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediator.errors import DatabaseDamagedError, MediatorError, StorageError
from mediator.paths import DataDir
from mediator.store import backup as files
from mediator.store.backup import BackupFile
from mediator.store.dbcheck import (
    DatabaseSummary,
    check_live_database,
    count_missing_cases,
    inspect_database,
    live_summary,
)

STATE_FILE = "backup-state.json"
STATE_VERSION = 1
SETTINGS_VERSION = 1
#: No good backup for this long: the main window says so.
WARN_AFTER = dt.timedelta(days=3)


@dataclass(frozen=True)
class GoodBackup:
    """The last backup that passed verification."""

    time: dt.datetime
    path: Path
    cases: int
    studio_id: str
    mark: str = ""


@dataclass(frozen=True)
class BackupResult:
    backup: Path
    summary: DatabaseSummary
    second_copy: Path | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BackupStatus:
    last_good: GoodBackup | None
    overdue: bool
    second_location: Path | None
    second_warning: str
    backups: list[BackupFile]


@dataclass(frozen=True)
class RestorePreview:
    """What a restore of ``path`` would bring back and take away."""

    path: Path
    summary: DatabaseSummary
    taken_at: dt.datetime
    current: DatabaseSummary | None
    cases_lost: int | None  # None: the current database cannot be read
    other_studio: bool

    @property
    def needs_confirmation(self) -> bool:
        return self.other_studio or self.cases_lost is None or self.cases_lost > 0

    def lines(self) -> list[str]:
        """The preview in Chinese, one fact per line (the CLI prints these)."""
        s = self.summary
        newest = f"{s.newest_case_no}（受理日期 {s.newest_case_on}）" if s.newest_case_no else "无"
        out = [f"备份文件：{self.path}",
               f"备份时间：{self.taken_at:%Y-%m-%d %H:%M}",
               f"工作室：{s.committee_name}",
               f"案件数：{s.cases}",
               f"最新案件：{newest}"]
        if self.current is not None:
            out.append(f"当前数据：{self.current.cases} 件案件")
        if self.other_studio:
            out.append(f"注意：这是另一个工作室的备份（{s.committee_name}，工作室编号 "
                       f"{s.studio_id[:8]}…），不是本机工作室的数据。")
        if self.cases_lost is None:
            out.append("注意：当前数据库无法读取，无法计算恢复后会少哪些案件。")
        elif self.cases_lost:
            out.append(f"注意：恢复后，当前的 {self.cases_lost} 件案件将不再出现（备份中没有）。")
        else:
            out.append("当前的案件备份中都有，恢复不会少案件。")
        return out


@dataclass(frozen=True)
class RestoreResult:
    summary: DatabaseSummary
    kept: Path | None  # the copy of the data it replaced

    def message(self) -> str:
        kept = f"恢复前的数据已保存为 {self.kept}。" if self.kept else "恢复前没有数据库。"
        return (f"已从备份恢复：{self.summary.committee_name}，{self.summary.cases} 件案件。"
                + kept)


class BackupService:
    """Backups of one data directory; ``now`` is injectable for tests (local time)."""

    def __init__(self, data_dir: DataDir,
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.data_dir = data_dir
        self.now = now

    # --------------------------------------------------------------- settings
    def _read_json(self, path: Path) -> dict[str, Any]:
        try:
            if path.stat().st_size > 1_000_000:
                return {}
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_json(self, path: Path, data: dict[str, Any]) -> None:
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)

    def second_location(self) -> Path | None:
        """The folder chosen for a second copy of each backup (settings.json), or None."""
        value = self._read_json(self.data_dir.settings_file).get("backup", {})
        where = value.get("second_location") if isinstance(value, dict) else None
        return Path(where) if isinstance(where, str) and where else None

    def set_second_location(self, folder: Path | None) -> None:
        settings = self._read_json(self.data_dir.settings_file)
        settings.setdefault("version", SETTINGS_VERSION)
        section = settings.get("backup")
        section = section if isinstance(section, dict) else {}
        section["second_location"] = str(folder) if folder else ""
        settings["backup"] = section
        self.data_dir.root.mkdir(parents=True, exist_ok=True)
        self._write_json(self.data_dir.settings_file, settings)

    # ------------------------------------------------------------------ state
    @property
    def state_file(self) -> Path:
        return self.data_dir.root / STATE_FILE

    def _state(self) -> dict[str, Any]:
        state = self._read_json(self.state_file)
        return state if state.get("version") == STATE_VERSION else {}

    def _save_state(self, **changes: Any) -> None:
        state = self._state()
        state.update(changes, version=STATE_VERSION)
        self._write_json(self.state_file, state)

    def last_good(self) -> GoodBackup | None:
        raw = self._state().get("last_good")
        if not isinstance(raw, dict):
            return None
        try:
            return GoodBackup(dt.datetime.fromisoformat(raw["time"]), Path(raw["path"]),
                              int(raw["cases"]), str(raw["studio_id"]), str(raw.get("mark", "")))
        except (KeyError, TypeError, ValueError):
            return None

    def backups(self) -> list[BackupFile]:
        """The backups in the data dir, newest first."""
        return files.list_backups(self.data_dir.backups)

    def status(self) -> BackupStatus:
        good = self.last_good()
        if good is not None:
            overdue = self.now() - good.time > WARN_AFTER
        else:
            # Never backed up: counted from when this PC first asked (a new studio is
            # not warned on its first day; its first backup comes within minutes).
            try:
                first = dt.datetime.fromisoformat(str(self._state()["first_seen"]))
            except (KeyError, ValueError):
                first = self.now()
                with contextlib.suppress(OSError):
                    self._save_state(first_seen=first.isoformat(timespec="seconds"))
            overdue = self.now() - first > WARN_AFTER
        return BackupStatus(good, overdue, self.second_location(),
                            str(self._state().get("second_warning", "")), self.backups())

    def is_due(self) -> bool:
        """True when there is no good backup made today (the daily backup)."""
        good = self.last_good()
        return good is None or good.time.date() < self.now().date()

    def changed_since_last(self) -> bool:
        """True when the data changed since the last good backup (the exit backup)."""
        import sqlite3  # noqa: PLC0415 - only here

        from mediator.store.dbcheck import change_mark, ro_uri  # noqa: PLC0415

        good = self.last_good()
        if good is None:
            return True
        try:
            conn = sqlite3.connect(ro_uri(self.data_dir.database, immutable=False), uri=True)
            try:
                return change_mark(conn) != good.mark
            finally:
                conn.close()
        except sqlite3.Error:
            return True

    # ----------------------------------------------------------------- backup
    def back_up(self, reason: str = "auto") -> BackupResult:
        """Make, verify and rotate one backup; copy it to the second location."""
        db = self.data_dir.database
        if not db.exists():
            raise StorageError("数据目录中还没有数据库，无需备份。")
        self.data_dir.ensure()
        dest = self.data_dir.backups / files.backup_name(reason, self.now())
        summary, mark = files.snapshot_database(db, dest)
        if summary is None:
            dest.unlink(missing_ok=True)
            raise StorageError("还没有设置工作室，没有需要备份的数据。")
        try:
            self.verify(dest, summary)
        except StorageError:
            dest.unlink(missing_ok=True)
            self._save_state(last_error="备份校验未通过")
            raise
        files.prune(self.data_dir.backups)
        self._save_state(last_good={
            "time": self.now().isoformat(timespec="seconds"), "path": str(dest),
            "cases": summary.cases, "studio_id": summary.studio_id, "mark": mark,
        }, last_error="")
        second, warnings = self._copy_to_second(dest)
        return BackupResult(dest, summary, second, warnings)

    def back_up_if_due(self) -> BackupResult | None:
        return self.back_up() if self._has_studio() and self.is_due() else None

    def back_up_if_changed(self) -> BackupResult | None:
        return self.back_up() if self._has_studio() and self.changed_since_last() else None

    def _has_studio(self) -> bool:
        return live_summary(self.data_dir.database) is not None

    def verify(self, backup: Path, expected: DatabaseSummary) -> DatabaseSummary:
        """Restore ``backup`` into ``tmp/`` and check the copy: integrity, a Mediator
        database, the same studio and number of cases as ``expected``."""
        self.data_dir.tmp.mkdir(parents=True, exist_ok=True)
        copy = self.data_dir.tmp / f"verify-{backup.name}"
        try:
            shutil.copyfile(backup, copy)
            found = inspect_database(copy, what="备份")
        except OSError as exc:
            raise StorageError(f"备份校验失败：{exc.strerror or type(exc).__name__}") from exc
        finally:
            copy.unlink(missing_ok=True)
        if (found.studio_id, found.cases) != (expected.studio_id, expected.cases):
            raise StorageError("备份校验未通过：备份中的工作室或案件数与数据库不一致。")
        return found

    def second_folder(self) -> Path | None:
        """This PC's folder inside the second location (two PCs sharing one network
        folder must not rotate each other's backups away)."""
        root = self.second_location()
        if root is None:
            return None
        host = re.sub(r"[^\w-]+", "_", socket.gethostname())[:40] or "pc"
        return root / f"Mediator-{host}"

    def _copy_to_second(self, backup: Path) -> tuple[Path | None, list[str]]:
        root, folder = self.second_location(), self.second_folder()
        if root is None or folder is None:
            self._save_state(second_warning="")
            return None, []
        try:
            if not root.is_dir():
                raise FileNotFoundError(2, "找不到该文件夹（U 盘或网络文件夹未连接？）")
            folder.mkdir(exist_ok=True)
            copy = files.copy_atomic(backup, folder / backup.name)
            files.prune(folder)
        except OSError as exc:
            warning = (f"第二备份位置 {root} 不可用（{exc.strerror or type(exc).__name__}），"
                       "本机的备份已完成。")
            self._save_state(second_warning=warning)
            return None, [warning]
        self._save_state(second_warning="")
        return copy, []

    # ---------------------------------------------------------------- restore
    def preview(self, backup: Path) -> RestorePreview:
        """Check ``backup`` (refused with a Chinese message if it is not a good
        Mediator database) and say what restoring it would do.  Reads only."""
        summary = inspect_database(Path(backup))
        named = files.parse_name(Path(backup))
        if named is not None:
            taken = named.taken_at
        else:
            taken = dt.datetime.fromtimestamp(Path(backup).stat().st_mtime)
        db = self.data_dir.database
        current = live_summary(db)
        if current is not None:
            mine: str | None = current.studio_id
        else:
            good = self.last_good()
            mine = good.studio_id if good else None
        lost = count_missing_cases(Path(backup), db) if current is not None else (
            None if db.exists() else 0)
        other = mine is not None and mine != summary.studio_id
        return RestorePreview(Path(backup), summary, taken, current, lost, other)

    def restore(self, backup: Path, *, confirmed: bool = False,
                other_studio: str = "") -> RestoreResult:
        """Replace the live database by ``backup``; the app's copy must be closed.

        ``confirmed``: the user saw the preview and agreed to lose the cases it
        names; ``other_studio``: the other studio's name, as the user confirmed it.
        """
        preview = self.preview(backup)
        if preview.other_studio and other_studio != preview.summary.committee_name:
            raise MediatorError(
                f"这是另一个工作室（{preview.summary.committee_name}）的备份，"
                "需要明确确认后才能恢复，未作任何改动。")
        if preview.needs_confirmation and not confirmed:
            raise MediatorError(
                "恢复会使当前的部分案件不再出现，需要确认后才能恢复，未作任何改动。")
        stamp = self.now().strftime(files.STAMP)
        staging = DataDir(self.data_dir.tmp / f"restore-{stamp}")
        try:
            summary = self._stage(preview.path, staging)
            kept = self._keep_current()
            try:
                files.swap_in(staging.database, self.data_dir.database)
            except OSError as exc:
                raise StorageError(
                    f"替换数据库失败（{exc.strerror or type(exc).__name__}），当前数据未改动；"
                    + (f"它的副本已保存为 {kept}。" if kept else "")) from exc
        finally:
            shutil.rmtree(staging.root, ignore_errors=True)
        return RestoreResult(summary, kept)

    def _stage(self, backup: Path, staging: DataDir) -> DatabaseSummary:
        """Copy the backup into ``tmp/`` and bring it to the current schema there, so a
        backup that cannot be migrated is refused before the live data is touched."""
        from mediator.store.schema import is_current  # noqa: PLC0415

        staging.ensure()
        try:
            files.copy_atomic(backup, staging.database)
        except OSError as exc:
            raise StorageError(
                f"无法复制备份文件（{exc.strerror or type(exc).__name__}），"
                "未作任何改动。") from exc
        if not is_current(staging.database):
            from mediator.store.database import Database  # noqa: PLC0415 - migration only

            try:
                Database.open(staging).close()
            except MediatorError as exc:
                raise StorageError(
                    "这个备份无法升级到当前版本的数据结构，未恢复，当前数据未改动。") from exc
        return inspect_database(staging.database, integrity=False, what="备份",
                                immutable=False)

    def _keep_current(self) -> Path | None:
        """Keep the data about to be replaced (pre-restore), byte for byte if damaged."""
        db = self.data_dir.database
        if not db.exists():
            return None
        try:
            return files.rotating_backup(db, self.data_dir.backups, "pre-restore")
        except StorageError:
            try:
                return files.keep_damaged_copy(db, self.data_dir.backups, self.now())
            except OSError as exc:
                raise StorageError(
                    f"无法先保存当前数据（{exc.strerror or type(exc).__name__}），未恢复，"
                    "当前数据未改动。") from exc

    # -------------------------------------------------------- damaged start-up
    def best_backup(self) -> BackupFile | None:
        """The backup to offer when the live database is damaged: the last good one
        if it is still there, else the newest regular backup that looks sound."""
        good = self.last_good()
        backups = self.backups()
        if good is not None:
            for b in backups:
                if b.path == good.path:
                    return b
        for b in backups:
            if b.reason in (*files.REGULAR_REASONS, "pre-restore", "pre-migrate"):
                try:
                    inspect_database(b.path, integrity=False)
                except StorageError:
                    continue
                return b
        return None


def check_before_opening(data_dir: DataDir) -> None:
    """Refuse a visibly damaged live database, naming the backup to restore (start-up)."""
    has_backups = any(data_dir.backups.glob("mediator-*.sqlite3")) \
        if data_dir.backups.is_dir() else False
    try:
        check_live_database(data_dir.database, has_backups=has_backups)
    except DatabaseDamagedError as exc:
        best = BackupService(data_dir).best_backup()
        if best is None:
            raise DatabaseDamagedError(exc.message + "没有找到可用的备份。") from exc
        raise DatabaseDamagedError(
            f"{exc.message}最近的备份：{best.path.name}（{best.taken_at:%Y-%m-%d %H:%M}）。"
            f"可用命令恢复：mediator restore \"{best.path}\"") from exc
