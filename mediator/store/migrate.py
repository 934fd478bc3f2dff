"""Bring a local database to the current schema, safely.

Schema versions: a *major* number in the ``meta`` table (bumped only for changes an
older app cannot read) and Alembic revisions for every step.  Opening refuses a
database from a newer major version with a clear message; a newer *minor*
(an Alembic revision this app does not know, same major) opens as is, since
minor steps only add.  Every upgrade of an existing database takes a backup
first, through the SQLite backup API.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from mediator.errors import SchemaTooNewError, StorageError
from mediator.store.backup import rotating_backup

log = logging.getLogger(__name__)

SCHEMA_MAJOR = 1
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def _current_state(engine: Engine) -> tuple[int | None, str | None]:
    """(schema major, alembic revision) of the database, or Nones for a new one."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        major = None
        rev = None
        if "meta" in tables:
            row = conn.execute(text("SELECT value FROM meta WHERE key='schema_major'")).first()
            major = int(row[0]) if row else None
        if "alembic_version" in tables:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
            rev = row[0] if row else None
        conn.rollback()
    return major, rev


def migrate(engine: Engine, db_path: Path, backups_dir: Path, target: str = "head") -> str:
    """Upgrade the database to ``target`` (the head revision unless a fixture maker
    asks for an older one); returns what was done."""
    major, rev = _current_state(engine)
    if major is not None and major > SCHEMA_MAJOR:
        raise SchemaTooNewError(
            f"这个数据库由更新版本的调解工作台创建（数据结构版本 {major}），"
            f"当前程序只支持到版本 {SCHEMA_MAJOR}。请升级调解工作台后再打开，数据未作任何改动。"
        )
    script = ScriptDirectory.from_config(_config())
    head = head_revision()
    if rev == head or (target != "head" and rev == target):
        return "current"
    if rev is not None and rev not in {s.revision for s in script.walk_revisions()}:
        # Same major, newer minor: written by a newer app; it only added things.
        log.info("database at unknown newer minor revision; opening without migrating")
        return "newer-minor"
    if rev is not None:
        rotating_backup(db_path, backups_dir, "pre-migrate")
    cfg = _config()
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
    return "created" if rev is None else f"upgraded from {rev}"
