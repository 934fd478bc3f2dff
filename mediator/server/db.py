"""The server's database: SQLite in the data dir by default, PostgreSQL in production.

Every write that touches a studio's feed first locks that studio's row
(``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` takes the
one write lock), so several server processes on one PostgreSQL assign feed
sequences without gaps or duplicates.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from mediator.server.models import Studio

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(synchronous: str) -> Any:
    def connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA synchronous={synchronous}")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()
    return connect


def _sqlite_begin(conn: Connection) -> None:
    """Open the SQLite transaction of ``conn`` (the driver is in autocommit mode):
    IMMEDIATE takes the write lock at once.  Called by ServerDB where it begins, not
    from an engine "begin" event: any connection event makes SQLAlchemy dispatch
    events around every statement (~25 us each)."""
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    dbapi.execute("BEGIN IMMEDIATE" if conn.get_execution_options().get("write")
                  else "BEGIN")


def _sqlite_session_begin(_session: Any, transaction: Any, conn: Connection) -> None:
    if not transaction.nested:  # a SAVEPOINT runs inside the transaction begun here
        _sqlite_begin(conn)


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


#: PostgreSQL connections per server process unless told otherwise (the district
#: profile, README "区级服务器部署"): on 2 cores, 200 studios syncing at once ran with
#: p95 0.55 s at 4 a process and 1.07 s at 10 (+20 overflow) — 60 backends busy at
#: once spend PostgreSQL's CPU on each other (1.6 against 0.8 ms a round).
DEFAULT_PG_POOL = 4


def make_engine(url: str, *, group_commit: bool = False, pool_size: int | None = None
                ) -> Engine:
    """The engine of ``url``.  ``pool_size``: PostgreSQL connections kept per process
    (default :data:`DEFAULT_PG_POOL`); as many again may open for a moment, so a
    thread that needs a second connection never waits for ever."""
    # JSON columns hold compact UTF-8 text: a pull page splices rows' data in as stored.
    if url.startswith("sqlite"):
        engine = create_engine(url, pool_size=8, max_overflow=32, pool_timeout=60,
                               json_serializer=_json_text,
                               connect_args={"check_same_thread": False, "timeout": 30})
        # FULL fsyncs the log at every commit.  With group commit the server fsyncs
        # it itself, once for every commit made meanwhile (ServerDB.durable).
        event.listen(engine, "connect", _sqlite_pragmas("NORMAL" if group_commit else "FULL"))
        return engine
    size = max(1, pool_size or DEFAULT_PG_POOL)
    # pre_ping: a connection that PostgreSQL closed (a restart) is replaced before use.
    return create_engine(url, pool_size=size, max_overflow=size, pool_pre_ping=True,
                         pool_timeout=60, json_serializer=_json_text)


def migrate(engine: Engine, data_dir: Path | None = None) -> None:
    """Bring the schema up to date.  ``data_dir``: the server's data dir, where
    migration 0003 moves the district CA's key (without it the key moves at the
    next start of the server, :func:`mediator.server.ca.ensure_ca`)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["data_dir"] = data_dir
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            _sqlite_begin(conn)
        if engine.dialect.name == "postgresql":
            # Several processes may start at once: one migrates, the others wait.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242001)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class ServerDB:
    """Sessions on the server database.

    Durability: a write is acknowledged only once it would survive a power cut.
    PostgreSQL and SQLite with ``synchronous=FULL`` (the default here) make each
    commit durable before it returns.  ``group_commit=True`` (the server process,
    SQLite) instead commits with ``synchronous=NORMAL`` and lets the caller await
    :meth:`durable` before answering: one fsync of the write-ahead log then covers
    every commit made while the previous one ran, as PostgreSQL's group commit does.
    Frames of a commit that are in the fsynced log survive a crash (a checkpoint
    syncs the log before it copies and the database before the log is reused), and
    no answer — to the writer or to anyone reading the data — leaves before it.
    """

    def __init__(self, url: str, *, group_commit: bool = False,
                 pool_size: int | None = None, data_dir: Path | None = None) -> None:
        self.url = url
        self.engine = make_engine(url, group_commit=group_commit, pool_size=pool_size)
        migrate(self.engine, data_dir)
        db_file = self.engine.url.database if self.is_sqlite else None
        self._wal = (f"{db_file}-wal" if group_commit and db_file and db_file != ":memory:"
                     else None)
        self._commits = itertools.count(1)
        self._committed = 0  # commits so far (of this process)
        self._synced = 0  # commits known to be in the fsynced log
        self._flush: asyncio.Future[None] | None = None
        # One snapshot per read (a pull page and the digest beside it agree).
        reader = (self.engine if self.is_sqlite
                  else self.engine.execution_options(isolation_level="REPEATABLE READ"))
        self._reader = reader
        self._single = (self.engine if self.is_sqlite
                        else self.engine.execution_options(isolation_level="AUTOCOMMIT"))
        self._write_engine = self.engine.execution_options(write=True)
        self._read = sessionmaker(reader, expire_on_commit=False)
        self._write = sessionmaker(self._write_engine, expire_on_commit=False)
        if self.is_sqlite:
            event.listen(self._read, "after_begin", _sqlite_session_begin)
            event.listen(self._write, "after_begin", _sqlite_session_begin)
        self._write_lock = threading.Lock() if self.is_sqlite else None

    @property
    def pool_size(self) -> int:
        """Connections the pool keeps (PostgreSQL: the threads that may use them at once)."""
        return int(self.engine.pool.size())  # type: ignore[attr-defined]

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as s:
            try:
                yield s
            finally:
                s.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        if self._write_lock is None:
            with self._write() as s, s.begin():
                yield s
            return
        # SQLite has one writer at a time; queueing on a Python lock hands it over at
        # once, where SQLite's busy handler would sleep and poll (seconds under load).
        with self._write_lock:
            with self._write() as s, s.begin():
                yield s
            self._committed = next(self._commits)

    @contextmanager
    def write_conn(self) -> Iterator[Connection]:
        """A write transaction on a Core connection (the hot push path: no ORM session
        or unit of work).  Same lock, durability and commit count as :meth:`write`."""
        if self._write_lock is None:
            with self._write_engine.begin() as conn:
                yield conn
            return
        with self._write_lock:
            with self._write_engine.begin() as conn:
                _sqlite_begin(conn)
                yield conn
            self._committed = next(self._commits)

    @contextmanager
    def read_conn(self) -> Iterator[Connection]:
        """A read-only snapshot on a Core connection (rolled back at the end)."""
        with self._reader.connect() as conn:
            conn.begin()
            if self.is_sqlite:
                _sqlite_begin(conn)
            try:
                yield conn
            finally:
                conn.rollback()

    def connect(self) -> Connection:
        """A Core connection for a single-statement read (no ORM session to set up).
        On PostgreSQL in autocommit: the statement is its own snapshot, without a
        BEGIN and a ROLLBACK, two round trips of three."""
        return self._single.connect()

    async def durable(self) -> None:
        """Return once every commit made so far by this process is on disk (group
        commit: one fsync of the log, in a worker thread, for all of them)."""
        if self._wal is None or self._write_lock is None:
            return
        with self._write_lock:
            # Taken while no commit is between SQLite and the count: whatever a
            # handler read here is in the count.
            target = self._committed
        while self._synced < target:
            if self._flush is None:
                self._flush = asyncio.ensure_future(self._fsync(self._committed))
            await asyncio.shield(self._flush)

    async def _fsync(self, target: int) -> None:
        try:
            await asyncio.get_running_loop().run_in_executor(None, self._fsync_wal)
            self._synced = max(self._synced, target)
        finally:
            self._flush = None

    def _fsync_wal(self) -> None:
        assert self._wal is not None
        try:
            fd = os.open(self._wal, os.O_RDONLY)
        except FileNotFoundError:
            return  # the last connection checkpointed the log into the synced database
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def lock_studio(self, s: Session, studio_id: str) -> Studio | None:
        """The studio row, locked for this transaction (its feed is ours until commit)."""
        q = select(Studio).where(Studio.id == studio_id)
        if not self.is_sqlite:
            q = q.with_for_update()
        return s.execute(q).scalar_one_or_none()

    def dispose(self) -> None:
        self.engine.dispose()
