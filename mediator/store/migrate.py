"""Bring a local database to the current schema, safely.

Schema versions: a *major* number in the ``meta`` table (bumped only for changes an
older app cannot read) and Alembic revisions for every step.  Opening refuses a
database from a newer major version with a clear message; a newer *minor*
(an Alembic revision this app does not know, same major) opens as is, since
minor steps only add.  Every upgrade of an existing database takes a backup
first, through the SQLite backup API.  A database that is already current is
recognised without importing Alembic (start-up time).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from mediator.errors import SchemaTooNewError, StorageError
from mediator.store.backup import rotating_backup
from mediator.store.schema import SCHEMA_MAJOR, head_revision_fast, probe

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

__all__ = ["SCHEMA_MAJOR", "Migration", "head_revision", "migrate"]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    from alembic.config import Config  # noqa: PLC0415 - only when migrating

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest revision according to Alembic's scripts (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


class Migration(str):
    """What :func:`migrate` did ("current", "created", "newer-minor", "upgraded from
    <rev>"), and for an upgrade the safety backup taken first (``backup``), so the
    app can tell the user where it is."""

    backup: Path | None = None

    @classmethod
    def upgraded(cls, rev: str, backup: Path) -> Migration:
        done = cls(f"upgraded from {rev}")
        done.backup = backup
        return done


def migrate(engine: Engine, db_path: Path, backups_dir: Path, target: str = "head") -> Migration:
    """Upgrade the database to ``target`` (the head revision unless a fixture maker
    asks for an older one); returns what was done."""
    major, rev = probe(db_path)
    if major is not None and major > SCHEMA_MAJOR:
        raise SchemaTooNewError(
            f"这个数据库由更新版本的调解工作台创建（数据结构版本 {major}），"
            f"当前程序只支持到版本 {SCHEMA_MAJOR}。请升级调解工作台后再打开，数据未作任何改动。"
        )
    if target == "head" and major == SCHEMA_MAJOR and rev == head_revision_fast():
        return Migration("current")
    from alembic import command  # noqa: PLC0415 - only when migrating
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    cfg = _config()
    script = ScriptDirectory.from_config(cfg)
    if rev == target or (target == "head" and rev == script.get_current_head()):
        return Migration("current")
    if rev is not None and rev not in {s.revision for s in script.walk_revisions()}:
        # Same major, newer minor: written by a newer app; it only added things.
        log.info("database at unknown newer minor revision; opening without migrating")
        return Migration("newer-minor")
    backup = rotating_backup(db_path, backups_dir, "pre-migrate") if rev is not None else None
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
            conn.execute(
                text("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_major', :v)"),
                {"v": str(SCHEMA_MAJOR)},
            )
    except Exception as exc:
        raise StorageError(
            "数据库升级失败，已自动回滚，数据未改动（升级前的备份保存在 backups 目录）。"
        ) from exc
    if rev is None or backup is None:
        return Migration("created")
    log.info("database upgraded from revision %s; backup taken first", rev)
    return Migration.upgraded(rev, backup)
