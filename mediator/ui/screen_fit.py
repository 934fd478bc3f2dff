"""Windows that fit the screen they open on.

A studio's PC is often a 1366×768 laptop, and a dialog taller than the screen
hides its buttons below the task bar with no way to reach them.  Dialogs ask
for their preferred size here and get at most the screen's available area
(less room for the window frame), centred on it; content that is taller than
that scrolls inside the window instead of pushing the buttons off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Room the window manager takes around a window: borders and the title bar.
FRAME_WIDTH = 16
FRAME_HEIGHT = 48


def available_size(window: QWidget) -> QSize:
    """The largest window (without its frame) the window's screen can show whole."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    parent = window.parentWidget()
    if parent is not None and parent.screen() is not None:
        screen = parent.screen()  # a dialog opens on its parent's screen
    avail = screen.availableGeometry()
    return QSize(max(320, avail.width() - FRAME_WIDTH), max(240, avail.height() - FRAME_HEIGHT))


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width``×``height`` or less, so it fits its screen, and
    centre it there."""
    room = available_size(window)
    w, h = min(width, room.width()), min(height, room.height())
    window.resize(w, h)
    screen = window.screen() or QGuiApplication.primaryScreen()
    avail = screen.availableGeometry()
    window.move(avail.x() + (avail.width() - w) // 2,
                avail.y() + max(0, (avail.height() - h - FRAME_HEIGHT) // 2))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless vertical scroll area: shown whole when there is room,
    scrolled when the window is shorter than the content."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area


def grow_to_content(window: QWidget) -> None:
    """Make ``window`` as tall as its wrapped texts need at its width (at most the
    screen): a dialog whose texts arrive after it was shown (a backup's preview, a
    search's result) otherwise keeps its first height and cuts the new lines off."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    need = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
            else layout.totalSizeHint().height())
    if need <= window.height():
        return
    window.resize(window.width(), min(need, available_size(window).height()))
    screen = window.screen() or QGuiApplication.primaryScreen()
    avail, frame = screen.availableGeometry(), window.frameGeometry()
    if frame.bottom() > avail.bottom():  # grown past the screen's foot: move it up
        window.move(window.x(), max(avail.y(), window.y() - (frame.bottom() - avail.bottom())))
