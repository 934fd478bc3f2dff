"""The local database file: durable settings, migrations from every released schema,
refusal of newer databases, backups."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from mediator.errors import SchemaTooNewError, StorageError
from mediator.paths import DataDir
from mediator.services.dto import CaseFilter
from mediator.services.workspace import Workspace, open_workspace
from mediator.store.backup import restore_database, rotating_backup
from mediator.store.migrate import SCHEMA_MAJOR, head_revision

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "db").glob("schema-*.sqlite3"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_connections_are_durable(workspace: Workspace) -> None:
    with workspace.db.read() as s:
        conn = s.connection()
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(workspace: Workspace) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), workspace.db.write() as s:
        s.execute(text(
            "INSERT INTO case_party (id, studio_id, version, updated_at, deleted, case_id, "
            "party_id, role, position) VALUES ('x', 's', 0, '2026-01-01', 0, 'nope', 'nope', "
            "'applicant', 0)"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_every_released_schema_upgrades_with_its_data(fixture: Path, tmp_path: Path) -> None:
    data = DataDir.resolve(tmp_path / "d").ensure()
    shutil.copyfile(fixture, data.database)
    with open_workspace(data) as ws:
        with ws.db.read() as s:
            rev = s.connection().execute(text("SELECT version_num FROM alembic_version"))
            assert rev.scalar() == head_revision()
        assert ws.studio.current() is not None
        ids = ws.cases.ids(CaseFilter())
        assert len(ids) == 12
        assert ws.cases.ids(CaseFilter(text="纠纷")) or ws.cases.ids(CaseFilter(text="申请人"))
        assert ws.drafts.load("registration", "new") == {"summary": "未完成的登记"}
    if fixture.stem != f"schema-{head_revision()}":
        assert list(data.backups.glob("mediator-pre-migrate-*.sqlite3")), "backup first"


def test_fixture_of_the_current_schema_exists() -> None:
    """Releasing a schema means committing its fixture (tests/fixtures/db/make_fixture.py)."""
    assert f"schema-{head_revision()}" in {f.stem for f in FIXTURES}


def test_newer_major_version_is_refused_untouched(data_dir: DataDir) -> None:
    open_workspace(data_dir).close()
    with sqlite3.connect(data_dir.database) as conn:
        conn.execute("UPDATE meta SET value=? WHERE key='schema_major'", (str(SCHEMA_MAJOR + 1),))
    before = _sha(data_dir.database)
    with pytest.raises(SchemaTooNewError, match="更新版本"):
        open_workspace(data_dir)
    assert _sha(data_dir.database) == before


def test_newer_minor_revision_opens(data_dir: DataDir) -> None:
    open_workspace(data_dir).close()
    with sqlite3.connect(data_dir.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999_from_a_newer_app'")
    with open_workspace(data_dir) as ws:
        assert ws.db.migration == "newer-minor"


def test_a_file_that_is_not_a_database_is_refused_untouched(data_dir: DataDir) -> None:
    data_dir.database.write_bytes(b"this is not sqlite" * 100)
    before = _sha(data_dir.database)
    with pytest.raises(StorageError, match="损坏"):
        open_workspace(data_dir)
    assert _sha(data_dir.database) == before


def test_backup_and_restore_round_trip(workspace: Workspace, data_dir: DataDir) -> None:
    from tests.services.helpers import water_leak

    ref = workspace.cases.register(water_leak())
    backup = rotating_backup(data_dir.database, data_dir.backups, "manual")
    workspace.cases.register(water_leak())
    workspace.close()
    restore_database(backup, data_dir.database)
    with open_workspace(data_dir) as ws:
        rows = ws.cases.rows(ws.cases.ids(CaseFilter()))
        assert [r.case_no for r in rows] == [ref.case_no]


def test_restore_refuses_a_damaged_backup(workspace: Workspace, data_dir: DataDir,
                                          tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\0" * 4096)
    workspace.close()
    before = _sha(data_dir.database)
    with pytest.raises(StorageError):
        restore_database(bad, data_dir.database)
    assert _sha(data_dir.database) == before


def test_backups_rotate(data_dir: DataDir, workspace: Workspace) -> None:
    for _ in range(4):
        rotating_backup(data_dir.database, data_dir.backups, "daily", keep=2)
    assert len(list(data_dir.backups.glob("mediator-daily-*.sqlite3"))) == 2


def test_fast_head_detection_agrees_with_alembic() -> None:
    """Start-up decides "already current" without Alembic; it must agree with it."""
    from mediator.store.schema import head_revision_fast

    assert head_revision_fast() == head_revision()


def test_opening_a_current_database_does_not_import_the_orm(tmp_path: Path) -> None:
    import subprocess
    import sys

    data = DataDir.resolve(tmp_path / "d").ensure()
    with open_workspace(data) as ws:
        ws.studio.setup("桂城街道人民调解委员会", "桂城", "陈调解")
    code = (
        "import sys\n"
        "from mediator.paths import DataDir\n"
        "from mediator.services.workspace import open_workspace\n"
        "from mediator.services.dto import CaseFilter\n"
        f"ws = open_workspace(DataDir.resolve({str(data.root)!r}))\n"
        "assert ws.studio.current().case_prefix == '桂城'\n"
        "ws.cases.rows(ws.cases.ids(CaseFilter(text='漏水')))\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "[]"
