"""The server's database: SQLite in the data dir by default, PostgreSQL in production.

Every write that touches a studio's feed first locks that studio's row
(``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` takes the
one write lock), so several server processes on one PostgreSQL assign feed
sequences without gaps or duplicates.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from mediator.server.models import Studio

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The embedded SQLite server: WAL with synchronous=NORMAL survives a killed server
# process (the OS holds the log) but not a power cut of the server host; the
# production engine is PostgreSQL.  MEDIATOR_SERVER_SQLITE_SYNC=FULL trades
# throughput for that too.
SQLITE_SYNCHRONOUS = os.environ.get("MEDIATOR_SERVER_SQLITE_SYNC", "NORMAL").upper()
if SQLITE_SYNCHRONOUS not in ("NORMAL", "FULL"):
    SQLITE_SYNCHRONOUS = "FULL"


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA synchronous={SQLITE_SYNCHRONOUS}")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write")
                         else "BEGIN")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, pool_size=8, max_overflow=32, pool_timeout=60,
                               connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True,
                         pool_timeout=60)


def migrate(engine: Engine) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # Several processes may start at once: one migrates, the others wait.
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242001)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class ServerDB:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        migrate(self.engine)
        # One snapshot per read (a pull page and the digest beside it agree).
        reader = (self.engine if self.is_sqlite
                  else self.engine.execution_options(isolation_level="REPEATABLE READ"))
        self._read = sessionmaker(reader, expire_on_commit=False)
        self._write = sessionmaker(self.engine.execution_options(write=True),
                                   expire_on_commit=False)
        self._write_lock = threading.Lock() if self.is_sqlite else None

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
        with self._write_lock, self._write() as s, s.begin():
            yield s

    def lock_studio(self, s: Session, studio_id: str) -> Studio | None:
        """The studio row, locked for this transaction (its feed is ours until commit)."""
        q = select(Studio).where(Studio.id == studio_id)
        if not self.is_sqlite:
            q = q.with_for_update()
        return s.execute(q).scalar_one_or_none()

    def dispose(self) -> None:
        self.engine.dispose()
