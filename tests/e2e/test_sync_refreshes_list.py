"""What another PC of the studio did shows in the case list as soon as a sync
brings it down: a new case appears, a case's status follows, with no restart.

Two real PCs of one studio against a real server process; the second PC's main
window is open on its case list while it syncs from the status bar.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mediator.domain.status import CaseStatus
from mediator.store import outbox
from mediator.store.models import Case
from mediator.ui.cases.model import COLUMNS
from mediator.ui.labels import Labels
from mediator.ui.mainwindow import MainWindow
from mediator.ui.tasks import TaskRunner
from tests.sync.conftest import COMMITTEE_A
from tests.sync.harness import Pc, ServerProcess

WAIT_MS = 20_000
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints")




def _shown_status(window: MainWindow, case_no: str) -> str | None:
    """The status column of ``case_no``'s line as the list shows it (None: not listed)."""
    model = window.case_list.model
    no_col, status_col = COLUMNS.index("case_no"), COLUMNS.index("status")
    for row in range(model.rowCount()):
        if model.data(model.index(row, no_col), Qt.ItemDataRole.DisplayRole) == case_no:
            return str(model.data(model.index(row, status_col), Qt.ItemDataRole.DisplayRole))
    return None


def test_a_sync_brings_other_pcs_cases_and_statuses_into_the_open_list(
        qtbot: QtBot, sqlite_server: ServerProcess, make_pc: Callable[..., Pc],
        runner: TaskRunner) -> None:
    first, second = make_pc("front-desk"), make_pc("back-office")
    first.enrol(sqlite_server.url, sqlite_server.new_studio(COMMITTEE_A, "桂城"))
    known = first.register("两家之间的漏水纠纷")
    first.run_sync()
    second.enrol(sqlite_server.url, sqlite_server.code(COMMITTEE_A))
    second.run_sync()

    # Numbered before enrolment, the case carries its final number after the sync.
    known_no = second.cases()[known.id].case_no
    ws = second.ws
    labels = Labels("zh_CN", ws.catalogue.dispute_types(), ws.catalogue.case_sources())
    window = MainWindow(ws, runner, labels, ws.studio.current())
    qtbot.addWidget(window)
    window.show()
    window.show_cases()
    qtbot.waitUntil(lambda: _shown_status(window, known_no) == "已受理", timeout=WAIT_MS)
    window.sync.load()
    qtbot.waitUntil(lambda: window.sync.status is not None, timeout=WAIT_MS)
    status = window.sync.status
    assert status is not None

    # Meanwhile, at the front desk: a new case, and the known one moves on.
    new = first.register("楼上装修噪音纠纷")
    with first.ws.db.write() as s:
        case = s.execute(select(Case).where(Case.id == known.id)).scalar_one()
        case.status = CaseStatus.MEDIATING
        outbox.enqueue(s, "case", known.id)
    first.run_sync()
    new_no = first.cases()[new.id].case_no
    assert _shown_status(window, new_no) is None

    # As a mediator would: once the status line knows the PC is enrolled and no round
    # is running, "sync now" (earlier, it would offer enrolment or be a no-op).
    qtbot.waitUntil(lambda: status.status.enrolled and not status.syncing, timeout=WAIT_MS)
    with qtbot.waitSignal(status.synced, timeout=WAIT_MS) as synced:
        status.sync_now()
    assert synced.args[0].pulled > 0
    qtbot.waitUntil(lambda: _shown_status(window, new_no) == "已受理", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _shown_status(window, known_no) == "调解中", timeout=WAIT_MS)
    window.close()
    qtbot.waitUntil(runner.is_idle, timeout=WAIT_MS)
