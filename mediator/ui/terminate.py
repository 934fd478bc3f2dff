"""Closing cleanly when the system asks: SIGTERM and SIGHUP on Linux.

A studio PC is shut down or logged out with the app open; the session (or
``systemctl``, or ``kill``) sends SIGTERM and waits a few seconds.  Without a
handler Python dies on the spot: the draft being typed is lost and the exit
backup is never made.  With one, the window closes exactly as if the mediator
had clicked ✕ (drafts flushed, the exit backup queued) and the event loop ends,
after which ``run_gui`` lets the worker finish.

Qt's event loop runs in C++, where Python's signal handlers cannot run; the
signal's byte on a wake-up socket (``signal.set_wakeup_fd``) wakes the loop
through a ``QSocketNotifier``, and the handler runs then.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

log = logging.getLogger(__name__)


class TerminateHandler(QObject):
    """Calls ``close`` on the GUI thread when SIGTERM or SIGHUP arrives (POSIX only)."""

    def __init__(self, close: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._close = close
        self._sockets: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        self._previous: dict[int, object] = {}
        if os.name != "posix":
            return
        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        self._sockets = (reader, writer)
        signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        for signum in (signal.SIGTERM, signal.SIGHUP):
            self._previous[signum] = signal.signal(signum, self._on_signal)

    def _drain(self) -> None:
        # Reading the byte is all: Python runs the handler as soon as it has control.
        assert self._sockets is not None
        with contextlib.suppress(OSError):
            self._sockets[0].recv(64)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        log.info("signal %d: closing the window as the user would", signum)
        QTimer.singleShot(0, self._close)

    def uninstall(self) -> None:
        """Put the previous handlers back (the app has ended)."""
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)  # type: ignore[arg-type]
        self._previous.clear()
        if self._sockets is not None:
            signal.set_wakeup_fd(-1)
            for s in self._sockets:
                s.close()
            self._sockets = None
