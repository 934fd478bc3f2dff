"""Shared fixtures: a real data directory with a real SQLite database per test.

``make test`` runs the suite on two pytest-xdist workers (``-n 2 --dist loadfile``).
What keeps them apart: every file a test writes is under its tmp_path; servers take
a port the OS chose (tests/sync/harness.free_port); PostgreSQL tests use a database
per worker (tests/sync/conftest.py); each worker has its own XDG data/config/state
dirs (below), so nothing that falls back to a default directory meets the other
worker or the developer's own data.  A module's tests run on one worker, in order
(``loadfile``): a module-scoped fixture (a seeded district server, a browser) is
built once.  (``--dist loadgroup`` with ``xdist_group`` marks would be finer, but
pytest-xdist 3.8 renames the node ids through an attribute pytest 9.2 no longer
reads: the groups are silently ignored.)"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from mediator.paths import DataDir
from mediator.services.workspace import Workspace, open_workspace

COMMITTEE = "佛山市南海区桂城街道人民调解委员会"

# No timing assertions in tests (the machine is shared, two workers on two cores): a
# property test that wants a deadline says so itself.
settings.register_profile("mediator", deadline=None)
settings.load_profile("mediator")


@pytest.fixture(scope="session", autouse=True)
def own_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """This run's (this worker's) own XDG data, config and state dirs, for the tests
    and every program they start: a default data dir (platformdirs) or a config file
    never lands in the developer's home or in the other worker's."""
    root = tmp_path_factory.mktemp("home")
    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME",
                                            "XDG_STATE_HOME")}
    for key in saved:
        os.environ[key] = str(root / key.lower())
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


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


# Python's cyclic garbage collector runs whenever allocations pass a threshold, on
# whichever thread allocates, and in the middle of whatever that thread was doing.
# Collecting the wrappers of Qt objects at such a moment, while the task worker runs,
# crashed the interpreter (segmentation faults "Garbage-collecting" during a qtbot
# wait, three times in this session's whole-suite runs, never in isolation).  As
# qutebrowser does for its app, the suite collects at quiet points instead: after
# each test, on the main thread, once its widgets and workers are torn down.
_COLLECT_EVERY = 25  # a full collection every so many tests; the young generations each test


@pytest.fixture(scope="session", autouse=True)
def collect_garbage_at_quiet_points() -> Iterator[None]:
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


@pytest.fixture(autouse=True)
def _collect_after_test(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    global _tests_run
    _tests_run += 1
    gc.collect(2 if _tests_run % _COLLECT_EVERY == 0 else 1)


_tests_run = 0
