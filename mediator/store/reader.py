"""Read-only queries over the local database with the standard library's sqlite3.

The case list, search and detail views only read; doing that with raw SQL on a
plain connection is several times faster than building ORM objects, and keeps
SQLAlchemy out of the start-up path.  One connection per thread (sqlite3
connections must not be shared), each in WAL mode like the writer's, marked
``query_only`` so a bug here can never write.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mediator.errors import StorageError

Params = Mapping[str, object] | Sequence[object]


class Reader:
    def __init__(self, db_path: Path) -> None:
        self._path = db_path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(self._path, check_same_thread=False, timeout=10)
                conn.execute("PRAGMA busy_timeout=10000")
                conn.execute("PRAGMA query_only=1")
                conn.execute("PRAGMA temp_store=MEMORY")
            except sqlite3.Error as exc:
                raise StorageError("无法读取数据库。") from exc
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def all(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn().execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise StorageError("读取数据库失败，请稍后重试。") from exc

    def one(self, sql: str, params: Params = ()) -> tuple[Any, ...] | None:
        rows = self.all(sql, params)
        return rows[0] if rows else None

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()
