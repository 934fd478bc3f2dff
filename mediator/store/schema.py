"""Which schema a database file holds, read with the standard library only.

Opening the app on a database that is already current must not pay for
importing SQLAlchemy and Alembic before the case list can paint; this module
answers "is it current?" with a plain sqlite3 query, and finds the newest
Alembic revision by reading the migration scripts' ``revision`` and
``down_revision`` lines (tests/store/test_database.py checks it agrees with Alembic).
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

SCHEMA_MAJOR = 1
VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
_REV = re.compile(r"^(revision|down_revision)\s*=\s*['\"]?([\w]+|None)['\"]?", re.MULTILINE)


@cache
def head_revision_fast() -> str:
    """The one revision no other script names as its ``down_revision``."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in VERSIONS_DIR.glob("*.py"):
        found = dict((k, v) for k, v in _REV.findall(script.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            if found.get("down_revision") not in (None, "None"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migration scripts must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def probe(db_path: Path) -> tuple[int | None, str | None]:
    """(schema major, Alembic revision) of the file, Nones where unknown or new."""
    if not db_path.exists():
        return None, None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None, None
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        major = rev = None
        if "meta" in names:
            row = conn.execute("SELECT value FROM meta WHERE key='schema_major'").fetchone()
            major = int(row[0]) if row else None
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            rev = str(row[0]) if row else None
        return major, rev
    except (sqlite3.Error, ValueError):
        return None, None
    finally:
        conn.close()


def is_current(db_path: Path) -> bool:
    major, rev = probe(db_path)
    return major == SCHEMA_MAJOR and rev == head_revision_fast()
