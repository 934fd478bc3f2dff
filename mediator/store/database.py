"""Opening the local database: engine, migrations, session factories, unit of work."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mediator.errors import StorageError
from mediator.paths import DataDir
from mediator.store.engine import make_engine, make_session_factories
from mediator.store.migrate import migrate

#: How long closing waits for another process before leaving the WAL folded in later.
CLOSE_BUSY_TIMEOUT_MS = 200


@dataclass
class Database:
    """The studio's local database. Thread-safe: each call takes its own session."""

    data_dir: DataDir
    engine: Engine
    _reader: sessionmaker[Session]
    _writer: sessionmaker[Session]
    migration: str = ""
    revision: str = "head"  # an older one only for fixture makers
    #: Run on each unit of work's session just before it commits (derived tables
    #: brought up to date in the same transaction: the workspace adds the Today
    #: view's due-date refresh).
    before_commit: list[Callable[[Session], object]] = field(default_factory=list)

    @classmethod
    def open(cls, data_dir: DataDir, *, revision: str = "head") -> Database:
        """Open (create, or migrate with a backup first) the database of ``data_dir``.
        ``revision`` is for making fixture databases of older schemas only."""
        data_dir.ensure()
        _check_file(data_dir)
        engine = make_engine(data_dir.database)
        try:
            done = migrate(engine, data_dir.database, data_dir.backups, revision)
        except BaseException:
            engine.dispose()
            raise
        reader, writer = make_session_factories(engine)
        return cls(data_dir, engine, reader, writer, done, revision)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (deferred transaction, never blocks writers)."""
        with self._reader() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One atomic unit of work: everything inside commits together or not at all."""
        try:
            with self._writer() as session, session.begin():
                yield session
                self.prepare_commit(session)
        except OperationalError as exc:
            raise _storage_error(exc) from exc

    def prepare_commit(self, session: Session) -> None:
        """The :attr:`before_commit` steps, for a transaction not opened by :meth:`write`
        (a sync pull's own connection)."""
        for step in self.before_commit:
            step(session)

    def close(self) -> None:
        with self.engine.connect() as conn:
            # Keep the planner's statistics fresh (SQLite's advice: on every close),
            # and fold the WAL back into the main file so a copied data dir is complete.
            conn.execute(text("PRAGMA optimize")).close()
            conn.commit()
            # Best effort: another process holding the database must not make
            # closing wait the whole busy timeout a second time (a refused CLI
            # write waited 10 s, then 10 s more here).  SQLite folds the WAL
            # back in at the next close that finds the file free.
            conn.execute(text(f"PRAGMA busy_timeout={CLOSE_BUSY_TIMEOUT_MS}")).close()
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)")).close()
        self.engine.dispose()


def _check_file(data_dir: DataDir) -> None:
    path = data_dir.database
    if not path.exists():
        return
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            "数据库文件已损坏或不是调解工作台的数据库。请从备份恢复（mediator restore），"
            "原文件未作改动。"
        ) from exc


def _storage_error(exc: OperationalError) -> StorageError:
    msg = str(exc.orig) if exc.orig is not None else ""
    if "disk" in msg and "full" in msg:
        return StorageError("磁盘空间已满，未能保存。请清理磁盘后重试，已输入的内容仍在。")
    if "locked" in msg or "busy" in msg:
        return StorageError("数据库正被另一个程序占用，未能保存。请稍后重试。")
    if "readonly" in msg:
        return StorageError("数据目录是只读的，未能保存。")
    return StorageError("数据库写入失败，未能保存。")
