"""The typed error hierarchy of the core.

Every error a user can cause or meet carries a message in the user's language
(``message``, Chinese by default) and, where it helps, the field it is about.
The UI shows all of them through one function; the CLI prints ``message`` on one
line and exits non-zero.  Messages never contain personal data such as ID
numbers: name the field, not its value.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence


class MediatorError(Exception):
    """Base of every expected, user-facing error."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(MediatorError):
    """Input that breaks a rule: a bad ID number, a missing required field...

    ``problems`` lists every (field, message) pair found, so a form can mark all
    of them at once; ``message`` is the first one, for one-line output.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        problems: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(message, field=field)
        self.problems: list[tuple[str, str]] = list(problems) or [(field or "", message)]


class TransitionError(ValidationError):
    """An illegal lifecycle step; ``missing`` names what must be done first."""

    def __init__(self, message: str, *, missing: Sequence[str] = ()) -> None:
        super().__init__(message, problems=[("status", m) for m in missing] or ())
        self.missing = list(missing)


class CaseArchivedError(MediatorError):
    """A change to an archived case (已归档): the dossier is closed and read-only;
    only a legal hold may still be set or lifted."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or "本案已归档，卷宗只能查看，不能再修改。")


class NotFoundError(MediatorError):
    """A case, party or file that does not exist (or is not this studio's)."""


class ConflictError(MediatorError):
    """A write based on a stale version; both versions are kept for a person."""


class StorageError(MediatorError):
    """The environment failed us: disk full, database locked or damaged."""


class DatabaseDamagedError(StorageError):
    """The live database file is visibly damaged (truncated, not SQLite): nothing may
    be written over it; the user is offered the last good backup instead."""


class SchemaTooNewError(StorageError):
    """The database was written by a newer major version of Mediator."""


class SyncErrorKind(enum.Enum):
    AUTH = "auth"  # token revoked or expired: enrol again
    NETWORK = "network"  # offline, timeout: retry later, keep working
    PROTOCOL = "protocol"  # malformed answer
    UPGRADE = "upgrade"  # this client is too old for the server
    SERVER = "server"  # 5xx
    CONFLICT = "conflict"


class SyncError(MediatorError):
    def __init__(self, message: str, *, kind: SyncErrorKind) -> None:
        super().__init__(message)
        self.kind = kind


class DocumentError(MediatorError):
    """A document cannot be produced or verified (missing seal, undrawable character...)."""


# ------------------------------------------------- failures a person can act on
class DiskFullError(StorageError):
    """No space left where the data dir lives (ENOSPC, SQLITE_FULL)."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or (
            "磁盘空间已满，刚才的操作未能保存。请删除不需要的文件或清空回收站，"
            "腾出空间后再试；已保存的案件不受影响。"))


class ReadOnlyDataError(StorageError):
    """The data dir cannot be written: a read-only disk, a write-protected USB
    drive, missing permissions (EROFS, EACCES, SQLite "readonly database")."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or (
            "数据目录不能写入（磁盘或U盘是只读的，或没有写入权限），未能保存。"
            "请检查数据所在的磁盘、U盘是否设为只读或已拔出，或请管理员检查文件夹权限后再试。"))


class DatabaseLockedError(StorageError):
    """Another process holds the database (a second Mediator, a sync or backup task)."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or (
            "数据库正被另一个程序占用（可能另开了一个调解工作台，或正在同步、备份），未能保存。"
            "请关闭另一个调解工作台窗口，或稍等片刻后再试。"))


class InstallationError(MediatorError):
    """A file the program ships with is missing: the installation is incomplete."""


class FontMissingError(InstallationError):
    """A bundled font file (resources/fonts) is absent; ``files`` names them."""

    def __init__(self, files: Sequence[str]) -> None:
        self.files = list(files)
        super().__init__(
            f"缺少程序自带的字体文件：{'、'.join(self.files)}。程序安装不完整，"
            "汉字可能显示不全、文书无法生成。请重新安装调解工作台。"
        )


_FULL = 13  # SQLITE_FULL
_READONLY = 8  # SQLITE_READONLY (and its extended codes, & 0xFF)
_BUSY, _LOCKED = 5, 6  # SQLITE_BUSY, SQLITE_LOCKED
_CANTOPEN = 14  # SQLITE_CANTOPEN: the -wal/-shm files cannot be made either
_IOERR_SHMSIZE = 4874  # the WAL index (-shm) cannot grow: no space left
_IOERR_SHMOPEN = 4618  # the WAL index (-shm) cannot be created: not writable


def storage_error_for(exc: BaseException) -> StorageError | None:
    """The error a person can act on behind ``exc`` (an OSError, a sqlite3 or
    SQLAlchemy error, or a generic StorageError caused by one), else None.

    Why here: the store, the services, the CLI and the UI meet these failures in
    many places; they all ask this one function, so the same cause always gets
    the same message.  Duck-typed, so the core's error module imports nothing.
    """
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in seen:
        seen.append(cur)
        if isinstance(cur, DiskFullError | ReadOnlyDataError | DatabaseLockedError):
            return cur
        if isinstance(cur, MediatorError) and type(cur) is not StorageError:
            return None  # already a specific, user-facing error
        found = _classify(cur) or _classify(getattr(cur, "orig", None))
        if found is not None:
            return found
        cur = cur.__cause__ or cur.__context__
    return None


def _classify(exc: object) -> StorageError | None:
    import errno  # noqa: PLC0415 - tiny, and only on failure

    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFullError()
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnlyDataError()
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower() if isinstance(exc, Exception) else ""
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == _FULL or code == _IOERR_SHMSIZE or "database or disk is full" in text:
        return DiskFullError()
    if primary == _READONLY or code == _IOERR_SHMOPEN or "readonly database" in text:
        return ReadOnlyDataError()
    if primary in (_BUSY, _LOCKED) or "database is locked" in text:
        return DatabaseLockedError()
    if primary == _CANTOPEN or "unable to open database file" in text:
        return ReadOnlyDataError()
    return None


def os_reason(exc: OSError) -> str:
    """An OS error's reason in the user's words (Chinese), for a one-line message;
    the English ``strerror`` only for the rare kinds not listed."""
    import errno  # noqa: PLC0415 - tiny, and only on failure

    words = {errno.EEXIST: "已有同名文件（这里应是文件夹）",
             errno.ENOTDIR: "路径中有一项不是文件夹", errno.EISDIR: "这是一个文件夹，不是文件",
             errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.ENOENT: "找不到文件或文件夹",
             errno.ENOSPC: "磁盘已满", errno.EROFS: "磁盘是只读的",
             errno.ENAMETOOLONG: "文件名太长"}
    return words.get(exc.errno or 0, exc.strerror or type(exc).__name__)
