"""One desktop app per data dir: a second start brings the first window forward.

Why: two windows on one database would each keep their own drafts and autosave
over each other, and the second one's writes would wait on the first's locks
("database is locked").  A mediator who double-clicks the icon again wants the
window they already have.

How: a :class:`QLockFile` in the data dir says who owns it.  Its stale-lock
*age* is switched off (a window open all day is not stale); a lock whose
process is gone (killed, crashed, power cut) is still taken over at once,
because Qt checks the recorded PID.  The owner listens on a
:class:`QLocalServer` whose name is a hash of the data dir's path (no user name
or folder in a socket name); a second start finds the lock held, says
"activate" there and exits 0.  CLI sub-commands do not take part: a scheduled
``mediator sync`` or ``backup`` runs beside the window.
"""

from __future__ import annotations

import hashlib
import logging
import time

from PySide6.QtCore import QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from mediator.paths import DataDir

log = logging.getLogger(__name__)

LOCK_NAME = "mediator.lock"
ACTIVATE = b"activate\n"
CONNECT_TRIES_S = 10.0  # the first instance may still be starting (migrating)


def server_name(data_dir: DataDir) -> str:
    """The local socket's name: the same for every start on this data dir."""
    digest = hashlib.sha256(str(data_dir.root).encode("utf-8")).hexdigest()[:20]
    return f"mediator-{digest}"


class Instance(QObject):
    """This process's claim on a data dir; ``activate`` fires when another start asks."""

    activate = Signal()

    def __init__(self, data_dir: DataDir, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.lock: QLockFile | None = None
        self.server: QLocalServer | None = None
        try:
            data_dir.root.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        self.lock = QLockFile(str(data_dir.root / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # only a dead owner makes the lock stale

    def claim(self) -> bool:
        """True if this process now owns the data dir (or cannot tell: a read-only
        dir, where start-up then says why nothing can be saved)."""
        if self.lock is None:
            return True
        if self.lock.tryLock(0):
            self._listen()
            return True
        if self.lock.error() != QLockFile.LockError.LockFailedError:
            log.warning("instance lock not usable (%s); starting anyway", self.lock.error())
            self.lock = None
            return True
        return False

    def _listen(self) -> None:
        QLocalServer.removeServer(self.name)  # a socket file left by a killed owner
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("instance server not listening: %s", server.errorString())
            return
        server.newConnection.connect(self._connected)
        self.server = server

    def _connected(self) -> None:
        assert self.server is not None
        while (sock := self.server.nextPendingConnection()) is not None:
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)

    def _read(self, sock: QLocalSocket) -> None:
        if bytes(sock.readAll().data()).startswith(ACTIVATE.strip()):
            log.info("another start on this data dir: bringing the window forward")
            self.activate.emit()
            sock.write(b"ok\n")
            sock.flush()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock is not None:
            self.lock.unlock()

    def ask_owner_to_activate(self) -> bool:
        """Second start: ask the owner to come forward; True once it answered."""
        deadline = time.monotonic() + CONNECT_TRIES_S
        while True:
            sock = QLocalSocket()
            sock.connectToServer(self.name)
            if sock.waitForConnected(1000):
                sock.write(ACTIVATE)
                sock.waitForBytesWritten(1000)
                answered = sock.waitForReadyRead(3000)
                sock.disconnectFromServer()
                return answered
            if time.monotonic() > deadline:
                return False
            time.sleep(0.2)


def bring_forward(widget: QWidget) -> None:
    """Un-minimise, raise and activate ``widget`` (the main window or first-run dialog)."""
    state = widget.windowState()
    if state & Qt.WindowState.WindowMinimized:
        widget.setWindowState(state & ~Qt.WindowState.WindowMinimized)
    widget.show()
    widget.raise_()
    widget.activateWindow()
