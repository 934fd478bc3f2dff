"""The case list follows a case's status as soon as a step changes it (issue 11: the
list said 已受理 for a case already moved on, until the app was restarted)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from mediator.domain.findings import Step
from mediator.domain.status import CaseStatus
from mediator.ui.cases.model import COLUMNS
from mediator.ui.mainwindow import PAGE_TODAY, MainWindow
from tests.ui.test_mainwindow import find_leak_case, window  # noqa: F401 - the fixture

STATUS = COLUMNS.index("status")


def _status_cell(window: MainWindow) -> str:  # noqa: F811 - the fixture's name
    model = window.case_list.model
    return str(model.data(model.index(0, STATUS)))


def test_a_step_that_moves_the_case_on_shows_in_the_list(qtbot, window: MainWindow) -> None:  # noqa: F811
    find_leak_case(qtbot, window)
    registered = window._labels.status(CaseStatus.REGISTERED)
    assert _status_cell(window) == registered
    case_id = window.case_list.model.case_at(0).id
    # Opened from Today and left through the navigation: no "back to the list" reload.
    window.open_case(case_id, PAGE_TODAY)
    qtbot.waitUntil(lambda: window.case_page is not None, timeout=5000)
    workspace = window.case_page.workspace
    qtbot.waitUntil(lambda: workspace.overview is not None, timeout=10_000)
    page = workspace.pages[Step.NOTIFY]
    workspace.show_step(Step.NOTIFY.value)
    for box, _when in page.acks.values():
        box.setChecked(True)
    with qtbot.waitSignal(workspace.status_changed, timeout=10_000) as moved:
        page.findChild(QPushButton, "save_notify").click()
    assert moved.args == [case_id, CaseStatus.NOTIFIED.value]
    window.show_cases()
    assert window.case_page is None
    notified = window._labels.status(CaseStatus.NOTIFIED)
    qtbot.waitUntil(lambda: _status_cell(window) == notified, timeout=10_000)
    table = window.case_list.table
    assert table.model().index(0, STATUS).data(Qt.ItemDataRole.DisplayRole) == notified
