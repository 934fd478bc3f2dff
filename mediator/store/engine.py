"""The local SQLite engine: WAL, ``synchronous=FULL``, foreign keys on.

The local database is the studio's only copy between syncs, so every connection
is configured for durability over speed: a committed transaction survives a
power cut (``synchronous=FULL`` in WAL mode fsyncs the log on every commit).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

BUSY_TIMEOUT_MS = 10_000
#: Overrides BUSY_TIMEOUT_MS (milliseconds, 0-600000).  The tests that hold the lock on
#: purpose set it low: the refusal a user sees is the same, without the 10 s waits.
BUSY_TIMEOUT_ENV = "MEDIATOR_BUSY_TIMEOUT_MS"


def busy_timeout_ms() -> int:
    """How long a writer waits for another program's write lock before the user is
    told the database is busy; an unusable override is ignored, not fatal."""
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if raw.isdigit() and int(raw) <= 600_000:
        return int(raw)
    return BUSY_TIMEOUT_MS


def _configure(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # pysqlite's own transaction handling is replaced by explicit BEGIN (below),
    # so that SAVEPOINT and "BEGIN IMMEDIATE" behave as SQLite documents.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    cur.execute("PRAGMA temp_store=MEMORY")  # no personal data in OS temp files
    cur.execute("PRAGMA cache_size=-16000")  # 16 MB page cache per connection
    cur.close()


def _begin(conn: Any) -> None:
    # Writers take the write lock at the start (IMMEDIATE), so two writers never
    # deadlock half-way through a unit of work: the later one waits on
    # busy_timeout instead.  Readers use a plain deferred BEGIN and never block.
    if conn.get_execution_options().get("mediator_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    """An engine on the SQLite file at ``path`` (created if missing)."""
    url = f"sqlite+pysqlite:///{path}"
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms() / 1000},
    )
    event.listen(engine, "connect", _configure)
    event.listen(engine, "begin", _begin)
    return engine


def make_session_factories(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """(reader, writer) session factories; the writer's transactions are IMMEDIATE."""
    reader = sessionmaker(engine, expire_on_commit=False)
    writer = sessionmaker(
        engine.execution_options(mediator_write=True), expire_on_commit=False
    )
    return reader, writer
