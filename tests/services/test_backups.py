"""Automatic backups and safe restore through :class:`BackupService`, on real files."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from mediator.errors import DatabaseDamagedError, MediatorError, StorageError
from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.backups import BackupService
from mediator.services.dto import CaseFilter
from mediator.services.workspace import Workspace, open_workspace
from tests.services.helpers import water_leak

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "db"
T0 = dt.datetime(2026, 5, 4, 9, 30)
FIXTURE_STUDIO = "佛山市南海区桂城街道人民调解委员会"


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(workspace: Workspace) -> Workspace:
    demo.generate(workspace, 12, seed=3)
    return workspace


def test_a_backup_is_verified_and_recorded(filled: Workspace, data_dir: DataDir) -> None:
    clock = Clock(T0)
    service = BackupService(data_dir, now=clock)
    result = service.back_up()
    assert result.backup.exists() and result.summary.cases == 12
    assert result.backup.name.startswith("mediator-auto-20260504-093000")
    good = service.last_good()
    assert good is not None and good.path == result.backup and good.cases == 12
    assert good.time == T0
    assert not list(data_dir.tmp.iterdir())  # the verification copy is gone
    assert not service.status().overdue
    clock.now = T0 + dt.timedelta(days=3, minutes=1)
    assert service.status().overdue


def test_a_new_studio_is_warned_only_after_three_days_without_a_backup(
        filled: Workspace, data_dir: DataDir) -> None:
    clock = Clock(T0)
    service = BackupService(data_dir, now=clock)
    assert not service.status().overdue  # the first day: no alarm yet
    clock.now = T0 + dt.timedelta(days=3, hours=1)
    assert service.status().overdue


def test_daily_and_exit_backups_only_when_needed(filled: Workspace, data_dir: DataDir) -> None:
    clock = Clock(T0)
    service = BackupService(data_dir, now=clock)
    assert service.back_up_if_due() is not None
    assert service.back_up_if_due() is None  # one a day
    assert service.back_up_if_changed() is None  # nothing changed since
    filled.cases.register(water_leak())
    clock.now = T0 + dt.timedelta(hours=2)
    assert service.back_up_if_changed() is not None
    clock.now = T0 + dt.timedelta(days=1)
    assert service.back_up_if_due() is not None
    assert len(service.backups()) == 2  # the newest of each day is kept


def test_verification_catches_a_corrupted_backup(filled: Workspace, data_dir: DataDir) -> None:
    service = BackupService(data_dir, now=Clock(T0))
    result = service.back_up()
    raw = bytearray(result.backup.read_bytes())
    page = 4096
    for offset in range(page * 2, len(raw) - page, page * 3):  # scribble over b-tree pages
        raw[offset + 8: offset + 200] = os.urandom(192)
    result.backup.write_bytes(bytes(raw))
    with pytest.raises(StorageError, match="损坏"):
        service.verify(result.backup, result.summary)
    truncated = result.backup.with_name("cut.sqlite3")
    truncated.write_bytes(bytes(raw[: len(raw) // 2]))
    with pytest.raises(StorageError, match="不完整"):
        service.verify(truncated, result.summary)


def test_second_location_gets_copies_and_a_missing_one_only_warns(
        filled: Workspace, data_dir: DataDir, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    clock = Clock(T0)
    service = BackupService(data_dir, now=clock)
    service.set_second_location(usb)
    result = service.back_up()
    assert result.second_copy is not None and result.warnings == []
    assert result.second_copy.read_bytes() == result.backup.read_bytes()
    assert result.second_copy.parent.parent == usb
    assert not list(result.second_copy.parent.glob("*.part"))

    shutil.rmtree(usb)  # the stick was pulled out
    clock.now = T0 + dt.timedelta(days=1)
    again = service.back_up()
    assert again.backup.exists() and again.second_copy is None
    assert again.warnings and "本机的备份已完成" in again.warnings[0]
    status = service.status()
    assert status.last_good is not None and status.last_good.path == again.backup
    assert str(usb) in status.second_warning


def test_preview_shows_studio_count_newest_case_and_losses(
        filled: Workspace, data_dir: DataDir) -> None:
    service = BackupService(data_dir, now=Clock(T0))
    backup = service.back_up().backup
    ref = filled.cases.register(water_leak(registered_on=dt.date(2026, 5, 3)))
    preview = service.preview(backup)
    assert preview.summary.committee_name == filled.studio.current().committee_name
    assert preview.summary.cases == 12
    rows = filled.cases.rows(filled.cases.ids(CaseFilter()))
    newest = max((r for r in rows if r.id != ref.id),
                 key=lambda r: (r.registered_on, r.case_no))
    assert preview.summary.newest_case_on == newest.registered_on
    assert preview.taken_at == T0
    assert preview.cases_lost == 1 and preview.needs_confirmation
    assert not preview.other_studio
    assert any("1 件案件将不再出现" in line for line in preview.lines())


def test_restore_brings_the_backup_back_and_keeps_the_current_data(
        filled: Workspace, data_dir: DataDir) -> None:
    service = BackupService(data_dir, now=Clock(T0))
    backup = service.back_up().backup
    filled.cases.register(water_leak())
    filled.close()
    with pytest.raises(MediatorError, match="需要确认"):
        service.restore(backup)
    result = service.restore(backup, confirmed=True)
    assert result.kept is not None and result.kept.name.startswith("mediator-pre-restore-")
    assert str(result.kept) in result.message()
    with open_workspace(data_dir) as ws:
        assert len(ws.cases.ids(CaseFilter())) == 12
    with sqlite3.connect(result.kept) as kept:
        assert kept.execute('SELECT count(*) FROM "case"').fetchone()[0] == 13
    assert not list(data_dir.tmp.iterdir())


def test_restore_of_an_older_schema_migrates_a_staged_copy(
        workspace: Workspace, data_dir: DataDir) -> None:
    service = BackupService(data_dir, now=Clock(T0))
    workspace.close()
    old = FIXTURES / "schema-0001.sqlite3"
    preview = service.preview(old)
    assert preview.other_studio  # the fixture is another studio's
    with pytest.raises(MediatorError, match="另一个工作室"):
        service.restore(old, confirmed=True)
    service.restore(old, confirmed=True, other_studio=preview.summary.committee_name)
    with open_workspace(data_dir) as ws:
        assert len(ws.cases.ids(CaseFilter())) == preview.summary.cases
    assert _sha(old) == _sha(FIXTURES / "schema-0001.sqlite3")  # never written to


# --------------------------------------------------------- the corpus of wrong files
def _wrong_files(tmp: Path, good_backup: Path) -> dict[str, tuple[Path, str]]:
    def copy(name: str) -> Path:
        dest = tmp / f"{name}.sqlite3"
        shutil.copyfile(good_backup, dest)
        return dest

    out: dict[str, tuple[Path, str]] = {}
    empty = tmp / "empty.sqlite3"
    empty.write_bytes(b"")
    out["0-byte file"] = (empty, "0 字节")
    blank = tmp / "blank.sqlite3"
    sqlite3.connect(blank).close()
    with sqlite3.connect(blank) as conn:
        conn.execute("PRAGMA user_version=1")  # a valid, empty SQLite database
    out["empty SQLite database"] = (blank, "空的数据库")
    cut = tmp / "cut.sqlite3"
    cut.write_bytes(good_backup.read_bytes()[: good_backup.stat().st_size // 2])
    out["truncated"] = (cut, "不完整")
    junk = tmp / "junk.sqlite3"
    junk.write_bytes(os.urandom(8192))
    out["not SQLite"] = (junk, "不完整或不是数据库")
    missing = copy("missing-table")
    conn = sqlite3.connect(missing)
    conn.execute("DROP TABLE payment")
    conn.close()
    out["a table missing"] = (missing, "缺少数据表")
    newer = copy("newer")
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute("UPDATE meta SET value='2' WHERE key='schema_major'")
    conn.close()  # folds the WAL back in
    pending = copy("pending-wal")
    Path(f"{pending}-wal").write_bytes(b"\0" * 4096)
    out["a WAL beside it"] = (pending, "-wal")
    out["newer schema"] = (newer, "更新版本")
    other = tmp / "other-studio"
    other_dir = DataDir.resolve(other).ensure()
    with open_workspace(other_dir) as ws:
        ws.studio.setup("佛山市禅城区祖庙街道人民调解委员会", "祖庙", "何调解")
    out["another studio"] = (other_dir.database, "另一个工作室")
    conflicting = tmp / "conflicting.sqlite3"
    shutil.copyfile(FIXTURES / "schema-0003.sqlite3", conflicting)
    conn = sqlite3.connect(conflicting)  # 0004 adds this column: the upgrade fails
    conn.execute('ALTER TABLE "case" ADD COLUMN former_case_no INTEGER')
    conn.close()
    out["conflicting schema"] = (conflicting, "无法升级")
    out["a folder"] = (tmp, "不是普通文件")
    if hasattr(os, "mkfifo"):
        fifo = tmp / "fifo.sqlite3"
        os.mkfifo(fifo)
        out["a FIFO"] = (fifo, "不是普通文件")
    return out


def test_restore_refuses_every_wrong_file_and_leaves_the_live_database_byte_identical(
        filled: Workspace, data_dir: DataDir, tmp_path: Path) -> None:
    service = BackupService(data_dir, now=Clock(T0))
    good = service.back_up().backup
    filled.close()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    wrong = _wrong_files(corpus, good)
    before = _sha(data_dir.database)
    backups_before = sorted(p.name for p in data_dir.backups.iterdir())
    for label, (path, reason) in wrong.items():
        with pytest.raises(MediatorError) as caught:
            # Confirmed as a user could (the fixtures' studio named), still refused.
            service.restore(path, confirmed=True, other_studio=FIXTURE_STUDIO)
            pytest.fail(f"restored: {label}")
        assert reason in caught.value.message, (label, caught.value.message)
        assert _sha(data_dir.database) == before, label
        wal = Path(f"{data_dir.database}-wal")
        assert not wal.exists() or wal.stat().st_size == 0, label
    # Nothing was kept or staged for a refused file (pre-restore copies only when swapping).
    assert sorted(p.name for p in data_dir.backups.iterdir()) == backups_before
    assert not list(data_dir.tmp.iterdir())


# ------------------------------------------------------------- damaged start-up
def test_a_truncated_database_is_refused_at_start_up_naming_the_backup(
        filled: Workspace, data_dir: DataDir) -> None:
    good = BackupService(data_dir, now=Clock(T0)).back_up().backup
    filled.close()
    raw = data_dir.database.read_bytes()
    data_dir.database.write_bytes(raw[: len(raw) // 3 // 4096 * 4096 + 100])
    before = _sha(data_dir.database)
    with pytest.raises(DatabaseDamagedError) as caught:
        open_workspace(data_dir)
    assert good.name in caught.value.message and "mediator restore" in caught.value.message
    assert _sha(data_dir.database) == before
    # The offered backup restores over the damaged file; the damaged one is kept.
    service = BackupService(data_dir, now=Clock(T0 + dt.timedelta(hours=1)))
    best = service.best_backup()
    assert best is not None and best.path == good
    preview = service.preview(good)
    assert preview.cases_lost is None and preview.needs_confirmation
    result = service.restore(good, confirmed=True)
    assert result.kept is not None and _sha(result.kept) == before  # kept byte for byte
    with open_workspace(data_dir) as ws:
        assert len(ws.cases.ids(CaseFilter())) == 12


def test_an_empty_database_file_is_refused_when_backups_exist(
        filled: Workspace, data_dir: DataDir) -> None:
    BackupService(data_dir, now=Clock(T0)).back_up()
    filled.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{data_dir.database}{suffix}").unlink(missing_ok=True)
    data_dir.database.write_bytes(b"")
    with pytest.raises(DatabaseDamagedError, match="0 字节"):
        open_workspace(data_dir)
    assert data_dir.database.stat().st_size == 0
