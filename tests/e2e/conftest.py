"""End-to-end fixtures: the sync tests' real server process and PCs, and for the
tests that drive the desk's widgets a real task runner and recorded (not shown)
error dialogs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from mediator.ui import errors
from mediator.ui.tasks import TaskRunner
from tests.sync.conftest import make_pc, server, sqlite_server  # noqa: F401


@pytest.fixture(autouse=True)
def no_dialogs() -> Iterator[None]:
    """Errors are recorded, not shown in a modal dialog; a bug fails the test."""
    old = errors.dialogs_enabled
    errors.dialogs_enabled = False
    errors.recorded.clear()
    yield
    errors.dialogs_enabled = old
    bugs = [e for e in errors.recorded if e.is_bug]
    errors.recorded.clear()
    assert not bugs, [type(b.exc).__name__ for b in bugs]


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.shutdown()
