"""An acknowledged write survives a power cut: SQLite commits with synchronous=FULL,
or (the server process) in groups whose log is fsynced before any answer leaves."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from mediator.server.db import ServerDB
from mediator.server.models import Studio


def _synchronous(db: ServerDB) -> int:
    with db.connect() as conn:
        return int(conn.execute(text("PRAGMA synchronous")).scalar_one())


def test_admin_commands_commit_with_full_sync(tmp_path: Path) -> None:
    db = ServerDB(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    try:
        assert _synchronous(db) == 2  # FULL: the log is fsynced at every commit
    finally:
        db.dispose()


def test_group_commit_fsyncs_the_log_once_for_the_commits_before_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = ServerDB(f"sqlite:///{tmp_path / 'server.sqlite3'}", group_commit=True)
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    try:
        assert _synchronous(db) == 1  # NORMAL: durable() does the fsync instead
        for i in range(3):
            with db.write() as s:
                s.add(Studio(name=f"工作室{i}"))

        async def answers() -> None:
            await asyncio.gather(*(db.durable() for _ in range(5)))

        asyncio.run(answers())
        assert synced == [str(tmp_path / "server.sqlite3-wal")]  # one fsync for all
        asyncio.run(db.durable())
        assert len(synced) == 1  # nothing new committed: nothing to wait for
        with db.write() as s:
            s.add(Studio(name="又一个"))
        asyncio.run(db.durable())
        assert len(synced) == 2
    finally:
        db.dispose()
