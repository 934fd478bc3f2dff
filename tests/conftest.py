"""Shared fixtures: a real data directory with a real SQLite database per test."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mediator.paths import DataDir
from mediator.services.workspace import Workspace, open_workspace

COMMITTEE = "佛山市南海区桂城街道人民调解委员会"


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir.resolve(tmp_path / "data").ensure()


@pytest.fixture
def blank_workspace(data_dir: DataDir) -> Iterator[Workspace]:
    """A freshly created workspace before the first-run set-up."""
    ws = open_workspace(data_dir)
    yield ws
    ws.close()


@pytest.fixture
def workspace(blank_workspace: Workspace) -> Workspace:
    """A workspace whose studio is set up (桂城 prefix, one mediator)."""
    blank_workspace.studio.setup(COMMITTEE, "桂城", "陈调解")
    return blank_workspace


@pytest.fixture
def pc_on_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This PC's own clock on UTC, so a time shown on the studio's clock
    (Asia/Shanghai) can only be right if it was converted on purpose."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
