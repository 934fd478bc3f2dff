"""The session-mode window (large type for the parties) fits the screen it opens
on: 1200×800 was asked for, taller than a 1366×768 laptop's screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from mediator.domain.findings import Step
from tests.ui.screen_fit import assert_fits_screen
from tests.ui.workflow.test_case_gui import case_id, click, go, gui

__all__ = ["case_id", "gui"]


def test_session_mode_fits_the_screen(qtbot, gui) -> None:
    page = go(gui, Step.MEDIATE)
    for edit in page.statements.values():
        edit.setPlainText("天花板发霉，要求修复并赔偿。\n" * 40)  # longer than the screen
    click(qtbot, page, "session_mode")
    window = gui.session_window
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert_fits_screen(window, [])
    assert window.timer_label.isVisible() and not window.timer_label.visibleRegion().isEmpty()
    window.close()
