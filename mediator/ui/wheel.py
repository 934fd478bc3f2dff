"""The mouse wheel scrolls the form, never a field the mediator has not clicked.

Stock Qt lets the wheel change any combo box, date/time edit or spin box under the
pointer: scrolling down the registration form silently changed a party's 民族 on the
way.  One application-wide event filter (installed once by ``app.prepare``) fixes
that for every window, present and future, instead of each form remembering to:

* when such a field is polished it gets ``Qt.StrongFocus`` (a click or Tab focuses
  it; the wheel no longer does, which ``Qt.WheelFocus`` would);
* a wheel turn over such a field that does not have focus is handed to the nearest
  enclosing scroll area's viewport, so the form scrolls as the user expected; with
  focus the field takes the wheel as usual (a deliberate choice).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

#: the fields whose value a wheel turn changes (QDateTimeEdit is a QAbstractSpinBox)
GUARDED = (QComboBox, QAbstractSpinBox)

_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish


class WheelGuard(QObject):
    """The application's event filter; see the module docstring for the why."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind is _WHEEL:
            if isinstance(watched, GUARDED) and not watched.hasFocus():
                assert isinstance(event, QWheelEvent)
                _scroll_enclosing(watched, event)
                return True  # the field's value stays as it was
        elif kind is _POLISH and isinstance(watched, GUARDED):
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def _scroll_enclosing(field: QWidget, event: QWheelEvent) -> None:
    """Give the wheel turn to the nearest scroll area around ``field`` (none: dropped)."""
    parent = field.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        return
    viewport = parent.viewport()
    position = viewport.mapFromGlobal(event.globalPosition())
    forwarded = QWheelEvent(
        position,
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
        event.source(),
    )
    QApplication.sendEvent(viewport, forwarded)


_NAME = "mediator-wheel-guard"


def install(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once (calling again is harmless: prepare() runs
    more than once in a test session); parented to the app, it lives as long."""
    found = app.findChild(QObject, _NAME)
    if isinstance(found, WheelGuard):
        return found
    guard = WheelGuard(app)
    guard.setObjectName(_NAME)
    app.installEventFilter(guard)
    return guard
