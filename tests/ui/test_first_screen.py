"""Start-up: the case list paints its first screen at once, then the whole list
continues it without the mediator seeing a jump; pages other than the list are
built when first opened."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from mediator.services.dto import CaseFilter
from mediator.services.workspace import Workspace
from mediator.ui.cases.listpage import read_first_screen
from mediator.ui.cases.model import BLOCK_SIZE
from mediator.ui.labels import Labels
from mediator.ui.mainwindow import PAGE_REGISTER, PAGE_SETTINGS, MainWindow
from mediator.ui.tasks import TaskRunner
from tests.ui.conftest import DEMO_CASES


def test_first_screen_is_shown_before_any_worker_answer(
    qtbot, demo_ws: Workspace, runner: TaskRunner, labels: Labels
) -> None:
    total = DEMO_CASES + 1
    assert total > BLOCK_SIZE  # so the whole list really continues the first screen
    first = read_first_screen(demo_ws.cases)
    assert len(first.ids) == BLOCK_SIZE and first.total == total
    studio = demo_ws.studio.current()
    assert studio is not None
    window = MainWindow(demo_ws, runner, labels, studio, first)
    qtbot.addWidget(window)
    page = window.case_list
    resets: list[int] = []
    page.model.modelAboutToBeReset.connect(lambda: resets.append(1))

    # No event has been processed yet, so nothing can have come from the worker:
    # the first rows, their text and the studio's total are there already.
    assert page.model.rowCount() == BLOCK_SIZE
    row0 = page.model.case_at(0)
    assert row0 is not None and row0.rowid == first.ids[0]
    assert page.model.data(page.model.index(0, 0)) == row0.case_no
    assert str(total) in page.count_label.text()
    assert str(total) in window.count_label.text()

    # The mediator picks a row on the first screen before the rest arrives ...
    page.table.selectionModel().setCurrentIndex(
        page.model.index(5, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    chosen = page.model.case_at(5)
    window.show()
    qtbot.waitUntil(page.is_current, timeout=10_000)

    # ... and the whole list arrives as a continuation: no reset, the choice kept.
    assert page.model.rowCount() == total
    assert [page.model.row_id(i) for i in range(total)] == demo_ws.cases.ids(CaseFilter())
    assert resets == []
    assert page.table.currentIndex().row() == 5
    assert page.model.case_at(5) == chosen
    window.close()
    qtbot.waitUntil(runner.is_idle, timeout=10_000)


def test_other_pages_are_built_on_first_use(
    qtbot, demo_ws: Workspace, runner: TaskRunner, labels: Labels
) -> None:
    studio = demo_ws.studio.current()
    assert studio is not None
    window = MainWindow(demo_ws, runner, labels, studio)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.case_list.is_current, timeout=10_000)
    # The sync section for 设置 arrives after the first paint, before the page exists.
    qtbot.waitUntil(lambda: window._settings_sections != [], timeout=10_000)
    assert window._registration is None and window._settings_page is None

    window.show_page(PAGE_REGISTER)
    assert window._registration is not None
    assert window.stack.currentWidget() is window.registration
    assert window.registration.isVisible()

    window.show_page(PAGE_SETTINGS)
    settings = window.settings_page
    assert window.stack.currentWidget() is settings and settings.isVisible()
    # The section that waited for the page is in it.
    assert window._settings_sections[0].parent() is not None
    assert settings.isAncestorOf(window._settings_sections[0])
    window.close()
    qtbot.waitUntil(runner.is_idle, timeout=10_000)
