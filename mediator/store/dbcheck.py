"""Is this file a healthy Mediator database, and what does it hold?

Restore and backup verification must judge a file *before* anything is touched:
a 0-byte file, a FIFO, a truncated copy, an empty SQLite database, one with a
table missing, one written by a newer Mediator or by another studio.  Each is
refused here with one Chinese sentence (:class:`~mediator.errors.StorageError`),
and nothing is ever written to the file examined: it is opened read-only and
``immutable`` (no -wal/-shm is created next to a file on a USB stick).

Only the standard library is used, so the start-up check of the live database
(:func:`check_live_database`) costs a few system calls, not an import of the ORM.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from mediator.errors import DatabaseDamagedError, StorageError
from mediator.store.schema import SCHEMA_MAJOR, VERSIONS_DIR

#: Larger than any studio's database (100,000 cases is a few hundred MB); a bigger
#: "database" is not ours, and is refused before a byte is read.
MAX_DATABASE_BYTES = 16 * 1024**3
SQLITE_MAGIC = b"SQLite format 3\x00"
CHECK_CACHE_KB = 256 * 1024

#: The tables every revision has, cumulatively (a backup of an older version is
#: fine: it is migrated before it replaces anything).
_TABLES_0001 = frozenset({
    "meta", "alembic_version", "studio", "mediator", "case", "party", "case_party",
    "investigation_record", "session_record", "agreement", "follow_up", "attachment",
    "audit_event", "outbox", "case_number_counter", "draft",
})
_TABLES_0002 = _TABLES_0001 | {"sync_state", "sync_batch", "sync_conflict",
                               "leased_number_block", "blob_transfer"}
_TABLES_0003 = _TABLES_0002 | {"case_workflow", "judicial_application", "record_signoff",
                               "term_extension", "agreement_detail", "case_party_file",
                               "obligation", "payment"}
_TABLES_0006 = _TABLES_0003 | {"party_correction"}
_TABLES_0007 = _TABLES_0006 | {"screening_visit", "case_statistics"}
_TABLES_0009 = _TABLES_0007 | {"case_due", "case_due_stale"}
_TABLES_0010 = _TABLES_0009 | {"case_figures", "statistics_day"}
REQUIRED_TABLES: dict[str, frozenset[str]] = {
    "0001": _TABLES_0001, "0002": _TABLES_0002, "0003": _TABLES_0003, "0004": _TABLES_0003,
    "0005": _TABLES_0003, "0006": _TABLES_0006,
    "0007": _TABLES_0007, "0008": _TABLES_0007, "0009": _TABLES_0009,
    "0010": _TABLES_0010,
}


@dataclass(frozen=True)
class DatabaseSummary:
    """What a database holds, as shown before a restore (no personal data)."""

    studio_id: str
    committee_name: str
    revision: str
    cases: int
    newest_case_no: str
    newest_case_on: dt.date | None
    integrity_checked: bool


def ro_uri(path: Path, *, immutable: bool = True) -> str:
    """A read-only SQLite URI for ``path`` (``immutable``: never creates -wal/-shm)."""
    # quote(), not urllib.request.pathname2url: that module pulls in http.client,
    # email and ssl (17 ms on every start).  "file:C:/..." is SQLite's form on Windows.
    uri = "file:" + quote(Path(path).as_posix(), safe="/:") + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def check_regular_file(path: Path, what: str = "备份文件") -> int:
    """The size of ``path`` if it may be read as a database at all (no FIFO, device,
    directory, empty or oversized file); refused otherwise, before reading."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise StorageError(f"找不到{what}：{path}") from None
    except OSError as exc:
        raise StorageError(f"无法读取{what}：{exc.strerror or type(exc).__name__}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise StorageError(f"{what}不是普通文件（可能是文件夹或设备），未作任何改动。")
    if st.st_size == 0:
        raise StorageError(f"{what}是空的（0 字节），不是调解工作台的数据库，未作任何改动。")
    if st.st_size > MAX_DATABASE_BYTES:
        raise StorageError(f"{what}过大，不是调解工作台的数据库，未作任何改动。")
    return st.st_size


def _header(path: Path) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(100)


def _truncated(path: Path, size: int) -> bool:
    """True when the file is shorter than its own header says (a cut-off copy)."""
    head = _header(path)
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        return True
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or size % page_size:
        return True
    pages = int.from_bytes(head[28:32], "big")
    # The in-header size is only trusted when written by a current SQLite
    # (the "version-valid-for" number equals the change counter).
    valid = head[92:96] == head[24:28]
    return valid and pages * page_size > size


@contextmanager
def _open_ro(path: Path, *, immutable: bool = True) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(ro_uri(path, immutable=immutable), uri=True)
    try:
        yield conn
    finally:
        conn.close()


def inspect_database(path: Path, *, integrity: bool = True, what: str = "备份文件",
                     immutable: bool = True) -> DatabaseSummary:
    """Check that ``path`` is a Mediator database this version can open, and summarise it.

    Refused with a Chinese :class:`StorageError` naming the problem: not a file,
    empty, truncated, not SQLite, damaged (``PRAGMA integrity_check``), not a
    Mediator database or a table missing, newer schema, no studio.
    """
    size = check_regular_file(path, what)
    if immutable and file_size(Path(f"{path}-wal")) > 0:
        # Read as immutable, the WAL's commits would be silently left out.
        raise StorageError(f"{what}旁边还有未合并的日志文件（{path.name}-wal），它可能正被使用。"
                           "请先关闭使用它的程序再试，未作任何改动。")
    if _truncated(path, size):
        raise StorageError(f"{what}不完整或不是数据库文件（可能被截断），未作任何改动。")
    try:
        with _open_ro(path, immutable=immutable) as conn:
            if integrity:
                # A large page cache makes the check ~1.5x faster at 100,000 cases:
                # it looks every index entry up in its table.
                conn.execute(f"PRAGMA cache_size=-{CHECK_CACHE_KB}")
                rows = conn.execute("PRAGMA integrity_check(1)").fetchall()
                if rows != [("ok",)]:
                    raise StorageError(f"{what}已损坏（完整性检查未通过），未作任何改动。")
            return summarise(conn, what, integrity)
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{what}已损坏或不是数据库文件，未作任何改动。") from exc


def summarise(conn: sqlite3.Connection, what: str, integrity: bool) -> DatabaseSummary:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        raise StorageError(f"{what}是一个空的数据库，里面没有调解工作台的数据，未作任何改动。")
    if not {"meta", "alembic_version", "studio", "case"} <= tables:
        raise StorageError(f"{what}不是调解工作台的数据库，未作任何改动。")
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    try:
        major = int(meta.get("schema_major", "0"))
    except ValueError:
        raise StorageError(f"{what}的数据结构版本无法识别，未作任何改动。") from None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = str(row[0]) if row else ""
    if major > SCHEMA_MAJOR:
        raise StorageError(
            f"{what}由更新版本的调解工作台创建（数据结构版本 {major}），当前程序只支持到版本 "
            f"{SCHEMA_MAJOR}。请先升级调解工作台，未作任何改动。")
    if major != SCHEMA_MAJOR or not revision:
        raise StorageError(f"{what}的数据结构版本无法识别，未作任何改动。")
    # A newer minor revision of the same major only adds (store/migrate.py): the
    # tables of the newest revision known here must still be there.
    required = REQUIRED_TABLES.get(revision, REQUIRED_TABLES[max(REQUIRED_TABLES)])
    missing = sorted(required - tables)
    if missing:
        raise StorageError(
            f"{what}缺少数据表（{'、'.join(missing[:3])}{'等' if len(missing) > 3 else ''}），"
            "无法使用，未作任何改动。")
    studio = conn.execute(
        "SELECT id, committee_name FROM studio ORDER BY id = ? DESC LIMIT 1",
        (meta.get("studio_id", ""),)).fetchone()
    if studio is None:
        raise StorageError(f"{what}中还没有设置工作室，没有可恢复的数据，未作任何改动。")
    cases = conn.execute('SELECT count(*) FROM "case" WHERE deleted = 0').fetchone()[0]
    newest = conn.execute(
        'SELECT case_no, registered_on FROM "case" WHERE deleted = 0 '
        "ORDER BY registered_on DESC, local_id DESC LIMIT 1").fetchone()
    newest_on = None
    if newest is not None:
        try:
            newest_on = dt.date.fromisoformat(str(newest[1])[:10])
        except ValueError:
            newest_on = None
    return DatabaseSummary(str(studio[0]), str(studio[1]), revision, int(cases),
                           str(newest[0]) if newest else "", newest_on, integrity)


def known_revision(revision: str) -> bool:
    """Whether this program ships a migration script of that name."""
    return any(p.name.startswith(f"{revision}_") for p in VERSIONS_DIR.glob("*.py"))


def check_live_database(path: Path, *, has_backups: bool = True) -> None:
    """Refuse to open a live database that is visibly damaged (start-up; O(1)).

    A truncated file, or one that is not SQLite at all, would otherwise be read
    half-way or taken for a new, empty database: the first-run dialog would then
    write over what is left.  Raises :class:`DatabaseDamagedError`.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    if not stat.S_ISREG(st.st_mode):
        raise DatabaseDamagedError("数据库文件不是普通文件，无法打开，未作任何改动。")
    if file_size(Path(f"{path}-wal")) > 0:
        # After a crash the WAL may still hold pages the main file lacks (SQLite
        # replays it on opening): only a file that is not SQLite at all is refused.
        if st.st_size >= len(SQLITE_MAGIC) and not _header(path).startswith(SQLITE_MAGIC):
            raise DatabaseDamagedError("数据库文件已损坏（不是数据库格式），未作任何改动。")
        return
    if st.st_size == 0:
        if not has_backups:
            return  # cut off while being created: nothing was ever in it
        raise DatabaseDamagedError("数据库文件是空的（0 字节），可能已损坏，未作任何改动。")
    if _truncated(path, st.st_size):
        raise DatabaseDamagedError("数据库文件不完整或已损坏（可能被截断），未作任何改动。")


def count_missing_cases(backup: Path, live: Path) -> int | None:
    """How many cases of the live database the backup does not hold (would disappear
    if it were restored); None when the live database cannot be read."""
    if not live.exists():
        return 0
    try:
        with _open_ro(backup) as conn:
            conn.execute("ATTACH DATABASE ? AS live", (ro_uri(live, immutable=False),))
            row = conn.execute(
                'SELECT count(*) FROM live."case" AS l WHERE l.deleted = 0 AND NOT EXISTS '
                '(SELECT 1 FROM main."case" AS b WHERE b.id = l.id AND b.deleted = 0)'
            ).fetchone()
            return int(row[0])
    except sqlite3.Error:
        return None


def live_summary(live: Path) -> DatabaseSummary | None:
    """The live database's summary without the integrity check, or None if unreadable."""
    if not live.exists():
        return None
    try:
        return inspect_database(live, integrity=False, what="当前数据库", immutable=False)
    except StorageError:
        return None


def change_mark(conn: sqlite3.Connection) -> str:
    """A short fingerprint that moves whenever the studio's data changes: every
    write appends to the audit log or the outbox, a sync moves the cursor, a form
    autosaves a draft.  Compared on exit with the last backup's."""
    parts = []
    for sql in ("SELECT max(seq) FROM audit_event", "SELECT max(seq) FROM outbox",
                "SELECT max(cursor) FROM sync_state",
                "SELECT count(*) || '/' || max(updated_at) FROM draft",
                'SELECT count(*) FROM "case"'):
        try:
            parts.append(str(conn.execute(sql).fetchone()[0]))
        except sqlite3.Error:
            parts.append("-")
    return ":".join(parts)


def file_size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
