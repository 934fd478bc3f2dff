"""Checks that a window fits its screen with its buttons in view (shared by the
dialog tests); MEDIATOR_EXPECT_SCREEN=1366x768 makes them also insist on that
screen, for the run under a 1366×768 offscreen screen (tests/ui/test_screen_1366.py)."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget


def assert_fits_screen(window: QWidget, buttons: list[QAbstractButton]) -> None:
    QApplication.processEvents()
    avail = window.screen().availableGeometry()
    expected = os.environ.get("MEDIATOR_EXPECT_SCREEN")
    if expected:
        assert f"{avail.width()}x{avail.height()}" == expected
    frame = window.frameGeometry()
    assert frame.width() <= avail.width() and frame.height() <= avail.height(), \
        (frame, avail)
    assert avail.contains(frame), (frame, avail)
    for button in buttons:
        assert button.isVisible(), button.text()
        top_left = button.mapTo(window, button.rect().topLeft())
        bottom_right = button.mapTo(window, button.rect().bottomRight())
        assert window.rect().contains(top_left) and window.rect().contains(bottom_right), \
            button.text()
        assert not button.visibleRegion().isEmpty(), button.text()  # not scrolled away
