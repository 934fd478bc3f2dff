"""Window size, position and the last page, kept between sessions.

Stored with ``QSettings(path, IniFormat)`` in the data directory (``window.ini``),
never in the Windows registry or the home directory: a portable data dir carries
its own window state, and tests never touch the user's.  A saved position is
used only when it still lands on a connected screen (a laptop taken away from
its second monitor must not open the window off-screen).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FILE_NAME = "window.ini"
VERSION = 1
#: The smallest part of the title bar that must be on a screen to trust a position.
MIN_VISIBLE = 120


class WindowState:
    """Typed access to the few window settings (``version``, ``geometry``, ``page``)."""

    def __init__(self, data_root: Path) -> None:
        self.path = Path(data_root) / FILE_NAME
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self._settings.value("version", 0, type=int) != VERSION:
            # Unknown or older layout: start from the defaults rather than misread it.
            self._settings.clear()
            self._settings.setValue("version", VERSION)

    # ------------------------------------------------------------------ page
    def page(self, default: str) -> str:
        value = self._settings.value("window/page", default)
        return value if isinstance(value, str) and value else default

    def set_page(self, key: str) -> None:
        self._settings.setValue("window/page", key)

    # -------------------------------------------------------------- geometry
    def save_geometry(self, window: QWidget) -> None:
        self._settings.setValue("window/geometry", window.saveGeometry())
        self._settings.setValue("window/maximized", window.isMaximized())

    def restore_geometry(self, window: QWidget) -> bool:
        """Put the window where it was if that is still on a screen; True if restored."""
        data = self._settings.value("window/geometry")
        if not isinstance(data, QByteArray) or data.isEmpty():
            return False
        before = window.geometry()
        if not window.restoreGeometry(data):
            return False
        if not on_a_screen(window.frameGeometry() if window.isVisible() else window.geometry()):
            window.setGeometry(before)
            return False
        if self._settings.value("window/maximized", False, type=bool):
            window.showMaximized()
        return True

    def sync(self) -> None:
        self._settings.sync()


def on_a_screen(rect: QRect) -> bool:
    """True when the top strip of ``rect`` is visible enough on a connected screen."""
    top = QRect(rect.x(), rect.y(), rect.width(), 40)
    for screen in QGuiApplication.screens():
        visible = top.intersected(screen.availableGeometry())
        if visible.width() >= min(MIN_VISIBLE, rect.width()) and visible.height() > 0:
            return rect.width() <= screen.availableGeometry().width() + 50
    return False
