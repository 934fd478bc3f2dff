"""Fixtures of the desktop tests: no modal dialogs, and no bug passes unnoticed.

Every error the UI shows through :func:`mediator.ui.errors.show_error` is
recorded instead of opening a dialog.  A test that expects an error takes the
``shown_errors`` fixture and empties it; any *bug* still recorded at the end
fails the test, so a crash dialog a user would have seen cannot go unnoticed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from mediator.domain.idcard import make_citizen_id
from mediator.domain.status import PartyRole, Sex
from mediator.paths import DataDir
from mediator.services import demo
from mediator.services.dto import PartyInput, RegistrationInput
from mediator.services.workspace import Workspace, open_workspace
from mediator.ui import errors
from mediator.ui.labels import Labels
from mediator.ui.tasks import TaskRunner

# The offscreen platform plugin (used by `make test`) prints this whenever a
# top-level window's size constraints change; it is noise, not a defect of ours.
# Every other Qt warning still fails a test.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints")
_HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(item.path).parents:
            item.add_marker(OFFSCREEN_NOISE)


@pytest.fixture(autouse=True)
def no_dialogs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    old = errors.dialogs_enabled
    errors.dialogs_enabled = False
    errors.recorded.clear()
    yield
    errors.dialogs_enabled = old
    bugs = [e for e in errors.recorded if e.is_bug]
    errors.recorded.clear()
    if bugs:
        pytest.fail(f"unexpected crash dialog(s): {[type(b.exc).__name__ for b in bugs]}")


@pytest.fixture
def shown_errors() -> list[errors.ShownError]:
    """The errors shown so far; a test that expects a bug must clear this list."""
    return errors.recorded


# ------------------------------------------------------------ real workspaces
DEMO_CASES = 300
LEAK_APPLICANT = "欧阳珺"
LEAK_ID = make_citizen_id("440604", dt.date(1968, 5, 17), 123)


@pytest.fixture
def data_dir(tmp_path) -> DataDir:
    return DataDir.resolve(tmp_path / "data").ensure()


@pytest.fixture
def ws(data_dir: DataDir) -> Iterator[Workspace]:
    """A fresh, real workspace (SQLite in tmp_path); not yet set up."""
    workspace = open_workspace(data_dir)
    yield workspace
    workspace.close()


@pytest.fixture
def studio_ws(ws: Workspace) -> Workspace:
    ws.studio.setup("桂城街道人民调解委员会", "桂城", "李调解")
    return ws


def register_leak_case(ws: Workspace) -> str:
    """One hand-made case to find again: a water leak between neighbours."""
    ref = ws.cases.register(
        RegistrationInput(
            dispute_type="neighbour",
            source="party_application",
            summary="楼上卫生间漏水，渗到申请人家天花板，墙面发霉。",
            parties=[
                PartyInput(
                    role=PartyRole.APPLICANT,
                    name=LEAK_APPLICANT,
                    sex=Sex.MALE,
                    ethnicity="汉族",
                    birth_date=dt.date(1968, 5, 17),
                    id_number=LEAK_ID,
                    phone="13800138000",
                    address="佛山市南海区桂城街道南新五路1号",
                ),
                PartyInput(role=PartyRole.RESPONDENT, name="麦㙟", phone="0757-86281234"),
            ],
            requests=["请求被申请人修好防水层", "赔偿维修费用2000元"],
            registered_on=dt.date(2026, 3, 2),
        )
    )
    return ref.id


@pytest.fixture
def demo_ws(studio_ws: Workspace) -> Workspace:
    """Set up, with realistic demo cases plus :func:`register_leak_case`."""
    demo.generate(studio_ws, cases=DEMO_CASES, seed=7)
    register_leak_case(studio_ws)
    return studio_ws


@pytest.fixture
def labels(ws: Workspace) -> Labels:
    return Labels("zh_CN", ws.catalogue.dispute_types(), ws.catalogue.case_sources())


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:
    """The real runner: database work on its worker thread, as in the app."""
    r = TaskRunner()
    yield r
    r.shutdown()
