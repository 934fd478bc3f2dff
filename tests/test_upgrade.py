"""Opening a data dir from an older release: backed up, upgraded, and said so; one
from a newer release: refused and left byte-identical.  Every committed fixture
database goes through the real start-up (the CLI, the GUI's --smoke, the window)."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from mediator.store.schema import head_revision_fast
from tests.test_cli import REPO
from tests.test_cli import run as run_cli
from tests.ui.test_smoke import smoke

FIXTURES = sorted((REPO / "tests" / "fixtures" / "db").glob("schema-*.sqlite3"))
HEAD_FIXTURE = f"schema-{head_revision_fast()}.sqlite3"


def data_dir_from(fixture: Path, tmp_path: Path) -> Path:
    data = tmp_path / "d"
    data.mkdir()
    shutil.copyfile(fixture, data / "mediator.sqlite3")
    return data


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_cli_upgrades_an_older_data_dir_and_names_the_backup(fixture: Path, tmp_path: Path) -> None:
    data = data_dir_from(fixture, tmp_path)
    out = run_cli("cases", data=data)
    assert out.returncode == 0, out.stderr
    assert re.search(r"共 \d+ 件", out.stdout)
    if fixture.name == HEAD_FIXTURE:
        assert out.stderr == ""  # already current: nothing to say
        return
    notice = out.stderr.strip()
    assert len(notice.splitlines()) == 1 and "已从旧版本升级" in notice
    backup = Path(notice.rsplit("备份到 ", 1)[1])
    assert backup.parent == data / "backups" and backup.is_file()
    # The backup is the old database: its revision is the fixture's.
    with sqlite3.connect(backup) as conn:
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert fixture.stem.endswith(rev)
    again = run_cli("cases", data=data)
    assert again.returncode == 0 and again.stderr == ""  # said once, at the upgrade


@pytest.mark.parametrize("fixture", [f for f in FIXTURES if f.name != HEAD_FIXTURE][:1],
                         ids=lambda p: p.stem)
def test_gui_start_says_the_data_was_upgraded(fixture: Path, tmp_path: Path) -> None:
    data = data_dir_from(fixture, tmp_path)
    out = smoke(data)
    assert out.returncode == 0, out.stderr
    assert "smoke: case list painted" in out.stdout
    assert "data upgraded; backup taken first: " in out.stderr
    backup = Path(out.stderr.split("backup taken first: ", 1)[1].splitlines()[0])
    assert backup.is_file() and backup.parent == data / "backups"


def test_a_data_dir_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path) -> None:
    data = data_dir_from(FIXTURES[-1], tmp_path)
    db = data / "mediator.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_major'")
    conn.close()
    before = digest(db)
    out = run_cli("cases", data=data)
    assert out.returncode == 1
    assert "更新版本" in out.stderr and "请升级调解工作台" in out.stderr
    assert "Traceback" not in out.stderr
    gui = smoke(data)
    assert gui.returncode == 2 and "更新版本" in gui.stderr
    assert digest(db) == before
    assert not (data / "backups").exists() or not list((data / "backups").iterdir())
